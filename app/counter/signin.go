package counter

import (
	"errors"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/scan"
	"tongban/app/staff"
	"tongban/app/ui"
)

// signIn is the sign-in screen: staff ID and PIN from the keyboard or the
// number pad on screen. Five wrong PINs in a row lock the counter for five
// minutes; the lock is kept in the store, so a restart does not lift it.
type signIn struct {
	c      *Counter
	note   cases.Text
	id     *entry
	pin    *entry
	target *entry // where the number pad types
	msg    *widget.Label
	submit *button
	busy   bool
}

func newSignIn(c *Counter, note cases.Text) *signIn {
	return &signIn{c: c, note: note}
}

func (s *signIn) build() fyne.CanvasObject {
	s.id = newEntry(s.c, both(tStaffID))
	s.pin = newEntry(s.c, both(tPIN))
	s.pin.Password = true
	s.target = s.id
	s.id.OnFocus = func() { s.target = s.id }
	s.pin.OnFocus = func() { s.target = s.pin }
	s.id.OnEnter = func(string) {
		if !s.dropScan(s.id) {
			s.c.win.Canvas().Focus(s.pin)
		}
	}
	s.pin.OnEnter = func(string) { s.try() }
	s.msg = widget.NewLabel("")
	s.msg.Wrapping = fyne.TextWrapWord
	if s.note.ZH != "" {
		s.say(both(s.note), false)
	}
	if err := s.lock().Check(s.c.deps.Now()); err != nil {
		s.say(err.Error(), true)
	}
	s.submit = newButton(s.c, withKey(tSignIn, "Enter"), s.try)
	s.submit.Importance = widget.HighImportance

	pad := ui.NewNumberPad(ui.PadLabels{Backspace: both(tBackspace), Clear: both(tClear)}, "")
	pad.OnKey = func(k string) {
		s.c.touch()
		s.target.Append(k)
		s.c.win.Canvas().Focus(s.target)
	}
	pad.OnBackspace = func() {
		if t := s.target.Text; t != "" {
			_, n := lastRune(t)
			s.target.SetText(t[:len(t)-n])
		}
		s.c.win.Canvas().Focus(s.target)
	}
	pad.OnClear = func() {
		s.target.SetText("")
		s.c.win.Canvas().Focus(s.target)
	}

	title := widget.NewLabel(both(tSignInTitle))
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameHeadingText
	title.Alignment = fyne.TextAlignCenter
	device := widget.NewLabel(labelled(tDevice, s.c.deps.Device))
	device.Alignment = fyne.TextAlignCenter
	form := widget.NewForm(
		widget.NewFormItem(both(tStaffID), s.id),
		widget.NewFormItem(both(tPIN), s.pin),
	)
	card := container.NewVBox(title, device, form, s.submit, s.msg, pad)
	fixed := container.NewGridWrap(fyne.NewSize(420, card.MinSize().Height+120), card)
	return container.NewCenter(fixed)
}

func (s *signIn) focus() { s.c.win.Canvas().Focus(s.id) }

// strayRune starts typing the staff ID.
func (s *signIn) strayRune(r rune) {
	s.c.win.Canvas().Focus(s.target)
	s.target.TypedRune(r)
}

// say shows a sentence under the button.
func (s *signIn) say(text string, bad bool) {
	s.msg.SetText(text)
	s.msg.Importance = widget.MediumImportance
	if bad {
		s.msg.Importance = widget.DangerImportance
	}
	s.msg.Refresh()
}

// lock reads the counter's PIN lock from the store.
func (s *signIn) lock() staff.Lock {
	var l staff.Lock
	s.c.deps.Store.GetJSON(lockSetting, &l) // unreadable: start afresh
	return l
}

// try checks the staff ID and PIN. The PIN hash is slow on purpose, so the
// check runs off the UI goroutine; the lock is read and written around it.
func (s *signIn) try() {
	if s.busy {
		return
	}
	if s.dropScan(s.id) || s.dropScan(s.pin) {
		return
	}
	id, pin := strings.TrimSpace(s.id.Text), s.pin.Text
	if id == "" || pin == "" {
		s.say(both(tSignInEmpty), true)
		return
	}
	if err := staff.CheckInput(id, pin); err != nil {
		// Of no clerk's form: it cannot be anyone's PIN, so it does not
		// count towards the lock.
		s.pin.SetText("")
		s.say(sentence(err, nil), true)
		s.c.win.Canvas().Focus(s.pin)
		return
	}
	now := s.c.deps.Now()
	lock := s.lock()
	if err := lock.Check(now); err != nil {
		s.pin.SetText("")
		s.say(err.Error(), true)
		return
	}
	s.busy = true
	s.submit.Disable()
	s.say(both(tChecking), false)
	st := s.c.deps.Store
	s.c.spawn(func() {
		k, err := st.Clerk(id)
		if err == nil {
			err = k.Check(pin)
		}
		counted := err == nil || errors.Is(err, staff.ErrWrongPIN) || errors.Is(err, staff.ErrDisabled)
		if counted {
			lock = lock.Record(err == nil, now)
			if perr := st.PutJSON(lockSetting, lock); perr != nil && err == nil {
				err = perr
			}
		}
		fyne.Do(func() { s.done(k, lock, err) })
	})
}

// done shows the outcome of a sign-in attempt.
func (s *signIn) done(k staff.Clerk, lock staff.Lock, err error) {
	s.busy = false
	s.submit.Enable()
	if err == nil {
		s.c.signedIn(k)
		return
	}
	s.pin.SetText("")
	msg := sentence(err, nil)
	if lerr := lock.Check(s.c.deps.Now()); lerr != nil {
		msg = lerr.Error()
	} else if left := staff.MaxFailures - lock.Failures; left > 0 && lock.Failures > 0 {
		msg = sentences(split(msg), tTriesLeft.Format(left))
	}
	s.say(msg, true)
	s.c.win.Canvas().Focus(s.pin)
}

// dropScan empties a field that holds a scan rather than a staff ID or a
// PIN — a keyboard-mode scanner types wherever the focus is, also on this
// screen — and asks the clerk to sign in first. A scan is never tried as
// a PIN: a few receipts scanned in a row would lock the counter.
func (s *signIn) dropScan(e *entry) bool {
	if !scanInput(e.Text) {
		return false
	}
	e.SetText("")
	s.say(both(tSignInFirst), true)
	s.target = e
	s.c.win.Canvas().Focus(e)
	return true
}

// maxTyped is more than any staff ID (16) or PIN (8) a clerk types; a
// receipt is hundreds of characters.
const maxTyped = 32

// scanInput reports whether sign-in input is a scan: a receipt (TB1:,
// after whatever prefix the scanner adds), a case number, or far longer
// than anything a clerk types here.
func scanInput(s string) bool {
	s = strings.TrimSpace(s)
	if _, ok := scan.Payload(s); ok {
		return true
	}
	if _, err := cases.NormalizeNumber(s); err == nil && strings.Contains(s, "-") {
		return true
	}
	return utf8.RuneCountInString(s) > maxTyped
}

// lastRune returns the last rune of s and its length in bytes.
func lastRune(s string) (rune, int) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, 0
	}
	last := r[len(r)-1]
	return last, len(string(last))
}
