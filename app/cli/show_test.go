package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/app/store"
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
	act("supplement", noticed, "--missing", "3,5", "--received", "1,2,4", "--print")
	supplied := addLicenceCase(t, data) // a notice before acceptance, then what it named came
	act("supplement", supplied, "--missing", "3", "--received", "1,2,4")
	act("supplied", supplied, "--received", "3")
	partly := addLicenceCase(t, data) // accepted short, then one of the two came
	act("accept", partly, "--received", "1", "--tolerate")
	act("supplement", partly, "--missing", "2,4")
	act("supplied", partly, "--received", "2", "--tolerate")

	legend := "标记 Marks: ✓ 已收 received  · 已申报，未收 declared, not checked in  ✗ 尚缺，待申请人补交 still to come"
	tests := []struct {
		name, number string
		want, not    []string
	}{
		{"accepted with a shortfall", tolerated,
			[]string{"✓ 1. 公司变更登记申请书", "✗ 2. 变更决议或决定", "    3. 修改后的公司章程", "✗ 4. 营业执照", legend,
				"容缺受理，尚缺 Still owed: 2. 变更决议或决定、4. 营业执照（", "— 受理回执 acceptance receipt"},
			[]string{"· 2.", "· 4.", "Approved", "Denied"}},
		{"approved", approved,
			[]string{"状态 Status        已办结 Completed · 准予 Approved", "✓ 4. 营业执照", "— 准予 Approved；备注 Note: 材料齐全", legend},
			[]string{"✗ 2.", "✗ 4.", "不予批准"}},
		{"denied", denied,
			[]string{"已办结 Completed · 不予批准 Denied", "— 不予批准 Denied"},
			[]string{"准予 Approved"}},
		{"notice before acceptance", noticed,
			[]string{"✓ 1. 公司变更登记申请书", "✗ 3. 修改后的公司章程", "✗ 5. 授权委托书", "— 一次性告知单 notice of missing materials"},
			[]string{"· 1.", "✗ 1.", "✗ 2.", "✗ 4."}},
		{"accepted when the notice's materials came", supplied,
			[]string{"已受理 Accepted", "✓ 3. 修改后的公司章程", "✓ 4. 营业执照"},
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

// TestCaseShowListsTheForm: cases show lists every filled field of the
// item's form under its label in both languages, in the item's order, a
// choice with its English label, and the ID and phone numbers masked.
func TestCaseShowListsTheForm(t *testing.T) {
	data := t.TempDir()
	licence := addCase(t, data, "130102-SCJG-003", "name=张三", "id_number=130102199003071233", "phone=13800138000",
		"company=石家庄某某科技有限公司", "credit_code=91130100MA07L2KQ25", "change=Domicile")
	birth := addCase(t, data, birthItem, "name=李四", "id_number=110105194912311233", "phone=13900139000",
		"baby_name=李小宝", "born_on=2026-01-15", "hospital=河北省人民医院")
	tests := []struct {
		number string
		rows   []string // in this order
		not    []string
	}{
		{licence, []string{
			"申请内容 Application",
			"经办人姓名 Agent's name", "张三",
			"身份证号码 ID card number", "1301**********1233",
			"手机号码 Mobile phone number", "138****8000",
			"企业名称 Company name", "石家庄某某科技有限公司",
			"统一社会信用代码 Unified social credit code", "91130100MA07L2KQ25",
			"变更事项 What changes", "住所 Domicile",
			"材料 Materials"},
			[]string{"130102199003071233", "13800138000"}},
		{birth, []string{
			"申请人（父亲或母亲）姓名 Parent's name", "李四",
			"新生儿姓名 Child's name", "李小宝",
			"出生日期 Date of birth", "2026-01-15",
			"出生医院 Hospital of birth", "河北省人民医院"},
			[]string{"110105194912311233"}},
	}
	for _, tt := range tests {
		out := must(t, data, "cases", "show", tt.number)
		rest := out
		for _, w := range tt.rows {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("case %s: %q is missing or out of order:\n%s", tt.number, w, out)
				break
			}
			rest = rest[i+len(w):]
		}
		for _, w := range tt.not {
			if strings.Contains(out, w) {
				t.Errorf("case %s: cases show prints %q unmasked:\n%s", tt.number, w, out)
			}
		}
	}
}

// TestCaseShowTimelineSaysWhy: each row of the timeline says what its
// event recorded: the materials a notice asked for and those that came,
// every reason of a refusal, the reason of a suspension, a resumption and
// a withdrawal, the decision and note of a completion, a rating.
func TestCaseShowTimelineSaysWhy(t *testing.T) {
	data := t.TempDir()
	must(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468")
	act := func(verb, n string, flags ...string) {
		t.Helper()
		must(t, data, append([]string{"cases", verb, n, "--staff", "S001"}, flags...)...)
	}
	refused := addLicenceCase(t, data)
	act("refuse", refused, "--reason", "不属于本中心受理范围", "--reason", "申请人不具备主体资格")
	handled := addLicenceCase(t, data)
	act("supplement", handled, "--missing", "3,5", "--received", "1,2,4", "--note", "请于五日内补交")
	act("supplied", handled, "--received", "3,5")
	act("suspend", handled, "--reason", "需现场核查")
	act("resume", handled, "--reason", "核查已完成")
	act("complete", handled, "--denied", "--note", "经营范围不符")
	act("rate", handled, "--level", "2", "--note", "等太久")
	withdrawn := addLicenceCase(t, data)
	act("withdraw", withdrawn, "--reason", "申请人要求撤回")

	tests := []struct {
		number string
		rows   map[string]string // the kind's label → what its row must say
	}{
		{refused, map[string]string{"不予受理": "— 理由 Reasons: 不属于本中心受理范围；申请人不具备主体资格"}},
		{handled, map[string]string{
			"一次性告知补正":  "5. 授权委托书（3. Amended articles of association, 5. Letter of authorization）；备注 Note: 请于五日内补交",
			"补正材料已收":   "— 收到材料 Received: 3. 修改后的公司章程或章程修正案、5. 授权委托书（3. Amended articles of association, 5. Letter of authorization）",
			"中止（特别程序）": "— 原因 Reason: 需现场核查",
			"恢复办理":     "— 原因 Reason: 核查已完成",
			"办结":       "— 不予批准 Denied；备注 Note: 经营范围不符",
			"评价":       "— 不满意 Dissatisfied；评语 Comment: 等太久",
		}},
		{withdrawn, map[string]string{"撤回": "— 原因 Reason: 申请人要求撤回"}},
	}
	for _, tt := range tests {
		out := must(t, data, "cases", "show", tt.number)
		_, timeline, _ := strings.Cut(out, "经过 Timeline\n")
		for kind, want := range tt.rows {
			var row string
			for _, r := range strings.Split(timeline, "\n") {
				if strings.Contains(r, "  "+kind+" ") {
					row = r
				}
			}
			if !strings.HasSuffix(row, want) {
				t.Errorf("case %s: the %s row is %q; want it to end %q\n%s", tt.number, kind, row, want, timeline)
			}
		}
	}
}

// TestCaseOfAnUnknownItem: a case of an item this catalog lacks lists its
// form by key, ID and phone masked, and names the materials of its
// notices by number alone.
func TestCaseOfAnUnknownItem(t *testing.T) {
	cs := &cases.Case{Fields: map[string]string{"name": "张三", "id_number": "130102199003071233",
		"phone": "13800138000", "company": "某某公司"}}
	var b strings.Builder
	printForm(&b, cs, nil, false)
	want := "申请内容 Application\n  company    某某公司\n  id_number  1301**********1233\n  name       张三\n  phone      138****8000\n"
	if b.String() != want {
		t.Errorf("the form of a case of an unknown item:\n%s\nwant\n%s", b.String(), want)
	}
	e := cases.Event{Kind: cases.KindSupplementRequested, Payload: json.RawMessage(`{"missing":[0,7]}`)}
	if got, want := e.Summary(nil), "缺少材料 Missing: 材料 1、材料 8（material 1, material 8）"; got != want {
		t.Errorf("the summary of a notice without the item = %q, want %q", got, want)
	}
}

// The audit's finding: cases show named every device by the end of its
// ID. It names this device by its own short code, and another counter,
// which only acted on the case, by the code the center's directory (as
// sync saves it) gives — C02, as that counter's status bar says.
func TestCaseShowNamesDevicesByShortCode(t *testing.T) {
	c01, c02, n := twoCounters(t)
	other := identityOf(t, c02).DeviceID
	out := must(t, c01, "cases", "show", n)
	for _, w := range []string{"S001 · 设备 Device " + own(t, c01), "S002 · 设备 Device " + short(t, c02)} {
		if !strings.Contains(out, w) {
			t.Errorf("before the directory, cases show lacks %q:\n%s", w, out)
		}
	}
	st, err := store.Open(c01, store.Options{Center: sampleCenter()})
	if err != nil {
		t.Fatal(err)
	}
	err = st.PutJSON(cases.KeyDirectory, cases.Directory{Devices: []cases.DirectoryEntry{{ID: other, Role: "counter", ShortCode: "C02"}}})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	out = must(t, c01, "cases", "show", n)
	for _, w := range []string{"S002 · 设备 Device C02", "分支 Branch: 受理 Accepted · S002 · 设备 Device C02 · --keep"} {
		if !strings.Contains(out, w) {
			t.Errorf("cases show lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, short(t, c02)) {
		t.Errorf("cases show still names C02 by the end of its ID %s:\n%s", short(t, c02), out)
	}
}
