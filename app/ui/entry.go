package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Entry is a widget.Entry that says when it gains focus, so a form knows
// which field the on-screen keypad types into when the citizen taps one.
// Text typed on a physical keyboard or committed by a system IME still
// arrives through OnChanged.
type Entry struct {
	widget.Entry

	// OnFocus is called when the entry gains focus.
	OnFocus func()
}

// NewEntry returns an empty one-line entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained tells OnFocus, then the entry.
func (e *Entry) FocusGained() {
	if e.OnFocus != nil {
		e.OnFocus()
	}
	e.Entry.FocusGained()
}

// MinSize is the entry's, at least a touch target high (SizeNameTarget):
// the citizen taps a field to type into it.
func (e *Entry) MinSize() fyne.Size {
	s := e.Entry.MinSize()
	s.Height = max(s.Height, theme.Size(SizeNameTarget))
	return s
}

// SetTextAtEnd sets the text with the cursor after its last character,
// in sight: a keypad's word goes in at the end. Fyne's entry scrolls to
// its cursor within the width its text had at the last layout of its
// scroller, which a text set from code does not always bring (after the
// form was rebuilt for elder mode the field stayed on the old end, and
// the words typed after it were out of sight); resizing by a pixel and
// back lays the text out first.
func (e *Entry) SetTextAtEnd(v string) {
	e.SetText(v)
	if size := e.Size(); !size.IsZero() {
		// The widget's own Resize: this one's would refresh at each step.
		e.Entry.Resize(size.AddWidthHeight(1, 0))
		e.Entry.Resize(size)
	}
	e.toEnd()
}

// toEnd puts the cursor after the last character and brings it into sight.
func (e *Entry) toEnd() {
	e.CursorRow, e.CursorColumn = 0, len([]rune(e.Text))
	e.Refresh()
}

// MouseUp ends a tap with the cursor after the last character, unless the
// tap selected text: the on-screen keypads type and delete at the end, so
// a cursor left where the finger landed would show an edit point that is
// not one.
func (e *Entry) MouseUp(m *desktop.MouseEvent) {
	e.Entry.MouseUp(m)
	if e.SelectedText() == "" {
		e.toEnd()
	}
}

// Resize lays the entry out at a new size and brings its cursor into
// sight: a field built with text (a draft restored, the form rebuilt for
// elder mode) has no size when its cursor is set, and would open on the
// start of a long text instead of its end, where the keypads type.
func (e *Entry) Resize(size fyne.Size) {
	if size == e.Size() {
		return
	}
	e.Entry.Resize(size)
	if e.CursorColumn > 0 {
		e.Refresh()
	}
}
