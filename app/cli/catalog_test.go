package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// catalog show lists a choice field's options in both languages, and its
// JSON carries the English labels beside the Chinese choices.
func TestCatalogShowChoicesInBothLanguages(t *testing.T) {
	data := t.TempDir()
	out, errOut, code := run(t, data, "catalog", "show", "130102-SCJG-003")
	if code != 0 {
		t.Fatalf("catalog show: exit %d: %s", code, errOut)
	}
	if want := "名称 Name / 住所 Domicile / 法定代表人 Representative"; !strings.Contains(out, want) {
		t.Errorf("catalog show does not list %q:\n%s", want, out)
	}
	out, _, _ = run(t, data, "catalog", "show", "130102-JJ-001")
	if want := "(choice) C1 / C2 / C3 / B1"; !strings.Contains(out, want) {
		t.Errorf("catalog show does not list %q (a label the same as its choice is not repeated):\n%s", want, out)
	}

	out, _, _ = run(t, data, "catalog", "show", "130102-SCJG-003", "--json")
	var item struct {
		Fields []struct {
			Key       string   `json:"key"`
			Choices   []string `json:"choices"`
			ChoicesEN []string `json:"choices_en"`
		} `json:"fields"`
	}
	if err := json.Unmarshal([]byte(out), &item); err != nil {
		t.Fatalf("catalog show --json: %v\n%s", err, out)
	}
	for _, f := range item.Fields {
		switch {
		case f.Key == "change":
			if !slices.Equal(f.Choices[:2], []string{"名称", "住所"}) || !slices.Equal(f.ChoicesEN[:2], []string{"Name", "Domicile"}) ||
				len(f.Choices) != len(f.ChoicesEN) {
				t.Errorf("change has choices %q and choices_en %q", f.Choices, f.ChoicesEN)
			}
		case f.ChoicesEN == nil || len(f.ChoicesEN) != 0:
			t.Errorf("field %s has choices_en %#v, want []", f.Key, f.ChoicesEN)
		}
	}
}

func TestChoiceLabels(t *testing.T) {
	tests := []struct {
		f    fieldJSON
		want []string
	}{
		{fieldJSON{Choices: []string{"名称", "住所"}, ChoicesEN: []string{"Name", "Domicile"}}, []string{"名称 Name", "住所 Domicile"}},
		{fieldJSON{Choices: []string{"C1", "D"}, ChoicesEN: []string{"C1 manual car", "D"}}, []string{"C1 manual car", "D"}},
		{fieldJSON{Choices: []string{"名称", "住所"}, ChoicesEN: []string{}}, []string{"名称", "住所"}},
	}
	for _, tt := range tests {
		if got := choiceLabels(tt.f); !slices.Equal(got, tt.want) {
			t.Errorf("choiceLabels(%q, %q) = %q, want %q", tt.f.Choices, tt.f.ChoicesEN, got, tt.want)
		}
	}
}

// cases add takes a choice by its English label and stores the Chinese
// value, as the kiosk's English screens do; a label that is neither is
// refused with the options in both languages.
func TestCasesAddTakesEnglishChoice(t *testing.T) {
	data := t.TempDir()
	form := []string{"cases", "add", "--item", "130102-SCJG-003", "--json",
		"--field", "name=张三", "--field", "id_number=11010519491231002X", "--field", "phone=13800138000",
		"--field", "company=石家庄通办科技有限公司", "--field", "credit_code=91130100MA0CXXXX0B"}
	out, errOut, code := run(t, data, append(form, "--field", "change=domicile")...)
	if code != 0 {
		t.Fatalf("cases add with change=domicile: exit %d: %s", code, errOut)
	}
	var cs struct {
		Fields map[string]string `json:"fields"`
	}
	if err := json.Unmarshal([]byte(out), &cs); err != nil {
		t.Fatalf("cases add --json: %v\n%s", err, out)
	}
	if got := cs.Fields["change"]; got != "住所" {
		t.Errorf("change stored as %q, want 住所", got)
	}

	_, errOut, code = run(t, data, append(form, "--field", "change=Address")...)
	if code != 2 || !strings.Contains(errOut, "Name, Domicile") || !strings.Contains(errOut, "名称、住所") {
		t.Errorf("cases add with change=Address: exit %d, want 2 and the options in both languages:\n%s", code, errOut)
	}
}
