package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// visible calls f for every visible object under o, through widgets'
// renderers and containers.
func visible(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			visible(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			visible(c, f)
		}
	}
}

// button finds the visible button with the text, or fails.
func button(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	visible(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no visible button %q", text)
	}
	return found
}

// tap taps the buttons with the texts in turn.
func tap(t *testing.T, root fyne.CanvasObject, texts ...string) {
	t.Helper()
	for _, s := range texts {
		test.Tap(button(t, root, s))
	}
}

// themed starts a test app with the theme of mode m.
func themed(t testing.TB, m Mode) {
	t.Helper()
	test.NewTempApp(t).Settings().SetTheme(NewTheme(m))
}

// show puts o in a test window of a kiosk's size.
func show(t *testing.T, o fyne.CanvasObject) fyne.Window {
	t.Helper()
	w := test.NewTempWindow(t, o)
	w.Resize(fyne.NewSize(1280, 1024))
	return w
}
