package kiosk

import (
	"testing"
	"tongban/app/ui/uitest"

	"fyne.io/fyne/v2/widget"

	"tongban/app/ui"
)

// Review with empty required fields says how many need fixing, turns to
// the first, and shows each problem under its field.
func TestReviewShowsEveryError(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.tap(tNextPage.ZH, tNextPage.ZH) // to the page of 变更事项
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
	r.tap(tNextPage.ZH)
	r.tapTile("名称")
	if r.shows("项需要修改") {
		t.Error("the summary of errors stays after every field was filled")
	}
}

// A legacy credit code is a warning: shown, and the case still goes in.
func TestCreditCodeWarningDoesNotBlock(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.typePinyin("li", '李')
	r.focus("身份证号码")
	r.tapKeys("11010519491231002X")
	r.focus("手机号码")
	r.tapKeys("13912345678")
	r.tap(tNextPage.ZH)
	r.typePinyin("hua", '华')
	r.focus("统一社会信用代码")
	r.tapKeys("91350100M0001TGQXM")
	const warning = "统一社会信用代码校验位不符，如为早期试点代码可继续办理。"
	w := uitest.Find(r.root(), func(l *ui.Text) bool { return l.Text == warning })
	if w == nil || w.Importance != widget.WarningImportance {
		t.Fatalf("the legacy credit code's warning is %v", w)
	}
	r.tap(tNextPage.ZH)
	r.tapTile("名称")
	r.tap(tReview.ZH)
	r.mustBeOn("confirm")
	r.mustShow(warning)
	r.tap(tSubmit.ZH)
	r.mustBeOn("receipt")
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
