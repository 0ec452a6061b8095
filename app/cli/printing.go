package cli

import (
	"errors"

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
		return nil, errors.New("this device has no receipt keys yet; run tongban sync to fetch the center's keys")
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
	if err := d.printDoc(doc); err != nil {
		return err
	}
	if c == nil {
		return nil
	}
	_, err := d.store.Act(c.ID, cases.Action{Kind: cases.KindPrinted, Payload: cases.Printing{Document: kind}})
	return err
}

// printDoc sends a document to the device's printer.
func (d *device) printDoc(doc printer.Document) error {
	pr, err := d.printer("", "")
	if err != nil {
		return printFault{err}
	}
	defer pr.Close()
	if err := pr.Print(doc); err != nil {
		return printFault{err}
	}
	return nil
}

// printFor prints the paper an action gives the citizen: the notice of
// missing materials, the refusal notice, or the receipt on acceptance.
func (d *device) printFor(c *cases.Case, kind cases.Kind, staff string) error {
	ctx := d.paper()
	switch kind {
	case cases.KindSupplementRequested:
		return d.print(c, paper.SupplementNotice(ctx, c, staff), cases.DocSupplement)
	case cases.KindRefused:
		return d.print(c, paper.RefusalNotice(ctx, c, staff), cases.DocRefusal)
	case cases.KindAccepted:
		payload, err := d.sealed(c)
		if err != nil {
			return err
		}
		return d.print(c, paper.Acceptance(ctx, c, payload), cases.DocReceipt)
	}
	return nil
}
