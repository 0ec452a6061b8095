package cli

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/counter"
	"tongban/app/kiosk"
	"tongban/app/paper"
	"tongban/app/queue"
	"tongban/app/scan"
	"tongban/app/store"
	"tongban/printer"
	"tongban/sync/client"
)

// runConfigured runs this device's role; a device with no role set runs the
// kiosk on the sample catalog, the demo a new user sees first.
func runConfigured(c *call) error {
	fs := c.flags("")
	windowed := fs.Bool("windowed", false, "run in a window, not full screen")
	if err := c.parseFlags(fs, c.args); err != nil {
		return err
	}
	c.args = nil
	d, err := c.open()
	if err != nil {
		return err
	}
	role := d.config.runs()
	d.close()
	if *windowed {
		c.args = []string{"--windowed"}
	}
	if role == "counter" {
		return runCounter(c)
	}
	return runKiosk(c)
}

// runKiosk opens the kiosk window: full screen, screen never blanks,
// syncing in the background when enrolled.
func runKiosk(c *call) error {
	fs := c.flags("kiosk")
	windowed := fs.Bool("windowed", false, "run in a window, not full screen")
	if err := c.parseFlags(fs, c.args); err != nil {
		return err
	}
	w, err := c.openWindow("自助服务 Kiosk", *windowed, fyne.NewSize(1280, 1024))
	if errors.Is(err, store.ErrDamaged) {
		return c.damagedAtOpen("自助服务 Kiosk", *windowed, fyne.NewSize(1280, 1024), err)
	}
	if err != nil {
		return err
	}
	d := w.dev
	// Personal information is kept only as long as needed: a kiosk drops
	// closed, synced cases after the retention period, at start and then
	// every few hours, as a kiosk runs for weeks.
	w.every(6*time.Hour, func() {
		if _, err := d.store.Purge(d.now().AddDate(0, 0, -d.config.retention())); err != nil {
			fyne.LogError("kiosk: purging old cases", err)
		}
	})
	k := kiosk.New(kiosk.Deps{
		Catalog:        d.catalog,
		Calendar:       d.calendar,
		Store:          nudging{d.store, w.syncer.Nudge},
		Drafts:         kiosk.StoreDrafts(d.store),
		IdleTimeout:    time.Duration(d.config.idle()) * time.Second,
		Status:         w.syncText,
		Printer:        kioskPrinter{d},
		Ticket:         func(c *cases.Case, it *catalog.Item) (string, error) { return d.ticket(c, it) },
		ReceiptPayload: d.sealed,
		// A citizen's scan shows their case without the kiosk keeping it.
		Lookup: (&scan.Opener{Store: d.store, Keys: d.keyring}).Peek,
	})
	w.show(k)
	w.every(time.Minute, func() {
		if cat := d.newerCatalog(); cat != nil {
			fyne.Do(func() { k.SetCatalog(cat) })
		}
	})
	return w.run(c)
}

// newerCatalog returns the catalog sync saved when it is newer than the
// one in force, and makes it the one in force.
func (d *device) newerCatalog() *catalog.Catalog {
	// The version is read first: the whole catalog is parsed (and its
	// pinyin indexed) only when it is newer.
	if v, err := client.CatalogVersion(d.store); err != nil || v <= d.paper().Catalog.Version {
		return nil
	}
	raw, err := d.store.Get(keyCatalog)
	if err != nil || raw == nil {
		return nil
	}
	cat, err := catalog.Parse(raw)
	if err != nil {
		return nil
	}
	d.setCatalog(cat)
	return cat
}

// nudging is a case store that asks the sync client to push at once after
// each saved case.
type nudging struct {
	cases.Store
	nudge func()
}

func (n nudging) Submit(s cases.Submission) (*cases.Case, error) {
	c, err := n.Store.Submit(s)
	if err == nil {
		n.nudge()
	}
	return c, err
}

// ticket issues the case's queue ticket in the item's queue.
func (d *device) ticket(c *cases.Case, it *catalog.Item) (string, error) {
	t, _, err := d.store.IssueTicket(c.ID, it.Queue)
	return t.Number, err
}

// kioskPrinter prints a submitted case's receipt and queue ticket on the
// device's printer.
type kioskPrinter struct{ d *device }

// Paperless reports that no printer is set up: documents go to the
// default folder as files, and no paper comes out for the citizen.
func (p kioskPrinter) Paperless() bool { return p.d.config.Printer == "" }

func (p kioskPrinter) PrintReceipt(c *cases.Case, it *catalog.Item) error {
	d := p.d
	payload, err := d.sealed(c)
	if err != nil {
		return err
	}
	if err := d.print(c, paper.Acceptance(d.paper(), c, payload), cases.DocReceipt); err != nil {
		return err
	}
	cur, err := d.store.Case(c.ID)
	if err != nil || cur.Ticket == "" {
		return err
	}
	doc, err := d.ticketPaper(cur)
	if err != nil {
		return err
	}
	return d.print(nil, doc, cases.DocTicket)
}

// ticketPaper is the queue ticket of a case that has one, with the number
// of today's cases of its queue still ahead of it.
func (d *device) ticketPaper(c *cases.Case) (printer.Document, error) {
	today, err := d.store.Uncalled(d.now()) // every ticket not yet called, however busy the day
	if err != nil {
		return printer.Document{}, err
	}
	ctx := d.paper()
	letterOf := func(code string) string {
		if it, ok := ctx.Catalog.Item(code); ok {
			return it.Queue
		}
		return ""
	}
	id, _ := d.store.Identity()
	t := queue.Ticket{Number: c.Ticket, Device: id.ShortCode, IssuedAt: c.IssuedAt}
	return paper.Ticket(ctx, c, t, queue.Ahead(today, letterOf(c.ItemCode), c.IssuedAt, letterOf)), nil
}

// printFault is a printer error with its sentence in both languages, for
// windows that show one language at a time.
type printFault struct{ err error }

func (f printFault) Error() string { return printer.Message(f.err) }
func (f printFault) Unwrap() error { return f.err }
func (f printFault) Text() cases.Text {
	zh, en := printer.MessageIn(f.err)
	return cases.Text{ZH: zh, EN: en}
}

// runCounter opens the counter window: sign-in, the always-ready scan
// field (and a serial scanner and a camera when configured), syncing in the
// background when enrolled.
func runCounter(c *call) error {
	fs := c.flags("counter")
	windowed := fs.Bool("windowed", false, "run in a window, not full screen")
	if err := c.parseFlags(fs, c.args); err != nil {
		return err
	}
	w, err := c.openWindow("窗口 Counter", *windowed, fyne.NewSize(1280, 720))
	if errors.Is(err, store.ErrDamaged) {
		return c.damagedAtOpen("窗口 Counter", *windowed, fyne.NewSize(1280, 720), err)
	}
	if err != nil {
		return err
	}
	d := w.dev
	id, err := d.store.Identity()
	if err != nil {
		return err
	}
	k := counter.New(counter.Deps{
		IdleLock:     time.Duration(d.config.lock()) * time.Second,
		Store:        d.store,
		Catalog:      d.catalog,
		Calendar:     d.calendar,
		Opener:       &scan.Opener{Store: d.store, Keys: d.keyring},
		Device:       id.ShortCode,
		Print:        d.printDoc,
		Seal:         d.sealed,
		Sync:         w.counterSync,
		Nudge:        w.syncer.Nudge,
		SerialPort:   d.config.Scanner,
		CameraDevice: d.config.Camera,
	})
	w.show(k)
	return w.run(c)
}
