package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/app/store"
)

// showCase returns a case as cases show --json gives it.
func showCase(t *testing.T, data, number string) *cases.Case {
	t.Helper()
	out, errOut, exit := run(t, data, "cases", "show", number, "--json")
	if exit != 0 {
		t.Fatalf("cases show %s: %s", number, errOut)
	}
	var c cases.Case
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("cases show --json: %v", err)
	}
	return &c
}

// carry brings a case's events from one counter's folder to another's,
// as sync would.
func carry(t *testing.T, from, to, number string) {
	t.Helper()
	src, err := store.Open(from, store.Options{Center: sampleCenter()})
	if err != nil {
		t.Fatal(err)
	}
	c, err := src.ByNumber(number)
	src.Close()
	if err != nil {
		t.Fatal(err)
	}
	evs := c.Events
	st, err := store.Open(to, store.Options{Center: sampleCenter()})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Import(evs, false); err != nil {
		t.Fatalf("import: %v", err)
	}
}

// short is the short form of a folder's device ID, as cases show writes
// it on another device that has no directory naming it.
func short(t *testing.T, data string) string {
	return cases.ShortDevice(identityOf(t, data).DeviceID)
}

// own is a folder's short code, as its own cases show names it.
func own(t *testing.T, data string) string { return identityOf(t, data).ShortCode }

func identityOf(t *testing.T, data string) store.Identity {
	t.Helper()
	st, err := store.Open(data, store.Options{Center: sampleCenter()})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	id, err := st.Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func firstOf(t *testing.T, c *cases.Case, kind cases.Kind) cases.Event {
	t.Helper()
	for _, e := range c.Events {
		if e.Kind == kind {
			return e
		}
	}
	t.Fatalf("case %s has no %s event", c.Number, kind)
	return cases.Event{}
}

// twoCounters makes the audit's case: taken on counter C01, opened from its
// receipt on C02; C01 refuses it and C02 accepts it, and then they sync.
func twoCounters(t *testing.T) (c01, c02, number string) {
	t.Helper()
	c01, c02 = t.TempDir(), t.TempDir()
	must(t, c01, "staff", "add", "S001", "--name", "王芳", "--pin", "2468")
	must(t, c02, "config", "role", "counter") // a kiosk's scan keeps nothing
	must(t, c02, "staff", "add", "S002", "--name", "李强", "--pin", "1357")
	number = addLicenceCase(t, c01)
	keys := filepath.Join(t.TempDir(), "keys.json")
	must(t, c01, "keys", "export", keys)
	must(t, c02, "keys", "import", keys)
	out, errOut, exit := run(t, c01, "receipt", number, "--json")
	if exit != 0 {
		t.Fatalf("receipt --json: %s", errOut)
	}
	var r struct{ Payload string }
	json.Unmarshal([]byte(out), &r)
	must(t, c02, "scan", "--text", r.Payload)
	must(t, c01, "cases", "refuse", number, "--staff", "S001", "--reason", "不属于本中心职权范围")
	must(t, c02, "cases", "accept", number, "--staff", "S002", "--received", "1,2,4")
	carry(t, c01, c02, number)
	carry(t, c02, c01, number)
	return c01, c02, number
}

// No paper for an undecided case: tongban receipt refuses a case in
// conflict in one sentence that says how to resolve it, and writes no
// file, whichever document is asked for but the queue ticket.
func TestReceiptOfACaseInConflictIsRefused(t *testing.T) {
	c01, _, n := twoCounters(t)
	if c := showCase(t, c01, n); c.Status != cases.StatusConflict {
		t.Fatalf("refused on one counter and accepted on the other: %s, want conflict", c.Status)
	}
	png := filepath.Join(t.TempDir(), "r.png")
	for _, args := range [][]string{{"--png", png}, {"--png", png, "--document", "receipt"}, {"--document", "refusal"}, {"--print"}} {
		_, errOut, exit := run(t, c01, append([]string{"receipt", n}, args...)...)
		if exit != 2 || strings.Count(errOut, "\n") != 1 {
			t.Fatalf("receipt %v of a case in conflict: exit %d, %q; want exit 2 and one sentence", args, exit, errOut)
		}
		for _, w := range []string{"待核对", "in conflict", "tongban cases resolve " + n} {
			if !strings.Contains(errOut, w) {
				t.Errorf("receipt %v: %q does not say %q", args, errOut, w)
			}
		}
	}
	if _, err := os.Stat(png); err == nil {
		t.Error("a receipt PNG of a case in conflict was written")
	}
}

// The audit's second finding: C01's clerk keeps the acceptance, C02's the
// refusal, before they sync. Once they have, the case is in conflict
// between the two resolutions on both counters; cases show names what
// each kept; a third resolution settles it, and each resolution still says
// what it kept and set aside.
func TestTwoResolutionsThatDisagreeAreAConflictOnTheCommandLine(t *testing.T) {
	c01, c02, n := twoCounters(t)
	c := showCase(t, c01, n)
	accept, refuse := firstOf(t, c, cases.KindAccepted), firstOf(t, c, cases.KindRefused)
	must(t, c01, "cases", "resolve", n, "--staff", "S001", "--keep", accept.ID)
	must(t, c02, "cases", "resolve", n, "--staff", "S002", "--keep", refuse.ID)
	carry(t, c01, c02, n)
	carry(t, c02, c01, n)
	for _, data := range []string{c01, c02} {
		c := showCase(t, data, n)
		if c.Status != cases.StatusConflict || len(c.Branches) != 2 || c.Branches[0][0].Kind != cases.KindResolved {
			t.Fatalf("after two resolutions that disagree: %s with %d branches, want a conflict between the resolutions", c.Status, len(c.Branches))
		}
	}
	out, _, _ := run(t, c01, "cases", "show", n)
	for _, w := range []string{"分支 Branch: 核对冲突（保留受理） Conflict resolved (kept: Accepted) · S001",
		"分支 Branch: 核对冲突（保留不予受理） Conflict resolved (kept: Refused) · S002",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("cases show lacks %q:\n%s", w, out)
		}
	}
	// Each branch whole under its heading: the resolution, then the line
	// it kept, to its end.
	if kept := regexp.MustCompile(`(?m)^    \d\d-\d\d \d\d:\d\d  受理 .*— 收到材料 Received: 1\. `); !kept.MatchString(out) {
		t.Errorf("cases show does not list the acceptance under its branch:\n%s", out)
	}

	// A clerk on C01 keeps C02's resolution: the case is refused.
	var keep string
	for _, b := range showCase(t, c01, n).Branches {
		if b[0].Staff == "S002" {
			keep = b[0].ID
		}
	}
	must(t, c01, "cases", "resolve", n, "--staff", "S001", "--keep", keep, "--note", "以窗口二为准")
	if c := showCase(t, c01, n); c.Status != cases.StatusRefused {
		t.Fatalf("after keeping C02's resolution: %s, want refused", c.Status)
	}
	out, _, _ = run(t, c01, "cases", "show", n)
	for _, w := range []string{
		// C02's resolution kept S001's refusal and set S002's acceptance aside
		"— 保留 Kept: 不予受理 Refused · S001 · 设备 Device " + own(t, c01) + "；已搁置 set aside: 受理 Accepted · S002",
		// C01's, set aside itself, still says it kept the acceptance
		"— 保留 Kept: 受理 Accepted · S002 · 设备 Device " + short(t, c02) + "；已搁置 set aside: 不予受理 Refused · S001",
		// the third kept C02's resolution
		"— 保留 Kept: 核对冲突（保留不予受理） Conflict resolved (kept: Refused) · S002",
		"备注 Note: 以窗口二为准",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("cases show lacks %q:\n%s", w, out)
		}
	}
}
