package counter

import (
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"tongban/app/cases"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// luminance is a colour's relative luminance (WCAG 2.x).
func luminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).RGBA()
	lin := func(v uint32) float64 {
		s := float64(v>>8) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The audit: in a resolved conflict the set-aside acceptance's title was
// in Fyne's disabled grey, barely readable, and its details ("收到材料
// Received: …") under it in full colour, reading like a fact in force.
// The set-aside event is now framed as one, title and details alike, set
// apart from the rows in force, every line of it in one colour readable
// on its ground (WCAG AA, 4.5:1).
func TestSetAsideEventsReadAsSetAsideAndReadable(t *testing.T) {
	z, c, r := scannedCase(t)
	refused := newOtherCounter(t, z, c).act(cases.KindRefused, cases.Refusal{Reasons: []string{"不属于本中心职权范围"}})
	r.key(keyAccept)
	r.typeText("")
	r.mergeFrom(refused)
	refusal := slices.IndexFunc(r.c.bench.cur.Branches, func(b []cases.Event) bool { return b[0].Kind == cases.KindRefused })
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyName(rune('1'+refusal)))
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	if got := r.stored(c.ID); got.Status != cases.StatusRefused {
		t.Fatalf("the conflict was not resolved: status %s", got.Status)
	}

	title := "[" + both(tAsideMark) + "]  "
	var aside, kept fyne.CanvasObject
	for _, row := range r.c.bench.timeline.Objects {
		head := uitest.Find(row, func(x *ui.Text) bool {
			return strings.Contains(x.Text, both(cases.KindAccepted.Label())) || strings.Contains(x.Text, "不予受理")
		})
		switch {
		case head == nil:
		case strings.HasPrefix(head.Text, title):
			aside = row
		case strings.Contains(head.Text, "不予受理"):
			kept = row
		}
	}
	if aside == nil || kept == nil {
		t.Fatalf("the timeline lacks the set-aside acceptance or the kept refusal; the screen shows %q", r.screenTexts())
	}

	// The ground behind the set-aside row: its own, or the window's.
	background := theme.Color(theme.ColorNameBackground)
	ground := background
	if box, ok := aside.(*fyne.Container); ok && len(box.Objects) > 0 {
		if rect, ok := box.Objects[0].(*canvas.Rectangle); ok {
			ground = rect.FillColor
		}
	}
	if ground == background {
		t.Error("the set-aside event is not set apart from the events in force: it has no ground of its own")
	}
	var lines []*canvas.Text
	uitest.Visit(aside, func(o fyne.CanvasObject) bool {
		if x, ok := o.(*canvas.Text); ok && strings.TrimSpace(x.Text) != "" {
			lines = append(lines, x)
		}
		return true
	})
	details := slices.IndexFunc(lines, func(x *canvas.Text) bool { return strings.HasPrefix(x.Text, "收到材料") })
	if len(lines) < 2 || !strings.HasPrefix(lines[0].Text, title) || details < 0 {
		texts := make([]string, len(lines))
		for i, x := range lines {
			texts[i] = x.Text
		}
		t.Fatalf("the set-aside row holds %q; want its marked title and its details (收到材料 …) together", texts)
	}
	for _, x := range lines {
		if x.Color != lines[0].Color {
			t.Errorf("%q is in %v, the title %q in %v: the set-aside event is not drawn alike", x.Text, x.Color, lines[0].Text, lines[0].Color)
		}
		if k := contrast(x.Color, ground); k < 4.5 {
			t.Errorf("%q has contrast %.2f:1 on its ground, want at least 4.5:1", x.Text, k)
		}
	}
}
