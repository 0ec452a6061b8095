package printer

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Transport carries ESC/POS jobs to a printer.
type Transport interface {
	// Write sends one whole job.
	Write(job []byte) error
	// Status asks the printer how it is; it returns ErrStatusUnsupported
	// when the transport cannot read replies.
	Status() (Status, error)
	// Close releases the transport.
	Close() error
}

// readyWriter is a Transport that asks the printer's status on the job's
// own connection and sends the job only if the printer can print it, such
// as tcp://. Printer uses it instead of Status followed by Write, which
// would take two connections where the printer may accept only one.
type readyWriter interface {
	// writeIfReady returns the printer's fault (ErrPaperOut, …) and sends
	// nothing, or sends job; a printer that does not answer the status
	// query is printed to unchecked.
	writeIfReady(job []byte) error
}

// PreviewWriter is a Transport that also keeps a PNG of each job, such as
// dir://; Printer hands it the preview along with the job.
type PreviewWriter interface {
	Transport
	WriteWithPreview(job, png []byte) error
}

// Open returns the transport for a printer address:
//
//	tcp://HOST:PORT       a network printer (port 9100 if none is given)
//	file:///dev/usb/lp0   a printer device
//	cups://QUEUE          a CUPS queue, printed raw with lp
//	dir://PATH            a directory that gets each job as a file (no printer)
//
// Open does not contact the printer: a printer that is off when the program
// starts is only an error when something is printed.
func Open(url string) (Transport, error) {
	scheme, rest, ok := strings.Cut(url, "://")
	if !ok {
		return nil, badURL(url, "no scheme")
	}
	switch strings.ToLower(scheme) {
	case "tcp":
		return openTCP(url, rest)
	case "file":
		return openFile(url, rest)
	case "cups":
		return openCUPS(url, rest)
	case "dir":
		return openDir(url, rest)
	}
	return nil, badURL(url, "unknown scheme "+scheme)
}

func badURL(url, why string) error {
	return wrap(ErrBadURL, fmt.Errorf("%q: %s", url, why))
}

// The timeouts of the transports that talk to the printer.
const (
	dialTimeout   = 3 * time.Second
	writeTimeout  = 30 * time.Second // a long job drains as fast as the printer prints
	statusTimeout = 800 * time.Millisecond
	// closeWaitTimeout bounds the wait, after a whole job is written, for
	// the printer to close its side of the connection.
	closeWaitTimeout = 2 * time.Second
)

// deadlineRW is a connection or device whose reads can time out.
type deadlineRW interface {
	io.ReadWriter
	SetReadDeadline(time.Time) error
}

// queryStatus sends DLE EOT 1 to 4 one at a time and merges the replies. No
// reply to the first means the printer does not answer at all:
// ErrStatusUnsupported. A byte that is not a status reply is treated the
// same way, since guessing would refuse good printers.
func queryStatus(c deadlineRW) (Status, error) {
	st := Status{Online: true}
	var reply [1]byte
	for n := StatusPrinter; n <= StatusPaper; n++ {
		if _, err := c.Write([]byte{0x10, 0x04, n}); err != nil {
			return st, wrap(ErrUnreachable, err)
		}
		if err := c.SetReadDeadline(time.Now().Add(statusTimeout)); err != nil {
			return st, wrap(ErrStatusUnsupported, err)
		}
		if _, err := io.ReadFull(c, reply[:]); err != nil {
			if n == StatusPrinter {
				return st, wrap(ErrStatusUnsupported, fmt.Errorf("no reply to DLE EOT 1: %w", err))
			}
			// Some printers answer only DLE EOT 1: keep what we know.
			break
		}
		part, err := ParseStatus(n, reply[0])
		if err != nil {
			return st, wrap(ErrStatusUnsupported, err)
		}
		st = st.Merge(part)
	}
	return st, nil
}
