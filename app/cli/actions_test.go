package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongban/app/scan"
	"tongban/app/staff"
	"tongban/printer/printertest"
)

func init() { staff.Iterations = 1000 } // PIN hashing cost is a parameter; keep tests quick

// addLicenceCase submits a 营业执照 case on a data folder and returns its number.
func addLicenceCase(t *testing.T, data string) string {
	t.Helper()
	code := licenceItem(t, data)
	out, errOut, exit := run(t, data, append([]string{"cases", "add", "--item", code, "--json"}, formFor(t, data, code)...)...)
	if exit != 0 {
		t.Fatalf("cases add: %s", errOut)
	}
	var c struct{ Number string }
	json.Unmarshal([]byte(out), &c)
	return c.Number
}

func eventCount(t *testing.T, data, number string) (int, string) {
	t.Helper()
	out, errOut, exit := run(t, data, "cases", "show", number, "--json")
	if exit != 0 {
		t.Fatalf("cases show %s: %s", number, errOut)
	}
	var c struct {
		Status string
		Events []any
	}
	json.Unmarshal([]byte(out), &c)
	return len(c.Events), c.Status
}

func TestCounterActionsFollowTheStatusMachine(t *testing.T) {
	data := t.TempDir()
	if _, errOut, exit := run(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468"); exit != 0 {
		t.Fatalf("staff add: %s", errOut)
	}
	n := addLicenceCase(t, data)
	before, _ := eventCount(t, data, n)
	_, errOut, exit := run(t, data, "cases", "complete", n, "--staff", "S001", "--approved")
	if exit == 0 || !strings.Contains(errOut, "cannot be completed") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("completing a case never accepted: exit %d, %q", exit, errOut)
	}
	if after, _ := eventCount(t, data, n); after != before {
		t.Fatalf("a refused action changed the events: %d → %d", before, after)
	}
	steps := [][]string{
		{"supplement", n, "--staff", "S001", "--missing", "1", "--received", "2,4"},
		{"supplied", n, "--staff", "S001", "--received", "1"},
		{"suspend", n, "--staff", "S001", "--reason", "现场核查"},
		{"resume", n, "--staff", "S001", "--reason", "核查完成"},
		{"complete", n, "--staff", "S001", "--approved"},
	}
	for _, s := range steps {
		if s[0] == "complete" { // the decision is one of two
			for flags, says := range map[string]string{"--approved --denied": "Give --approved or --denied, not both.", "": "Say how the case ends: --approved or --denied."} {
				args := append([]string{"cases", "complete", n, "--staff", "S001"}, strings.Fields(flags)...)
				if _, errOut, exit := run(t, data, args...); exit != 2 || !strings.Contains(errOut, says) {
					t.Errorf("cases complete %s: exit %d, %q; want 2 and %q", flags, exit, errOut, says)
				}
			}
		}
		if _, errOut, exit := run(t, data, append([]string{"cases"}, s...)...); exit != 0 {
			t.Fatalf("cases %s: %s", s[0], errOut)
		}
	}
	if _, status := eventCount(t, data, n); status != "completed" {
		t.Fatalf("status after the steps = %s, want completed", status)
	}
	if _, errOut, exit := run(t, data, "cases", "accept", n, "--staff", "NOBODY"); exit != 2 || !strings.Contains(errOut, "no clerk") {
		t.Fatalf("an unknown clerk acted: exit %d %q", exit, errOut)
	}
}

func TestReceiptOpensOnAnotherDeviceOfTheCenter(t *testing.T) {
	kiosk, counter := t.TempDir(), t.TempDir()
	must(t, counter, "config", "role", "counter")
	n := addLicenceCase(t, kiosk)
	png := filepath.Join(t.TempDir(), "r.png")
	if _, errOut, exit := run(t, kiosk, "receipt", n, "--png", png); exit != 0 {
		t.Fatalf("receipt --png: %s", errOut)
	}
	payload, err := scan.DecodeFile(png)
	if err != nil || !strings.HasPrefix(payload, "TB1:") {
		t.Fatalf("the receipt PNG decodes to %q, %v", payload, err)
	}
	if zbar, err := exec.LookPath("zbarimg"); err == nil {
		out, err := exec.Command(zbar, "-q", "--raw", png).Output()
		if err != nil || strings.TrimSpace(string(out)) != payload {
			t.Fatalf("zbarimg reads %q (%v), gozxing %q", out, err, payload)
		}
	}
	keys := filepath.Join(t.TempDir(), "keys.json")
	run(t, kiosk, "keys", "export", keys)
	if _, errOut, exit := run(t, counter, "keys", "import", keys); exit != 0 {
		t.Fatalf("keys import: %s", errOut)
	}
	// Another kiosk shows the citizen's case and keeps no copy of it.
	other := t.TempDir()
	must(t, other, "config", "role", "kiosk")
	run(t, other, "keys", "import", keys)
	if out, errOut, exit := run(t, other, "scan", "--text", payload); exit != 0 || !strings.Contains(out, "张三") {
		t.Fatalf("scan on another kiosk: exit %d\n%s%s", exit, out, errOut)
	}
	if out, _, _ := run(t, other, "cases", "list"); strings.Contains(out, n) {
		t.Fatalf("a kiosk kept the case it was shown:\n%s", out)
	}
	if out, _, _ := run(t, other, "scan", "--text", payload, "--json"); !strings.Contains(out, `"confirmed": false`) || !strings.Contains(out, `"from_receipt": true`) {
		t.Fatalf("scan --json on a kiosk calls a case it does not hold synced:\n%s", out)
	}
	// A mistyped --data makes no device: it would hold no keys to open
	// the receipt with.
	missing := filepath.Join(t.TempDir(), "nothing")
	if _, errOut, exit := run(t, missing, "scan", "--text", payload); exit != exitBadArgs || !strings.Contains(errOut, "no tongban store") {
		t.Fatalf("scan on a folder without a store: exit %d, %q", exit, errOut)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Fatalf("scan on a folder without a store made %s (%v)", missing, err)
	}

	out, errOut, exit := run(t, counter, "scan", "--text", payload)
	if exit != 0 || !strings.Contains(out, n) || !strings.Contains(out, "张三") || !strings.Contains(out, "From the receipt") {
		t.Fatalf("scan on the counter: exit %d\n%s%s", exit, out, errOut)
	}
	if out, _, _ := run(t, counter, "cases", "show", n); !strings.Contains(out, "来自回执，尚未同步 From the receipt, not yet synced") {
		t.Fatalf("cases show of a case opened from its receipt lacks the mark:\n%s", out)
	}
	if out, _, _ := run(t, counter, "scan", "--image", png, "--json"); !strings.Contains(out, `"number": "`+n+`"`) {
		t.Fatalf("scan --image: %s", out)
	}
	i := len(payload) / 2
	altered := payload[:i] + string("0123456789"[(strings.IndexByte("0123456789", payload[i])+1+10)%10]) + payload[i+1:]
	if payload[i] < '0' || payload[i] > '9' {
		altered = payload[:i] + "0" + payload[i+1:]
	}
	_, errOut, exit = run(t, counter, "scan", "--text", altered)
	if exit == 0 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "altered") {
		t.Fatalf("an altered receipt: exit %d, %q", exit, errOut)
	}
}

func TestRatingsCommandListsBadReviews(t *testing.T) {
	data := t.TempDir()
	n := addLicenceCase(t, data)
	if _, errOut, exit := run(t, data, "cases", "rate", n, "--level", "2", "--note", "等待时间长"); exit != 0 {
		t.Fatalf("cases rate: %s", errOut)
	}
	if _, errOut, exit := run(t, data, "cases", "rate", n, "--level", "5"); exit != 2 || !strings.Contains(errOut, "already been rated") {
		t.Fatalf("a second rating: exit %d %q", exit, errOut)
	}
	out, _, _ := run(t, data, "ratings", "--bad")
	if !strings.Contains(out, n) || !strings.Contains(out, "需回访") {
		t.Fatalf("ratings --bad:\n%s", out)
	}
}

// TestAcceptNeedsEveryRequiredMaterial: accepting without a required
// material is refused with one notice's worth of advice (一次性告知), unless
// the clerk decides to accept with the shortfall (容缺受理), which the event
// records.
func TestAcceptNeedsEveryRequiredMaterial(t *testing.T) {
	data := t.TempDir()
	if _, errOut, exit := run(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468"); exit != 0 {
		t.Fatalf("staff add: %s", errOut)
	}
	n := addLicenceCase(t, data) // the licence change item: materials 1, 2 and 4 are required
	before, _ := eventCount(t, data, n)
	_, errOut, exit := run(t, data, "cases", "accept", n, "--staff", "S001", "--received", "1")
	if exit != 2 {
		t.Fatalf("accept without materials 2 and 4: exit %d, %q; want 2", exit, errOut)
	}
	zh, en := wantBilingual(t, "accept without required materials", errOut)
	for _, w := range []string{"2. Resolution", "4. Business licence", "tongban cases supplement " + n + " --missing 2,4", "--tolerate"} {
		if !strings.Contains(en, w) {
			t.Errorf("the refusal %q does not say %q", en, w)
		}
	}
	if !strings.Contains(zh, "容缺受理") || !strings.Contains(zh, "4. 营业执照") {
		t.Errorf("the Chinese sentence %q should name the materials and 容缺受理", zh)
	}
	if after, status := eventCount(t, data, n); after != before || status != "submitted" {
		t.Fatalf("a refused acceptance was stored: %d → %d events, status %s", before, after, status)
	}

	out, errOut, exit := run(t, data, "cases", "accept", n, "--staff", "S001", "--received", "1", "--tolerate", "--note", "先行受理")
	if exit != 0 || !strings.Contains(out, "容缺受理") || !strings.Contains(out, "Accepted with a shortfall") {
		t.Fatalf("accept --tolerate: exit %d, %q %q", exit, out, errOut)
	}
	js, _, _ := run(t, data, "cases", "show", n, "--json")
	var c struct {
		Status string
		Events []struct {
			Kind    string
			Payload struct {
				Note      string
				Shortfall []int
			}
		}
	}
	if err := json.Unmarshal([]byte(js), &c); err != nil || c.Status != "accepted" {
		t.Fatalf("after accept --tolerate: %v, %s", err, js)
	}
	last := c.Events[len(c.Events)-1].Payload
	if !strings.HasPrefix(last.Note, "容缺受理") || !strings.Contains(last.Note, "先行受理") {
		t.Errorf("the acceptance's note is %q; want the shortfall recorded, then the clerk's note", last.Note)
	}
	if !slices.Equal(last.Shortfall, []int{1, 3}) {
		t.Errorf("the acceptance's shortfall is %v; want materials 2 and 4 (indexes 1, 3)", last.Shortfall)
	}

	other := addLicenceCase(t, data)
	if out, errOut, exit := run(t, data, "cases", "accept", other, "--staff", "S001", "--received", "1,2,4"); exit != 0 || strings.Contains(out, "容缺受理") {
		t.Errorf("accept with every required material: exit %d, %q %q", exit, out, errOut)
	}
}

// lastPayload returns the payload of a case's last event of a kind.
func lastPayload(t *testing.T, data, number, kind string) map[string]any {
	t.Helper()
	js, errOut, exit := run(t, data, "cases", "show", number, "--json")
	if exit != 0 {
		t.Fatalf("cases show %s: %s", number, errOut)
	}
	var c struct {
		Events []struct {
			Kind    string
			Payload map[string]any
		}
	}
	if err := json.Unmarshal([]byte(js), &c); err != nil {
		t.Fatalf("cases show %s --json: %v\n%s", number, err, js)
	}
	for i := len(c.Events) - 1; i >= 0; i-- {
		if c.Events[i].Kind == kind {
			return c.Events[i].Payload
		}
	}
	t.Fatalf("case %s has no %s event:\n%s", number, kind, js)
	return nil
}

// TestNoticeListsEveryMissingMaterial: a notice asks for every required
// material not received, as the window's does, so that the case cannot
// go on to approval without one; a number given twice is one material.
func TestNoticeListsEveryMissingMaterial(t *testing.T) {
	data, _ := clerkWithPrinter(t)
	n := addLicenceCase(t, data) // declared 1, 2 and 4, the required ones; none received yet
	before, _ := eventCount(t, data, n)
	for _, tt := range []struct {
		flags []string
		says  string
	}{
		{[]string{"--missing", "4"}, "The notice leaves out required materials (1. Change registration application form, 2. Resolution or decision on the change)"},
		{[]string{"--missing", "4", "--received", "1,2,4"}, "Material 4 cannot be both missing and received"},
	} {
		_, errOut, exit := run(t, data, append([]string{"cases", "supplement", n, "--staff", "S001"}, tt.flags...)...)
		if _, en := wantBilingual(t, "supplement "+strings.Join(tt.flags, " "), errOut); exit != 2 || !strings.Contains(en, tt.says) {
			t.Errorf("supplement %s: exit %d, %q; want 2 and %q", strings.Join(tt.flags, " "), exit, errOut, tt.says)
		}
	}
	if after, status := eventCount(t, data, n); after != before || status != "submitted" {
		t.Fatalf("a refused notice was stored: %d → %d events, status %s", before, after, status)
	}
	out := must(t, data, "cases", "supplement", n, "--staff", "S001", "--missing", "4,4", "--received", "1,2,2", "--print", "--json")
	var shown struct {
		Events []struct{ Kind, Staff string }
	}
	if err := json.Unmarshal([]byte(out), &shown); err != nil || len(shown.Events) == 0 ||
		shown.Events[len(shown.Events)-1].Kind != "printed" || shown.Events[len(shown.Events)-1].Staff != "S001" {
		t.Fatalf("supplement --print --json does not show the notice printed by S001 (%v):\n%s", err, out)
	}
	payload := lastPayload(t, data, n, "supplement_requested")
	if !slices.Equal(numbersOf(payload["missing"]), []int{3}) || !slices.Equal(numbersOf(payload["received"]), []int{0, 1}) {
		t.Fatalf("the notice is %v; want material 4 asked for and 1, 2 received, each once", payload)
	}
	// Awaiting materials, the case takes only what the notice asked for:
	// an acceptance is refused for its status, not advised on materials.
	_, errOut, exit := run(t, data, "cases", "accept", n, "--staff", "S001", "--received", "1")
	if _, en := wantBilingual(t, "accept while awaiting materials", errOut); exit != 2 || !strings.Contains(en, "cannot be accepted") ||
		!strings.Contains(en, "tongban cases supplied "+n+" --staff S001 --received 4 --data "+data) {
		t.Errorf("accept of a case awaiting materials: exit %d, %q; want the status's sentence", exit, errOut)
	}
}

// TestRefusalReasonsAreEachOnce: blank reasons are dropped and one given
// twice is printed once.
func TestRefusalReasonsAreEachOnce(t *testing.T) {
	data, _ := clerkWithPrinter(t)
	n := addLicenceCase(t, data)
	must(t, data, "cases", "refuse", n, "--staff", "S001", "--reason", "材料不全", "--reason", " 材料不全 ", "--reason", " ", "--reason", "不属于本中心")
	if got := lastPayload(t, data, n, "refused")["reasons"]; fmt.Sprint(got) != "[材料不全 不属于本中心]" {
		t.Fatalf("reasons stored %v; want 材料不全 and 不属于本中心, each once", got)
	}
}

// TestSuppliedMustCoverTheNotice: materials handed in after a notice must
// be every one it asked for; a part is refused with what is still missing
// and the two ways on, and --tolerate goes on with the rest recorded as
// owed, which the receipt printed next lists.
func TestSuppliedMustCoverTheNotice(t *testing.T) {
	data, p := clerkWithPrinter(t)
	n := addLicenceCase(t, data)
	if _, errOut, exit := run(t, data, "cases", "supplement", n, "--staff", "S001", "--missing", "2,4", "--received", "1"); exit != 0 {
		t.Fatalf("cases supplement: %s", errOut)
	}
	before, _ := eventCount(t, data, n)
	_, errOut, exit := run(t, data, "cases", "supplied", n, "--staff", "S001", "--received", "2")
	if exit != 2 {
		t.Fatalf("supplied with 2 of the 2 and 4 asked for: exit %d, %q; want 2", exit, errOut)
	}
	zh, en := wantBilingual(t, "supplied with part of the notice", errOut)
	for _, w := range []string{"4. Business licence", "tongban cases supplied " + n + " --received 2,4", "--tolerate", "owed", "nothing was changed"} {
		if !strings.Contains(en, w) {
			t.Errorf("the refusal %q does not say %q", en, w)
		}
	}
	if !strings.Contains(zh, "4. 营业执照") || !strings.Contains(zh, "容缺受理") || strings.Contains(zh, "2. 变更决议") {
		t.Errorf("the Chinese sentence %q should name material 4 only, and 容缺受理", zh)
	}
	if after, status := eventCount(t, data, n); after != before || status != "supplement" {
		t.Fatalf("a refused receipt of supplements was stored: %d → %d events, status %s", before, after, status)
	}

	out, errOut, exit := run(t, data, "cases", "supplied", n, "--staff", "S001", "--received", "2", "--tolerate", "--print")
	if exit != 0 || !strings.Contains(out, "容缺受理：尚缺 4. 营业执照") || !strings.Contains(out, "Accepted with a shortfall: 4. Business licence") {
		t.Fatalf("supplied --tolerate: exit %d, %q %q", exit, out, errOut)
	}
	if payload := lastPayload(t, data, n, "supplement_received"); !slices.Equal(numbersOf(payload["shortfall"]), []int{3}) {
		t.Fatalf("the receipt of supplements is %v; want material 4 (index 3) in its shortfall", payload)
	}
	if _, status := eventCount(t, data, n); status != "accepted" {
		t.Fatalf("status after supplied --tolerate = %s, want accepted", status)
	}
	// An approval waits for what is owed, and says how to record it.
	_, errOut, exit = run(t, data, "cases", "complete", n, "--staff", "S001", "--approved")
	if zh, en := wantBilingual(t, "approving with material 4 owed", errOut); exit != 2 || !strings.Contains(zh, "4. 营业执照") ||
		!strings.Contains(en, "tongban cases supplied "+n+" --staff S001 --received 4 ") {
		t.Errorf("approving with material 4 owed: exit %d, %q; want 2 and how to record it in both languages", exit, errOut)
	}

	// The receipt printed with the receipt of supplements, and printed
	// again by tongban receipt, lists what is owed.
	if _, errOut, exit := run(t, data, "receipt", n, "--print"); exit != 0 {
		t.Fatalf("receipt --print: %s", errOut)
	}
	jobs, err := p.WaitJobs(2)
	if err != nil {
		t.Fatal(err)
	}
	for _, job := range jobs {
		d, err := printertest.Decode(job)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(d.Lines, "")
		for _, w := range []string{"受理回执", "已受理（容缺受理", "待补交材料（容缺受理）：", "4. 营业执照", "2. 变更决议或决定"} {
			if !strings.Contains(text, w) {
				t.Errorf("the receipt after supplied --tolerate lacks %q:\n%s", w, strings.Join(d.Lines, "\n"))
			}
		}
		if strings.Contains(text, "已提交") {
			t.Errorf("the receipt of an accepted case says 已提交:\n%s", strings.Join(d.Lines, "\n"))
		}
	}
}

// TestToleratedAcceptancePrintsWhatIsOwed: accept --tolerate --print
// prints a receipt that tells the citizen which materials are still owed.
func TestToleratedAcceptancePrintsWhatIsOwed(t *testing.T) {
	data, p := clerkWithPrinter(t)
	n := addLicenceCase(t, data)
	if _, errOut, exit := run(t, data, "cases", "accept", n, "--staff", "S001", "--received", "1,3,4", "--tolerate", "--print"); exit != 0 {
		t.Fatalf("accept --tolerate --print: %s", errOut)
	}
	lines, text := lastPrinted(t, p, 1)
	owed := strings.Index(text, "待补交材料")
	if owed < 0 || !strings.Contains(text[owed:], "2. 变更决议或决定") || strings.Contains(text[:owed], "2. 变更决议或决定") {
		t.Errorf("the receipt does not list material 2 as owed (and only there):\n%s", strings.Join(lines, "\n"))
	}
}

// numbersOf reads a JSON array of numbers.
func numbersOf(v any) []int {
	list, _ := v.([]any)
	var out []int
	for _, x := range list {
		if f, ok := x.(float64); ok {
			out = append(out, int(f))
		}
	}
	return out
}

// A device enrolled as a kiosk makes only what a kiosk makes: a clerk's
// action there is refused before anything is saved, as the platform would
// refuse it; a rating is a kiosk's to make.
func TestKioskRefusesClerkActions(t *testing.T) {
	url := startPlatform(t)
	kiosk := t.TempDir()
	code := strings.TrimSpace(must(t, "", "platform", "code", "--url", url, "--token", testAdminToken, "--center", "130102", "--role", "kiosk"))
	must(t, kiosk, "enroll", "--platform", url, "--code", code)
	must(t, kiosk, "staff", "add", "S001", "--name", "王芳", "--pin", "2468")
	n := addLicenceCase(t, kiosk)
	before, _ := eventCount(t, kiosk, n)
	_, errOut, exit := run(t, kiosk, "cases", "accept", n, "--staff", "S001", "--tolerate")
	if exit != 2 || !strings.Contains(errOut, "注册为自助机") || !strings.Contains(errOut, "enrolled as a kiosk") {
		t.Fatalf("accept on a kiosk: exit %d, %q; want exit 2 and a sentence saying it is a kiosk", exit, errOut)
	}
	if after, _ := eventCount(t, kiosk, n); after != before {
		t.Fatalf("accept on a kiosk changed the case: %d events, was %d", after, before)
	}
	if _, errOut, exit := run(t, kiosk, "cases", "rate", n, "--level", "5"); exit != 0 {
		t.Fatalf("rate on a kiosk: exit %d, %s", exit, errOut)
	}
}
