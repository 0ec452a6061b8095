package printer

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"time"
)

// fileTransport prints to a device such as /dev/usb/lp0. It opens the
// device for each job, because a USB printer unplugged and plugged in again
// is a new device file.
type fileTransport struct {
	path string
}

func openFile(url, rest string) (Transport, error) {
	path := strings.TrimPrefix(rest, "localhost")
	if !strings.HasPrefix(path, "/") || len(path) < 2 {
		return nil, badURL(url, "want an absolute path such as file:///dev/usb/lp0")
	}
	return &fileTransport{path: path}, nil
}

// deviceError names what went wrong opening the device in the user's terms.
func deviceError(err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return wrap(ErrNoPermission, err)
	}
	return wrap(ErrUnreachable, err)
}

// Write sends the job to the device.
func (t *fileTransport) Write(job []byte) error {
	// O_APPEND is ignored by devices and keeps a plain file usable as a
	// capture of jobs.
	f, err := os.OpenFile(t.path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return deviceError(err)
	}
	if _, err := f.Write(job); err != nil {
		f.Close()
		return wrap(ErrUnreachable, err)
	}
	return wrap(ErrUnreachable, f.Close())
}

// Status asks the device with DLE EOT when it can be read with a timeout;
// many USB printers cannot answer, and a plain file never can.
func (t *fileTransport) Status() (Status, error) {
	info, err := os.Stat(t.path)
	if err != nil {
		return Status{}, deviceError(err)
	}
	if info.Mode().IsRegular() {
		return Status{}, ErrStatusUnsupported
	}
	f, err := os.OpenFile(t.path, os.O_RDWR, 0)
	if err != nil {
		// Write-only access still prints.
		return Status{}, wrap(ErrStatusUnsupported, err)
	}
	defer f.Close()
	// A device that cannot poll cannot time out a read, and a read that
	// never returns would hang the counter: check before writing anything.
	if err := f.SetReadDeadline(time.Now()); err != nil {
		return Status{}, wrap(ErrStatusUnsupported, err)
	}
	// Drop a late reply to an earlier query, which would answer this one.
	var stale [64]byte
	for i := 0; i < 16; i++ {
		if n, err := f.Read(stale[:]); err != nil || n == 0 {
			break
		}
	}
	return queryStatus(f)
}

func (t *fileTransport) Close() error { return nil }
