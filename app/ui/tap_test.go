package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// An armed guard swallows taps on the canvas over the whole screen; once
// settled at or after the time it was armed for, taps reach the screen
// again. A settle before that time (a late timer of an earlier arm)
// leaves it armed.
func TestTapGuard(t *testing.T) {
	themed(t, Kiosk)
	taps, swallowed := 0, 0
	b := widget.NewButton("go", func() { taps++ })
	g := NewTapGuard()
	g.OnSwallowed = func() { swallowed++ }
	w := show(t, container.NewStack(container.NewCenter(b), g))
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(b.Size().Width/2, b.Size().Height/2))

	test.TapCanvas(w.Canvas(), abs)
	if taps != 1 || swallowed != 0 {
		t.Fatalf("before arming: %d taps, %d swallowed; want the tap through", taps, swallowed)
	}
	start := time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC)
	g.Arm(start.Add(500 * time.Millisecond))
	test.TapCanvas(w.Canvas(), abs)
	g.Settle(start.Add(499 * time.Millisecond))
	test.TapCanvas(w.Canvas(), abs)
	if taps != 1 || swallowed != 2 || !g.Armed() {
		t.Fatalf("armed: %d taps, %d swallowed, armed %v; want both taps swallowed", taps, swallowed, g.Armed())
	}
	g.Settle(start.Add(500 * time.Millisecond))
	test.TapCanvas(w.Canvas(), abs)
	if taps != 2 || g.Armed() {
		t.Errorf("settled: %d taps, armed %v; want the tap through", taps, g.Armed())
	}
}

// A tap box takes the taps on its content that no widget inside takes;
// those on a widget inside go to the widget.
func TestTapBox(t *testing.T) {
	themed(t, Kiosk)
	boxTaps, buttonTaps := 0, 0
	label := NewText("姓名")
	b := widget.NewButton("go", func() { buttonTaps++ })
	box := NewTapBox(Column(label, b), func() { boxTaps++ })
	w := show(t, container.NewVBox(box))
	d := fyne.CurrentApp().Driver()
	middle := func(o fyne.CanvasObject) fyne.Position {
		return d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	}
	test.TapCanvas(w.Canvas(), middle(label))
	if boxTaps != 1 || buttonTaps != 0 {
		t.Errorf("a tap on the label: box %d, button %d; want the box", boxTaps, buttonTaps)
	}
	test.TapCanvas(w.Canvas(), middle(b))
	if boxTaps != 1 || buttonTaps != 1 {
		t.Errorf("a tap on the button: box %d, button %d; want the button", boxTaps, buttonTaps)
	}
	if got, want := box.MinSize(), Column(NewText("姓名"), widget.NewButton("go", nil)).MinSize(); got.Height < want.Height {
		t.Errorf("the box asks for %v, its content %v", got, want)
	}
}

// A pager's guard lies over its items only: armed, it swallows a tap on
// an item and lets one on the bar through, so a form can hold the fields
// a note moved while the page turns still act.
func TestPagerGuardCoversTheItems(t *testing.T) {
	themed(t, Kiosk)
	taps := 0
	items := make([]fyne.CanvasObject, 6)
	for i := range items {
		items[i] = widget.NewButton(fmt.Sprint(i), func() { taps++ })
	}
	p := NewPager(items, 2, 0, PagerLabels{Prev: "<", Next: ">"})
	p.Guard = NewTapGuard()
	w := show(t, p)
	d := fyne.CurrentApp().Driver()
	middle := func(o fyne.CanvasObject) fyne.Position {
		return d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	}
	start := time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC)
	p.Guard.Arm(start.Add(500 * time.Millisecond))
	test.TapCanvas(w.Canvas(), middle(items[0]))
	if taps != 0 {
		t.Errorf("an item took a tap while the guard was armed")
	}
	test.TapCanvas(w.Canvas(), middle(p.next))
	if p.Page() != 1 {
		t.Errorf("Next under an armed guard left page %d, want 1", p.Page())
	}
	p.Guard.Settle(start.Add(500 * time.Millisecond))
	test.TapCanvas(w.Canvas(), middle(items[2]))
	if taps != 1 {
		t.Errorf("once settled an item took %d taps, want 1", taps)
	}
}

// GuardFrom lays the pager's guard over an item and those after it: a
// tap on an item above goes through at once, one on the item or below
// it is swallowed; an item on a page before the one shown covers the
// page, one after it nothing.
func TestPagerGuardFrom(t *testing.T) {
	themed(t, Kiosk)
	tapped := -1
	items := make([]fyne.CanvasObject, 4)
	for i := range items {
		items[i] = widget.NewButton(fmt.Sprint(i), func() { tapped = i })
	}
	p := NewPager(items, 4, 0, PagerLabels{Prev: "<", Next: ">"})
	p.Guard = NewTapGuard()
	w := show(t, p)
	d := fyne.CurrentApp().Driver()
	middle := func(o fyne.CanvasObject) fyne.Position {
		return d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	}
	p.Guard.Arm(time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC))
	for _, c := range []struct {
		from int
		acts []bool // per item: a tap on it acts
	}{
		{2, []bool{true, true, false, false}},
		{0, []bool{false, false, false, false}},
		{4, []bool{true, true, true, true}},
		{3, []bool{true, true, true, false}},
	} {
		p.GuardFrom(c.from)
		for i, o := range items {
			tapped = -1
			test.TapCanvas(w.Canvas(), middle(o))
			if acts := tapped == i; acts != c.acts[i] {
				t.Errorf("guard from item %d: a tap on item %d acted %v, want %v", c.from, i, acts, c.acts[i])
			}
		}
	}
}
