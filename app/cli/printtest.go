package cli

import (
	"errors"
	"fmt"

	"tongban/printer"
)

// printTestCommand: tongban print-test [--printer URL] [--profile NAME].
// After the page it asks the printer how it is, where its connection can
// tell: a roll nearly used up is said after "sent" (paper_low in --json),
// as the page came out but the next receipts may not; so is a printer that
// did not answer the status query, as the page went out unchecked.
func printTestCommand(c *call) error {
	fs := c.flags("print-test")
	url := fs.String("printer", "", "printer URL (default: the configured one)")
	profile := fs.String("profile", "", "printer profile: "+fmt.Sprint(printer.ProfileNames()))
	if err := c.parseFlags(fs, c.args); err != nil {
		return err
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	target := *url
	if target == "" {
		target = d.printerURL()
	}
	pr, err := d.printer(target, *profile)
	if err != nil {
		return printFailed(printFault{err}, target, tRunAgain)
	}
	defer pr.Close()
	before := lastJob(target)
	if err := pr.Print(printer.TestPage(pr.Profile())); err != nil {
		return printFailed(printFault{err}, target, tRunAgain)
	}
	// What the printer said on the job's own connection: a second
	// connection would find a one-shot listener gone.
	st, err := pr.Checked()
	low := err == nil && st.Err() == nil && st.PaperNearEnd
	if c.json {
		return writeJSON(c.env.Stdout, map[string]any{"printer": target, "profile": pr.Profile().Name, "sent": true, "paper_low": low})
	}
	fmt.Fprintf(c.env.Stdout, "已发送测试页 Test page sent (profile %s)\n", pr.Profile().Name)
	fmt.Fprintln(c.env.Stdout, printedTo(target, before))
	switch {
	case low:
		fmt.Fprintln(c.env.Stdout, tPaperLow.Both())
	case errors.Is(err, printer.ErrNoAnswer):
		// Sent, unchecked: if nothing came out, the printer is where to look.
		fmt.Fprintln(c.env.Stdout, printer.Message(err))
	}
	return nil
}
