//go:build unix

package printer

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// openDevice opens a device without waiting on it: with O_NONBLOCK a pipe
// that nobody reads fails at once (ENXIO) instead of blocking until a
// reader comes, and a serial line does not wait for carrier. A device the
// runtime's poller takes (pipes, ttys, USB printers) then times out its
// writes with SetWriteDeadline; one it does not take is put back in
// blocking mode, so that a write waits in the kernel (bounded by
// writeWaiting) rather than failing with EAGAIN.
func openDevice(path string, flag int) (*os.File, error) {
	f, err := os.OpenFile(path, flag|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if f.SetWriteDeadline(time.Time{}) != nil {
		if rc, err := f.SyscallConn(); err == nil {
			rc.Control(func(fd uintptr) { syscall.SetNonblock(int(fd), false) })
		}
	}
	return f, nil
}

// noReader reports whether opening a pipe failed because nobody reads it.
func noReader(err error) bool { return errors.Is(err, syscall.ENXIO) }
