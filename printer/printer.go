package printer

import (
	"errors"
)

// Printer prints documents on one printer: a transport, the model's
// profile, and the fonts for lines sent as images and for previews.
type Printer struct {
	transport Transport
	profile   Profile
	renderer  *Renderer
	// checked is what the printer said about itself before the last
	// job: nil, ErrNoAnswer or ErrStatusUnsupported.
	checked       error
	checkedStatus Status
}

// New returns a Printer; it takes ownership of t.
func New(t Transport, p Profile, fonts Fonts) (*Printer, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &Printer{transport: t, profile: p, renderer: rendererFor(fonts), checked: ErrStatusUnsupported}, nil
}

// OpenPrinter is Open followed by New.
func OpenPrinter(url string, p Profile, fonts Fonts) (*Printer, error) {
	t, err := Open(url)
	if err != nil {
		return nil, err
	}
	return New(t, p, fonts)
}

// Profile returns the printer's profile.
func (pr *Printer) Profile() Profile { return pr.profile }

// Print lays out doc, asks the printer for its status where the transport
// can (on tcp://, on the job's own connection), and sends the job. A
// printer that is offline, out of paper, open or faulty gets nothing, and
// the error is ErrOffline, ErrPaperOut, ErrCoverOpen or ErrPrinterFault, so
// the receipt comes out whole once the fault is fixed rather than half now.
func (pr *Printer) Print(doc Document) error {
	// Lay out first: a document that cannot print is not the printer's
	// fault, whatever state it is in.
	items, err := layout(doc, pr.profile)
	if err != nil {
		return err
	}
	job, err := pr.renderer.escpos(items, pr.profile)
	if err != nil {
		return err
	}
	pr.checkedStatus, pr.checked = Status{}, ErrStatusUnsupported
	if rw, ok := pr.transport.(readyWriter); ok {
		st, checked, err := rw.writeIfReady(job)
		pr.checkedStatus, pr.checked = st, checked
		return err
	}
	if err := pr.ready(); err != nil {
		return err
	}
	if pw, ok := pr.transport.(PreviewWriter); ok {
		png, err := pr.renderer.png(items, pr.profile)
		if err != nil {
			return err
		}
		return pw.WriteWithPreview(job, png)
	}
	return pr.transport.Write(job)
}

// ready returns the fault that stops printing, nil when the printer is
// ready or cannot tell: some printers never answer, and print all the same.
func (pr *Printer) ready() error {
	if u, ok := pr.transport.(unaskable); ok && u.unaskable() {
		pr.checked = ErrStatusUnsupported
		return nil
	}
	st, err := pr.transport.Status()
	if errors.Is(err, ErrStatusUnsupported) || errors.Is(err, ErrNoAnswer) {
		pr.checked = err
		return nil
	}
	if err != nil {
		return err
	}
	pr.checkedStatus, pr.checked = st, nil
	return st.Err()
}

// Checked returns what the printer said about itself just before the last
// Print sent its job, asked on the job's own connection where there is
// one: its status, or ErrNoAnswer when it could have answered and did not
// (the job went out unchecked: if nothing comes out, the printer is where
// to look), or ErrStatusUnsupported where the connection cannot tell or
// nothing was printed yet. It asks the printer nothing.
func (pr *Printer) Checked() (Status, error) {
	return pr.checkedStatus, pr.checked
}

// Status asks the printer how it is: ErrStatusUnsupported where the
// transport cannot read back, ErrNoAnswer where the printer did not answer.
func (pr *Printer) Status() (Status, error) { return pr.transport.Status() }

// Close closes the transport.
func (pr *Printer) Close() error { return pr.transport.Close() }
