package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongban/app/receipt"
	"tongban/app/scan"
	"tongban/printer"
	"tongban/printer/printertest"
)

func fakePrinter(t *testing.T) *printertest.FakePrinter {
	t.Helper()
	p, err := printertest.NewFakePrinter()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// clerkWithPrinter is a counter's data folder with a fake printer set up
// and the clerk S001 王芳.
func clerkWithPrinter(t *testing.T) (data string, p *printertest.FakePrinter) {
	t.Helper()
	data, p = t.TempDir(), fakePrinter(t)
	run(t, data, "config", "printer", p.URL())
	if _, errOut, exit := run(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468"); exit != 0 {
		t.Fatalf("staff add: %s", errOut)
	}
	return data, p
}

// lastPrinted waits for the n-th job and returns the text of the last one,
// decoded: its lines, and the lines joined.
func lastPrinted(t *testing.T, p *printertest.FakePrinter, n int) (lines []string, text string) {
	t.Helper()
	jobs, err := p.WaitJobs(n)
	if err != nil {
		t.Fatal(err)
	}
	d, err := printertest.Decode(jobs[len(jobs)-1])
	if err != nil {
		t.Fatal(err)
	}
	return d.Lines, strings.Join(d.Lines, "")
}

func TestPrintTestSendsChineseAndAQR(t *testing.T) {
	for _, profile := range []string{"58", "58-raster", "80-epson"} {
		p := fakePrinter(t)
		_, errOut, exit := run(t, t.TempDir(), "print-test", "--printer", p.URL(), "--profile", profile)
		if exit != 0 {
			t.Fatalf("print-test %s: %s", profile, errOut)
		}
		jobs, err := p.WaitJobs(1)
		if err != nil {
			t.Fatal(err)
		}
		d, err := printertest.Decode(jobs[0])
		if err != nil {
			t.Fatalf("%s: decoding what was printed: %v", profile, err)
		}
		text := strings.Join(d.Lines, "\n")
		if profile != "80-epson" && !strings.Contains(text, "测试") { // Epson class: text goes as raster images
			t.Errorf("%s: the test page's text lacks 测试:\n%s", profile, text)
		}
		if len(d.QRs) == 0 && len(d.Images) == 0 {
			t.Errorf("%s: neither a QR command nor a raster was sent", profile)
		}
	}
}

func TestReceiptPrintsAndItsQROpensToTheCase(t *testing.T) {
	data := t.TempDir()
	p := fakePrinter(t)
	run(t, data, "config", "printer", p.URL())
	n := addLicenceCase(t, data)
	if _, errOut, exit := run(t, data, "receipt", n, "--print"); exit != 0 {
		t.Fatalf("receipt --print: %s", errOut)
	}
	jobs, _ := p.WaitJobs(1)
	d, err := printertest.Decode(jobs[0])
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(d.Lines, "")
	if !strings.Contains(text, "受理回执") || !strings.Contains(text, n) || len(d.QRs) != 1 {
		t.Fatalf("printed receipt: QRs %d, text:\n%s", len(d.QRs), strings.Join(d.Lines, "\n"))
	}
	dev := &call{env: Env{Getenv: func(k string) string {
		if k == "TONGBAN_DATA" {
			return data
		}
		return ""
	}}}
	dv, err := dev.open()
	if err != nil {
		t.Fatal(err)
	}
	defer dv.close()
	ring, _ := dv.storedKeys()
	e, err := receipt.OpenCase(ring, d.QRs[0])
	if err != nil {
		t.Fatalf("the printed QR does not open: %v", err)
	}
	c, _ := dv.store.ByNumber(n)
	if e.CaseID != c.ID || e.Digest() != c.Events[0].Digest() {
		t.Fatalf("the printed QR opens to %s, want case %s's submission", e.CaseID, c.ID)
	}
	if c.Printed != 1 {
		t.Fatalf("the print was not recorded on the case: printed %d", c.Printed)
	}
	if _, ok := scan.Payload(d.QRs[0]); !ok {
		t.Fatal("the printed payload is not a receipt")
	}
}

func TestPrinterFaultIsOneSentenceAndTheCaseStays(t *testing.T) {
	data := t.TempDir()
	p := fakePrinter(t)
	p.SetStatus(printer.Status{Online: true, PaperOut: true})
	run(t, data, "config", "printer", p.URL())
	n := addLicenceCase(t, data)
	_, errOut, exit := run(t, data, "receipt", n, "--print")
	if exit != 1 || !strings.Contains(errOut, "缺纸") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("paper out: exit %d, %q", exit, errOut)
	}
	p.SetStatus(printer.Status{Online: true})
	if _, errOut, exit := run(t, data, "receipt", n, "--print"); exit != 0 {
		t.Fatalf("printing again once paper is in: %s", errOut)
	}
	if _, _, exit := run(t, data, "cases", "show", n); exit != 0 {
		t.Fatal("the case is gone after a printer fault")
	}
}

// TestPrintingSaysWhereTheJobWent: receipt --print names the printer, and
// with no printer set up (dir://) the file it wrote.
func TestPrintingSaysWhereTheJobWent(t *testing.T) {
	data := t.TempDir()
	n := addLicenceCase(t, data)
	out, errOut, exit := run(t, data, "receipt", n, "--print")
	file := filepath.Join(data, "receipts", "000001.bin")
	if exit != 0 || !strings.Contains(out, "已打印到文件 "+file) || !strings.Contains(out, "Printed to the file "+file) {
		t.Fatalf("receipt --print with no printer set up: exit %d, %q %q; want the file %s named", exit, out, errOut, file)
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("the named file is not there: %v", err)
	}
	p := fakePrinter(t)
	run(t, data, "config", "printer", p.URL())
	if out, errOut, exit := run(t, data, "receipt", n, "--print"); exit != 0 || !strings.Contains(out, "Sent to the printer "+p.URL()) {
		t.Fatalf("receipt --print on %s: exit %d, %q %q", p.URL(), exit, out, errOut)
	}
	if out, _, _ := run(t, data, "print-test"); !strings.Contains(out, p.URL()) {
		t.Errorf("print-test does not say where the page went: %q", out)
	}
}

// A refusal whose notice does not print is saved all the same; the error
// says so and how to print the notice later, and tongban receipt prints
// the refusal notice (signed with the clerk's name), not a receipt.
func TestNoticeThatFailedToPrintPrintsLater(t *testing.T) {
	data, p := clerkWithPrinter(t)
	p.SetStatus(printer.Status{Online: true, PaperOut: true})
	n := addLicenceCase(t, data)
	_, errOut, exit := run(t, data, "cases", "refuse", n, "--staff", "S001", "--reason", "不属于本中心受理范围", "--print")
	if want := "tongban receipt " + n + " --print"; exit != 1 || !strings.Contains(errOut, "缺纸") || !strings.Contains(errOut, want) ||
		!strings.Contains(errOut, "已保存") || strings.Contains(errOut, "再运行一次此命令") {
		t.Fatalf("refuse --print on a printer out of paper: exit %d, %q; want exit 1, the fault, that it is saved, and %q", exit, errOut, want)
	}
	if out, _, _ := run(t, data, "cases", "show", n, "--json"); !strings.Contains(out, `"status": "refused"`) {
		t.Fatalf("the refusal was not saved: %s", out)
	}

	p.SetStatus(printer.Status{Online: true})
	out, errOut, exit := run(t, data, "receipt", n, "--print")
	if exit != 0 || !strings.Contains(out, "不予受理通知书") {
		t.Fatalf("receipt --print of a refused case: exit %d, %q %q; want the refusal notice", exit, out, errOut)
	}
	lines, text := lastPrinted(t, p, 1)
	if !strings.Contains(text, "不予受理通知书") || !strings.Contains(text, "不属于本中心受理范围") || !strings.Contains(text, "王芳") ||
		strings.Contains(text, "受理回执") {
		t.Fatalf("printed for a refused case (want the refusal notice with its reason, signed 王芳):\n%s", strings.Join(lines, "\n"))
	}

	for _, tt := range []struct {
		document string
		exit     int
	}{{"receipt", 2}, {"supplement", 2}, {"refusal", 0}, {"ticket", 2}, {"letter", 2}} {
		if _, errOut, exit := run(t, data, "receipt", n, "--document", tt.document, "--png", filepath.Join(t.TempDir(), "d.png")); exit != tt.exit {
			t.Errorf("receipt --document %s of a refused case: exit %d, want %d: %s", tt.document, exit, tt.exit, errOut)
		}
	}
}

// A queue ticket the kiosk's printer failed to print prints again by
// name, with its number.
func TestQueueTicketPrintsAgain(t *testing.T) {
	data, p := clerkWithPrinter(t)
	n := addLicenceCase(t, data)
	d, err := (&call{env: Env{Getenv: func(string) string { return "" }}, data: data}).open()
	if err != nil {
		t.Fatal(err)
	}
	cs, err := d.store.ByNumber(n)
	if err != nil {
		t.Fatal(err)
	}
	ticket, _, err := d.store.IssueTicket(cs.ID, "A")
	d.close()
	if err != nil {
		t.Fatal(err)
	}
	if out, errOut, exit := run(t, data, "receipt", n, "--print", "--document", "ticket"); exit != 0 || !strings.Contains(out, "取号单") {
		t.Fatalf("receipt --print --document ticket: exit %d, %q %q", exit, out, errOut)
	}
	if lines, text := lastPrinted(t, p, 1); !strings.Contains(text, ticket.Number) || strings.Contains(text, "受理回执") {
		t.Fatalf("printed for --document ticket (want the ticket %s):\n%s", ticket.Number, strings.Join(lines, "\n"))
	}
}

// Keys move between devices that are not enrolled; an enrolled device
// refuses them, as its receipts must stay sealed with the platform's key.
func TestKeysImportOnlyWhereNotEnrolled(t *testing.T) {
	from, to := t.TempDir(), t.TempDir()
	file := filepath.Join(t.TempDir(), "keys.json")
	addLicenceCase(t, from)
	if out, errOut, exit := run(t, from, "keys", "export", file, "--json"); exit != 0 || !strings.Contains(out, `"keys": 1`) {
		t.Fatalf("keys export --json: exit %d, %q %q", exit, out, errOut)
	}
	if _, errOut, exit := run(t, from, "keys", "export", file); exit != 2 || !strings.Contains(errOut, "exists already") {
		t.Fatalf("keys export over an existing file: exit %d, %q; want exit 2 and that it exists", exit, errOut)
	}
	out, errOut, exit := run(t, to, "keys", "import", file)
	if exit != 0 || !strings.HasPrefix(out, "已导入 1 个新的回执密钥（本机共 1 个），本机今后用密钥 ") || strings.Count(out, "\n") != 1 {
		t.Fatalf("keys import on a new device: exit %d, %q %q; want one line saying 1 key was imported", exit, out, errOut)
	}

	for _, content := range []string{`{"id":"X"}`, `[]`, `not json`} {
		bad := filepath.Join(t.TempDir(), "bad.json")
		os.WriteFile(bad, []byte(content), 0o600)
		_, errOut, exit := run(t, to, "keys", "import", bad)
		wantRefusal(t, "keys import of "+content, errOut, exit, "不是回执密钥文件", "not a receipt key file")
		if strings.Contains(errOut, "Go value") || strings.Contains(errOut, "unmarshal") {
			t.Errorf("keys import of %s names Go's types: %q", content, errOut)
		}
	}

	// The audit's case: a second kiosk had made a key of its own (its
	// first case) before the import. It seals with the imported key from
	// then on, so the first device opens its receipts, and it is told its
	// older receipts need its own key to go the other way.
	second := t.TempDir()
	must(t, second, "receipt", addLicenceCase(t, second), "--png", filepath.Join(t.TempDir(), "first.png")) // seals: makes its key
	out, errOut, exit = run(t, second, "keys", "import", file)
	if exit != 0 || !strings.Contains(out, "（本机共 2 个）") || !strings.Contains(out, "此前用自己的密钥") || !strings.Contains(out, "tongban keys export FILE here") {
		t.Fatalf("keys import on a device with a key of its own: exit %d, %q %q; want 2 keys and the note on its own key", exit, out, errOut)
	}
	n := addLicenceCase(t, second)
	var r struct {
		Payload string `json:"payload"`
	}
	if err := json.Unmarshal([]byte(must(t, second, "receipt", n, "--png", filepath.Join(t.TempDir(), "r.png"), "--json")), &r); err != nil || r.Payload == "" {
		t.Fatalf("receipt --json gave no payload (%v)", err)
	}
	payload := r.Payload
	if out, errOut, exit := run(t, from, "scan", "--text", payload); exit != 0 || !strings.Contains(out, n) {
		t.Fatalf("scan on the exporting device of a receipt sealed after the import: exit %d, %q %q; want case %s", exit, out, errOut, n)
	}

	url := startPlatform(t)
	enrolled := t.TempDir()
	code := strings.TrimSpace(must(t, "", "platform", "code", "--url", url, "--token", testAdminToken, "--center", "130102", "--role", "counter"))
	must(t, enrolled, "enroll", "--platform", url, "--code", code)
	_, errOut, exit = run(t, enrolled, "keys", "import", file)
	if exit != 2 || !strings.Contains(errOut, "已向平台注册") || !strings.Contains(errOut, "enrolled with a platform") {
		t.Fatalf("keys import on an enrolled device: exit %d, %q; want exit 2 and a sentence saying it is enrolled", exit, errOut)
	}
}

// A print folder that cannot be written is told as a folder, with the
// reason, not as a printer whose cable is loose.
func TestPrintFolderThatCannotBeWritten(t *testing.T) {
	_, errOut, exit := run(t, t.TempDir(), "print-test", "--printer", "dir:///proc/tongban-nowhere")
	if exit != 1 || !strings.Contains(errOut, "print folder") || !strings.Contains(errOut, "no such file") || strings.Contains(errOut, "cable") {
		t.Fatalf("print-test to a folder that cannot be made: exit %d, %q", exit, errOut)
	}
}
