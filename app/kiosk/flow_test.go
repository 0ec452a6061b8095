package kiosk

import (
	"regexp"
	"slices"
	"testing"
	"tongban/app/ui/uitest"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/ui"
)

// A citizen finds 营业执照变更登记 by its pinyin initials, reads the guide,
// fills the form by touch alone (a name on the pinyin keyboard, a wrong ID
// number that is caught and fixed), submits, and gets a case number that is
// in the store with what was typed.
func TestKioskFlowByTouch(t *testing.T) {
	r := newRig(t, nil, nil)
	r.mustBeOn("attract")
	r.mustShow("石家庄市长安区政务服务中心", "点击开始办事")
	r.tapTile(tStart.ZH)
	r.mustBeOn("categories")
	r.tap(tSearchButton.ZH)
	r.mustBeOn("search")

	r.tapKeys("YYZZ")
	r.mustShow("YYZZ")
	r.tapTile("营业执照变更登记")
	r.mustBeOn("guide")
	r.mustShow("长安区市场监督管理局", "一楼 A 区，A01、A02、A03 号窗口", "许可", "承诺 1 个工作日（法定 3 个工作日）", "免费",
		"公司变更登记申请书", "原件 1 份 · 必需", "视情况提供 · 变更事项涉及章程时提供")
	r.tap(tApply.ZH)
	r.mustBeOn("form")

	// The name: the first field is active and has the pinyin keyboard.
	r.typePinyin("zhang", '张')
	r.typePinyin("san", '三')
	if got := r.entry("经办人姓名").Text; got != "张三" {
		t.Fatalf("name entry holds %q after typing zhang, 张, san, 三", got)
	}

	// The ID number, with a wrong check character.
	r.focus("身份证号码")
	r.tapKeys("110105194912310021")
	const wrongCheck = "身份证号最后一位校验码不对，请逐位核对。"
	r.mustShow(wrongCheck)
	if problem := uitest.Find(r.root(), func(l *ui.Text) bool { return l.Text == wrongCheck }); problem.Importance != widget.DangerImportance {
		t.Errorf("the ID number's problem is not shown as an error")
	}
	r.tap(tBackspace.ZH, "X")
	if r.shows(wrongCheck) {
		t.Fatal("the error stays after the ID number was fixed")
	}

	r.focus("手机号码")
	r.tapKeys("13800138000")
	if got := r.entry("手机号码").Text; got != "13800138000" {
		t.Fatalf("phone entry holds %q", got)
	}

	r.pageTo("企业名称") // on this page if it fits, else the next
	r.mustShow("企业名称", "统一社会信用代码")
	r.focus("企业名称")
	r.typePinyin("hua", '华')
	r.typePinyin("xin", '新')
	r.focus("统一社会信用代码")
	r.tapKeys("91350100M000100Y43")
	r.pageTo("住所") // a choice of six options: on this page if it fits, else the next
	r.tapTile("住所")

	r.pageTo(tChecklist.ZH)
	r.tapTile("公司变更登记申请书")
	r.tapTile("变更决议或决定")
	r.tapTile("营业执照")

	if d, ok := r.draft(); !ok || d.Values["name"] != "张三" || !slices.Equal(d.Materials, []int{0, 1, 3}) {
		t.Fatalf("draft before submitting = %+v, %v", d, ok)
	}

	r.tap(tReview.ZH)
	r.mustBeOn("confirm")
	r.mustShow("张三", "1101**********002X", "13800138000", "华新", "91350100M000100Y43", "住所")
	if r.shows("11010519491231002X") {
		t.Error("the confirm screen shows the whole ID number")
	}
	r.mustShow("公司变更登记申请书、变更决议或决定、营业执照")

	r.tap(tSubmit.ZH)
	r.mustBeOn("receipt")
	number := uitest.Find(r.root(), func(l *widget.Label) bool { return l.SizeName == ui.SizeNameHuge })
	if number == nil || !regexp.MustCompile(`^260303-X[0-9A-Z]{3}-0001$`).MatchString(number.Text) {
		t.Fatalf("the receipt's case number is %v", number)
	}
	c, err := r.store.ByNumber(number.Text)
	if err != nil {
		t.Fatalf("the number on the receipt is not in the store: %v", err)
	}
	want := map[string]string{"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000",
		"company": "华新", "credit_code": "91350100M000100Y43", "change": "住所"}
	for k, v := range want {
		if c.Fields[k] != v {
			t.Errorf("stored field %s = %q, want %q", k, c.Fields[k], v)
		}
	}
	if c.ItemCode != "130102-SCJG-003" || c.Channel != cases.ChannelKiosk || !slices.Equal(c.Materials, []int{0, 1, 3}) || c.Status != cases.StatusSubmitted {
		t.Errorf("stored case = item %s, channel %s, materials %v, status %s", c.ItemCode, c.Channel, c.Materials, c.Status)
	}
	// Promised one working day: Tuesday 3 March → Wednesday 4 March.
	r.mustShow("预计办结日期（如今日受理）", "2026年3月4日（星期三）", "请带齐材料前往", "一楼 A 区，A01、A02、A03 号窗口")
	if uitest.Find(r.root(), func(*ui.Entry) bool { return true }) != nil {
		t.Error("the receipt screen still has entries")
	}
	if _, ok := r.draft(); ok {
		t.Error("the draft is still there after submitting")
	}

	r.clock.Advance(doneDelay) // Done waits while the number is read
	r.k.Tick()
	r.tap(tDone.ZH)
	r.mustBeOn("attract")
}

// The receipt returns to the start on its own.
func TestReceiptTimesOut(t *testing.T) {
	r := newRig(t, nil, nil)
	c, err := r.store.Submit(cases.Submission{ItemCode: "130102-SCJG-003", CatalogVersion: 1, Channel: cases.ChannelKiosk,
		Fields: map[string]string{"name": "李四", "id_number": "11010519491231002X", "phone": "13800138000"}})
	if err != nil {
		t.Fatal(err)
	}
	item, _ := r.deps.Catalog.Item(c.ItemCode)
	r.k.show(&receipt{c: c, item: item})
	r.mustShow(c.Number)
	if img := uitest.Find(r.root(), func(*canvas.Image) bool { return true }); img == nil {
		t.Error("the receipt has no QR image")
	}
	r.clock.Advance(DefaultReceiptTimeout - countdownWindow/2)
	r.k.Tick()
	if !r.k.shield.Visible() {
		t.Fatal("no countdown before the receipt times out")
	}
	r.clock.Advance(countdownWindow)
	r.k.Tick()
	r.mustBeOn("attract")
}
