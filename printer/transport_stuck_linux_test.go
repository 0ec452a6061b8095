//go:build linux

package printer

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestWriteThatCannotTimeOut: on a device the poller does not take, a
// write that blocks is given up after takeTimeout (ErrNotTaking); until
// the blocked write returns, further jobs and status say the device is
// stuck at once rather than block behind it.
func TestWriteThatCannotTimeOut(t *testing.T) {
	defer SetTakeTimeout(200 * time.Millisecond)()
	path := filepath.Join(t.TempDir(), "ff")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	r, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// A blocking descriptor wrapped by NewFile is not in the poller, as a
	// device without poll support is not.
	fd, err := syscall.Open(path, syscall.O_WRONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	w := os.NewFile(uintptr(fd), path)
	if w.SetWriteDeadline(time.Time{}) == nil {
		t.Skip("the descriptor is pollable after all")
	}
	tr := &fileTransport{url: "file://" + path, path: path}
	err = tr.writeWaiting(w, make([]byte, 1<<20))
	if !errors.Is(err, ErrNotTaking) || Waited(err) != 200*time.Millisecond {
		t.Fatalf("writeWaiting = %v, want ErrNotTaking after 200ms", err)
	}
	start := time.Now()
	if err := tr.Write([]byte("next")); !errors.Is(err, ErrNotTaking) || time.Since(start) > 100*time.Millisecond {
		t.Errorf("Write behind a stuck job = %v after %v, want ErrNotTaking at once", err, time.Since(start))
	}
	if _, err := tr.Status(); !errors.Is(err, ErrNotTaking) {
		t.Errorf("Status behind a stuck job = %v, want ErrNotTaking", err)
	}
	// Reading unblocks the write; then the device is free again.
	go func() {
		buf := make([]byte, 1<<16)
		for {
			if _, err := r.Read(buf); err != nil && !errors.Is(err, os.ErrDeadlineExceeded) && !errors.Is(err, syscall.EAGAIN) {
				return
			}
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, busy := stuck.Load(path); !busy {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the device stays stuck after its write returned")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
