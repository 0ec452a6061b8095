package kiosk

import (
	"regexp"
	"testing"

	"fyne.io/fyne/v2/widget"

	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// In English a choice's options and the chosen value on the check screen
// are the catalog's English labels, while the draft and the stored case
// keep the Chinese choice that the counter and the platform read.
func TestEnglishChoiceLabels(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.tap(tToOtherLang.ZH)
	r.typePinyin("li", '李')
	r.focus("ID card number")
	r.tapKeys("11010519491231002X")
	r.focus("Mobile phone number")
	r.tapKeys("13912345678")
	r.pageTo("Company name")
	r.focus("Company name")
	r.typePinyin("hua", '华')
	r.focus("Unified social credit code")
	r.tapKeys("91350100M000100Y43")

	r.pageTo("What changes")
	r.mustShow("Domicile", "Representative", "Business scope")
	if tile := uitest.Find(r.root(), func(x *ui.Tile) bool { return x.Title == "住所" }); tile != nil {
		t.Fatalf("the English form shows the Chinese option 住所; the screen shows %q", texts(r.root()))
	}
	r.tapTile("Domicile")
	if tile := uitest.Find(r.root(), func(x *ui.Tile) bool { return x.Title == "Domicile" }); !tile.Primary {
		t.Error("the chosen option Domicile is not highlighted")
	}
	if d, ok := r.draft(); !ok || d.Values["change"] != "住所" {
		t.Fatalf("the draft holds change = %q, want the Chinese choice 住所", d.Values["change"])
	}

	// Back in Chinese the same option is chosen, under its Chinese name.
	r.tap(tToOtherLang.EN)
	r.pageTo("变更事项")
	if tile := uitest.Find(r.root(), func(x *ui.Tile) bool { return x.Title == "住所" }); tile == nil || !tile.Primary {
		t.Fatalf("in Chinese the option 住所 is %v; the screen shows %q", tile, texts(r.root()))
	}
	r.tap(tToOtherLang.ZH)

	r.tap(tReview.EN)
	r.mustBeOn("confirm")
	r.mustShow("What changes", "Domicile")
	if r.shows("住所") {
		t.Errorf("the English check screen shows the Chinese choice; it shows %q", texts(r.root()))
	}

	r.tap(tSubmit.EN)
	r.mustBeOn("receipt")
	number := uitest.Find(r.root(), func(l *widget.Label) bool { return l.SizeName == ui.SizeNameHuge })
	if number == nil || !regexp.MustCompile(`^260303-X[0-9A-Z]{3}-0001$`).MatchString(number.Text) {
		t.Fatalf("the receipt's case number is %v", number)
	}
	c, err := r.store.ByNumber(number.Text)
	if err != nil {
		t.Fatalf("the number on the receipt is not in the store: %v", err)
	}
	if c.Fields["change"] != "住所" {
		t.Errorf("stored change = %q, want the Chinese choice 住所", c.Fields["change"])
	}
}

func TestChoiceColumns(t *testing.T) {
	tests := []struct {
		labels []string
		want   int
	}{
		{[]string{"名称", "住所", "法定代表人"}, 3},            // 5 characters, 10 cells
		{[]string{"Name", "Domicile", "Sale"}, 3},     // 8 cells
		{[]string{"股东或出资", "食品销售经营者"}, 2},             // 7 characters, 14 cells
		{[]string{"Name", "Legal representative"}, 1}, // 20 cells
		{[]string{"Lost card", "Details changed"}, 2}, // 15 cells
		{[]string{"信息变更换卡", "Divorce settlement"}, 2}, // 18 cells
		{[]string{"Name", "Legal representative"}, 1}, // 20 cells
		{[]string{"1000元", "C1"}, 3},                  // 6 cells
	}
	for _, tt := range tests {
		if got := choiceColumns(tt.labels); got != tt.want {
			t.Errorf("choiceColumns(%q) = %d, want %d", tt.labels, got, tt.want)
		}
	}
}
