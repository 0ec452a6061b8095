//go:build linux

package printer_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"tongban/printer"
)

// fifo makes a named pipe, which blocks writers as a USB printer that is
// offline or out of paper does.
func fifo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ff")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	return path
}

// within runs f and fails the test, instead of hanging it, when f has not
// returned after limit.
func within(t *testing.T, limit time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("%s still hangs after %v", what, limit)
	}
}

// TestFilePipeNobodyReads: a file:// device that nothing reads takes no
// job: printing and status say so (ErrNotTaking, a case of ErrOffline)
// instead of hanging, and status does not read as a silent printer.
func TestFilePipeNobodyReads(t *testing.T) {
	path := fifo(t)
	pr, err := printer.OpenPrinter("file://"+path, printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	within(t, 5*time.Second, "Print to a pipe nobody reads", func() {
		err = pr.Print(receipt("TB1:FIFO"))
	})
	if !errors.Is(err, printer.ErrNotTaking) || !errors.Is(err, printer.ErrOffline) {
		t.Errorf("Print = %v, want ErrNotTaking (a case of ErrOffline)", err)
	}
	if m := printer.Message(err); !strings.Contains(m, "did not take the job") || !strings.Contains(m, "has paper") {
		t.Errorf("Message = %q, want the printer did not take the job", m)
	}
	within(t, 5*time.Second, "Status of a pipe nobody reads", func() {
		_, err = pr.Status()
	})
	if !errors.Is(err, printer.ErrNotTaking) || errors.Is(err, printer.ErrNoAnswer) {
		t.Errorf("Status = %v, want ErrNotTaking", err)
	}
}

// TestFilePipeThatStopsReading: a device that stops taking data part way
// gives up after the take timeout with ErrNotTaking, saying how long it
// waited.
func TestFilePipeThatStopsReading(t *testing.T) {
	defer printer.SetTakeTimeout(200 * time.Millisecond)()
	path := fifo(t)
	r, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	tr, err := printer.Open("file://" + path)
	if err != nil {
		t.Fatal(err)
	}
	within(t, 5*time.Second, "Write to a pipe that is not read", func() {
		err = tr.Write(make([]byte, 1<<20)) // more than any pipe holds
	})
	if !errors.Is(err, printer.ErrNotTaking) || printer.Waited(err) != 200*time.Millisecond {
		t.Fatalf("Write = %v (waited %v), want ErrNotTaking after 200ms", err, printer.Waited(err))
	}
	if m := printer.Message(err); !strings.Contains(m, "0.2 秒内没有接收") || !strings.Contains(m, "did not take the job within 0.2 s") {
		t.Errorf("Message = %q, want how long it waited", m)
	}
}

// TestFilePipeThatReads: a pipe that something reads gets the whole job,
// and its status is "cannot tell" (a pipe cannot answer), not a printer
// that did not answer.
func TestFilePipeThatReads(t *testing.T) {
	path := fifo(t)
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(path) // blocks until the job's writer opens
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	pr, err := printer.OpenPrinter("file://"+path, printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	// The reader may not have opened yet: the first print may find
	// nobody, the next one finds it.
	deadline := time.Now().Add(5 * time.Second)
	for err = pr.Print(receipt("TB1:FIFO")); errors.Is(err, printer.ErrNotTaking) && time.Now().Before(deadline); err = pr.Print(receipt("TB1:FIFO")) {
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("Print = %v", err)
	}
	job, _ := printer.EncodeESCPOS(receipt("TB1:FIFO"), printer.Profiles["58"], fonts())
	select {
	case b := <-got:
		if !bytes.Equal(b, job) {
			t.Errorf("the pipe got %d bytes, want the %d-byte job", len(b), len(job))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the job never arrived")
	}
}

// TestFileDeviceThatRefuses: a device that refuses the data (/dev/full
// answers ENOSPC, as a parallel-port printer out of paper does) says the
// device refused it, and carries no system error that would read as a
// full disk.
func TestFileDeviceThatRefuses(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	tr, err := printer.Open("file:///dev/full")
	if err != nil {
		t.Fatal(err)
	}
	err = tr.Write([]byte("x"))
	if !errors.Is(err, printer.ErrDeviceRefused) || errors.Is(err, syscall.ENOSPC) {
		t.Errorf("Write to /dev/full = %v, want ErrDeviceRefused without ENOSPC", err)
	}
	m := printer.Message(err)
	if !strings.Contains(m, "The device /dev/full refused the data (no space left on device)") || strings.Contains(m, "disk") {
		t.Errorf("Message = %q, want the device refused the data", m)
	}
}
