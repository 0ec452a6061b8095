package cli

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"
	"time"

	"tongban/app/store"
	"tongban/printer"
)

// statusOf runs tongban status --json on a data folder.
func statusOf(t *testing.T, data string) statusJSON {
	t.Helper()
	var s statusJSON
	if err := json.Unmarshal([]byte(must(t, data, "status", "--json")), &s); err != nil {
		t.Fatalf("status --json: %v", err)
	}
	return s
}

// codes are the problems' codes, leaving out a low disk: the machine the
// tests run on may have one.
func codes(s statusJSON) string {
	var out []string
	for _, p := range s.Problems {
		if p.Code != "disk_low" {
			out = append(out, p.Code)
		}
	}
	return strings.Join(out, ",")
}

// TestStatusProblems: tongban status lists what needs looking at, one
// sentence each in both languages, with a code for scripts; --check exits
// 1 when there is any (and says how many), 0 when there is none; without
// --check status exits 0 either way.
func TestStatusProblems(t *testing.T) {
	hs := startPlatformServer(t)
	data := t.TempDir()
	must(t, data, "enroll", "--platform", hs.URL, "--code", newCode(t, hs.URL, "kiosk"))
	s := statusOf(t, data)
	if !s.Online || codes(s) != "never_synced" {
		t.Errorf("enrolled, not synced: online %v, problems %q; want online and never_synced", s.Online, codes(s))
	}
	must(t, data, "sync", "--once")
	if s = statusOf(t, data); codes(s) != "" || s.Problems == nil {
		t.Errorf("synced: problems %+v; want an empty list", s.Problems)
	}
	want := 0
	if s.Disk.low() { // the machine's own disk, not this device's doing
		want = exitFailed
	}
	if _, errOut, code := run(t, data, "status", "--check"); code != want {
		t.Errorf("status --check with nothing wrong: exit %d, %q; want %d", code, errOut, want)
	}

	p := fakePrinter(t)
	must(t, data, "config", "printer", p.URL())
	p.SetStatus(printer.Status{Online: true, PaperNearEnd: true})
	if s = statusOf(t, data); codes(s) != "printer_paper_low" {
		t.Errorf("paper low: problems %q, want printer_paper_low", codes(s))
	}
	p.SetStatus(printer.Status{PaperOut: true})
	hs.Close()
	s = statusOf(t, data)
	if s.Online || codes(s) != "platform_unreachable,printer_not_ready" {
		t.Errorf("platform down, paper out: online %v, problems %q", s.Online, codes(s))
	}
	for _, pr := range s.Problems {
		if !strings.Contains(pr.Message, "。 ") || strings.IndexFunc(split(pr.Message).EN, isHan) >= 0 {
			t.Errorf("problem %s says %q; want one sentence in Chinese, then English", pr.Code, pr.Message)
		}
	}
	out, errOut, code := run(t, data, "status")
	if code != 0 || !strings.Contains(out, "在线 Online      离线 offline\n") || !strings.Contains(out, "问题 Problems    ") ||
		!strings.Contains(out, "\n  连接不上平台 "+hs.URL) || !strings.Contains(out, "版本 Version     "+version+"\n") {
		t.Errorf("status with problems: exit %d, %q\n%s", code, errOut, out)
	}
	out, errOut, code = run(t, data, "status", "--check", "--json")
	if code != exitFailed || !strings.Contains(out, `"code": "platform_unreachable"`) {
		t.Errorf("status --check --json with problems: exit %d, %q", code, out)
	}
	if zh, en := wantBilingual(t, "status --check", errOut); !strings.Contains(zh, "发现") || !strings.Contains(en, "tongban status --check found") {
		t.Errorf("status --check said %q / %q", zh, en)
	}
}

// TestStatusNeedsEnrollmentAndParked: a device the platform refused, and
// events set aside, are problems; so is a folder with no store.
func TestStatusNeedsEnrollmentAndParked(t *testing.T) {
	data := t.TempDir()
	addLicenceCase(t, data)
	st, err := store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, _ := st.Identity()
	id.Platform, id.Token, id.NeedsEnrollment = "http://127.0.0.1:1", "tok", true
	err = st.SetIdentity(id)
	if err == nil {
		head, _ := st.Outbox(1)
		err = st.Acknowledge([]store.Outcome{{Seq: head[0].Seq, Rejected: true, Reason: "refused"}})
	}
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if s := statusOf(t, data); codes(s) != "needs_enrollment,parked_events" {
		t.Errorf("refused device with a parked event: problems %q", codes(s))
	}
	fresh := t.TempDir()
	out, _, code := run(t, fresh, "status", "--check")
	if code != exitFailed || !strings.Contains(out, "问题 Problems    ") || !strings.Contains(out, "holds no data yet: the device has not run") {
		t.Errorf("status --check on a new folder: exit %d\n%s", code, out)
	}
	if s := statusOf(t, fresh); codes(s) != "no_store" {
		t.Errorf("new folder: problems %q, want no_store", codes(s))
	}
}

// TestDiskSpace: the data folder's disk is read where the system tells
// it, and a disk nearly full is a problem.
func TestDiskSpace(t *testing.T) {
	d := diskOf(t.TempDir() + "/not/made/yet")
	switch runtime.GOOS {
	case "linux", "darwin", "freebsd", "openbsd":
		if d == nil || d.TotalBytes == 0 || d.FreeBytes > d.TotalBytes {
			t.Fatalf("diskOf a temporary folder = %+v; want its disk", d)
		}
	}
	for _, tt := range []struct {
		disk *diskJSON
		low  bool
	}{
		{nil, false},
		{&diskJSON{FreeBytes: 50e9, TotalBytes: 100e9, FreePercent: 50}, false},
		{&diskJSON{FreeBytes: 150e6, TotalBytes: 1e9, FreePercent: 15}, true},
		{&diskJSON{FreeBytes: 4e9, TotalBytes: 100e9, FreePercent: 4}, true},
	} {
		s := statusJSON{Disk: tt.disk, PrinterState: "ready"}
		got := s.problems()
		if low := len(got) == 1 && got[0].Code == "disk_low"; low != tt.low || !tt.low && len(got) != 0 {
			t.Errorf("disk %+v: problems %+v; want disk_low %v", tt.disk, got, tt.low)
		}
	}
	s := statusJSON{Disk: &diskJSON{FreeBytes: 150e6, TotalBytes: 1e9, FreePercent: 15}, PrinterState: "ready"}
	if got := s.problems()[0].Message; !strings.Contains(got, "只剩 150 MB（15%）") || !strings.Contains(got, "Only 150 MB (15%) is free") {
		t.Errorf("disk low says %q", got)
	}
	if got := diskLine(&diskJSON{FreeBytes: 12_345_000_000, TotalBytes: 50e9, FreePercent: 24}); got != "可用 12.3 GB，共 50.0 GB（24%） 12.3 GB free of 50.0 GB (24%)" {
		t.Errorf("diskLine = %q", got)
	}
}

// TestVersionEverywhere: tongban version, --version and -v print the
// version the build set, as tongban status does.
func TestVersionEverywhere(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "0.1.0~git20261127.10.be8f290"
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		if out := must(t, t.TempDir(), args...); out != "tongban 0.1.0~git20261127.10.be8f290\n" {
			t.Errorf("tongban %v = %q", args, out)
		}
	}
	if out := must(t, t.TempDir(), "version", "--json"); !strings.Contains(out, `"version": "0.1.0~git20261127.10.be8f290"`) {
		t.Errorf("version --json = %q", out)
	}
	if s := statusOf(t, t.TempDir()); s.Version != version {
		t.Errorf("status --json version %q, want %q", s.Version, version)
	}
}

// TestPrintTestSaysPaperLow: a test page sent to a printer whose roll is
// nearly used up says so after "sent", and in --json.
func TestPrintTestSaysPaperLow(t *testing.T) {
	p := fakePrinter(t)
	data := t.TempDir()
	out := must(t, data, "print-test", "--printer", p.URL())
	if strings.Contains(out, tPaperLow.EN) {
		t.Errorf("print-test with paper says %q", out)
	}
	p.SetStatus(printer.Status{Online: true, PaperNearEnd: true})
	out = must(t, data, "print-test", "--printer", p.URL())
	if i, j := strings.Index(out, "Test page sent"), strings.Index(out, tPaperLow.Both()+"\n"); i < 0 || j < i {
		t.Errorf("print-test with the paper low said\n%s\nwant %q after sent", out, tPaperLow.Both())
	}
	var sent struct {
		Sent     bool `json:"sent"`
		PaperLow bool `json:"paper_low"`
	}
	if err := json.Unmarshal([]byte(must(t, data, "print-test", "--printer", p.URL(), "--json")), &sent); err != nil || !sent.Sent || !sent.PaperLow {
		t.Errorf("print-test --json with the paper low = %+v (%v)", sent, err)
	}
}

// A platform that answers while the rounds still fail (a refused page, a
// local fault) is a problem for status --check, with the error's words:
// it stayed silent while every sync failed.
func TestSyncFailingIsAProblem(t *testing.T) {
	last := time.Now()
	s := statusJSON{Device: deviceJSON{Enrolled: true}, Online: true, LastSync: &last, PrinterState: "ready",
		LastError: "平台不收这一页。 The platform refused the page"}
	got := s.problems()
	if len(got) != 1 || got[0].Code != "sync_failing" || !strings.Contains(got[0].Message, "平台不收这一页") ||
		!strings.Contains(got[0].Message, "the last sync did not finish: The platform refused the page") {
		t.Errorf("problems = %+v; want sync_failing with the error's words", got)
	}
	s.LastError = ""
	if got := s.problems(); len(got) != 0 {
		t.Errorf("after a good round, problems = %+v; want none", got)
	}
}

// A clock a few minutes off the platform's (the Date of its answer to
// the status probe) is a problem with how far and which way; within two
// minutes it is none.
func TestClockOffIsAProblem(t *testing.T) {
	last := time.Now()
	for _, tc := range []struct {
		skew time.Duration
		says string
	}{
		{10 * time.Minute, "本机时钟比平台快 10 分钟"},
		{-3 * time.Hour, "本机时钟比平台慢 3.0 小时"},
		{90 * time.Second, ""},
	} {
		s := statusJSON{Device: deviceJSON{Enrolled: true}, Online: true, LastSync: &last, PrinterState: "ready", clockSkew: tc.skew}
		got := s.problems()
		switch {
		case tc.says == "" && len(got) != 0:
			t.Errorf("skew %v: problems %+v; want none", tc.skew, got)
		case tc.says != "" && (len(got) != 1 || got[0].Code != "clock_off" || !strings.Contains(got[0].Message, tc.says)):
			t.Errorf("skew %v: problems %+v; want clock_off saying %q", tc.skew, got, tc.says)
		}
	}
}
