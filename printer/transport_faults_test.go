package printer_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"tongban/printer"
)

// TestDirThatIsAFile: a dir:// address that names a plain file is refused
// when it is set, as a file:// folder is, not when the first job fails.
func TestDirThatIsAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "receipts")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := printer.Open("dir://" + file)
	if !errors.Is(err, printer.ErrBadURL) || !strings.Contains(printer.Message(err), file+" is a file, not a folder") {
		t.Errorf("Open(dir:// a file) = %v, want ErrBadURL saying it is a file", err)
	}
	if _, err := printer.Open("dir://" + filepath.Join(t.TempDir(), "not-yet")); err != nil {
		t.Errorf("Open(dir:// a folder not made yet) = %v, want it made at the first job", err)
	}
}

// TestTCPNameNotFound: a host name that cannot be looked up says so and
// what to do (the address, or the IP), not the cable.
func TestTCPNameNotFound(t *testing.T) {
	// Not a valid domain name: the resolver refuses it without asking a
	// name server.
	tr, err := printer.Open("tcp://printer..invalid:9100")
	if err != nil {
		t.Fatal(err)
	}
	err = tr.Write([]byte("x"))
	m := printer.Message(err)
	if !errors.Is(err, printer.ErrNoSuchHost) || !errors.Is(err, printer.ErrUnreachable) ||
		!strings.Contains(m, "host name printer..invalid cannot be found") || !strings.Contains(m, "IP address") || strings.Contains(m, "cable") {
		t.Errorf("Write = %v (%q), want ErrNoSuchHost naming the host", err, m)
	}
	if _, err := tr.Status(); !errors.Is(err, printer.ErrNoSuchHost) {
		t.Errorf("Status = %v, want ErrNoSuchHost", err)
	}
}

// TestTCPPortThatHangsUpIsNoPrinter: a port that accepts and closes at
// once is told as probably not a printer port, not as a loose cable.
func TestTCPPortThatHangsUpIsNoPrinter(t *testing.T) {
	addr := hangingUp(t)
	pr, err := printer.OpenPrinter("tcp://"+addr, printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	for what, err := range map[string]error{"Print": pr.Print(receipt("TB1:X")), "Status": second(pr.Status())} {
		m := printer.Message(err)
		if !errors.Is(err, printer.ErrNotAPrinterPort) || !strings.Contains(m, "Something answered at "+addr+" but closed the connection at once") ||
			!strings.Contains(m, "9100") || strings.Contains(m, "cable") {
			t.Errorf("%s = %v (%q), want ErrNotAPrinterPort", what, err, m)
		}
	}
}

// TestCheckedSaysWhatThePrinterSaid: after a print, Checked tells what the
// printer said on the job's own connection: a mute printer did not answer
// (the job went out unchecked), an answering one its status.
func TestCheckedSaysWhatThePrinterSaid(t *testing.T) {
	fake := startFake(t)
	pr, err := printer.OpenPrinter(fake.URL(), printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pr.Checked(); !errors.Is(err, printer.ErrStatusUnsupported) {
		t.Errorf("Checked before any print = %v, want ErrStatusUnsupported", err)
	}
	if err := pr.Print(receipt("TB1:X")); err != nil {
		t.Fatal(err)
	}
	if st, err := pr.Checked(); err != nil || !st.Online {
		t.Errorf("Checked after printing to an answering printer = %+v, %v; want online", st, err)
	}
	fake.SetMute(true)
	if err := pr.Print(receipt("TB1:X")); err != nil {
		t.Fatal(err)
	}
	if _, err := pr.Checked(); !errors.Is(err, printer.ErrNoAnswer) {
		t.Errorf("Checked after printing to a mute printer = %v, want ErrNoAnswer", err)
	}
	if n := fake.Connections(); n != 2 {
		t.Errorf("%d connections for two prints, want 2 (Checked asks nothing)", n)
	}
}

// A print folder that takes no file says why in words IT acts on — a
// full disk, or a folder it cannot write (a read-only disk, no write
// permission) — not that the printer cannot be reached (a cable to check)
// nor that the user needs the lp group; each is still a case of
// ErrUnreachable.
func TestDirFolderFaults(t *testing.T) {
	for _, tt := range []struct {
		errno syscall.Errno
		want  error
		says  string
	}{
		{syscall.ENOSPC, printer.ErrFolderFull, "磁盘已满"},
		{syscall.EDQUOT, printer.ErrFolderFull, "磁盘已满"},
		{syscall.EROFS, printer.ErrFolderNotWritable, "不能写入"},
		{syscall.EACCES, printer.ErrFolderNotWritable, "没有写权限"},
		{syscall.ENOTDIR, printer.ErrFolderNotWritable, "不能写入"},
	} {
		err := printer.DirError(&fs.PathError{Op: "write", Path: "/var/lib/tongban/receipts/000001.bin", Err: tt.errno})
		if !errors.Is(err, tt.want) || !errors.Is(err, printer.ErrUnreachable) || !strings.Contains(printer.Message(err), tt.says) {
			t.Errorf("dirError(%v) = %v, says %q; want %v, a case of ErrUnreachable", tt.errno, err, printer.Message(err), tt.want)
		}
	}
}
