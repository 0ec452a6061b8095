//go:build linux

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPrintTestToAPipeNobodyReads: a file:// device that takes no data (a
// pipe nobody reads, as a USB printer offline blocks) ends print-test with
// a sentence instead of hanging, and status calls it offline, a problem.
func TestPrintTestToAPipeNobodyReads(t *testing.T) {
	ff := filepath.Join(t.TempDir(), "ff")
	if err := syscall.Mkfifo(ff, 0o600); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	data := t.TempDir()
	type result struct {
		errOut string
		exit   int
	}
	done := make(chan result, 1)
	go func() {
		_, errOut, exit := run(t, data, "print-test", "--printer", "file://"+ff)
		done <- result{errOut, exit}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("print-test to a pipe nobody reads still hangs after 20 s")
	}
	_, en := wantBilingual(t, "print-test to a pipe nobody reads", r.errOut)
	if r.exit != exitFailed || !strings.Contains(en, "The printer file://"+ff+" did not take the job: check that it is on, has paper and is connected") {
		t.Errorf("print-test: exit %d, %q", r.exit, r.errOut)
	}
	addLicenceCase(t, data)
	must(t, data, "config", "printer", "file://"+ff)
	s := statusOf(t, data)
	if s.PrinterState != "offline" || codes(s) != "printer_not_ready" {
		t.Errorf("printer_state %q, problems %q; want offline and printer_not_ready", s.PrinterState, codes(s))
	}
	for _, p := range s.Problems {
		if p.Code == "printer_not_ready" && !strings.Contains(p.Message, "is not taking data") {
			t.Errorf("the problem says %q", p.Message)
		}
	}
}

// TestPrintTestToADeviceThatRefuses: /dev/full refuses the data, which is
// said of the device, not as a full disk.
func TestPrintTestToADeviceThatRefuses(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	_, errOut, exit := run(t, t.TempDir(), "print-test", "--printer", "file:///dev/full")
	zh, en := wantBilingual(t, "print-test to /dev/full", errOut)
	if exit != exitFailed || !strings.Contains(en, "The device file:///dev/full refused the data (write /dev/full: no space left on device)") ||
		strings.Contains(zh, "磁盘已满") || strings.Contains(en, "disk is full") {
		t.Errorf("print-test --printer file:///dev/full: exit %d, %q", exit, errOut)
	}
}
