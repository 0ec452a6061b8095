package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"tongban/app/cases"
)

// shownJSON is cases show --json as a script reads it, keys and all.
type shownJSON struct {
	Status   string                     `json:"status"`
	Branches [][]map[string]any         `json:"branches"`
	Events   []map[string]any           `json:"events"`
	Raw      map[string]json.RawMessage `json:"-"`
}

func showJSON(t *testing.T, data, number string) shownJSON {
	t.Helper()
	out := must(t, data, "cases", "show", number, "--json")
	var v shownJSON
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("cases show --json: %v\n%s", err, out)
	}
	if err := json.Unmarshal([]byte(out), &v.Raw); err != nil {
		t.Fatal(err)
	}
	return v
}

// setAside reads an event's set_aside, failing when it is missing: the
// key is on every event, so a script needs no default.
func setAside(t *testing.T, e map[string]any) bool {
	t.Helper()
	v, ok := e["set_aside"].(bool)
	if !ok {
		t.Fatalf("event %v %v has no set_aside", e["kind"], e["id"])
	}
	return v
}

// The case JSON marks the events a resolution set aside — the branch not
// kept, and the receipt printed on it — with "set_aside": true, and every
// other event with false; branches is always there, [] once the conflict
// is settled.
func TestCaseJSONMarksWhatIsSetAside(t *testing.T) {
	c01, c02 := t.TempDir(), t.TempDir()
	must(t, c01, "staff", "add", "S001", "--name", "王芳", "--pin", "2468")
	must(t, c02, "config", "role", "counter") // a kiosk's scan keeps nothing
	must(t, c02, "staff", "add", "S002", "--name", "李强", "--pin", "1357")
	n := addLicenceCase(t, c01)
	if v := showJSON(t, c01, n); string(v.Raw["branches"]) != "[]" {
		t.Fatalf("a case with no conflict: branches is %s, want []", v.Raw["branches"])
	}
	keys := filepath.Join(t.TempDir(), "keys.json")
	must(t, c01, "keys", "export", keys)
	must(t, c02, "keys", "import", keys)
	out := must(t, c01, "receipt", n, "--json")
	var r struct{ Payload string }
	json.Unmarshal([]byte(out), &r)
	must(t, c02, "scan", "--text", r.Payload)
	must(t, c01, "cases", "refuse", n, "--staff", "S001", "--reason", "不属于本中心职权范围")
	must(t, c02, "cases", "accept", n, "--staff", "S002", "--received", "1,2,4", "--print")
	carry(t, c02, c01, n)

	v := showJSON(t, c01, n)
	if v.Status != "conflict" || len(v.Branches) != 2 {
		t.Fatalf("in conflict: status %s with %d branches", v.Status, len(v.Branches))
	}
	for _, b := range v.Branches {
		for _, e := range b {
			if setAside(t, e) {
				t.Errorf("a branch's %v is set aside while the conflict is open", e["kind"])
			}
		}
	}
	var refusal string
	for _, e := range v.Events {
		if e["kind"] == "refused" {
			refusal = e["id"].(string)
		}
	}
	must(t, c01, "cases", "resolve", n, "--staff", "S001", "--keep", refusal)

	v = showJSON(t, c01, n)
	if v.Status != "refused" || string(v.Raw["branches"]) != "[]" {
		t.Fatalf("after keeping the refusal: status %s, branches %s; want refused and []", v.Status, v.Raw["branches"])
	}
	want := map[string]bool{"submitted": false, "refused": false, "resolved": false, "accepted": true}
	printed := 0
	for _, e := range v.Events {
		kind := e["kind"].(string)
		got := setAside(t, e)
		if kind == "printed" { // on C02, after its acceptance; C01 prints nothing here
			printed++
			if onC02 := e["device"] != v.Events[0]["device"]; got != onC02 {
				t.Errorf("a receipt printed on C02 %v: set_aside %v, want %v", onC02, got, onC02)
			}
			continue
		}
		if w, ok := want[kind]; ok && got != w {
			t.Errorf("%s: set_aside %v, want %v", kind, got, w)
		}
	}
	if printed == 0 {
		t.Fatal("no printed event: the test's receipt did not print")
	}
}

// The audit's finding: cases show --json gave the whole ID number with no
// record of who looked. Every case JSON masks it, in the fields and the
// submission alike; cases show --reveal --staff gives it whole and writes
// the look into the case's events, as the counter's F7 does.
func TestCaseJSONMasksTheIDNumber(t *testing.T) {
	data := t.TempDir()
	n := addLicenceCase(t, data)
	whole := "130102199003071233"
	for _, args := range [][]string{{"cases", "show", n, "--json"}, {"cases", "list", "--json"}, {"cases", "show", n}} {
		out := must(t, data, args...)
		if strings.Contains(out, whole) || !strings.Contains(out, cases.MaskIDNumber(whole)) {
			t.Errorf("%v gives the whole ID number, or no masked one:\n%s", args, out)
		}
	}
	_, errOut, code := run(t, data, "cases", "show", n, "--reveal")
	wantRefusal(t, "--reveal without --staff", errOut, code, "--staff", "记入案件的经过")
	_, errOut, code = run(t, data, "cases", "show", n, "--reveal", "--staff", "S404")
	wantRefusal(t, "--reveal by an unknown clerk", errOut, code, "S404")
	if c := showCase(t, data, n); len(c.Events) != 1 {
		t.Fatalf("refused reveals wrote events: %d", len(c.Events))
	}

	must(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468")
	out := must(t, data, "cases", "show", n, "--reveal", "--staff", "S001", "--json")
	var v struct {
		Fields map[string]string `json:"fields"`
		Events []cases.Event     `json:"events"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || v.Fields["id_number"] != whole {
		t.Fatalf("--reveal --json: fields %v (%v); want the whole ID number", v.Fields, err)
	}
	last := v.Events[len(v.Events)-1]
	if last.Kind != cases.KindRevealed || last.Staff != "S001" {
		t.Fatalf("--reveal recorded %s by %q, want revealed by S001", last.Kind, last.Staff)
	}
	if out := must(t, data, "cases", "show", n, "--reveal", "--staff", "S001"); !strings.Contains(out, whole) || !strings.Contains(out, "查看完整证件号") ||
		!strings.Contains(out, "(3 pending)") {
		t.Errorf("--reveal in text lacks the whole number, the recorded look, or the reveals waiting to sync:\n%s", out)
	}
}
