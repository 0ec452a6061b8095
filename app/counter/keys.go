package counter

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/scan"
)

// The counter is keyboard first: every action has a key, shown on its
// button. Fyne sends a key to the focused widget only (canvas handlers
// fire when nothing has focus), so every focusable widget of the counter
// is one of the small types below, which hand the keys they do not use to
// the counter's handler, feed the idle timer, and send stray typing (a
// scanner firing while a tick box has focus) to the scan field.

// Keys of the workbench, shown on the buttons. PageUp and PageDown page
// the case's timeline (story.go), with Ctrl or Alt the other columns
// (columns.go), shown beside their headings.
const (
	keyAccept     = fyne.KeyF2
	keySupplement = fyne.KeyF3
	keyRefuse     = fyne.KeyF4
	keySuspend    = fyne.KeyF5
	keyComplete   = fyne.KeyF6
	keyReveal     = fyne.KeyF7
	keyCall       = fyne.KeyF8
	keyReceipt    = fyne.KeyF9
	keyWithdraw   = fyne.KeyF10
	keyBack       = fyne.KeyEscape
)

// Shortcuts with a modifier. Alt+1…Alt+9 tick materials, add the refusal's
// common reasons, keep branches and open listed cases, whichever the
// screen shows.
var (
	scFind       = ctrl(fyne.KeyF)
	scOpenImage  = ctrl(fyne.KeyO)
	scPrintAgain = ctrl(fyne.KeyP)
	scSignOut    = ctrl(fyne.KeyL)
	scConfirm    = ctrl(fyne.KeyReturn)
	scApprove    = alt(fyne.KeyY)
	scDeny       = alt(fyne.KeyN)
	digits       = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
)

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func alt(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}
}

// shortcuts lists every shortcut the counter registers on the canvas.
func shortcuts() []*desktop.CustomShortcut {
	out := []*desktop.CustomShortcut{scFind, scOpenImage, scPrintAgain, scSignOut, scConfirm, scApprove, scDeny, scShortfall,
		scFormUp, scFormDown, scMaterialsUp, scMaterialsDn}
	for _, d := range digits {
		out = append(out, alt(d))
	}
	return out
}

// keyLabel is how a key is written on a button.
func keyLabel(k fyne.KeyName) string {
	switch k {
	case fyne.KeyEscape:
		return "Esc"
	case fyne.KeyPageUp:
		return "PgUp"
	case fyne.KeyPageDown:
		return "PgDn"
	}
	return string(k)
}

// scLabel is how a shortcut is written on a button.
func scLabel(s *desktop.CustomShortcut) string {
	mod := "Ctrl+"
	if s.Modifier == fyne.KeyModifierAlt {
		mod = "Alt+"
	}
	if s.KeyName == fyne.KeyReturn {
		return mod + "Enter"
	}
	return mod + string(s.KeyName)
}

// digitOf returns n for Alt+n (1–9), or 0.
func digitOf(s fyne.Shortcut) int {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierAlt {
		return 0
	}
	for i, d := range digits {
		if cs.KeyName == d {
			return i + 1
		}
	}
	return 0
}

// same reports whether a typed shortcut is s.
func same(typed fyne.Shortcut, s *desktop.CustomShortcut) bool {
	cs, ok := typed.(*desktop.CustomShortcut)
	return ok && cs.KeyName == s.KeyName && cs.Modifier == s.Modifier
}

// keyHandler is the counter as its widgets see it.
type keyHandler interface {
	// key handles a key the focused widget does not use; true if it did.
	key(ev *fyne.KeyEvent) bool
	// shortcut handles a shortcut; true if it did.
	shortcut(s fyne.Shortcut) bool
	// stray takes a character typed where no text goes.
	stray(r rune)
	// touch tells the idle timer someone is there.
	touch()
}

// entry is a one-line (or multi-line) text field of the counter. Enter
// calls OnEnter; function keys and Esc go to the counter.
type entry struct {
	widget.Entry
	keys keyHandler
	// OnEnter is called on Enter (single-line entries only).
	OnEnter func(text string)
	// OnScan, if set, takes a receipt scanned into this entry by mistake
	// (the scanner types wherever the focus is): on Enter, a last line
	// holding a receipt is taken out of the entry and handed on, so it
	// neither confirms a panel with a receipt for a note nor is lost.
	OnScan func(input string)
	// OnFocus is called when the entry gains focus.
	OnFocus func()
	// tabSubmits makes a Tab after some text act as Enter: scanners may end
	// a scan with Tab instead of Enter.
	tabSubmits bool
}

func newEntry(keys keyHandler, placeholder string) *entry {
	e := &entry{keys: keys}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// TypedRune feeds the idle timer and types.
func (e *entry) TypedRune(r rune) {
	e.keys.touch()
	e.Entry.TypedRune(r)
}

// TypedKey handles Enter (and a scanner's Tab), gives function keys, Esc
// and the timeline's PageUp/PageDown to the counter, and the rest (and
// those the counter does not take) to the entry.
func (e *entry) TypedKey(ev *fyne.KeyEvent) {
	e.keys.touch()
	enter := ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter
	if enter && e.OnScan != nil {
		i := strings.LastIndexByte(e.Text, '\n')
		if last := e.Text[i+1:]; i+1 < len(e.Text) {
			if _, ok := scan.Payload(last); ok {
				e.SetText(strings.TrimRight(e.Text[:i+1], "\n"))
				e.OnScan(last)
				return
			}
		}
	}
	switch {
	case enter && !e.MultiLine,
		ev.Name == fyne.KeyTab && e.tabSubmits && e.Text != "":
		if e.OnEnter != nil {
			e.OnEnter(e.Text)
		}
		return
	case isCounterKey(ev.Name), isScrollKey(ev.Name):
		if e.keys.key(ev) {
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// AcceptsTab keeps a Tab that ends a scan in the scan field. Elsewhere,
// and in an empty scan field, Tab moves the focus as usual (also out of
// the refusal reasons: nobody types a tab in a reason).
func (e *entry) AcceptsTab() bool { return e.tabSubmits && e.Text != "" }

// TypedShortcut gives the counter's shortcuts to the counter, and copy,
// paste and the like to the entry.
func (e *entry) TypedShortcut(s fyne.Shortcut) {
	e.keys.touch()
	if _, custom := s.(*desktop.CustomShortcut); custom && e.keys.shortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// FocusGained tells OnFocus.
func (e *entry) FocusGained() {
	if e.OnFocus != nil {
		e.OnFocus()
	}
	e.Entry.FocusGained()
}

// isCounterKey reports keys no entry uses: function keys and Esc.
func isCounterKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyEscape, fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6,
		fyne.KeyF7, fyne.KeyF8, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11, fyne.KeyF12:
		return true
	}
	return false
}

// check is a tick box of the counter: Space ticks it, other keys go to
// the counter.
type check struct {
	widget.Check
	keys keyHandler
	// OnFocus is called when the box gains focus (Tab, Shift+Tab): its
	// column scrolls it into sight.
	OnFocus func()
}

func newCheck(keys keyHandler, text string, changed func(bool)) *check {
	c := &check{keys: keys}
	c.Text = text
	c.OnChanged = func(on bool) {
		keys.touch()
		if changed != nil {
			changed(on)
		}
	}
	c.ExtendBaseWidget(c)
	return c
}

// TypedRune ticks on Space; other characters go to the scan field.
func (c *check) TypedRune(r rune) {
	if r == ' ' {
		c.Check.TypedRune(r)
		return
	}
	c.keys.stray(r)
}

// FocusGained shows the focus and tells OnFocus.
func (c *check) FocusGained() {
	c.Check.FocusGained()
	if c.OnFocus != nil {
		c.OnFocus()
	}
}

// TypedKey gives every key to the counter.
func (c *check) TypedKey(ev *fyne.KeyEvent) {
	c.keys.touch()
	c.keys.key(ev)
}

// button is a button of the counter: Space or Enter presses it, other
// keys go to the counter.
type button struct {
	widget.Button
	keys keyHandler
}

func newButton(keys keyHandler, text string, tapped func()) *button {
	b := &button{keys: keys}
	b.Text = text
	b.OnTapped = func() {
		keys.touch()
		tapped()
	}
	b.ExtendBaseWidget(b)
	return b
}

// TypedRune presses on Space; other characters go to the scan field.
func (b *button) TypedRune(r rune) {
	if r == ' ' {
		return // TypedKey(Space) presses it
	}
	b.keys.stray(r)
}

// TypedKey presses on Space and Enter and gives other keys to the counter.
func (b *button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() {
			b.Tapped(nil)
		}
		return
	}
	b.keys.touch()
	b.keys.key(ev)
}

// choice is a drop-down of the counter: Space or the arrows open it,
// function keys and Esc go to the counter.
type choice struct {
	widget.Select
	keys keyHandler
}

func newChoice(keys keyHandler, options []string, changed func(string)) *choice {
	c := &choice{keys: keys}
	c.Options = options
	// A Select is as wide as its placeholder, which never shows once
	// something is chosen: the longest option makes every option fit.
	size := theme.Size(theme.SizeNameText)
	for _, o := range options {
		if fyne.MeasureText(o, size, fyne.TextStyle{}).Width > fyne.MeasureText(c.PlaceHolder, size, fyne.TextStyle{}).Width {
			c.PlaceHolder = o
		}
	}
	c.OnChanged = func(s string) {
		keys.touch()
		changed(s)
	}
	c.ExtendBaseWidget(c)
	return c
}

// TypedRune sends characters to the scan field.
func (c *choice) TypedRune(r rune) {
	if r != ' ' {
		c.keys.stray(r)
	}
}

// TypedKey gives the counter's keys to the counter, the rest to the list.
func (c *choice) TypedKey(ev *fyne.KeyEvent) {
	c.keys.touch()
	if (isCounterKey(ev.Name) || isScrollKey(ev.Name)) && c.keys.key(ev) {
		return
	}
	c.Select.TypedKey(ev)
}
