package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"tongban/printer"
)

// TestDiskFullHasItsOwnSentence: an error of a full disk, however deep
// and however marked, is reported in its own sentence in both languages,
// naming the file, not "the command did not finish, see the English".
func TestDiskFullHasItsOwnSentence(t *testing.T) {
	enospc := &fs.PathError{Op: "write", Path: "/var/lib/tongban/tongban.db", Err: syscall.ENOSPC}
	for _, err := range []error{
		fmt.Errorf("saving the case: %w", enospc),
		&badInput{fmt.Errorf("commit: %w", enospc)},
		failf(tCannotWrite, "/tmp/r.png", enospc),
	} {
		var out bytes.Buffer
		code := report(&out, err)
		zh, en := wantBilingual(t, "a full disk", out.String())
		if code != exitFailed || zh != tDiskFull.ZH || !strings.Contains(en, "The disk is full (no space left on device for ") || strings.Contains(zh, tFailedLead.ZH) {
			t.Errorf("report(%v): exit %d, %q; want exit 1 and the disk-full sentence", err, code, out.String())
		}
	}
	var out bytes.Buffer
	report(&out, syscall.ENOSPC)
	if _, en := wantBilingual(t, "a bare ENOSPC", out.String()); !strings.Contains(en, "(no space left on device), so the command did not finish") {
		t.Errorf("a bare ENOSPC says %q", out.String())
	}
}

// TestDiskFullFromACommand: a real write on a full device (Linux's
// /dev/full) comes out of a command in that sentence. (A printer device
// that answers so says the device refused the data: printing.go.)
func TestDiskFullFromACommand(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/dev/full is Linux's")
	}
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	data := t.TempDir()
	n := addLicenceCase(t, data)
	_, errOut, code := run(t, data, "receipt", n, "--png", "/dev/full")
	if zh, en := wantBilingual(t, "receipt --png /dev/full", errOut); code != exitFailed || zh != tDiskFull.ZH || !strings.Contains(en, "The disk is full") {
		t.Errorf("receipt --png /dev/full: exit %d, %q", code, errOut)
	}
}

// TestPrinterFaultKeepsItsSentence: a printer's fault over a full or
// read-only disk is the print folder's, which may be on another disk
// than the data folder: diskFull leaves it to the printer's sentence.
func TestPrinterFaultKeepsItsSentence(t *testing.T) {
	file := filepath.Join(t.TempDir(), "receipts")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tr, err := printer.Open("dir://" + file + "/today")
	if err != nil {
		t.Fatal(err)
	}
	fault := tr.Write([]byte("x"))
	for _, errno := range []syscall.Errno{syscall.EROFS, syscall.ENOSPC} {
		err := fmt.Errorf("%w (%w)", fault, errno)
		if got := diskFull(err); got != err {
			t.Errorf("diskFull(a printer fault over %v) = %v; want it unchanged", errno, got)
		}
	}
}
