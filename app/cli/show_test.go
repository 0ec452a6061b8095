package cli

import (
	"strings"
	"testing"
)

// TestCaseShowSaysWhatHappened: cases show gives a completed case's
// decision, marks the materials still to come after an acceptance with a
// shortfall (容缺受理) or a notice of missing materials, explains its
// marks, and says what each printing printed.
func TestCaseShowSaysWhatHappened(t *testing.T) {
	data := t.TempDir()
	must(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468")
	act := func(verb, n string, flags ...string) {
		t.Helper()
		must(t, data, append([]string{"cases", verb, n, "--staff", "S001"}, flags...)...)
	}
	tolerated := addLicenceCase(t, data)
	act("accept", tolerated, "--received", "1", "--tolerate", "--print")
	approved := addLicenceCase(t, data)
	act("accept", approved, "--received", "1,2,4")
	act("complete", approved, "--approved", "--note", "材料齐全")
	denied := addLicenceCase(t, data)
	act("accept", denied, "--received", "1,2,4")
	act("complete", denied, "--denied")
	noticed := addLicenceCase(t, data)
	act("supplement", noticed, "--missing", "3,5", "--print")
	supplied := addLicenceCase(t, data) // a notice before acceptance, then what it named came
	act("supplement", supplied, "--missing", "3")
	act("supplied", supplied, "--received", "3")
	partly := addLicenceCase(t, data) // accepted short, then one of the two came
	act("accept", partly, "--received", "1", "--tolerate")
	act("supplement", partly, "--missing", "2,4")
	act("supplied", partly, "--received", "2")

	legend := "标记 Marks: ✓ 已收 received  · 已申报，未收 declared, not checked in  ✗ 尚缺，待申请人补交 still to come"
	tests := []struct {
		name, number string
		want, not    []string
	}{
		{"accepted with a shortfall", tolerated,
			[]string{"✓ 1. 公司变更登记申请书", "✗ 2. 变更决议或决定", "    3. 修改后的公司章程", "✗ 4. 营业执照", legend,
				"— 容缺受理，尚缺：2. 变更决议或决定、4. 营业执照", "— 受理回执 acceptance receipt"},
			[]string{"· 2.", "· 4.", "Approved", "Denied"}},
		{"approved", approved,
			[]string{"状态 Status        已办结 Completed · 准予 Approved", "✓ 4. 营业执照", "— 准予 Approved；材料齐全", legend},
			[]string{"✗ 2.", "✗ 4.", "不予批准"}},
		{"denied", denied,
			[]string{"已办结 Completed · 不予批准 Denied", "— 不予批准 Denied"},
			[]string{"准予 Approved"}},
		{"notice before acceptance", noticed,
			[]string{"· 1. 公司变更登记申请书", "✗ 3. 修改后的公司章程", "✗ 5. 授权委托书", "— 一次性告知单 notice of missing materials"},
			[]string{"✓ 1.", "✗ 1.", "✗ 2.", "✗ 4."}},
		{"accepted when the notice's materials came", supplied,
			[]string{"已受理 Accepted", "✓ 3. 修改后的公司章程", "· 4. 营业执照"},
			[]string{"✗ 1.", "✗ 2.", "✗ 3.", "✗ 4."}},
		{"part of the shortfall came", partly,
			[]string{"✓ 2. 变更决议或决定", "✗ 4. 营业执照"},
			[]string{"✗ 2."}},
	}
	for _, tt := range tests {
		out := must(t, data, "cases", "show", tt.number)
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: cases show lacks %q:\n%s", tt.name, w, out)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(out, w) {
				t.Errorf("%s: cases show must not say %q:\n%s", tt.name, w, out)
			}
		}
	}
}
