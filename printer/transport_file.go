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
	url  string
	path string
}

func openFile(url, rest string) (Transport, error) {
	path := strings.TrimPrefix(rest, "localhost")
	switch {
	case path == "" || path == "/":
		return nil, badURL(url, "file:// 后面缺少设备路径，例如 file:///dev/usb/lp0",
			"the device path after file:// is missing, e.g. file:///dev/usb/lp0")
	case !strings.HasPrefix(path, "/"):
		return nil, badURL(url, "设备路径须从 / 开始（file: 后面是三个斜杠），写成 file:///"+path,
			"the device path must start with / (three slashes after file:), as in file:///"+path)
	}
	t := &fileTransport{url: url, path: path}
	// A device not plugged in yet is not an error here, but a folder can
	// never be a printer.
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return nil, t.folder()
	}
	return t, nil
}

// folder is the error for a path that is a folder, not a device.
func (t *fileTransport) folder() error {
	return badURL(t.url, t.path+" 是一个文件夹，不是打印机设备；请写打印机的设备文件，例如 file:///dev/usb/lp0",
		t.path+" is a folder, not a printer device; give the printer's device file, e.g. file:///dev/usb/lp0")
}

// deviceError names what went wrong opening the device in the user's terms.
func (t *fileTransport) deviceError(err error) error {
	if info, serr := os.Stat(t.path); serr == nil && info.IsDir() {
		return t.folder()
	}
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
		return t.deviceError(err)
	}
	if _, err := f.Write(job); err != nil {
		f.Close()
		return wrap(ErrUnreachable, err)
	}
	return wrap(ErrUnreachable, f.Close())
}

// Status asks the device with DLE EOT when it can be read with a timeout.
// Many USB printers do not answer (ErrNoAnswer); a plain file, or a device
// that cannot be read with a timeout, never can (ErrStatusUnsupported).
func (t *fileTransport) Status() (Status, error) {
	info, err := os.Stat(t.path)
	switch {
	case err != nil:
		return Status{}, t.deviceError(err)
	case info.IsDir():
		return Status{}, t.folder()
	case info.Mode().IsRegular():
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
