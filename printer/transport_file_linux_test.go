//go:build linux

package printer_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"tongban/printer"
	"tongban/printer/printertest"
)

// serialPrinter is a printer on a serial line, such as /dev/ttyUSB0, that
// file:// reads status back from: the test holds the master side of a
// pseudo-terminal in raw mode, and the transport opens the other side.
type serialPrinter struct {
	master *os.File
	path   string

	mu      sync.Mutex
	replies []byte // answered to DLE EOT n: replies[n-1]; nil: silent
	got     bytes.Buffer
}

func startSerialPrinter(t *testing.T, replies []byte) *serialPrinter {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	var n uint32
	ctl := func(fd uintptr) {
		var unlock int32
		ioctl := func(req uintptr, arg unsafe.Pointer) {
			if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, req, uintptr(arg)); e != 0 && err == nil {
				err = e
			}
		}
		ioctl(syscall.TIOCSPTLCK, unsafe.Pointer(&unlock))
		ioctl(syscall.TIOCGPTN, unsafe.Pointer(&n))
		// Raw mode, as a printer's line is: no echo, no line editing,
		// bytes through untouched.
		var tio syscall.Termios
		ioctl(syscall.TCGETS, unsafe.Pointer(&tio))
		tio.Iflag &^= syscall.IGNBRK | syscall.BRKINT | syscall.PARMRK | syscall.ISTRIP | syscall.INLCR | syscall.IGNCR | syscall.ICRNL | syscall.IXON
		tio.Oflag &^= syscall.OPOST
		tio.Lflag &^= syscall.ECHO | syscall.ECHONL | syscall.ICANON | syscall.ISIG | syscall.IEXTEN
		tio.Cflag = tio.Cflag&^(syscall.CSIZE|syscall.PARENB) | syscall.CS8
		tio.Cc[syscall.VMIN], tio.Cc[syscall.VTIME] = 1, 0
		ioctl(syscall.TCSETS, unsafe.Pointer(&tio))
	}
	rc, cerr := m.SyscallConn()
	if cerr != nil {
		t.Fatal(cerr)
	}
	if cerr := rc.Control(ctl); cerr != nil || err != nil {
		t.Skipf("cannot set up a pseudo-terminal: %v %v", cerr, err)
	}
	p := &serialPrinter{master: m, path: fmt.Sprintf("/dev/pts/%d", n), replies: replies}
	go p.serve()
	return p
}

// serve answers each DLE EOT n as it arrives and keeps everything else.
// While the transport has the line closed, reads fail: it waits for the
// next open.
func (p *serialPrinter) serve() {
	buf := make([]byte, 4096)
	var pending []byte
	for {
		n, err := p.master.Read(buf)
		if errors.Is(err, os.ErrClosed) {
			return
		}
		if err != nil {
			time.Sleep(5 * time.Millisecond)
			continue
		}
		p.mu.Lock()
		p.got.Write(buf[:n])
		pending = append(pending, buf[:n]...)
		for len(pending) >= 3 {
			i := bytes.Index(pending, []byte{0x10, 0x04})
			if i < 0 || i+2 >= len(pending) {
				break
			}
			if q := pending[i+2]; q >= 1 && int(q) <= len(p.replies) {
				p.master.Write([]byte{p.replies[q-1]})
			}
			pending = pending[i+3:]
		}
		p.mu.Unlock()
	}
}

// received is everything the printer was sent.
func (p *serialPrinter) received() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	return bytes.Clone(p.got.Bytes())
}

// TestFileDeviceThatReadsBack: a device that can be read with a timeout
// is asked DLE EOT; one that does not answer, or answers a byte that is no
// status, did not answer (ErrNoAnswer, not "this connection cannot tell")
// and still prints; a fault it reports stops the job.
func TestFileDeviceThatReadsBack(t *testing.T) {
	healthy := printertest.StatusReplies(printer.Status{Online: true})
	paperOut := printertest.StatusReplies(printer.Status{PaperOut: true})
	tests := []struct {
		name    string
		replies []byte
		status  error // nil: an online printer
		print   error
	}{
		{"healthy", healthy[:], nil, nil},
		{"silent", nil, printer.ErrNoAnswer, nil},
		{"answers 0xff", []byte{0xff, 0xff, 0xff, 0xff}, printer.ErrNoAnswer, nil},
		{"out of paper", paperOut[:], nil, printer.ErrPaperOut},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dev := startSerialPrinter(t, tt.replies)
			pr, err := printer.OpenPrinter("file://"+dev.path, printer.Profiles["58"], fonts())
			if err != nil {
				t.Fatal(err)
			}
			st, err := pr.Status()
			switch {
			case tt.status != nil && (!errors.Is(err, tt.status) || errors.Is(err, printer.ErrStatusUnsupported)):
				t.Errorf("Status = %+v, %v; want %v", st, err, tt.status)
			case tt.status == nil && err != nil:
				t.Errorf("Status = %v, want the printer's status", err)
			}
			err = pr.Print(receipt("TB1:SERIAL"))
			if !errors.Is(err, tt.print) || (tt.print == nil && err != nil) {
				t.Fatalf("Print = %v, want %v", err, tt.print)
			}
			if tt.print != nil {
				return
			}
			job, _ := printer.EncodeESCPOS(receipt("TB1:SERIAL"), printer.Profiles["58"], fonts())
			deadline := time.Now().Add(5 * time.Second)
			for !bytes.Contains(dev.received(), job) {
				if time.Now().After(deadline) {
					t.Fatalf("the device got %d bytes, not the %d-byte job", len(dev.received()), len(job))
				}
				time.Sleep(10 * time.Millisecond)
			}
		})
	}
}
