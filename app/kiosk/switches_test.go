package kiosk

import (
	"testing"
	"tongban/app/ui/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"tongban/app/ui"
)

func currentMode() ui.Mode {
	if th, ok := fyne.CurrentApp().Settings().Theme().(*ui.Theme); ok {
		return th.Mode()
	}
	return -1
}

// The language switch changes every label; elder mode makes text and
// targets larger and pages shorter.
func TestLanguageAndElderMode(t *testing.T) {
	r := newRig(t, nil, nil)
	startTile := func() fyne.CanvasObject {
		return uitest.Find(r.root(), func(x *ui.Tile) bool { return x.Primary })
	}
	kioskHeight := startTile().MinSize().Height
	r.tap(tToOtherLang.ZH)
	r.mustShow("Touch to start", "Chang'an District Government Service Center, Shijiazhuang", tToOtherLang.EN, tWelcome.EN)
	if r.shows(tWelcome.ZH) || r.shows(tElderOn.ZH) {
		t.Error("Chinese labels left on the English start screen")
	}

	r.tap(tElderOn.EN)
	if currentMode() != ui.Elder {
		t.Fatalf("theme mode %v after the elder switch", currentMode())
	}
	r.mustShow(tElderOff.EN)
	if h := startTile().MinSize().Height; h <= kioskHeight {
		t.Errorf("start target %v high in elder mode, %v before", h, kioskHeight)
	}
	if ts := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText); ts < 30 {
		t.Errorf("elder body text %v", ts)
	}

	r.tapTile("Touch to start")
	r.mustShow("Choose a category", "Page 1 of 3", "Starting and running a business") // 4 of 10 a page
	r.tap(tElderOff.EN, tToOtherLang.EN)
	if currentMode() != ui.Kiosk {
		t.Fatalf("theme mode %v after leaving elder mode", currentMode())
	}
	r.mustShow("请选择办事类别", "第 1/2 页") // 9 of 10 a page
}

// Lists page with big buttons instead of scrolling.
func TestPaging(t *testing.T) {
	r := newRig(t, nil, nil)
	r.tapTile(tStart.ZH)
	r.mustShow("第 1/2 页", "企业开办与经营")
	if r.button(tPrevPage.ZH).Disabled() == false {
		t.Error("上一页 is enabled on the first page")
	}
	last := r.k.deps.Catalog.Categories[len(r.k.deps.Catalog.Categories)-1].NameZH
	if r.shows(last) {
		t.Fatalf("the tenth category %s is on the first page", last)
	}
	r.tap(tNextPage.ZH)
	r.mustShow("第 2/2 页", last)
	if r.shows("企业开办与经营") {
		t.Error("the first category is still shown on page 2")
	}

	// Search results page too, and a new letter goes back to page 1.
	r.tap(tSearchButton.ZH)
	r.tapKeys("S")
	r.mustShow("第 1/")
	r.tap(tNextPage.ZH)
	r.mustShow("第 2/")
	r.tapKeys("B")
	if r.shows("第 2/") {
		t.Error("a new letter kept the results on page 2")
	}

	// A search that finds nothing says so in words.
	r.tap(tClear.ZH)
	r.tapKeys("QQQQ")
	r.mustShow("没有找到“QQQQ”")
}
