package cli

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongban/printer"
)

// TestStatusOfTheFolderPrinter: the default dir:// folder is no printer
// that is ready: status says documents go into the folder as files and
// how to set a printer up, and counts it as no problem.
func TestStatusOfTheFolderPrinter(t *testing.T) {
	data := t.TempDir()
	addLicenceCase(t, data)
	s := statusOf(t, data)
	if s.PrinterState != "not_set_up" || codes(s) != "" {
		t.Errorf("printer_state %q, problems %q; want not_set_up and none", s.PrinterState, codes(s))
	}
	out := must(t, data, "status")
	folder := strings.TrimPrefix(s.Printer, "dir://")
	if !strings.Contains(out, "documents are written as files into the folder "+folder) || !strings.Contains(out, "tongban config printer") ||
		strings.Contains(out, tPrinterReady.EN) {
		t.Errorf("status of the folder printer says\n%s", out)
	}
	// A folder set on purpose is not "no printer set up".
	set := t.TempDir()
	must(t, data, "config", "printer", "dir://"+set)
	if s := statusOf(t, data); s.PrinterState != "folder" || codes(s) != "" {
		t.Errorf("a folder set on purpose: printer_state %q, problems %q; want folder and none", s.PrinterState, codes(s))
	}
}

// TestPrinterConfigRefusesDirThatIsAFile: dir:// naming a plain file is refused
// when set, not at the first print.
func TestPrinterConfigRefusesDirThatIsAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "receipts")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, exit := run(t, t.TempDir(), "config", "printer", "dir://"+file)
	if _, en := wantBilingual(t, "config printer dir:// a file", errOut); exit != exitBadArgs || !strings.Contains(en, file+" is a file, not a folder") {
		t.Errorf("config printer dir://FILE: exit %d, %q", exit, errOut)
	}
}

// TestPrintTestToNetworkFaults: a host name that cannot be found and a
// port that hangs up are each told as what they are, not as a cable.
func TestPrintTestToNetworkFaults(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	tests := []struct{ url, want string }{
		{"tcp://printer..invalid:9100", "The host name printer..invalid of the printer tcp://printer..invalid:9100 cannot be found: check the address or use the printer's IP address"},
		{"tcp://" + ln.Addr().String(), "Something answered at tcp://" + ln.Addr().String() + " but closed the connection at once, so it is probably not a printer port"},
	}
	for _, tt := range tests {
		_, errOut, exit := run(t, t.TempDir(), "print-test", "--printer", tt.url)
		_, en := wantBilingual(t, "print-test --printer "+tt.url, errOut)
		if exit != exitFailed || !strings.Contains(en, tt.want) || !strings.HasSuffix(en, "run the command again.") {
			t.Errorf("print-test --printer %s: exit %d, %q; want %q", tt.url, exit, errOut, tt.want)
		}
		notTheCable(t, tt.url, errOut)
	}
}

// TestReceiptToASilentPrinterSaysToCheckIt: receipt --print to a printer
// that did not answer the status query adds print-test's note.
func TestReceiptToASilentPrinterSaysToCheckIt(t *testing.T) {
	data := t.TempDir()
	p := fakePrinter(t)
	p.SetMute(true)
	run(t, data, "config", "printer", p.URL())
	n := addLicenceCase(t, data)
	out := must(t, data, "receipt", n, "--print")
	if !strings.Contains(out, "Sent to the printer") || !strings.Contains(out, printer.Message(printer.ErrNoAnswer)) {
		t.Errorf("receipt --print to a silent printer says\n%s\nwant the note to check the printer", out)
	}
	p.SetMute(false)
	if out := must(t, data, "receipt", n, "--print"); strings.Contains(out, printer.Message(printer.ErrNoAnswer)) {
		t.Errorf("receipt --print to an answering printer says\n%s", out)
	}
}

// TestPrintTestWithoutCUPSSaysInstallIt: IT staff run the command, so
// they are told to install cups-client, not to ask IT staff.
func TestPrintTestWithoutCUPSSaysInstallIt(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, errOut, exit := run(t, t.TempDir(), "print-test", "--printer", "cups://Receipt_58")
	zh, en := wantBilingual(t, "print-test without CUPS", errOut)
	if exit != exitFailed || !strings.Contains(en, "install it (sudo apt install cups-client)") || strings.Contains(en, "ask IT staff") ||
		strings.Contains(zh, "联系技术人员") {
		t.Errorf("print-test on cups:// without lp: exit %d, %q", exit, errOut)
	}
}
