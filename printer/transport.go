package printer

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Transport carries ESC/POS jobs to a printer.
type Transport interface {
	// Write sends one whole job.
	Write(job []byte) error
	// Status asks the printer how it is. It returns ErrStatusUnsupported
	// when the transport cannot read replies (dir://, cups://, a plain
	// file), and ErrNoAnswer when it can but the printer did not answer.
	Status() (Status, error)
	// Close releases the transport.
	Close() error
}

// unaskable is a Transport that may be one Print must not ask before it
// sends the job (a named pipe, see fileTransport.unaskable).
type unaskable interface {
	unaskable() bool
}

// readyWriter is a Transport that asks the printer's status on the job's
// own connection and sends the job only if the printer can print it, such
// as tcp://. Printer uses it instead of Status followed by Write, which
// would take two connections where the printer may accept only one.
type readyWriter interface {
	// writeIfReady returns the printer's fault (ErrPaperOut, …) and sends
	// nothing, or sends job; a printer that does not answer the status
	// query is printed to unchecked. It also returns what the printer said
	// (the status, or checked: ErrNoAnswer, ErrStatusUnsupported).
	writeIfReady(job []byte) (st Status, checked, err error)
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
// starts is only an error when something is printed. An address that
// cannot be a printer is ErrBadURL, and Message says what is wrong with it.
func Open(url string) (Transport, error) {
	scheme, rest, ok := strings.Cut(url, "://")
	switch {
	case strings.TrimSpace(url) == "":
		return nil, badURL(url, "地址是空的，"+useOneOf.ZH, "it is empty; "+useOneOf.EN)
	case !ok && strings.HasPrefix(url, "/"):
		return nil, badURL(url, "设备文件前面要加 file://，写成 file://"+url, "a device file needs file:// in front, as in file://"+url)
	case !ok:
		return nil, badURL(url, "开头缺少 tcp://、file://、cups:// 或 dir://，例如 tcp://192.168.1.50:9100",
			"it does not start with tcp://, file://, cups:// or dir://, e.g. tcp://192.168.1.50:9100")
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
	case "socket":
		// CUPS's name for the raw port.
		return nil, badURL(url, "网络打印机的原始端口请写成 tcp://"+rest, "write a network printer's raw port as tcp://"+rest)
	case "ipp", "ipps", "http", "https", "usb", "lpd":
		return nil, badURL(url, "本程序不直接使用 "+scheme+":// 打印机，请先把它加到本机 CUPS，再写 cups://队列名",
			"this program does not print to "+scheme+":// printers itself; add the printer to this computer's CUPS and write cups://QUEUE")
	}
	return nil, badURL(url, "不认识 "+scheme+"://，"+useOneOf.ZH, scheme+":// is not a printer address; "+useOneOf.EN)
}

// useOneOf lists the printer addresses, for a reason that ends in it.
var useOneOf = struct{ ZH, EN string }{
	"请用 tcp://主机:端口、file:///dev/usb/lp0、cups://队列名 或 dir://目录 之一",
	"use one of tcp://HOST:PORT, file:///dev/usb/lp0, cups://QUEUE or dir://PATH",
}

// badURL is ErrBadURL for url with what is wrong with it, zh and en: a
// clause, without the full stop, that says what to write instead where it
// can.
func badURL(url, zh, en string) error {
	return saying(ErrBadURL, fmt.Errorf("%q: %s", url, en),
		fmt.Sprintf("打印机地址 %q 无效：%s。", url, zh),
		fmt.Sprintf("The printer address %q is not valid: %s.", url, en))
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
// ErrNoAnswer. A byte that is not a status reply is treated the same way,
// since guessing would refuse good printers. A transport whose reads
// cannot time out is ErrStatusUnsupported.
func queryStatus(c deadlineRW) (Status, error) {
	st := Status{Online: true}
	var reply [1]byte
	wd, canTimeOut := c.(interface{ SetWriteDeadline(time.Time) error })
	for n := StatusPrinter; n <= StatusPaper; n++ {
		// A device that takes no data blocks the query itself.
		if canTimeOut {
			wd.SetWriteDeadline(time.Now().Add(statusTimeout))
		}
		if _, err := c.Write([]byte{0x10, 0x04, n}); err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				return st, wrap(ErrNotTaking, err)
			}
			return st, wrap(ErrUnreachable, err)
		}
		if err := c.SetReadDeadline(time.Now().Add(statusTimeout)); err != nil {
			return st, wrap(ErrStatusUnsupported, err)
		}
		if _, err := io.ReadFull(c, reply[:]); err != nil {
			if n == StatusPrinter {
				return st, wrap(ErrNoAnswer, fmt.Errorf("no reply to DLE EOT 1: %w", err))
			}
			// Some printers answer only DLE EOT 1: keep what we know.
			break
		}
		part, err := ParseStatus(n, reply[0])
		if err != nil {
			return st, wrap(ErrNoAnswer, err)
		}
		st = st.Merge(part)
	}
	return st, nil
}
