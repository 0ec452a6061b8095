package printer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
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

// takeTimeout bounds how long a device may take none of a job (or not
// open) before the job counts as not taken: a USB printer that is offline
// or out of paper blocks writes rather than failing them, and so does a
// pipe nobody reads. A printer that is printing takes data steadily, so
// the bound is on progress, not on the whole job.
var takeTimeout = 10 * time.Second

// writeChunk is how much of a job is written under one deadline.
const writeChunk = 4096

// stuck holds, by device path, the jobs whose writes are still blocked in
// the kernel after takeTimeout on a device that cannot time out a write:
// another job would only block behind them, and status is told so.
var stuck sync.Map

// stuckError is ErrNotTaking for a device that still holds a job blocked.
func (t *fileTransport) stuckError() error {
	if _, ok := stuck.Load(t.path); ok {
		return wrap(ErrNotTaking, errors.New(t.path+": an earlier job is still waiting for the device to take it"))
	}
	return nil
}

// open opens the device within takeTimeout. An open that does not return
// in time is left to finish on its own, and its file is closed.
func (t *fileTransport) open(flag int) (*os.File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := openDevice(t.path, flag)
		ch <- opened{f, err}
	}()
	timer := time.NewTimer(takeTimeout)
	defer timer.Stop()
	select {
	case o := <-ch:
		if o.err != nil {
			return nil, t.openError(o.err)
		}
		return o.f, nil
	case <-timer.C:
		go func() {
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, t.notTaking(errors.New("opening "+t.path+" did not return"), takeTimeout)
	}
}

// openError names a failure to open the device: a pipe nobody reads takes
// no job; anything else is deviceError.
func (t *fileTransport) openError(err error) error {
	if info, serr := os.Stat(t.path); serr == nil && info.Mode()&fs.ModeNamedPipe != 0 && noReader(err) {
		return wrap(ErrNotTaking, fmt.Errorf("nothing reads the pipe: %w", err))
	}
	return t.deviceError(err)
}

// notTaking is ErrNotTaking for a device that took nothing for waited.
func (t *fileTransport) notTaking(cause error, waited time.Duration) error {
	n := strconv.FormatFloat(waited.Seconds(), 'f', -1, 64)
	return &fault{kind: ErrNotTaking, cause: cause, waited: waited,
		said: "打印机在 " + n + " 秒内没有接收打印任务，请检查打印机是否开机、有纸并已连好线，然后点“重新打印”。 " +
			"The printer did not take the job within " + n + " s: check that it is on, has paper and is connected, then press Print again."}
}

// writeError names a failed write: a device that took nothing in time, a
// device that refused the data (ENOSPC from /dev/full, or from a
// parallel-port printer out of paper), or a device gone. A plain file on a
// full disk keeps its system error, which says so.
func (t *fileTransport) writeError(err error) error {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return t.notTaking(err, takeTimeout)
	}
	if info, serr := os.Stat(t.path); errors.Is(err, syscall.ENOSPC) && serr == nil && !info.Mode().IsRegular() {
		reason := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			reason = pe.Err.Error()
		}
		// Only the words are kept: a device that refuses is no full
		// disk, whatever error number its driver chose.
		return saying(ErrDeviceRefused, errors.New(err.Error()),
			"设备 "+t.path+" 拒绝了打印数据（"+reason+"），请检查打印机是否开机、有纸，以及设备文件是否是这台打印机的，然后点“重新打印”。",
			"The device "+t.path+" refused the data ("+reason+"): check that the printer is on and has paper and that the device file is the printer's, then press Print again.")
	}
	return wrap(ErrUnreachable, err)
}

// Write sends the job to the device, giving it takeTimeout to take each
// part: a device that takes nothing is ErrNotTaking, not a wait forever.
func (t *fileTransport) Write(job []byte) error {
	if err := t.stuckError(); err != nil {
		return err
	}
	// O_APPEND is ignored by devices and keeps a plain file usable as a
	// capture of jobs.
	f, err := t.open(os.O_WRONLY | os.O_APPEND)
	if err != nil {
		return err
	}
	if f.SetWriteDeadline(time.Time{}) == nil {
		return t.writePolled(f, job)
	}
	return t.writeWaiting(f, job)
}

// writePolled writes to a device whose writes time out.
func (t *fileTransport) writePolled(f *os.File, job []byte) error {
	for len(job) > 0 {
		n := min(len(job), writeChunk)
		f.SetWriteDeadline(time.Now().Add(takeTimeout))
		m, err := f.Write(job[:n])
		job = job[m:]
		if err != nil {
			f.Close()
			return t.writeError(err)
		}
	}
	if err := f.Close(); err != nil {
		return t.writeError(err)
	}
	return nil
}

// writeWaiting writes in a goroutine to a device whose writes cannot time
// out (a plain file, a device the poller does not take), and gives up
// when a part is not taken within takeTimeout. The blocked write is left
// to the kernel; until it returns, the device is stuck.
func (t *fileTransport) writeWaiting(f *os.File, job []byte) error {
	done := make(chan error, 1)
	progress := make(chan struct{}, 1)
	go func() {
		var err error
		for len(job) > 0 && err == nil {
			var m int
			m, err = f.Write(job[:min(len(job), writeChunk)])
			job = job[m:]
			select {
			case progress <- struct{}{}:
			default:
			}
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	timer := time.NewTimer(takeTimeout)
	defer timer.Stop()
	for {
		select {
		case err := <-done:
			if err != nil {
				return t.writeError(err)
			}
			return nil
		case <-progress:
			timer.Reset(takeTimeout)
		case <-timer.C:
			stuck.Store(t.path, true)
			go func() {
				<-done
				stuck.Delete(t.path)
			}()
			return t.notTaking(errors.New("writing to "+t.path+" did not return"), takeTimeout)
		}
	}
}

// Status asks the device with DLE EOT when it can be read with a timeout.
// Many USB printers do not answer (ErrNoAnswer); a plain file, or a device
// that cannot be read with a timeout, never can (ErrStatusUnsupported). A
// device that takes no data is ErrNotTaking, found without waiting on it.
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
	if err := t.stuckError(); err != nil {
		return Status{}, err
	}
	if info.Mode()&fs.ModeNamedPipe != 0 {
		return t.pipeStatus()
	}
	f, err := t.open(os.O_RDWR)
	if errors.Is(err, ErrNotTaking) {
		return Status{}, err
	}
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

// unaskable reports whether the device is a named pipe, which Print does
// not ask before the job: a pipe cannot answer, and opening it only to ask
// would hand its reader an empty job, as a reader reads until the first
// writer closes. A pipe nobody reads is found by the job's own open.
func (t *fileTransport) unaskable() bool {
	info, err := os.Stat(t.path)
	return err == nil && info.Mode()&fs.ModeNamedPipe != 0
}

// pipeStatus is the status of a named pipe: one that nothing reads takes
// no job; one that something reads cannot answer back. (Opening a pipe
// for reading and writing, as other devices are, would make the status
// query read its own bytes.)
func (t *fileTransport) pipeStatus() (Status, error) {
	f, err := t.open(os.O_WRONLY)
	if err != nil {
		return Status{}, err
	}
	f.Close()
	return Status{}, wrap(ErrStatusUnsupported, errors.New(t.path+" is a pipe, which cannot answer"))
}

func (t *fileTransport) Close() error { return nil }
