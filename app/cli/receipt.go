package cli

import (
	"fmt"
	"os"
	"time"

	"tongban/app/cases"
	"tongban/app/paper"
	"tongban/app/receipt"
	"tongban/app/scan"
	"tongban/printer"
)

// receiptCommand: tongban receipt NUMBER [--png FILE] [--print].
func receiptCommand(c *call) error {
	fs := c.flags("receipt")
	png := fs.String("png", "", "write the receipt as a PNG image to this file")
	print := fs.Bool("print", false, "print the receipt on this device's printer")
	d, cs, err := c.openCase(fs, c.args, " --png r.png")
	if err != nil {
		return err
	}
	defer d.close()
	payload, err := d.sealed(cs)
	if err != nil {
		return err
	}
	fit := receipt.FitOf(payload)
	doc := paper.Acceptance(d.paper(), cs, payload)
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
			return fmt.Errorf("cannot write %s: %w", *png, err)
		}
	}
	if *print {
		if err := d.print(cs, doc, cases.DocReceipt); err != nil {
			return err
		}
	}
	if c.json {
		return writeJSON(c.env.Stdout, map[string]any{"number": cs.Number, "payload": payload,
			"chars": fit.Chars, "qr_version": fit.Version, "png": *png, "printed": *print})
	}
	fmt.Fprintf(c.env.Stdout, "%s\n", payload)
	fmt.Fprintf(c.env.Stdout, "回执 Receipt %s: %d characters, QR version %d at level M\n", cs.Number, fit.Chars, fit.Version)
	return nil
}

// printTestCommand: tongban print-test [--printer URL] [--profile NAME].
func printTestCommand(c *call) error {
	fs := c.flags("print-test")
	url := fs.String("printer", "", "printer URL (default: the configured one)")
	profile := fs.String("profile", "", "printer profile: "+fmt.Sprint(printer.ProfileNames()))
	if _, err := c.parse(fs, c.args); err != nil {
		return err
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	pr, err := d.printer(*url, *profile)
	if err != nil {
		return err
	}
	defer pr.Close()
	if err := pr.Print(printer.TestPage(pr.Profile())); err != nil {
		return fmt.Errorf("%s", printer.Message(err))
	}
	target := *url
	if target == "" {
		target = d.printerURL()
	}
	fmt.Fprintf(c.env.Stdout, "已发送测试页 Test page sent to %s (profile %s)\n", target, pr.Profile().Name)
	return nil
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
	if _, err := c.parse(fs, c.args); err != nil {
		return err
	}
	given := 0
	for _, s := range []string{*text, *image, *camera} {
		if s != "" {
			given++
		}
	}
	if given != 1 {
		return badf("give one of --text PAYLOAD, --image FILE or --camera DEVICE")
	}
	if *timeout <= 0 {
		return badf("--timeout must be a positive duration such as 30s, not %s", *timeout)
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
	o := scan.Opener{Store: d.store, Keys: d.keyring}
	cs, err := o.Open(input)
	if err != nil {
		return &badInput{err}
	}
	if err := d.withPending(cs); err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.env.Stdout, caseView(cs))
	}
	d.printCase(c, cs)
	if cs.Sync.FromReceipt {
		fmt.Fprintln(c.env.Stdout, "来自回执，尚未同步 From the receipt, not yet synced")
	}
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
		return "", err
	case <-time.After(timeout):
		return "", fmt.Errorf("the camera %s saw no QR code in %s; hold the receipt's QR code in front of the lens and try again", device, timeout)
	}
}
