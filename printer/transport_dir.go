package printer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// dirTransport stands in for a printer: each job becomes NNNNNN.bin (the
// ESC/POS bytes) and NNNNNN.png (what the paper would show) in a directory.
// It is the transport when no printer is configured, and lets IT staff send
// the .bin to a printer later (cat 000001.bin > /dev/usb/lp0).
type dirTransport struct {
	dir string
	mu  sync.Mutex
}

func openDir(url, rest string) (Transport, error) {
	if rest == "" {
		return nil, badURL(url, "dir:// 后面缺少目录，例如 dir:///var/lib/tongban/receipts",
			"the folder after dir:// is missing, e.g. dir:///var/lib/tongban/receipts")
	}
	dir := filepath.Clean(rest)
	// A folder not made yet is made at the first job, but a file can
	// never hold jobs.
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, badURL(url, dir+" 是一个文件，不是文件夹；dir:// 后面写存放打印文件的文件夹，例如 dir:///var/lib/tongban/receipts",
			dir+" is a file, not a folder; dir:// takes the folder the print files go to, e.g. dir:///var/lib/tongban/receipts")
	}
	return &dirTransport{dir: dir}, nil
}

// DirURL returns the dir:// address of a directory, for the default
// transport under the program's data directory.
func DirURL(dir string) string { return "dir://" + filepath.ToSlash(dir) }

// dirError names a failure in the directory in the user's terms.
func dirError(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		return wrap(ErrFolderFull, err)
	case errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.ENOTDIR):
		return wrap(ErrFolderNotWritable, err)
	}
	return wrap(ErrUnreachable, err)
}

// Write stores the job without a preview.
func (t *dirTransport) Write(job []byte) error { return t.WriteWithPreview(job, nil) }

// WriteWithPreview stores the job as the next NNNNNN.bin and, if png is not
// nil, its preview as NNNNNN.png.
func (t *dirTransport) WriteWithPreview(job, png []byte) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := os.MkdirAll(t.dir, 0o755); err != nil {
		return dirError(err)
	}
	n, err := t.lastJob()
	if err != nil {
		return dirError(err)
	}
	// O_EXCL claims the number even against another process writing here.
	var f *os.File
	for {
		n++
		f, err = os.OpenFile(t.jobPath(n, ".bin"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return dirError(err)
	}
	if _, err := f.Write(job); err != nil {
		f.Close()
		return dirError(err)
	}
	if err := f.Close(); err != nil {
		return dirError(err)
	}
	if png != nil {
		if err := os.WriteFile(t.jobPath(n, ".png"), png, 0o644); err != nil {
			return dirError(err)
		}
	}
	return nil
}

func (t *dirTransport) jobPath(n int, ext string) string {
	return filepath.Join(t.dir, fmt.Sprintf("%06d%s", n, ext))
}

// lastJob is the highest job number in the directory, 0 when empty.
func (t *dirTransport) lastJob() (int, error) {
	entries, err := os.ReadDir(t.dir)
	if err != nil {
		return 0, err
	}
	last := 0
	for _, e := range entries {
		num, ok := strings.CutSuffix(e.Name(), ".bin")
		if !ok || len(num) < 6 {
			continue
		}
		if n, err := strconv.Atoi(num); err == nil && n > last {
			last = n
		}
	}
	return last, nil
}

// Status reports the directory online when a file can be written in it:
// a folder that exists on a read-only disk, or that the program's user
// may not write to, takes no job.
func (t *dirTransport) Status() (Status, error) {
	if err := os.MkdirAll(t.dir, 0o755); err != nil {
		return Status{}, dirError(err)
	}
	probe, err := os.CreateTemp(t.dir, ".probe-*")
	if err != nil {
		return Status{}, dirError(err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return Status{Online: true}, nil
}

func (t *dirTransport) Close() error { return nil }
