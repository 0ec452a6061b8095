package ui

import (
	"fyne.io/fyne/v2"
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
