//go:build unix

package store

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A backup's target that exists and is not a regular file — a device, a
// pipe, a socket, or a symlink to one — is refused and left as it is:
// the backup's rename would replace it with a regular file (/dev/full,
// as root).
func TestBackupRefusesWhatIsNotAFile(t *testing.T) {
	s := openTest(t, t.TempDir())
	s.Submit(sample("张三", "13800138000", "130102199003071233"))
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	toFifo, toDevice := filepath.Join(dir, "to-fifo"), filepath.Join(dir, "to-null")
	for _, err := range []error{os.Symlink(fifo, toFifo), os.Symlink(os.DevNull, toDevice)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, path string
		mode       os.FileMode // what lstat must still say after the refusal
	}{
		{"a named pipe", fifo, os.ModeNamedPipe},
		{"a socket", sock, os.ModeSocket},
		{"a symlink to a pipe", toFifo, os.ModeSymlink},
		{"a symlink to a device", toDevice, os.ModeSymlink},
	} {
		if n, err := s.BackupFile(tc.path); !errors.Is(err, ErrBackupNotFile) {
			t.Errorf("backup to %s = %d bytes, %v; want ErrBackupNotFile", tc.name, n, err)
		}
		if fi, err := os.Lstat(tc.path); err != nil || fi.Mode().Type() != tc.mode {
			t.Errorf("after the refusal %s is %v (%v), want it left as it was", tc.name, fi.Mode(), err)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".tongban-backup-*")); len(left) != 0 {
		t.Fatalf("the refusals left temporary files: %v", left)
	}
}
