package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// birthItem is 出生医学证明补发 of the sample catalog: its own fields are
// baby_name, born_on and hospital.
const birthItem = "130102-WJJ-001"

// addCase adds a case of an item with the fields given as key=value and
// returns its number.
func addCase(t *testing.T, data, item string, fields ...string) string {
	t.Helper()
	args := []string{"cases", "add", "--item", item, "--json"}
	for _, f := range fields {
		args = append(args, "--field", f)
	}
	out := must(t, data, args...)
	var c struct {
		Number string
		Sync   struct{ Pending int }
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil || c.Number == "" {
		t.Fatalf("cases add --json = %q (%v)", out, err)
	}
	if c.Sync.Pending != 1 {
		t.Fatalf("cases add --json says %d events wait to sync, want the submission's 1: %s", c.Sync.Pending, out)
	}
	return c.Number
}

// TestCasesAddRefusesWhatItWouldLose: a field given twice, a word that is
// no flag's value, and required fields left out are refused with one
// sentence each (every missing field in the one sentence), exit 2, and
// nothing is stored.
func TestCasesAddRefusesWhatItWouldLose(t *testing.T) {
	data := t.TempDir()
	must(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468") // a store to look in afterwards
	code := licenceItem(t, data)
	form := formFor(t, data, code)
	add := func(extra ...string) []string {
		return append(append([]string{"cases", "add", "--item", code}, form...), extra...)
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"a field twice", add("--field", "name=李四"),
			[]string{"--field name 给了两次", `"张三" 和 "李四"`, "--field name is given twice", "keep one"}},
		{"the same value twice", add("--field", "name=张三"),
			[]string{"--field name is given twice"}},
		{"a stray word", add("extra"),
			[]string{`不接受参数 "extra"`, `takes no argument "extra"`, "--field key=value"}},
		{"a value without --field", add("phone=13900139000"),
			[]string{`takes no argument "phone=13900139000"`}},
		{"only the item", []string{"cases", "add", "--item", code},
			[]string{"缺少必填项：name（经办人姓名）、id_number（身份证号码）、phone（手机号码）、company（企业名称）、credit_code（统一社会信用代码）、change（变更事项）",
				"Required fields are missing: name (Agent's name), id_number (ID card number), phone (Mobile phone number), company (Company name), credit_code (Unified social credit code), change (What changes)"}},
		{"blank values", []string{"cases", "add", "--item", birthItem, "--field", "name=张三", "--field", "id_number= ",
			"--field", "phone=13800138000", "--field", "baby_name=张小三", "--field", "hospital="},
			[]string{"缺少必填项：id_number（身份证号码）、born_on（出生日期）、hospital（出生医院）",
				"Required fields are missing: id_number (ID card number), born_on (Date of birth), hospital (Hospital of birth)"}},
	}
	for _, tt := range tests {
		_, errOut, exit := run(t, data, tt.args...)
		if exit != 2 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "tongban: ") {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 and one sentence", tt.name, exit, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%s: stderr %q lacks %q", tt.name, errOut, w)
			}
		}
	}
	if out := must(t, data, "cases", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("refused applications were stored: %s", out)
	}
}

// TestCasesAddTellsMissingApartFromWrong: with fields missing and others
// wrong, the missing ones share one sentence and each wrong one has its
// own.
func TestCasesAddTellsMissingApartFromWrong(t *testing.T) {
	data := t.TempDir()
	_, errOut, exit := run(t, data, "cases", "add", "--item", birthItem, "--field", "name=张三",
		"--field", "id_number=130102199003071234", "--field", "phone=12345", "--field", "born_on=2026-02-30")
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if exit != 2 || len(lines) != 4 {
		t.Fatalf("exit %d, stderr:\n%s\nwant exit 2 and four sentences: the missing, then id_number, phone, born_on", exit, errOut)
	}
	if !strings.Contains(lines[0], "baby_name（新生儿姓名）、hospital（出生医院）") || strings.Contains(lines[0], "born_on") {
		t.Errorf("the first sentence is %q; want the missing fields baby_name and hospital only", lines[0])
	}
	for i, key := range []string{"born_on", "id_number", "phone"} {
		if !strings.Contains(lines[i+1], key+":") {
			t.Errorf("sentence %d is %q; want the problem of %s", i+2, lines[i+1], key)
		}
	}
}

// TestCasesListJSONCountsPending: cases list --json gives each case's
// sync state as cases show --json does: its events waiting to sync.
func TestCasesListJSONCountsPending(t *testing.T) {
	data := t.TempDir()
	must(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468")
	acted := addLicenceCase(t, data)
	addLicenceCase(t, data)
	must(t, data, "cases", "accept", acted, "--staff", "S001", "--received", "1,2,4")
	type listed struct {
		Number string
		Sync   struct {
			Pending   int
			Confirmed bool
		}
	}
	var list []listed
	if err := json.Unmarshal([]byte(must(t, data, "cases", "list", "--json")), &list); err != nil || len(list) != 2 {
		t.Fatalf("cases list --json: %d cases, %v; want 2", len(list), err)
	}
	for _, c := range list {
		var shown listed
		json.Unmarshal([]byte(must(t, data, "cases", "show", c.Number, "--json")), &shown)
		want := 1
		if c.Number == acted {
			want = 2
		}
		if c.Sync.Pending != want || c.Sync.Confirmed || shown.Sync != c.Sync {
			t.Errorf("case %s: list says sync %+v, show says %+v; want %d pending, not confirmed", c.Number, c.Sync, shown.Sync, want)
		}
	}
}

// TestCasesListJSONSaysHowManyMore: cut at --limit, cases list --json
// keeps standard output a plain array and says on standard error how
// many more there are; with nothing cut off it says nothing.
func TestCasesListJSONSaysHowManyMore(t *testing.T) {
	data := t.TempDir()
	for range 3 {
		addLicenceCase(t, data)
	}
	out, errOut, exit := run(t, data, "cases", "list", "--limit", "2", "--json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || exit != 0 || len(list) != 2 {
		t.Fatalf("cases list --limit 2 --json: exit %d, %d cases (%v); want a plain array of 2:\n%s", exit, len(list), err, out)
	}
	if want := "tongban: 还有 1 件未列出，用 --limit 3 可全部列出。 1 more not listed; --limit 3 lists them all.\n"; errOut != want {
		t.Errorf("stderr = %q, want %q", errOut, want)
	}
	if _, errOut, _ := run(t, data, "cases", "list", "--limit", "3", "--json"); errOut != "" {
		t.Errorf("with nothing cut off, stderr = %q; want nothing", errOut)
	}
}

// TestCasesListFindsByWholeNumbers: the whole ID number (typed with a
// space or a small x too), the whole phone number, the name and the last
// four of the ID each find the applicant's cases, and a whole ID number
// finds no one else's that ends the same.
func TestCasesListFindsByWholeNumbers(t *testing.T) {
	data := t.TempDir()
	applicant := func(name, id, phone string) string {
		return addCase(t, data, birthItem, "name="+name, "id_number="+id, "phone="+phone,
			"baby_name=小宝", "born_on=2026-01-01", "hospital=省人民医院")
	}
	zhang := []string{applicant("张三", "130102199003071233", "13800138000"), applicant("张三", "130102199003071233", "13800138000")}
	li := applicant("李四", "110105194912311233", "13900139000") // the same last four
	wang := applicant("王五", "11010519491231002X", "13700137000")
	tests := []struct {
		query string
		want  []string
	}{
		{"130102199003071233", zhang},
		{"130102 199003071233", zhang},
		{"110105194912311233", []string{li}},
		{"11010519491231002x", []string{wang}},
		{"130102199003071234", nil},
		{"13800138000", zhang},
		{"138-0013-8000", zhang},
		{"张三", zhang},
		{"1233", append([]string{li}, zhang...)},
	}
	for _, tt := range tests {
		var got []struct{ Number string }
		out := must(t, data, "cases", "list", tt.query, "--json")
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("cases list %q --json: %v", tt.query, err)
		}
		var numbers []string
		for _, c := range got {
			numbers = append(numbers, c.Number)
		}
		want := slices.Clone(tt.want) // newest first: numbers of one day and device count up
		slices.Sort(want)
		slices.Reverse(want)
		if !slices.Equal(numbers, want) {
			t.Errorf("cases list %q found %v; want %v", tt.query, numbers, want)
		}
	}
}

// withField sets one --field key=value in a command line: it replaces the
// key's value where the line has one, as cases add refuses a field given
// twice, and adds it where not.
func withField(args []string, kv string) []string {
	key, _, _ := strings.Cut(kv, "=")
	out := slices.Clone(args)
	for i := 0; i+1 < len(out); i++ {
		if out[i] == "--field" && strings.HasPrefix(out[i+1], key+"=") {
			out[i+1] = kv
			return out
		}
	}
	return append(out, "--field", kv)
}
