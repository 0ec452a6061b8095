//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A backup to a device, a pipe or a symlink to one is refused in a
// sentence, and the file is left as it was (as root, a backup to
// /dev/full once replaced the device with a regular file).
func TestBackupRefusesWhatIsNotAFile(t *testing.T) {
	data := t.TempDir()
	addLicenceCase(t, data)
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "null")
	if err := os.Symlink(os.DevNull, link); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{fifo, link} {
		_, errOut, code := run(t, data, "backup", file)
		wantRefusal(t, "backup to "+file, errOut, code, file+" 不是普通文件", "is not a regular file")
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode().Type() != os.ModeNamedPipe {
		t.Errorf("the pipe after the refusal: %v, %v", fi, err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != os.ModeSymlink {
		t.Errorf("the symlink after the refusal: %v, %v", fi, err)
	}
}
