package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"tongban/printer/printertest"
)

// fakeCUPS puts a fake lp (and lpstat unless c.NoLpstat) alone on PATH, so
// that the machine's own CUPS commands are not found.
func fakeCUPS(t *testing.T, c printertest.FakeCUPS) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake CUPS is shell scripts")
	}
	bin := t.TempDir()
	if err := printertest.WriteFakeCUPS(bin, c); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
}

// notTheCable fails when a sentence blames the cable and power for what
// is not theirs.
func notTheCable(t *testing.T, what, said string) {
	t.Helper()
	if strings.Contains(said, "数据线") || strings.Contains(said, "cable") {
		t.Errorf("%s blames the cable: %q", what, said)
	}
}

// TestPrintTestOnCUPSSaysWhatLpSaid: a mistyped CUPS queue is named as
// one, with lp's own words, and any other refusal of lp carries them too;
// a machine without lp is told that CUPS is not installed.
func TestPrintTestOnCUPSSaysWhatLpSaid(t *testing.T) {
	fakeCUPS(t, printertest.FakeCUPS{NoLpstat: true, Queues: map[string]printertest.FakeQueue{
		"Full": {Refuse: `lp: Destination "Full" is not accepting jobs.`},
	}})
	_, errOut, exit := run(t, t.TempDir(), "print-test", "--printer", "cups://missing")
	zh, en := wantBilingual(t, "print-test on a queue CUPS lacks", errOut)
	if exit != exitFailed || !strings.Contains(zh, `CUPS 里没有名为 "missing" 的打印队列`) || !strings.Contains(zh, "lpstat -p") ||
		!strings.Contains(en, `CUPS has no queue named "missing": lpstat -p lists the queues`) ||
		!strings.Contains(en, "(lp: The printer or class does not exist.)") {
		t.Errorf("print-test --printer cups://missing: exit %d, %q", exit, errOut)
	}
	notTheCable(t, "a queue CUPS lacks", errOut)

	_, errOut, exit = run(t, t.TempDir(), "print-test", "--printer", "cups://Full")
	zh, en = wantBilingual(t, "print-test on a queue that refuses jobs", errOut)
	if exit != exitFailed || !strings.Contains(zh, `lp: Destination "Full" is not accepting jobs.`) ||
		!strings.Contains(en, `The CUPS print service reports an error for cups://Full (lp: Destination "Full" is not accepting jobs.)`) ||
		!strings.HasSuffix(en, "run the command again.") {
		t.Errorf("print-test --printer cups://Full: exit %d, %q", exit, errOut)
	}
	notTheCable(t, "a queue that refuses jobs", errOut)

	t.Setenv("PATH", t.TempDir()) // no lp at all
	_, errOut, exit = run(t, t.TempDir(), "print-test", "--printer", "cups://Receipt_58")
	zh, en = wantBilingual(t, "print-test without CUPS", errOut)
	if exit != exitFailed || !strings.Contains(zh, "没有安装 CUPS") || !strings.Contains(en, "CUPS is not installed") ||
		!strings.Contains(en, "sudo apt install cups-client") {
		t.Errorf("print-test on cups:// without lp: exit %d, %q", exit, errOut)
	}
}

// TestStatusChecksTheCUPSQueue: tongban status asks lpstat about the
// queue: one that is there cannot tell more (no_status, no problem); one
// that is missing or that CUPS stopped is printer_not_ready; without
// lpstat status says what it can and no more.
func TestStatusChecksTheCUPSQueue(t *testing.T) {
	data := t.TempDir()
	t.Run("without lpstat", func(t *testing.T) {
		fakeCUPS(t, printertest.FakeCUPS{NoLpstat: true})
		must(t, data, "config", "printer", "cups://Receipt_58")
		if s := statusOf(t, data); s.PrinterState != "no_status" || codes(s) != "" {
			t.Errorf("printer_state %q, problems %q; want no_status and none", s.PrinterState, codes(s))
		}
	})
	fakeCUPS(t, printertest.FakeCUPS{Queues: map[string]printertest.FakeQueue{
		"Receipt_58": {}, "Stopped": {Disabled: "Unplugged or turned off"},
	}})
	tests := []struct {
		queue, state, problems string
		note                   []string
	}{
		{"Receipt_58", "no_status", "", nil},
		{"missing", "no_queue", "printer_not_ready", []string{`CUPS has no queue named "missing"`, "lpstat -p"}},
		{"Stopped", "queue_disabled", "printer_not_ready",
			[]string{`CUPS has disabled the queue "Stopped" (Unplugged or turned off)`, "cupsenable Stopped", "run tongban status again"}},
	}
	for _, tt := range tests {
		must(t, data, "config", "printer", "cups://"+tt.queue)
		s := statusOf(t, data)
		if s.PrinterState != tt.state || codes(s) != tt.problems {
			t.Errorf("cups://%s: printer_state %q, problems %q; want %q and %q", tt.queue, s.PrinterState, codes(s), tt.state, tt.problems)
		}
		for _, p := range s.Problems {
			for _, want := range tt.note {
				if p.Code == "printer_not_ready" && !strings.Contains(p.Message, want) {
					t.Errorf("cups://%s: the problem says %q, want %q in it", tt.queue, p.Message, want)
				}
			}
			notTheCable(t, "cups://"+tt.queue, p.Message)
		}
	}

}

// TestPrintTestToAFolderOfFile: a file:// path that is a folder is told as
// a folder, not as a printer with a loose cable.
func TestPrintTestToAFolderOfFile(t *testing.T) {
	dir := t.TempDir()
	_, errOut, exit := run(t, t.TempDir(), "print-test", "--printer", "file://"+dir)
	zh, en := wantBilingual(t, "print-test to a folder", errOut)
	if exit != exitBadArgs || !strings.Contains(zh, "是一个文件夹，不是打印机设备") || !strings.Contains(en, dir+" is a folder, not a printer device") {
		t.Errorf("print-test --printer file://%s: exit %d, %q", dir, exit, errOut)
	}
	notTheCable(t, "a folder", errOut)
}

// TestStatusOfAPrinterThatDoesNotAnswer: a network printer that takes the
// connection but never answers DLE EOT, or answers a byte that is no
// status, did not answer: status says so plainly (no_answer, not no_status,
// and not a problem by itself, as some models never answer), and
// print-test still prints on it.
func TestStatusOfAPrinterThatDoesNotAnswer(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setUp func(*printertest.FakePrinter)
	}{
		{"silent", func(p *printertest.FakePrinter) { p.SetMute(true) }},
		{"answers 0xff", func(p *printertest.FakePrinter) { p.SetReply(1, 0xff) }},
	} {
		p := fakePrinter(t)
		tt.setUp(p)
		data := t.TempDir()
		must(t, data, "config", "printer", p.URL())
		out := must(t, data, "status")
		if !strings.Contains(out, "打印机没有回应状态查询") || !strings.Contains(out, "The printer did not answer the status query: if nothing comes out, check the printer") ||
			strings.Contains(out, "cannot report status") {
			t.Errorf("%s: status says\n%s\nwant that the printer did not answer", tt.name, out)
		}
		s := statusOf(t, data)
		if s.PrinterState != "no_answer" {
			t.Errorf("%s: printer_state %q, want no_answer", tt.name, s.PrinterState)
		}
		if strings.Contains(codes(s), "printer") {
			t.Errorf("%s: problems %q; a printer that does not answer is no problem by itself "+
				"(health.go problems() must list no_answer beside ready and no_status)", tt.name, codes(s))
		}
		if out, errOut, exit := run(t, data, "print-test"); exit != 0 || !strings.Contains(out, "Test page sent") ||
			!strings.Contains(out, "did not answer the status query") {
			t.Errorf("%s: print-test: exit %d, %q %q; want sent, and that the printer did not answer", tt.name, exit, out, errOut)
		}
		if _, err := p.WaitJobs(1); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

// TestPrintTestSaysWhatIsWrongWithTheAddress: a printer address that
// cannot be a printer says what is wrong with it, Chinese then English.
func TestPrintTestSaysWhatIsWrongWithTheAddress(t *testing.T) {
	for _, tt := range []struct{ url, zh, en string }{
		{"tcp://127.0.0.1:99999", "端口须是 1 到 65535 之间的数字", `the port must be a number from 1 to 65535, not "99999"`},
		{"tcp://:9100", "缺少打印机的主机名或 IP 地址", "the printer's host name or IP address is missing"},
		{"lpt://LPT1", "不认识 lpt://", "lpt:// is not a printer address; use one of tcp://HOST:PORT"},
		{"file://dev/usb/lp0", "须从 / 开始", "must start with / (three slashes after file:), as in file:///dev/usb/lp0"},
		{"cups://server/Receipt_58", "队列名不能含 /", "a queue name cannot hold /"},
	} {
		_, errOut, exit := run(t, t.TempDir(), "print-test", "--printer", tt.url)
		zh, en := wantBilingual(t, "print-test --printer "+tt.url, errOut)
		if exit != exitBadArgs || !strings.Contains(zh, tt.zh) || !strings.Contains(en, tt.en) ||
			!strings.Contains(en, `The printer address "`+tt.url+`" is not valid`) {
			t.Errorf("print-test --printer %s: exit %d, %q; want %q / %q", tt.url, exit, errOut, tt.zh, tt.en)
		}
	}
}

// TestStatusOfAStoredFileAddressThatBecameAFolder: a device path set while
// nothing was there, and a folder now, is misconfigured, said as a folder.
func TestStatusOfAStoredFileAddressThatBecameAFolder(t *testing.T) {
	data, dev := t.TempDir(), filepath.Join(t.TempDir(), "lp0")
	must(t, data, "config", "printer", "file://"+dev)
	if err := os.Mkdir(dev, 0o755); err != nil {
		t.Fatal(err)
	}
	s := statusOf(t, data)
	if s.PrinterState != "misconfigured" || codes(s) != "printer_not_ready" {
		t.Errorf("printer_state %q, problems %q; want misconfigured and printer_not_ready", s.PrinterState, codes(s))
	}
	for _, p := range s.Problems {
		if p.Code == "printer_not_ready" && !strings.Contains(p.Message, "is a folder, not a printer device") {
			t.Errorf("the problem says %q", p.Message)
		}
	}
}
