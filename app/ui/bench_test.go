package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
)

// Breaking a search's 56 results into pages happens on every new letter
// and every size change: it measures every tile at its width (two widths
// in turn here, so each round wraps every title anew).
func BenchmarkPagerBreaks56Tiles(b *testing.B) {
	themed(b, Kiosk)
	var items []fyne.CanvasObject
	for i := range 56 {
		items = append(items, NewTile(fmt.Sprintf("%d Living and nursing subsidies for persons with disabilities", i),
			"Chang'an District Civil Affairs Bureau · promised in 20 working days", nil))
	}
	p := NewPager(items, 4, 1, PagerLabels{Prev: "<", Next: ">"})
	sizes := []fyne.Size{{Width: 530, Height: 760}, {Width: 610, Height: 760}}
	n := 0
	for b.Loop() {
		p.breaks(sizes[n%2])
		n++
	}
}

// A line-broken error message, as a form shows under a field.
func BenchmarkWrapLines(b *testing.B) {
	themed(b, Kiosk)
	s := "这不是申请编号或本中心的回执。编号形如 261127-K01-0042，请核对后重试。"
	measure := func(s string) float32 { return fyne.MeasureText(s, 24, fyne.TextStyle{}).Width }
	for b.Loop() {
		wrapLines(s, 400, measure)
	}
}
