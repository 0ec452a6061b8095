package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestMaterialsAreNumberedFromOne: every number a person reads or types
// for a material is its place in the item's list counted from 1 — catalog
// show, --received, --missing, --material, cases show and the sentences
// about them — as on the kiosk, the counter and the paper; JSON keeps the
// indexes from 0, and its --help says so.
func TestMaterialsAreNumberedFromOne(t *testing.T) {
	data := t.TempDir()
	must(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468")
	code := licenceItem(t, data)

	show := must(t, data, "catalog", "show", code)
	for _, w := range []string{"  1. 公司变更登记申请书", "  4. 营业执照 ", "  5. 授权委托书"} {
		if !strings.Contains(show, w) {
			t.Errorf("catalog show lacks %q:\n%s", w, show)
		}
	}
	if strings.Contains(show, "  0. ") {
		t.Errorf("catalog show numbers a material 0:\n%s", show)
	}

	// --material 5 is the fifth material, index 4.
	out := must(t, data, append(append([]string{"cases", "add", "--item", code, "--json"}, formFor(t, data, code)...),
		"--material", "1", "--material", "2,4", "--material", "5")...)
	var added caseJSON
	if err := json.Unmarshal([]byte(out), &added); err != nil || !slices.Equal(added.Materials, []int{0, 1, 3, 4}) {
		t.Errorf("cases add --material 1 --material 2,4 --material 5: JSON materials %v (%v), want the indexes [0 1 3 4]", added.Materials, err)
	}

	tests := []struct {
		name string
		args []string
		json func(c caseJSON) []int
		want []int
	}{
		{"supplement --missing 3", []string{"supplement", added.Number, "--missing", "3", "--received", "1,2,4"}, func(c caseJSON) []int { return c.Missing }, []int{2}},
		{"supplied --received 1,2,3,4", []string{"supplied", added.Number, "--received", "1，2 3,4"}, func(c caseJSON) []int { return c.Received }, []int{0, 1, 2, 3}},
	}
	for _, tt := range tests {
		out := must(t, data, append(append([]string{"cases"}, tt.args...), "--staff", "S001", "--json")...)
		var c caseJSON
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatalf("cases %s --json: %v", tt.name, err)
		}
		if got := tt.json(c); !slices.Equal(got, tt.want) {
			t.Errorf("cases %s: JSON has %v, want the indexes %v", tt.name, got, tt.want)
		}
	}

	text := must(t, data, "cases", "show", added.Number)
	for _, w := range []string{"✓ 1. 公司变更登记申请书", "✓ 4. 营业执照", "· 5. 授权委托书"} {
		if !strings.Contains(text, w) {
			t.Errorf("cases show lacks %q:\n%s", w, text)
		}
	}

	for _, args := range [][]string{{"cases", "show", "--help"}, {"cases", "accept", "--help"}, {"catalog", "show", "--help"}, {"scan", "--help"}} {
		if help := must(t, data, args...); !strings.Contains(help, "count from 0") {
			t.Errorf("tongban %s: the --json help does not say JSON counts materials from 0:\n%s", strings.Join(args, " "), help)
		}
	}
	if help := must(t, data, "status", "--help"); strings.Contains(help, "count from 0") {
		t.Errorf("tongban status --help talks of material indexes:\n%s", help)
	}
}
