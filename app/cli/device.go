package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/store"
	"tongban/assets"
)

// device is this machine's store with what it needs to act on it: the
// catalog in force, the center calendar and the device's settings.
type device struct {
	// store is nil on a folder without a store for a command that needs
	// none (catalog search and show, print-test: usesStore).
	store *store.Store
	// catalog is the catalog in force. A window swaps it for a newer one
	// while printers read it on their goroutines: setCatalog and paper
	// take catMu.
	catMu    sync.Mutex
	catalog  *catalog.Catalog
	calendar *cases.Calendar
	config   Config
	dir      string
	now      func() time.Time
	// borrowed is set on a device over a window's store (relay.go): the
	// window closes the store, not the command.
	borrowed bool
	// made is set when this command made the store (open).
	made *madeStore
	// catalogBroken is why the catalog sync saved could not be read: the
	// sample is in force instead until a sync replaces it (load).
	catalogBroken error
	// clerk is the staff ID a command acts for (cases accept … --staff),
	// recorded on what it prints as the window records its clerk.
	clerk string
}

// madeStore is a store a command made: what it was like then, so that
// close can remove it if the command saved nothing in it.
type madeStore struct {
	generation uint64
	newDir     bool // the data folder was made too
	// discard removes it however it changed: an enrollment that never
	// reached the platform wrote only the device's secret (sync.go).
	discard bool
}

// Settings keys of the store used by the command line.
const (
	keyCatalog  = "catalog/current" // JSON of the newest catalog pulled from the platform
	keyCalendar = "calendar"        // JSON of extra holidays/workdays for the center
	keyConfig   = "config"
)

// open opens the device in the call's data folder. A folder without a
// store gets one only from a command that may be the device's first (see
// usesStore); one that reads, or acts on what is there, says there is none,
// so a mistyped --data makes nothing; the catalog and a test page need no
// store and make none. A store made for a command that then saved nothing
// (bad input) is removed again when the device closes.
func (c *call) open() (*device, error) {
	if c.shared != nil {
		return c.shared, nil
	}
	dir, err := c.dataDir()
	if err != nil {
		return nil, err
	}
	use := c.usesStore()
	_, err = os.Stat(filepath.Join(dir, store.FileName))
	fresh := errors.Is(err, fs.ErrNotExist)
	switch {
	case fresh && use == needsStore:
		return nil, badf(tNoStore, dir, c.dataSource())
	case fresh && use == noStore:
		d := &device{dir: dir, now: time.Now}
		if err := d.load(); err != nil {
			return nil, err
		}
		return d, nil
	}
	_, err = os.Stat(dir)
	newDir := errors.Is(err, fs.ErrNotExist)
	st, err := store.Open(dir, store.Options{Center: sampleCenter()})
	var damaged *store.DamagedError
	if errors.As(err, &damaged) {
		return nil, failf(tStoreDamaged, damaged.Where, damaged)
	}
	if err != nil {
		return nil, err
	}
	d := &device{store: st, dir: dir, now: time.Now}
	if fresh && !c.isWindow() {
		d.made = &madeStore{newDir: newDir}
		if d.made.generation, err = st.Generation(); err != nil {
			d.made = nil
		}
	}
	if err := d.load(); err != nil {
		d.close()
		return nil, err
	}
	if d.catalogBroken != nil && !c.json {
		fmt.Fprintf(c.env.Stderr, "tongban: %s\n", bothf(tSavedCatalogBroken, d.catalogBroken))
	}
	return d, nil
}

// storeUse is what a command needs of the data folder's store.
type storeUse int

const (
	needsStore storeUse = iota // it reads, or acts on what is there: no store is an error
	makesStore                 // it may be the device's first command: a missing store is made
	noStore                    // it reads the catalog or prints a test page: a missing store is not made
)

// usesStore says what the call's command needs of the store. The commands
// that may come first on a new device are the windows, enrollment and
// the ones that add (a case, a setting, keys, a clerk); every other
// command needs the store there (scan too: a device without a store has
// no keys to open a receipt with). A call made in code
// (no name) makes it, as a window does.
func (c *call) usesStore() storeUse {
	switch c.name {
	case "catalog search", "catalog show", "print-test", "status":
		// status reports a new device as new, rather than refusing it or
		// making an identity that would vanish again.
		return noStore
	case "", "run", "kiosk", "counter", "enroll", "cases add", "keys import", "staff add":
		return makesStore
	case "config":
		if len(positional(c.args)) > 0 { // setting one, not listing
			return makesStore
		}
	}
	return needsStore
}

// isWindow reports whether the call runs a window, which keeps the store
// it made even if it saved nothing: the device's identity is on screen.
func (c *call) isWindow() bool {
	return c.name == "" || c.name == "run" || c.name == "kiosk" || c.name == "counter"
}

// dataSource says where the data folder came from, for a sentence about it.
func (c *call) dataSource() cases.Text {
	switch {
	case c.data != "":
		return tDataFromFlag
	case c.env.Getenv("TONGBAN_DATA") != "":
		return tDataFromEnv
	}
	return tDataDefault
}

// sampleCenter is the sample catalog's center, which a new device belongs
// to until it enrolls. Only that is read: parsing the whole catalog (and
// indexing its pinyin) is left to load, which may not need the sample.
func sampleCenter() string {
	var head struct {
		Center struct {
			Code string `json:"code"`
		} `json:"center"`
	}
	json.Unmarshal(assets.SampleCatalog(), &head)
	return head.Center.Code
}

// load reads the catalog (the one sync saved, else the sample), calendar
// and config the store holds; a device with no store has the sample
// catalog, the calendar and the default config.
func (d *device) load() error {
	var raw []byte
	var err error
	if d.store != nil {
		if raw, err = d.store.Get(keyCatalog); err != nil {
			return err
		}
	}
	// A saved catalog that cannot be read (a damaged page) must not stop
	// the device: it works on the sample until the next sync, which pulls
	// the center's catalog again as it finds no version it can read.
	if raw != nil {
		if d.catalog, err = catalog.Parse(raw); err != nil {
			d.catalogBroken, raw = err, nil
		}
	}
	if raw == nil {
		if d.catalog, err = catalog.Parse(assets.SampleCatalog()); err != nil {
			return failf(tSampleBroken, "catalog", err)
		}
	}
	cal, err := cases.ParseCalendar(assets.Calendar())
	if err != nil {
		return failf(tSampleBroken, "calendar", err)
	}
	if d.store == nil {
		d.calendar = cal
		return nil
	}
	if raw, err := d.store.Get(keyCalendar); err != nil {
		return err
	} else if raw != nil {
		extra, err := cases.ParseCalendar(raw)
		if err != nil {
			return err
		}
		cal.Merge(extra)
	}
	d.calendar = cal
	return d.store.GetJSON(keyConfig, &d.config)
}

// close closes the device's store, and removes it when this command made
// it and saved nothing in it: bad input leaves no store behind.
func (d *device) close() {
	if d.borrowed || d.store == nil {
		return
	}
	unused := false
	if d.made != nil {
		g, err := d.store.Generation()
		unused = d.made.discard || err == nil && g == d.made.generation
	}
	d.store.Close()
	if unused && os.Remove(d.store.Path()) == nil && d.made.newDir {
		os.Remove(d.dir) // only if empty
	}
}

// setCatalog puts a newer catalog in force.
func (d *device) setCatalog(c *catalog.Catalog) {
	d.catMu.Lock()
	defer d.catMu.Unlock()
	d.catalog = c
}
