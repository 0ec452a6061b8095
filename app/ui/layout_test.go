package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// A Screen never asks its window for more than SmallestScreen, however
// much its content asks: the desktop driver would grow the window past
// the monitor.
func TestScreenNeverAsksToGrow(t *testing.T) {
	themed(t, Kiosk)
	tall := widget.NewLabel(strings.Repeat("line\n", 300))
	s := Screen(tall)
	if m := s.MinSize(); m.Width > SmallestScreen.Width || m.Height > SmallestScreen.Height {
		t.Errorf("a screen of %v asks for %v", tall.MinSize(), m)
	}
	small := widget.NewLabel("short")
	if m := Screen(small).MinSize(); m != small.MinSize() {
		t.Errorf("a screen of a short label asks for %v, the label %v", m, small.MinSize())
	}
	show(t, s)
	if tall.Size() != s.Size() || s.Size().Height < 1000 {
		t.Errorf("the content is %v in a screen of %v", tall.Size(), s.Size())
	}
}

// A Frame gives its top a width before asking its height: a title that
// wraps gets its second line at the first layout, and the content the
// rest; the bottom sits at the bottom.
func TestFrameMeasuresTheTopAtItsWidth(t *testing.T) {
	themed(t, Kiosk)
	title := NewText(strings.Repeat("Business licence change registration ", 4))
	button := widget.NewButton("Home", nil)
	top := Bar(Tall(button), title, Tall(widget.NewButton("中文", nil)))
	content := widget.NewLabel("content")
	bottom := Tall(widget.NewButton("Back", nil))
	f := Frame(top, content, bottom)
	w := show(t, f)
	w.Resize(fyne.NewSize(800, 600))
	if title.Size().Height < title.MinSize().Height || title.MinSize().Height < 2*fyne.MeasureText("B", 24, fyne.TextStyle{}).Height {
		t.Errorf("the title is %v high, needs %v (two lines or more)", title.Size().Height, title.MinSize().Height)
	}
	if top.Size().Height < title.Size().Height {
		t.Errorf("the bar is %v high, its title %v", top.Size().Height, title.Size().Height)
	}
	if content.Position().Y < top.Size().Height {
		t.Errorf("the content starts at %v, under a bar %v high", content.Position().Y, top.Size().Height)
	}
	if got, want := bottom.Position().Y+bottom.Size().Height, f.Size().Height; got != want {
		t.Errorf("the bottom ends at %v, the frame at %v", got, want)
	}
	if button.Size().Height != top.Size().Height {
		t.Errorf("the bar's button is %v high, the bar %v", button.Size().Height, top.Size().Height)
	}
}

// Above stacks two panes for a portrait screen: the bottom gets its share
// or its height, the top the rest, all of it when the bottom is hidden.
func TestAbove(t *testing.T) {
	themed(t, Kiosk)
	top, bottom := widget.NewLabel("top"), widget.NewLabel("bottom")
	a := Above(top, bottom, 0.5)
	w := show(t, a)
	w.Resize(fyne.NewSize(600, 1000))
	if bottom.Size().Height < 400 || top.Size().Height < 400 || bottom.Position().Y <= top.Position().Y {
		t.Errorf("top %v at %v, bottom %v at %v", top.Size(), top.Position(), bottom.Size(), bottom.Position())
	}
	bottom.Hide()
	a.Refresh()
	if top.Size().Height != a.Size().Height {
		t.Errorf("with the bottom hidden the top is %v high of %v", top.Size().Height, a.Size().Height)
	}
}

// Slots are equal while everything fits its share; a cell that needs more
// gets it, and the others share the rest equally; needs beyond the room
// are scaled to it.
func TestShares(t *testing.T) {
	for _, tt := range []struct {
		needs []float32
		room  float32
		want  []float32
	}{
		{[]float32{50, 60, 50}, 300, []float32{100, 100, 100}},
		{[]float32{160, 50, 50}, 300, []float32{160, 70, 70}},
		{[]float32{50, 130, 140, 20}, 400, []float32{65, 130, 140, 65}},
		{[]float32{300, 100}, 200, []float32{150, 50}},
		{[]float32{}, 100, []float32{}},
	} {
		if got := shares(tt.needs, tt.room); !slices.Equal(got, tt.want) {
			t.Errorf("shares(%v, %v) = %v, want %v", tt.needs, tt.room, got, tt.want)
		}
	}
}

// A keypad's word goes in at the end: the cursor follows it.
func TestEntrySetTextAtEnd(t *testing.T) {
	themed(t, Elder)
	e := NewEntry()
	show(t, e)
	for _, v := range []string{"有限公司", "有限公司石家庄市户口本二单元女士中华有限公司", ""} {
		e.SetTextAtEnd(v)
		if e.Text != v || e.CursorRow != 0 || e.CursorColumn != len([]rune(v)) {
			t.Errorf("SetTextAtEnd(%q): text %q, cursor %d:%d", v, e.Text, e.CursorRow, e.CursorColumn)
		}
	}
}

// A tap anywhere in the field leaves the cursor at the end, where the
// keypads type.
func TestEntryTapLeavesTheCursorAtTheEnd(t *testing.T) {
	themed(t, Kiosk)
	e := NewEntry()
	show(t, e)
	e.SetText("河北省石家庄市")
	at := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(60, e.Size().Height/2)}, Button: desktop.MouseButtonPrimary}
	e.CursorColumn = 2 // where the desktop driver's MouseDown put it
	e.MouseUp(at)
	if e.CursorColumn != len([]rune(e.Text)) {
		t.Errorf("after a tap near the start the cursor is at %d of %d", e.CursorColumn, len([]rune(e.Text)))
	}
}
