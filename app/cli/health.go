package cli

import (
	"errors"

	"tongban/printer"
)

// printerState asks the printer how it is, where its connection can tell:
// a stable word for --json and the plain sentence for people.
func (d *device) printerState() (state, note string) {
	pr, err := d.printer("", "")
	if err != nil {
		return "misconfigured", printer.Message(err)
	}
	defer pr.Close()
	st, err := pr.Status()
	if err == nil {
		if err = st.Err(); err == nil && st.PaperNearEnd {
			return "paper_low", "纸卷快用完了，请准备新纸卷。 The paper roll is nearly used up: have a new one ready."
		}
	}
	for _, s := range []struct {
		err  error
		word string
	}{
		{nil, "ready"},
		{printer.ErrStatusUnsupported, "no_status"},
		{printer.ErrPaperOut, "paper_out"},
		{printer.ErrCoverOpen, "cover_open"},
		{printer.ErrPrinterFault, "fault"},
		{printer.ErrOffline, "offline"},
		{printer.ErrUnreachable, "unreachable"},
		{printer.ErrNoCUPS, "no_cups"},
	} {
		if errors.Is(err, s.err) {
			switch {
			case err == nil:
				return s.word, "打印机就绪。 The printer is ready."
			case s.err == printer.ErrStatusUnsupported:
				return s.word, printer.Message(err)
			}
			return s.word, sentence(printFailed(printFault{err}, d.printerURL(), tStatusAgain).Error())
		}
	}
	return "unknown", sentence(printFailed(printFault{err}, d.printerURL(), tStatusAgain).Error())
}
