package cli

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"tongban/app/cases"
	"tongban/app/paper"
	"tongban/app/receipt"
	"tongban/app/scan"
	"tongban/assets"
	"tongban/printer"
)

// fonts are the bundled CJK faces the printer draws raster text and PNGs with.
func fonts() printer.Fonts {
	return printer.Fonts{Regular: assets.FontRegular(), Bold: assets.FontBold()}
}

// keyring returns the center's receipt keys. A device that is not enrolled
// makes its own center key the first time; tongban keys export and import
// carry it to the other devices of the center.
func (d *device) keyring() (receipt.Keyring, error) {
	ring, err := d.storedKeys()
	if err != nil || len(ring) > 0 {
		return ring, err
	}
	id, err := d.store.Identity()
	if err != nil {
		return nil, err
	}
	if id.Enrolled() {
		return nil, failf(tNoKeysYet)
	}
	k, err := receipt.NewKey()
	if err != nil {
		return nil, err
	}
	ring = receipt.Keyring{k}
	data, err := receipt.MarshalKeyring(ring)
	if err != nil {
		return nil, err
	}
	return ring, d.store.Put(scan.KeysSetting, data)
}

// storedKeys returns the receipt keys the device holds, maybe none.
func (d *device) storedKeys() (receipt.Keyring, error) {
	raw, err := d.store.Get(scan.KeysSetting)
	if err != nil || raw == nil {
		return nil, err
	}
	return receipt.ParseKeyring(raw)
}

// sealed returns the receipt payload of a case: its submitted event sealed
// under the newest key.
func (d *device) sealed(c *cases.Case) (string, error) {
	ring, err := d.keyring()
	if err != nil {
		return "", err
	}
	for _, e := range c.Events {
		if e.Kind == cases.KindSubmitted && e.ID == c.ID {
			return receipt.SealCase(ring, e)
		}
	}
	return "", cases.ErrNoSubmission
}

// paper is the context documents are laid out in.
func (d *device) paper() paper.Context {
	d.catMu.Lock()
	defer d.catMu.Unlock()
	return paper.Context{Catalog: d.catalog, Calendar: d.calendar, Now: d.now()}
}

// printer opens the configured printer (a folder of receipt files when none
// is configured), or the one given.
func (d *device) printer(url, profile string) (*printer.Printer, error) {
	if url == "" {
		url = d.printerURL()
	}
	if profile == "" {
		profile = d.printerProfile()
	}
	p, err := printer.ProfileByName(profile)
	if err != nil {
		return nil, &badInput{err}
	}
	pr, err := printer.OpenPrinter(url, p, fonts())
	if errors.Is(err, printer.ErrBadURL) {
		return nil, &badInput{err}
	}
	return pr, err
}

// print sends a document to the device's printer and records it on the
// case. A printer fault is told in its plain sentence; the case is saved
// already and can be printed again.
func (d *device) print(c *cases.Case, doc printer.Document, kind string) error {
	_, err := d.printChecked(c, doc, kind)
	return err
}

// printChecked is print that also returns what the printer said about
// itself before taking the job (printer.Printer.Checked).
func (d *device) printChecked(c *cases.Case, doc printer.Document, kind string) (checked error, err error) {
	if checked, err = d.printDocChecked(doc); err != nil {
		return checked, err
	}
	if c == nil {
		return checked, nil
	}
	_, err = d.store.Act(c.ID, cases.Action{Kind: cases.KindPrinted, Staff: d.clerk, Payload: cases.Printing{Document: kind}})
	return checked, err
}

// printDoc sends a document to the device's printer.
func (d *device) printDoc(doc printer.Document) error {
	_, err := d.printDocChecked(doc)
	return err
}

// printDocChecked is printDoc that also returns what the printer said
// about itself before taking the job.
func (d *device) printDocChecked(doc printer.Document) (checked error, err error) {
	pr, err := d.printer("", "")
	if err != nil {
		return nil, printFault{err}
	}
	defer pr.Close()
	if err := pr.Print(doc); err != nil {
		return nil, printFault{err}
	}
	_, checked = pr.Checked()
	return checked, nil
}

// printFor prints, for a command, the paper an action gives the citizen:
// the notice of missing materials, the refusal notice, or the receipt on
// acceptance. It says where the paper went. The action is saved already,
// so a printer fault says how to print the paper later.
func (d *device) printFor(c *cases.Case, kind cases.Kind) (string, error) {
	var which string
	switch kind {
	case cases.KindSupplementRequested:
		which = cases.DocSupplement
	case cases.KindRefused:
		which = cases.DocRefusal
	case cases.KindAccepted:
		which = cases.DocReceipt
	default:
		return "", nil
	}
	doc, err := d.paperOf(c, which)
	if err != nil {
		return "", err
	}
	later, _ := fill(tPrintLater, c.Number)
	return d.printJob(c, doc, which, later)
}

// paperOf lays out a document of a case: the acceptance receipt, or the
// notice of the clerk's decision, signed with the name of the clerk who
// made it.
func (d *device) paperOf(c *cases.Case, which string) (printer.Document, error) {
	ctx := d.paper()
	switch which {
	case cases.DocSupplement:
		return paper.SupplementNotice(ctx, c, d.clerkName(c, cases.KindSupplementRequested)), nil
	case cases.DocRefusal:
		return paper.RefusalNotice(ctx, c, d.clerkName(c, cases.KindRefused)), nil
	case cases.DocTicket:
		return d.ticketPaper(c)
	}
	payload, err := d.sealed(c)
	if err != nil {
		return printer.Document{}, err
	}
	return paper.Acceptance(ctx, c, payload), nil
}

// clerkName is the name of the clerk of the case's latest event of a kind,
// for the notice's signature; the staff ID when this device does not know
// the clerk.
func (d *device) clerkName(c *cases.Case, kind cases.Kind) string {
	id := c.StaffOf(kind)
	if clerk, err := d.store.Clerk(id); err == nil && clerk.Name != "" {
		return clerk.Name
	}
	return id
}

// printJob prints a document for a command (d.print) and returns the line
// that says where it went: the printer's address, and for dir:// the file,
// and, on a printer that did not answer the status query, a second line
// saying to check the printer if nothing comes out, as print-test does.
// A printer fault ends in next: what to do once it is cleared.
func (d *device) printJob(c *cases.Case, doc printer.Document, kind string, next cases.Text) (string, error) {
	url := d.printerURL()
	before := lastJob(url)
	checked, err := d.printChecked(c, doc, kind)
	if err != nil {
		return "", printFailed(err, url, next)
	}
	where := printedTo(url, before)
	if errors.Is(checked, printer.ErrNoAnswer) {
		where += "\n" + printer.Message(checked)
	}
	return where, nil
}

// printedTo is the line that says where a job went.
func printedTo(url string, before int) string {
	if n := lastJob(url); n > before {
		dir := strings.TrimPrefix(url, "dir://")
		return bothf(tPrintedFile, filepath.Join(dir, fmt.Sprintf("%06d.bin", n)), filepath.Join(dir, fmt.Sprintf("%06d.png", n)))
	}
	return bothf(tPrintedOn, url)
}

// lastJob is the number of the newest job file of a dir:// printer, 0 for
// none or for a printer of another kind. The dir:// transport names its
// jobs NNNNNN.bin (and the preview NNNNNN.png).
func lastJob(url string) int {
	dir, ok := strings.CutPrefix(url, "dir://")
	if !ok {
		return 0
	}
	entries, _ := os.ReadDir(dir)
	last := 0
	for _, e := range entries {
		if num, ok := strings.CutSuffix(e.Name(), ".bin"); ok && len(num) >= 6 {
			if n, err := strconv.Atoi(num); err == nil && n > last {
				last = n
			}
		}
	}
	return last
}

// printFailed tells a printer fault for the command line: the printer's
// own sentences end "press Print again", a button of the windows; here they
// end in next, what the user does once the fault is cleared. Faults that
// no second try clears (a bad address, a missing font) keep the printer's
// sentence.
func printFailed(err error, url string, next cases.Text) error {
	var fault printFault
	if !errors.As(err, &fault) {
		return err // not the printer's: saving the print record failed
	}
	// What the system or CUPS said goes into the sentence, after the
	// error itself, which stays the cause.
	said := ""
	if cause := printer.Cause(err); cause != nil {
		said = cause.Error()
	}
	switch {
	case strings.HasPrefix(url, "dir://") && errors.Is(err, printer.ErrUnreachable):
		return failf(tFolderUnwritable, url, next, said, err)
	case errors.Is(err, printer.ErrNoQueue):
		return failf(tNoQueue, cupsQueue(url), next, said, err)
	case errors.Is(err, printer.ErrQueueDisabled):
		return failf(tQueueDisabled, cupsQueue(url), next, said, err)
	case errors.Is(err, printer.ErrCUPSFailed):
		return failf(tCUPSFailed, url, next, said, err)
	case errors.Is(err, printer.ErrNoCUPS):
		return failf(tNoCUPS, url, next, err)
	case errors.Is(err, printer.ErrNotTaking):
		if w := printer.Waited(err); w > 0 {
			return failf(tPrinterNotTakingWithin, url, next, strconv.FormatFloat(w.Seconds(), 'f', -1, 64), err)
		}
		return failf(tPrinterNotTaking, url, next, err)
	case errors.Is(err, printer.ErrDeviceRefused):
		return failf(tDeviceRefused, url, next, said, err)
	case errors.Is(err, printer.ErrNoSuchHost):
		host := url
		var dns *net.DNSError
		if errors.As(err, &dns) {
			host = dns.Name
		}
		return failf(tPrinterNoSuchHost, url, next, host, err)
	case errors.Is(err, printer.ErrNotAPrinterPort):
		return failf(tNotAPrinterPort, url, next, err)
	}
	for _, f := range printerFaults {
		if errors.Is(err, f.err) {
			return failf(f.text, url, next, err)
		}
	}
	if isPrinterError(err) {
		return &saying{text: fault.Text(), cause: err}
	}
	return failf(tPrintFailed, url, next, err)
}

// cupsQueue is the queue of a cups:// address.
func cupsQueue(url string) string {
	_, queue, _ := strings.Cut(url, "://")
	return strings.TrimSuffix(queue, "/")
}

// printerFaults are the printer's faults that another try may clear, with
// the command line's sentence for each, most specific first.
var printerFaults = []struct {
	err  error
	text cases.Text
}{
	{printer.ErrCoverOpen, tCoverOpen},
	{printer.ErrPaperOut, tPaperOut},
	{printer.ErrPrinterFault, tPrinterFault},
	{printer.ErrOffline, tPrinterOffline},
	{printer.ErrUnreachable, tPrinterUnreachable},
}

// isPrinterError reports whether err is one of the printer's sentences
// that no second try clears. A bad address (printer.ErrBadURL) says what
// is wrong with it: the port, the host, a relative path, a folder that is
// no device, the queue name.
func isPrinterError(err error) bool {
	for _, s := range []error{printer.ErrNoCUPS, printer.ErrNoPermission, printer.ErrBadURL, printer.ErrUnknownProfile,
		printer.ErrBadProfile, printer.ErrBadDocument, printer.ErrNoFont} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}
