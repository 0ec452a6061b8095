package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Pages break by height: stacked items while they fit, grid rows of the
// page's tallest item while they fit, never more than perPage, never
// less than one item (one row).
func TestPagerBreaks(t *testing.T) {
	themed(t, Kiosk)
	g := gap()
	tests := []struct {
		name          string
		perPage, cols int
		heights       []float32
		room          float32
		want          []int
	}{
		{"all fit", 4, 0, []float32{100, 100, 100}, 1000, []int{0}},
		{"perPage caps", 2, 0, []float32{100, 100, 100}, 1000, []int{0, 2}},
		{"height caps", 9, 0, []float32{400, 400, 400}, 810 + g, []int{0, 2}},
		{"a tall one alone", 9, 0, []float32{100, 2000, 100}, 1000, []int{0, 1, 2}},
		{"empty", 4, 0, nil, 1000, []int{0}},
		{"grid rows of the tallest", 9, 3, []float32{100, 100, 300, 100, 100, 100, 100, 100, 100}, 600 + g, []int{0, 6}},
		{"grid perPage", 4, 2, []float32{10, 10, 10, 10, 10}, 1000, []int{0, 4}},
	}
	for _, tt := range tests {
		items := make([]fyne.CanvasObject, len(tt.heights))
		for i := range items {
			items[i] = widget.NewLabel("")
		}
		p := NewPager(items, tt.perPage, tt.cols, PagerLabels{})
		if got := p.breakAt(tt.heights, func(int) float32 { return tt.room }); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: pages start at %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Tiles too tall for perPage a page make more, shorter pages, so the
// pager never asks for more room than it has; each page's items get at
// least their height.
func TestPagerFitsTallItems(t *testing.T) {
	themed(t, Kiosk)
	var items []fyne.CanvasObject
	long := "Living and nursing subsidies for persons with disabilities, and other long names that wrap"
	for i := range 10 {
		items = append(items, NewTile(fmt.Sprintf("%d %s", i, long), long, nil))
	}
	p := NewPager(items, 4, 1, PagerLabels{Prev: "<", Next: ">", Page: func(page, pages int) string { return fmt.Sprintf("%d/%d", page, pages) }})
	w := show(t, p)
	w.Resize(fyne.NewSize(500, 1000))
	if p.Pages() <= 3 {
		t.Fatalf("%d pages of 10 tall tiles at 500×1000; want more than 4 a page would make", p.Pages())
	}
	for page := range p.Pages() {
		p.SetPage(page)
		from, to := p.Shown()
		for _, o := range items[from:to] {
			if o.Size().Height < o.MinSize().Height {
				t.Errorf("page %d: a tile is %v high, needs %v", page, o.Size().Height, o.MinSize().Height)
			}
			if bottom := o.Position().Y + o.Size().Height; bottom > p.body.Size().Height+1 {
				t.Errorf("page %d: a tile ends at %v, below the page (%v)", page, bottom, p.body.Size().Height)
			}
		}
	}
	if m := p.MinSize(); m.Height > 1000 {
		t.Errorf("the pager asks for %v", m)
	}
	// The first item shown stays in view when the pages break anew.
	p.SetPage(2)
	from, _ := p.Shown()
	w.Resize(fyne.NewSize(1200, 1000))
	if a, b := p.Shown(); from < a || from >= b {
		t.Errorf("after widening, item %d is not on the page shown [%d,%d)", from, a, b)
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
	if p.Page() != 2 || p.Pages() != 3 {
		t.Errorf("page %d of %d, want 2 of 3", p.Page(), p.Pages())
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

// A form's fields and its checklist: the checklist starts a page, each
// section holds its own most a page, and the item being typed stays in
// view when the pages break anew.
func TestPagerSectionsAndAnchor(t *testing.T) {
	themed(t, Kiosk)
	var items []fyne.CanvasObject
	for i := range 10 {
		items = append(items, widget.NewLabel(fmt.Sprintf("item %d", i)))
	}
	p := NewPager(items, 3, 0, PagerLabels{Prev: "<", Next: ">"})
	p.Section(4, 5)
	w := show(t, p)
	var pages [][2]int
	for n := range p.Pages() {
		p.SetPage(n)
		from, to := p.Shown()
		pages = append(pages, [2]int{from, to})
	}
	if fmt.Sprint(pages) != "[[0 3] [3 4] [4 9] [9 10]]" {
		t.Errorf("pages %v, want three, one, then five and one from item 4", pages)
	}
	p.ShowItem(8)
	if from, to := p.Shown(); from > 8 || to <= 8 {
		t.Fatalf("ShowItem(8) shows [%d,%d)", from, to)
	}
	// So little room that a page holds two labels: item 8 stays in view.
	two := 2*items[0].MinSize().Height + gap() + p.barHeight() + 1
	w.Resize(fyne.NewSize(400, two))
	if from, to := p.Shown(); from > 8 || to <= 8 || to-from > 2 {
		t.Errorf("at %v high, the page shown is [%d,%d); want item 8 on a page of at most two", two, from, to)
	}
}

// When an item on the page shown shrinks (a note under a form's field
// goes), the pages break again but the page shown keeps its first item:
// the item being worked on does not jump back onto the page before. A
// new size breaks the pages afresh.
func TestPagerRefitKeepsThePageStart(t *testing.T) {
	themed(t, Kiosk)
	var labels []*widget.Label
	var items []fyne.CanvasObject
	for i := range 5 {
		l := widget.NewLabel(fmt.Sprintf("item %d\nwith a note", i))
		labels = append(labels, l)
		items = append(items, l)
	}
	p := NewPager(items, 5, 0, PagerLabels{Prev: "<", Next: ">"})
	w := show(t, p)
	w.SetPadded(false) // the pager gets the window's size
	two, one := items[0].MinSize().Height, widget.NewLabel("x").MinSize().Height
	// A page holds two items with notes and one without.
	size := fyne.NewSize(400, 2*two+one+2*gap()+p.barHeight()+1)
	w.Resize(size)
	if from, to := p.Shown(); from != 0 || to != 2 {
		t.Fatalf("the first page shows [%d,%d), want items 0 and 1", from, to)
	}
	p.ShowItem(2)
	labels[2].SetText("item 2")
	p.Refit()
	if from, to := p.Shown(); from != 2 || to <= 2 {
		t.Errorf("after item 2 lost its note the page shown is [%d,%d); want it still to start at item 2", from, to)
	}
	w.Resize(size.AddWidthHeight(1, 0))
	if from, to := p.Shown(); from != 0 || to != 3 {
		t.Errorf("at a new size the page shown is [%d,%d); want items 0 to 2, broken afresh", from, to)
	}
}
