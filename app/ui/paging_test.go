package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

func TestPaging(t *testing.T) {
	tests := []struct {
		p              Paging
		pages          int
		from, to, page int
	}{
		{Paging{Total: 0, PerPage: 4}, 1, 0, 0, 0},
		{Paging{Total: 4, PerPage: 4}, 1, 0, 4, 0},
		{Paging{Total: 5, PerPage: 4}, 2, 0, 4, 0},
		{Paging{Total: 5, PerPage: 4, Page: 1}, 2, 4, 5, 1},
		{Paging{Total: 5, PerPage: 4, Page: 7}, 2, 4, 5, 1}, // clamped
		{Paging{Total: 5, PerPage: 4, Page: -1}, 2, 0, 4, 0},
		{Paging{Total: 10, PerPage: 9}, 2, 0, 9, 0},
		{Paging{Total: 3, PerPage: 0}, 1, 0, 3, 0},
	}
	for _, tt := range tests {
		from, to := tt.p.Bounds()
		if tt.p.Pages() != tt.pages || from != tt.from || to != tt.to || tt.p.Clamped().Page != tt.page {
			t.Errorf("%+v: pages %d, bounds [%d,%d), page %d; want %d, [%d,%d), %d",
				tt.p, tt.p.Pages(), from, to, tt.p.Clamped().Page, tt.pages, tt.from, tt.to, tt.page)
		}
	}
	if got := (Paging{Total: 10, PerPage: 4}).PageOf(9); got != 2 {
		t.Errorf("PageOf(9) with 4 a page = %d, want 2", got)
	}
}

func TestPagerTurnsPages(t *testing.T) {
	themed(t, Kiosk)
	var items []fyne.CanvasObject
	for i := range 7 {
		items = append(items, widget.NewLabel(fmt.Sprintf("item %d", i)))
	}
	turned := -1
	p := NewPager(items, 3, 1, PagerLabels{Prev: "上一页", Next: "下一页",
		Page: func(page, pages int) string { return fmt.Sprintf("第 %d/%d 页", page, pages) }})
	p.OnPage = func(n int) { turned = n }
	show(t, p)
	if got := texts(p); !contains(got, "item 0") || contains(got, "item 3") || !contains(got, "第 1/3 页") {
		t.Fatalf("first page shows %q", got)
	}
	if !button(t, p, "上一页").Disabled() {
		t.Error("上一页 is enabled on the first page")
	}
	tap(t, p, "下一页", "下一页")
	if got := texts(p); !contains(got, "item 6") || contains(got, "item 5") || !contains(got, "第 3/3 页") || turned != 2 {
		t.Fatalf("last page shows %q (OnPage %d)", got, turned)
	}
	if !button(t, p, "下一页").Disabled() || p.Turn(1) {
		t.Error("下一页 works on the last page")
	}
	p.SetItems(items[:2])
	if got := texts(p); !contains(got, "item 1") || p.bar.Visible() {
		t.Errorf("after SetItems with one page: %q, bar visible %v", got, p.bar.Visible())
	}
}

// texts returns the texts of the visible labels and buttons under o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	visible(o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		}
	})
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
