package kiosk

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// Review with empty required fields says how many need fixing, turns to
// the first, and shows each problem under its field.
func TestReviewShowsEveryError(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.pageTo("变更事项") // the last field
	r.tap(tReview.ZH)
	r.mustBeOn("form")
	r.mustShow("有 6 项需要修改，请看红色提示", "经办人姓名（必填）", "此项必填。")
	if p := r.k.cur.(*form).pager.Page(); p != 0 {
		t.Errorf("review left the form on page %d, want the first error's page 0", p)
	}
	if _, ok := r.draft(); ok {
		t.Error("an empty form was saved as a draft")
	}
	// The count follows the notes under the fields; the summary goes
	// once every error is fixed.
	r.typePinyin("li", '李')
	r.focus("身份证号码")
	r.tapKeys("11010519491231002X")
	r.focus("手机号码")
	r.tapKeys("13912345678")
	r.mustShow("有 3 项需要修改")
	r.pageTo("企业名称")
	r.focus("企业名称")
	r.typePinyin("hua", '华')
	r.focus("统一社会信用代码")
	r.tapKeys("91350100M000100Y43")
	r.mustShow("有 1 项需要修改")
	r.pageTo("变更事项")
	r.tapTile("名称")
	if r.shows("项需要修改") {
		t.Error("the summary of errors stays after every field was filled")
	}
}

// After a review found errors, moving to another field keeps every note
// of a field not fixed yet ("required" under a field still empty, also
// one typed into and emptied again), and the count over the fields is
// always the number of notes shown under them.
func TestProblemsStayUntilFixed(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.tap(tReview.ZH)
	f := r.k.cur.(*form)
	required := cases.Text{ZH: "此项必填。"}.ZH
	mustAgree := func(when string) {
		t.Helper()
		shown := 0
		for _, fl := range f.app.item.Fields {
			if p := f.rows[fl.Key].problem; p.Visible() && p.Importance == widget.DangerImportance {
				shown++
			}
		}
		want := tFixErrors.Format(shown).ZH
		if shown == 1 {
			want = tFixOneError.ZH
		}
		if shown == 0 {
			if r.shows("项需要修改") {
				t.Errorf("%s: no note under a field, but the count shows", when)
			}
			return
		}
		if !r.shows(want) {
			t.Errorf("%s: %d notes under the fields, but the screen shows %q", when, shown, r.screenTexts())
		}
	}
	mustNote := func(key string, want bool, when string) {
		t.Helper()
		p := f.rows[key].problem
		if got := p.Visible() && p.Text == required; got != want {
			t.Errorf("%s: the %s field shows its 必填 note %v, want %v", when, key, got, want)
		}
	}
	mustAgree("after the review")
	for _, key := range []string{"name", "id_number", "phone"} {
		mustNote(key, true, "after the review")
	}

	r.focus("身份证号码") // leaves the name empty
	mustNote("name", true, "after tapping the ID number")
	mustAgree("after tapping the ID number")
	r.tapKeys("1")
	r.tap(tBackspace.ZH)
	r.focus("手机号码") // leaves the ID number empty again
	mustNote("id_number", true, "after typing into the ID number and deleting it")
	mustNote("name", true, "after tapping the phone")
	mustAgree("after tapping the phone")

	r.tapKeys("13912345678")
	mustNote("phone", false, "after a valid phone")
	mustAgree("after a valid phone")
	r.focus("身份证号码")
	r.tapKeys("110105194912310021") // a wrong check character
	r.focus("手机号码")
	if p := f.rows["id_number"].problem; !p.Visible() || p.Text == required {
		t.Errorf("the wrong ID number shows %q (visible %v)", p.Text, p.Visible())
	}
	mustAgree("after a wrong ID number")
}

// A tap on a field's label (or anywhere on its row outside the box)
// selects the field as a tap on its box does: the keypad types into it
// and its box has the focus.
func TestLabelTapSelectsTheField(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.settle()
	label := uitest.Find(r.root(), func(l *ui.Text) bool { return l.Text == "手机号码（必填）" })
	r.tapCentre(label)
	f := r.k.cur.(*form)
	phone := r.entry("手机号码")
	if f.active != "phone" || r.w.Canvas().Focused() != phone {
		t.Fatalf("after a tap on the label the active field is %q, focused %v", f.active, r.w.Canvas().Focused())
	}
	if label.Importance != widget.HighImportance {
		t.Error("the tapped field's label is not highlighted")
	}
	r.tapKeys("139")
	if phone.Text != "139" {
		t.Errorf("the keypad typed %q into the phone", phone.Text)
	}
	// A field of options: its label makes it the active one too.
	r.pageTo("变更事项")
	options := uitest.Find(r.root(), func(l *ui.Text) bool { return l.Text == "变更事项（必填）" })
	r.tapCentre(options)
	if f.active != "change" || options.Importance != widget.HighImportance {
		t.Errorf("after a tap on the options' label the active field is %q, the label highlighted %v",
			f.active, options.Importance == widget.HighImportance)
	}
}

// A legacy credit code is a warning: shown under the field and on the
// check screen, in either language, and the case still goes in.
func TestCreditCodeWarningDoesNotBlock(t *testing.T) {
	const legacy = "91350100M0001TGQXM" // fails only its check character
	for _, lang := range []cases.Lang{cases.ZH, cases.EN} {
		r := newRig(t, nil, nil)
		r.openForm()
		if lang == cases.EN {
			r.tap(tToOtherLang.ZH)
		}
		label := func(zh, en string) string { return cases.Text{ZH: zh, EN: en}.In(lang) }
		r.typePinyin("li", '李')
		r.focus(label("身份证号码", "ID card number"))
		r.tapKeys("11010519491231002X")
		r.focus(label("手机号码", "Mobile phone number"))
		r.tapKeys("13912345678")
		r.pageTo(label("企业名称", "Company name"))
		r.focus(label("企业名称", "Company name"))
		r.typePinyin("hua", '华')
		r.focus(label("统一社会信用代码", "Unified social credit code"))
		r.tapKeys(legacy)
		p := cases.CheckCreditCode(legacy)
		if p == nil || !p.Warning {
			t.Fatalf("%s is no legacy code: %v", legacy, p)
		}
		warning := p.Text.In(lang)
		w := uitest.Find(r.root(), func(l *ui.Text) bool { return l.Text == warning })
		if w == nil || w.Importance != widget.WarningImportance {
			t.Fatalf("lang %d: the legacy credit code's warning is %v; the screen shows %q", lang, w, texts(r.root()))
		}
		r.pageTo(label("变更事项", "What changes"))
		r.tapTile(label("名称", "Name")) // a choice shows its English label in English
		r.tap(tReview.In(lang))
		r.mustBeOn("confirm")
		r.mustShow(warning)
		r.tap(tSubmit.In(lang))
		r.mustBeOn("receipt")
	}
}

// An English name has a space: the name field's keyboard types one in
// Latin mode.
func TestEnglishNameWithASpace(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.tap(tToOtherLang.ZH)
	r.tap(tToLatin.EN)
	r.tapKeys("JOHN")
	r.tap(tSpace.EN)
	r.tapKeys("SMITH")
	if got := r.entry("Agent's name").Text; got != "JOHN SMITH" {
		t.Errorf("the name field holds %q, want JOHN SMITH", got)
	}
	if d, ok := r.draft(); !ok || d.Values["name"] != "JOHN SMITH" {
		t.Errorf("the draft holds %+v", d.Values)
	}
}

// Switching to elder mode keeps the field being typed on screen, though
// pages now hold fewer fields.
func TestElderModeKeepsTheActiveField(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.focus("手机号码") // the third field
	r.tap(tElderOn.ZH)
	r.mustShow("手机号码")
	if f := r.k.cur.(*form); f.active != "phone" {
		t.Errorf("after the switch the keypad types into %q, want phone", f.active)
	}
	r.tapKeys("139")
	if got := r.entry("手机号码").Text; got != "139" {
		t.Errorf("the number pad types %q into the phone after the switch", got)
	}
}

// A word that does not fit under the field's limit is not cut: it stays
// out, and a warning under the field says why and what to do; the next
// change takes the warning away.
func TestWordThatDoesNotFitIsTold(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.pageTo("企业名称")
	e := r.focus("企业名称")
	full := strings.Repeat("国", 28) // the sample's company name holds 30
	e.SetText(full)
	r.tapKeys("ERDANYUAN")
	r.tap("二单元")
	if e.Text != full {
		t.Fatalf("the field took %q past its limit", e.Text)
	}
	r.mustShow("此栏最多30个字，“二单元”放不下；请先删除一些再输入。")
	r.tap(r.k.t(tBackspace))
	r.tap(r.k.t(tBackspace))
	if r.shows("放不下") {
		t.Error("the warning stays after the field changed")
	}
}
