package scan

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"go.bug.st/serial"
)

// MaxScanLen bounds one scan read from a serial port. A receipt payload is
// well under 1,000 characters (QR version 15); a longer line is noise from
// a misconfigured scanner and is dropped whole, not cut into a false scan.
const MaxScanLen = 4096

// quiet is how long a serial line stays silent before what has arrived
// counts as one scan, for scanners set up to send no line end. At 9600
// baud a byte takes about 1 ms, so a scan in progress never pauses this
// long.
const quiet = 100 * time.Millisecond

// ReadScans reads a serial scanner's byte stream from r and calls each with
// every scan in it: text ended by CR, LF or CR LF (or by ETX, which some
// scanners frame a code with), or followed by a quiet line — a Read that
// returns no bytes and no error, as a port with a read timeout does. Other
// control bytes (STX, a symbology's GS) are dropped and blank lines
// skipped. It returns nil at io.EOF, after the last scan, and any other
// read error as it is.
func ReadScans(r io.Reader, each func(scan string)) error {
	var (
		line    []byte
		tooLong bool
		buf     = make([]byte, 512)
	)
	flush := func() {
		if s := strings.TrimSpace(strings.ToValidUTF8(string(line), "")); s != "" && !tooLong {
			each(s)
		}
		line, tooLong = line[:0], false
	}
	for {
		n, err := r.Read(buf)
		for _, b := range buf[:n] {
			switch {
			case b == '\r' || b == '\n' || b == 0x03:
				flush()
			case b < 0x20 || b == 0x7f:
				// framing and separators: not part of any payload
			case len(line) >= MaxScanLen:
				tooLong = true
			default:
				line = append(line, b)
			}
		}
		switch {
		case errors.Is(err, io.EOF):
			flush()
			return nil
		case err != nil:
			return err
		case n == 0:
			flush() // the line went quiet
		}
	}
}

// openPort opens a serial port for reading scans; tests replace it.
var openPort = func(name string) (io.ReadCloser, error) {
	p, err := serial.Open(name, &serial.Mode{BaudRate: 9600})
	if err != nil {
		return nil, err
	}
	if err := p.SetReadTimeout(quiet); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// ErrSerial is what a counter shows when its serial scanner is missing.
var ErrSerial = errors.New("串口扫码枪未连接，请检查数据线；插好后会自动重连。 The serial scanner is not connected: check its cable; it reconnects by itself once plugged in")

// SerialRetry is how long ListenSerial waits before opening a port again.
var SerialRetry = 2 * time.Second

// ListenSerial reads scans from the serial (CDC) scanner on port (e.g.
// /dev/ttyACM0 or COM3) on its own goroutine and calls each with every
// scan, until stop is called. A scanner unplugged and plugged back is
// opened again every SerialRetry; report, if not nil, hears each failure
// (wrapping ErrSerial) and nil once the port is open. each and report run
// on the reading goroutine: a UI hands them on with fyne.Do.
func ListenSerial(port string, each func(scan string), report func(error)) (stop func()) {
	var (
		mu      sync.Mutex
		stopped bool
		current io.Closer
		done    = make(chan struct{})
	)
	tell := func(err error) {
		if report != nil {
			report(err)
		}
	}
	go func() {
		for {
			p, err := openPort(port)
			mu.Lock()
			if stopped {
				mu.Unlock()
				if p != nil {
					p.Close()
				}
				return
			}
			current = p
			mu.Unlock()
			if err == nil {
				tell(nil)
				err = ReadScans(p, each)
				p.Close()
				if err == nil {
					err = io.ErrUnexpectedEOF // a port does not end; it went away
				}
			}
			mu.Lock()
			current = nil
			quit := stopped
			mu.Unlock()
			if quit {
				return
			}
			tell(fmt.Errorf("%w (%s: %v)", ErrSerial, port, err))
			select {
			case <-done:
				return
			case <-time.After(SerialRetry):
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			stopped = true
			if current != nil {
				current.Close() // unblocks the Read
			}
			mu.Unlock()
			close(done)
		})
	}
}
