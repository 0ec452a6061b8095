package printer_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"tongban/printer"
	"tongban/printer/printertest"
)

func startFake(t *testing.T) *printertest.FakePrinter {
	t.Helper()
	fake, err := printertest.NewFakePrinter()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fake.Close() })
	return fake
}

func TestPrintRefusesFaultyPrinter(t *testing.T) {
	tests := []struct {
		name   string
		status printer.Status
		want   error
	}{
		{"paper out", printer.Status{PaperOut: true}, printer.ErrPaperOut},
		{"cover open", printer.Status{CoverOpen: true}, printer.ErrCoverOpen},
		{"cutter jam", printer.Status{Error: true}, printer.ErrPrinterFault},
		{"offline", printer.Status{}, printer.ErrOffline},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := startFake(t)
			fake.SetStatus(tt.status)
			pr, err := printer.OpenPrinter(fake.URL(), printer.Profiles["58"], fonts())
			if err != nil {
				t.Fatal(err)
			}
			err = pr.Print(receipt("TB1:ABC"))
			if !errors.Is(err, tt.want) {
				t.Fatalf("Print = %v, want %v", err, tt.want)
			}
			if printer.Message(err) != tt.want.Error() {
				t.Errorf("Message = %q, want the sentence of %v", printer.Message(err), tt.want)
			}
			// Close waits for every connection made, so no job can be
			// still on its way.
			fake.Close()
			if jobs := fake.Jobs(); len(jobs) != 0 {
				t.Errorf("the faulty printer got %d jobs, want none", len(jobs))
			}
			if n := fake.StatusQueries(); n != 1 {
				t.Errorf("%d status queries, want 1", n)
			}
			if n := fake.Connections(); n != 1 {
				t.Errorf("%d connections, want 1", n)
			}
		})
	}
}

func TestPrintToHealthyPrinter(t *testing.T) {
	fake := startFake(t)
	fake.SetStatus(printer.Status{Online: true, PaperNearEnd: true})
	pr, err := printer.OpenPrinter(fake.URL(), printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	payload := base45Payload(500)
	if err := pr.Print(receipt(payload)); err != nil {
		t.Fatalf("Print: %v", err)
	}
	jobs, err := fake.WaitJobs(1)
	if err != nil {
		t.Fatal(err)
	}
	// One connection: DLE EOT 1 to 4 answered, then the receipt.
	want, _ := printer.EncodeESCPOS(receipt(payload), printer.Profiles["58"], fonts())
	want = append(statusQueries(1, 2, 3, 4), want...)
	if len(jobs) != 1 || !bytes.Equal(jobs[0], want) {
		t.Fatalf("printer got %d jobs; want exactly the status queries and the encoded receipt", len(jobs))
	}
	if n := fake.Connections(); n != 1 {
		t.Errorf("the job took %d connections, want 1", n)
	}
	d, err := printertest.Decode(jobs[0])
	if err != nil {
		t.Fatal(err)
	}
	if d.StatusQueries != 4 || len(d.QRs) != 1 || d.QRs[0] != payload {
		t.Errorf("job has %d status queries and QRs %q; want 4 and the payload", d.StatusQueries, d.QRs)
	}
	st, err := pr.Status()
	if err != nil || !st.Online || !st.PaperNearEnd || st.PaperOut {
		t.Errorf("Status = %+v, %v; want online with paper near its end", st, err)
	}
}

// TestPrinterThatDoesNotAnswer: a network printer that is silent, or that
// answers DLE EOT with a byte that is no status, did not answer
// (ErrNoAnswer, not "this connection cannot tell", not a fault), and is
// printed to all the same, as some models never answer.
func TestPrinterThatDoesNotAnswer(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setUp func(*printertest.FakePrinter)
	}{
		{"silent", func(f *printertest.FakePrinter) { f.SetMute(true) }},
		{"answers 0xff", func(f *printertest.FakePrinter) { f.SetReply(1, 0xff) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fake := startFake(t)
			tt.setUp(fake)
			pr, err := printer.OpenPrinter(fake.URL(), printer.Profiles["58"], fonts())
			if err != nil {
				t.Fatal(err)
			}
			_, err = pr.Status()
			if !errors.Is(err, printer.ErrNoAnswer) || errors.Is(err, printer.ErrStatusUnsupported) || errors.Is(err, printer.ErrPrinterFault) {
				t.Errorf("Status = %v, want ErrNoAnswer alone", err)
			}
			if msg := printer.Message(err); !strings.Contains(msg, "did not answer the status query") || !strings.Contains(msg, "没有回应状态查询") {
				t.Errorf("Message = %q, want it to say the printer did not answer", msg)
			}
			if err := pr.Print(receipt("TB1:SILENT")); err != nil {
				t.Fatalf("Print = %v, want it printed unchecked", err)
			}
			if _, err := fake.WaitJobs(1); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestUnreachablePrinter(t *testing.T) {
	fake := startFake(t)
	url := fake.URL()
	fake.Close() // nothing listens on the port any more
	pr, err := printer.OpenPrinter(url, printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	if err := pr.Print(receipt("x")); !errors.Is(err, printer.ErrUnreachable) {
		t.Errorf("Print = %v, want ErrUnreachable", err)
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		n, reply byte
		want     printer.Status
		err      bool
	}{
		{1, 0x12, printer.Status{Online: true}, false},
		{1, 0x1a, printer.Status{}, false},
		{2, 0x16, printer.Status{Online: true, CoverOpen: true}, false},
		{2, 0x32, printer.Status{Online: true, PaperOut: true}, false},
		{2, 0x52, printer.Status{Online: true, Error: true}, false},
		{3, 0x1a, printer.Status{Online: true, Error: true}, false},
		{4, 0x1e, printer.Status{Online: true, PaperNearEnd: true}, false},
		{4, 0x72, printer.Status{Online: true, PaperOut: true}, false},
		{1, 0x00, printer.Status{Online: true}, true}, // fixed bits wrong
		{5, 0x12, printer.Status{Online: true}, true},
	}
	for _, tt := range tests {
		got, err := printer.ParseStatus(tt.n, tt.reply)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("ParseStatus(%d, %#02x) = %+v, %v; want %+v, error %v", tt.n, tt.reply, got, err, tt.want, tt.err)
		}
	}
	for _, s := range []printer.Status{{Online: true}, {PaperOut: true}, {CoverOpen: true, PaperNearEnd: true}, {Error: true}} {
		r := printertest.StatusReplies(s)
		got := printer.Status{Online: true}
		for i, b := range r {
			part, err := printer.ParseStatus(byte(i+1), b)
			if err != nil {
				t.Fatal(err)
			}
			got = got.Merge(part)
		}
		if got != s {
			t.Errorf("StatusReplies(%+v) parse back as %+v", s, got)
		}
	}
}

func TestMessages(t *testing.T) {
	errs := []error{
		printer.ErrOffline, printer.ErrPaperOut, printer.ErrCoverOpen, printer.ErrPrinterFault,
		printer.ErrUnreachable, printer.ErrNoPermission, printer.ErrStatusUnsupported, printer.ErrBadURL,
		printer.ErrUnknownProfile, printer.ErrBadProfile, printer.ErrBadDocument, printer.ErrNoFont,
		printer.ErrNoAnswer, printer.ErrNoCUPS, printer.ErrNoQueue, printer.ErrQueueDisabled, printer.ErrCUPSFailed,
	}
	_, perr := printer.ProfileByName("57")
	errs = append(errs, perr)
	for _, err := range errs {
		msg := err.Error()
		zh, en, ok := strings.Cut(msg, "。 ")
		if !ok || zh == "" || !strings.HasSuffix(en, ".") || strings.ContainsFunc(en, func(r rune) bool { return r >= 0x2e80 }) {
			t.Errorf("message %q is not one Chinese sentence then one English sentence", msg)
		}
		if got := printer.Message(err); got != msg {
			t.Errorf("Message(%v) = %q", err, got)
		}
	}
	if !errors.Is(perr, printer.ErrUnknownProfile) || !strings.Contains(perr.Error(), "58-raster") {
		t.Errorf("ProfileByName error %q does not list the profiles", perr)
	}
	if got := printer.Message(errors.New("boom")); !strings.Contains(got, "Print again") {
		t.Errorf("Message of an unknown error = %q", got)
	}
}

func TestProfiles(t *testing.T) {
	for _, name := range printer.ProfileNames() {
		p, err := printer.ProfileByName(name)
		if err != nil || p.Name != name {
			t.Errorf("ProfileByName(%q) = %+v, %v", name, p, err)
		}
		if err := p.Validate(); err != nil {
			t.Errorf("profile %q: %v", name, err)
		}
	}
	if c := printer.Profiles["58"].Columns(); c != 32 {
		t.Errorf("58 mm columns = %d, want 32", c)
	}
	if c := printer.Profiles["80"].Columns(); c != 48 {
		t.Errorf("80 mm columns = %d, want 48", c)
	}
	if err := (printer.Profile{Dots: 100}).Validate(); !errors.Is(err, printer.ErrBadProfile) {
		t.Errorf("Validate of 100 dots = %v, want ErrBadProfile", err)
	}
}

func TestMessageIn(t *testing.T) {
	zh, en := printer.MessageIn(printer.ErrPaperOut)
	if zh != "打印机缺纸，请装入新纸卷后点“重新打印”。" || !strings.HasPrefix(en, "The printer is out of paper") {
		t.Fatalf("MessageIn(ErrPaperOut) = %q, %q", zh, en)
	}
}
