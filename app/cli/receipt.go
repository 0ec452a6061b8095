package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"tongban/app/cases"
	"tongban/app/paper"
	"tongban/app/receipt"
	"tongban/app/scan"
	"tongban/printer"
)

// receiptCommand: tongban receipt NUMBER [--png FILE] [--print]
// [--document receipt|supplement|refusal|ticket]. The document is the one that
// fits the case's status unless named: a refused case gets its refusal
// notice again, never a receipt that calls it submitted.
func receiptCommand(c *call) error {
	fs := c.flags("receipt")
	png := fs.String("png", "", "write the document as a PNG image to this file")
	print := fs.Bool("print", false, "print the document on this device's printer (tongban config printer)")
	which := fs.String("document", "", "receipt, supplement (notice of missing materials), refusal or ticket (the queue ticket; default: the one that fits the case's status)")
	c.synopsis = "NUMBER [--png FILE] [--print] [--document receipt|supplement|refusal|ticket]"
	d, cs, err := c.openCase(fs, c.args)
	if err != nil {
		return err
	}
	defer d.close()
	kind, err := documentFor(cs, *which)
	if err != nil {
		return err
	}
	doc, err := d.paperOf(cs, kind)
	if err != nil {
		return err
	}
	if *png != "" {
		p, err := printer.ProfileByName(d.printerProfile())
		if err != nil {
			return err
		}
		img, err := printer.EncodePNG(doc, p, fonts())
		if err != nil {
			return err
		}
		if err := os.WriteFile(*png, img, 0o644); err != nil {
			return failf(tCannotWrite, *png, err)
		}
	}
	var where string
	if *print {
		if where, err = d.printJob(cs, doc, kind, tRunAgain); err != nil {
			return err
		}
	}
	out := map[string]any{"number": cs.Number, "document": kind, "png": *png, "printed": *print}
	if *print {
		out["printer"] = d.printerURL()
	}
	var fit receipt.Fit
	if doc.QRPayload() != "" {
		fit = receipt.FitOf(doc.QRPayload())
		out["payload"], out["chars"], out["qr_version"] = doc.QRPayload(), fit.Chars, fit.Version
	}
	if c.json {
		return writeJSON(c.env.Stdout, out)
	}
	if doc.QRPayload() != "" {
		fmt.Fprintf(c.env.Stdout, "%s\n", doc.QRPayload())
		fmt.Fprintf(c.env.Stdout, "回执 Receipt %s: %d characters, QR version %d at level M\n", cs.Number, fit.Chars, fit.Version)
	} else {
		fmt.Fprintln(c.env.Stdout, cs.Number, cases.DocLabel(kind).Both())
	}
	if where != "" {
		fmt.Fprintln(c.env.Stdout, where)
	}
	return nil
}

// documentFor checks a --document choice against the case: a notice only
// of a decision the case holds, a receipt only of a case not refused, and
// no paper but its queue ticket of a case in conflict, whose decision is
// not made until the conflict is resolved.
func documentFor(cs *cases.Case, which string) (string, error) {
	switch which {
	case "", cases.DocReceipt, cases.DocSupplement, cases.DocRefusal, cases.DocTicket:
	default:
		return "", badf(tBadDocument, which)
	}
	if cs.Status == cases.StatusConflict && which != cases.DocTicket {
		return "", badf(tConflictNoPaper, cs.Number, cs.Status.Label())
	}
	if which == "" {
		doc, _ := paper.DocumentFor(cs.Status)
		return doc, nil
	}
	has := map[string]bool{
		cases.DocReceipt:    cs.Status != cases.StatusRefused,
		cases.DocRefusal:    cs.Status == cases.StatusRefused,
		cases.DocTicket:     cs.Ticket != "",
		cases.DocSupplement: slices.ContainsFunc(cs.Events, func(e cases.Event) bool { return e.Kind == cases.KindSupplementRequested }),
	}
	if !has[which] {
		return "", badf(tNoSuchPaper, cs.Number, cs.Status.Label(), cases.DocLabel(which))
	}
	return which, nil
}

// scanCommand: tongban scan --text PAYLOAD | --image FILE | --camera
// DEVICE [--timeout 30s] — open a receipt as a counter would, importing a
// case this device does not have yet.
func scanCommand(c *call) error {
	fs := c.flags("scan")
	text := fs.String("text", "", "the scanned text (TB1:… or a case number)")
	image := fs.String("image", "", "a PNG or JPEG image of the receipt's QR code")
	camera := fs.String("camera", "", "a V4L2 camera (/dev/video0): wait for the first QR code it sees")
	timeout := fs.Duration("timeout", 30*time.Second, "how long --camera waits for a QR code")
	if err := c.parseFlags(fs, c.args); err != nil {
		return err
	}
	given := 0
	for _, s := range []string{*text, *image, *camera} {
		if s != "" {
			given++
		}
	}
	if given != 1 {
		return badf(tScanGiveOne)
	}
	if *timeout <= 0 {
		return badf(tBadTimeout, *timeout)
	}
	input := *text
	if *image != "" {
		var err error
		if input, err = scan.DecodeFile(*image); err != nil {
			return &badInput{err}
		}
	}
	if *camera != "" {
		var err error
		if input, err = firstCode(*camera, *timeout); err != nil {
			return err
		}
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	// A kiosk shows a citizen's case without keeping it, as its window
	// does: a copy would go to the platform as its own and be refused.
	// Opening a receipt only reads the keys: a device without any makes
	// none, as sealing would, for a key of its own opens no other
	// device's receipt.
	o := &scan.Opener{Store: d.store, Keys: d.storedKeys}
	open := o.Open
	if d.config.runs() == "kiosk" { // a device whose role is not set runs the kiosk
		open = o.Peek
	}
	cs, err := open(input)
	if err != nil {
		return &badInput{err}
	}
	// A case a kiosk peeked at is not in its store: it has no sync state
	// there but that it came from the receipt.
	if !cs.Sync.FromReceipt {
		if err := d.withPending(cs); err != nil {
			return err
		}
	}
	if c.json {
		return writeJSON(c.env.Stdout, caseView(cs))
	}
	d.printCase(c.env.Stdout, cs, false)
	return nil
}

// listenCamera starts a camera; tests replace it.
var listenCamera = scan.ListenCamera

// firstCode returns the first QR code a camera reads within timeout. A
// camera that cannot be opened fails at once: retrying is for a counter
// left running, not for a command.
func firstCode(device string, timeout time.Duration) (string, error) {
	codes := make(chan string, 1)
	failed := make(chan error, 1)
	stop := listenCamera(device,
		func(s string) {
			select {
			case codes <- s:
			default:
			}
		},
		func(err error) {
			if err != nil {
				select {
				case failed <- err:
				default:
				}
			}
		})
	defer stop()
	select {
	case s := <-codes:
		return s, nil
	case err := <-failed:
		// The camera's sentence is the counter window's, which keeps
		// trying; a command tries once.
		var camera *scan.CameraError
		if errors.As(err, &camera) {
			// What the system said, without the device it names again.
			return "", failf(tCameraNotThere, device, strings.TrimPrefix(camera.Err.Error(), device+": "))
		}
		return "", err
	case <-time.After(timeout):
		return "", failf(tCameraSawNothing, device, timeout)
	}
}
