package kiosk

import (
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
	if r.k.cur.(*form).page != 0 {
		t.Errorf("review left the form on page %d, want the first error's page 0", r.k.cur.(*form).page)
	}
	if _, ok := r.draft(); ok {
		t.Error("an empty form was saved as a draft")
	}
	// The summary goes once every error is being fixed.
	r.typePinyin("li", '李')
	r.focus("身份证号码")
	r.tapKeys("11010519491231002X")
	r.focus("手机号码")
	r.tapKeys("13912345678")
	r.mustShow("有 6 项需要修改")
	r.tap(tNextPage.ZH)
	r.typePinyin("hua", '华')
	r.focus("统一社会信用代码")
	r.tapKeys("91350100M000100Y43")
	r.pageTo("名称")
	r.tapTile("名称")
	if r.shows("项需要修改") {
		t.Error("the summary of errors stays after every field was filled")
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

// Switching to elder mode on page 2 of the form keeps the field being
// typed on screen, though pages now hold fewer fields.
func TestElderModeKeepsTheActiveField(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.focus("手机号码") // third field, page 1 of 3 a page
	r.tap(tElderOn.ZH)
	r.mustShow("手机号码")
	if f := r.k.cur.(*form); f.active != "phone" || f.page != 1 {
		t.Errorf("after the switch: active %q on page %d, want phone on page 1 (two fields a page)", f.active, f.page)
	}
	r.tapKeys("139")
	if got := r.entry("手机号码").Text; got != "139" {
		t.Errorf("the number pad types %q into the phone after the switch", got)
	}
}
