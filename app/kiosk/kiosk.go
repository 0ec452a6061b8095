// Package kiosk is the lobby kiosk: a full-screen touch window where a
// citizen finds a service (by category or pinyin initials), reads its
// guide, fills the application with on-screen keypads, and gets a case
// number, with no network needed. Each screen is a small struct with a
// build method; what is not drawing (the form's state, paging) lives in
// plain structs. Every word shown is in text.go.
package kiosk

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ime"
	"tongban/app/ui"
)

// Deps is what a kiosk needs. Catalog, Store and Drafts are required.
type Deps struct {
	Catalog  *catalog.Catalog
	Calendar *cases.Calendar // nil: weekends only
	Store    cases.Store
	Drafts   Drafts
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// IdleTimeout clears the screen after nobody touched it this long
	// (default 90 s; a countdown shows in the last 10 s). ReceiptTimeout
	// is the shorter wait on the receipt screen (default 45 s).
	IdleTimeout    time.Duration
	ReceiptTimeout time.Duration
	// TickEvery is how often the idle timer is checked (default 250 ms).
	// Negative starts no ticker: the caller calls Tick (tests do).
	TickEvery time.Duration
	// Status, if set, gives the line shown at the top of every screen
	// (online or offline, events waiting to sync); read every few seconds.
	Status func() cases.Text
	// Printer, if set, prints the receipt and the queue ticket of a
	// submitted case. It runs on its own goroutine after the case is saved;
	// a fault is told on the receipt screen, which offers to print again.
	Printer Printer
	// Ticket, if set, gives a submitted case its queue ticket number.
	Ticket func(*cases.Case, *catalog.Item) (string, error)
	// ReceiptPayload, if set, gives what the receipt screen's QR code
	// holds; nil shows the case number.
	ReceiptPayload func(*cases.Case) (string, error)
	// Lookup, if set, opens a case from what the citizen scanned (a sealed
	// receipt, TB1:…) or typed (a case number) to see its progress or rate
	// it; an unknown number wraps cases.ErrNotFound. Nil hides both ways
	// in on the start screen.
	Lookup func(input string) (*cases.Case, error)
}

// Printer prints the receipt (受理回执) and queue ticket (取号单) of a
// submitted case. Its error is one plain sentence for the citizen; one
// with a Text() cases.Text method is shown in the kiosk's language.
type Printer interface {
	PrintReceipt(c *cases.Case, item *catalog.Item) error
}

// Paperless is a Printer that puts out no paper: no printer is set up,
// and documents go to files. The receipt screen then asks the citizen to
// keep the QR code or the number instead of taking paper.
type Paperless interface {
	Paperless() bool
}

// Default timings.
const (
	DefaultIdleTimeout    = 90 * time.Second
	DefaultReceiptTimeout = 45 * time.Second
	countdownWindow       = 10 * time.Second
	statusEvery           = 5 * time.Second
	warmAfter             = 2 * time.Second
	// settleTime is how long taps are ignored after the screen changed.
	// The main buttons of successive screens sit at the same place
	// (下一步：核对, 确认提交 and 完成 bottom right), so the second tap
	// of a double tap, or a finger that bounced, would act on the new
	// screen before anybody saw it: the review skipped, the case number
	// gone. Half a second is the longest gap most systems still count
	// as a double click (Windows' default; Fyne's is 300 ms, and an
	// older hand taps more slowly), while nobody reads a new screen
	// and finds the next target in less: a deliberate tap is never
	// lost.
	settleTime = 500 * time.Millisecond
)

// screen is one kiosk screen: it keeps its own state (page, what is typed)
// so that it can be rebuilt when the language or text size changes.
type screen interface {
	build(k *Kiosk) fyne.CanvasObject
}

// ticking is a screen that changes with the clock (the receipt's Done
// waits a few seconds): the idle ticker, or Tick, calls tick.
type ticking interface {
	tick(k *Kiosk)
}

// scanScreen is a screen with a field that keeps the focus, because a
// keyboard-mode scanner types into whatever has it.
type scanScreen interface {
	scanField() fyne.Focusable
}

// Kiosk is the kiosk's window content and its state.
type Kiosk struct {
	deps  Deps
	lang  cases.Lang
	elder bool

	win   fyne.Window
	root  *fyne.Container // a stack: the screen, then the countdown shield
	body  *fyne.Container
	guard *ui.TapGuard // ignores taps for settleTime after the screen changed
	// held are the guards armed and not lifted yet: the screen's, and
	// those over a part of it that moved (the form's fields).
	held   []*ui.TapGuard
	shield *shield
	status *canvas.Text // small, under the actions: for staff, not the citizen
	cur    screen
	// builtPortrait is the orientation cur was built for: the window may
	// get its size, or the monitor turn, after that (ui.ScreenWatch).
	builtPortrait bool

	idle       *ui.IdleTimer
	stop       func()
	lastStatus time.Time
	// notice is a one-off line for the next screen built (draft restored);
	// shownNotice is the one on the screen now.
	notice, shownNotice cases.Text
	// nextCatalog is a newer catalog waiting for the next start screen.
	nextCatalog *catalog.Catalog
	// spawn runs slow work (printing) off the UI goroutine; the work hands
	// its result back with fyne.Do. Tests run it in place.
	spawn func(func())
	// padSizes are the sizes of the form's keypads, measured once.
	padSizes map[padKey]fyne.Size
}

// New returns a kiosk; Show puts it in a window.
func New(d Deps) *Kiosk {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.IdleTimeout <= 0 {
		d.IdleTimeout = DefaultIdleTimeout
	}
	if d.ReceiptTimeout <= 0 {
		d.ReceiptTimeout = DefaultReceiptTimeout
	}
	if d.TickEvery == 0 {
		d.TickEvery = 250 * time.Millisecond
	}
	k := &Kiosk{deps: d, spawn: func(f func()) { go f() }}
	k.idle = ui.NewIdleTimer(d.IdleTimeout, countdownWindow, d.Now())
	return k
}

// Show fills the window with the kiosk, sets the kiosk theme on the app,
// reopens a recent draft or shows the start screen, and starts the idle
// ticker. It creates no window and no app.
func (k *Kiosk) Show(w fyne.Window) {
	k.win = w
	k.body = container.NewStack()
	k.status = canvas.NewText("", nil)
	k.status.Alignment = fyne.TextAlignCenter
	k.shield = newShield(k.touch)
	k.guard = ui.NewTapGuard()
	k.guard.OnSwallowed = k.touch
	// A screen that asks for more than the window has is squeezed, never
	// lets the window grow past the monitor (see ui.Screen).
	k.root = ui.ScreenWatch(container.NewStack(k.body, k.guard, k.shield), func(portrait bool) {
		if k.cur != nil && portrait != k.builtPortrait {
			k.notice = k.shownNotice // the same screen, drawn again for the window's shape
			k.rebuild()
		}
	})
	k.applyTheme()
	w.SetPadded(false) // the countdown shield covers the window edge to edge
	w.SetContent(k.root)
	// Keys typed while no widget has focus; focused entries feed the
	// timer from their OnChanged. On a screen with a scan field they go
	// there: a tap on the background took the focus, not the scan.
	w.Canvas().SetOnTypedRune(func(r rune) {
		k.touch()
		if f := k.refocus(); f != nil {
			f.TypedRune(r)
		}
	})
	w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		k.touch()
		if f := k.refocus(); f != nil {
			f.TypedKey(e)
		}
	})
	// The pinyin keyboard's tables take a quarter of a second to build:
	// after the first frame, long before a citizen reaches a form.
	time.AfterFunc(warmAfter, ime.Warm)
	if !k.restoreDraft() {
		k.show(&attract{})
	}
	if k.deps.TickEvery > 0 {
		k.stop = k.idle.Run(k.deps.TickEvery, k.deps.Now, k.applyIdle)
	}
}

// Close stops the idle ticker.
func (k *Kiosk) Close() {
	if k.stop != nil {
		k.stop()
	}
}

// Tick checks the idle timer now; the ticker does this on its own.
func (k *Kiosk) Tick() { k.applyIdle(k.idle.Check(k.deps.Now())) }

// Reset clears everything typed, forgets the draft and returns to the
// start screen in Chinese and standard text, ready for the next citizen.
func (k *Kiosk) Reset() {
	k.lang = cases.ZH
	if k.elder {
		k.elder = false
		k.applyTheme()
	}
	k.goHome()
}

// SetCatalog hands the kiosk a newer catalog (pulled by sync). It takes
// effect on the start screen: now if that is showing, else when Home or
// a reset leads there, so no citizen's application changes under them.
func (k *Kiosk) SetCatalog(c *catalog.Catalog) {
	k.nextCatalog = c
	if k.onStart() {
		k.goHome() // in the language on screen: a citizen may be reading it
	}
}

// show makes s the screen.
func (k *Kiosk) show(s screen) {
	k.cur = s
	k.setIdle()
	k.shield.hide()
	k.rebuild()
}

// setIdle sets the idle timer for the screen shown. The receipt waits
// less. The start screen has nothing typed to clear, so its timer stops,
// unless a citizen left it in English or large text (Home leads there):
// then it runs, and the reset gives the next citizen Chinese and
// standard text again.
func (k *Kiosk) setIdle() {
	now := k.deps.Now()
	switch k.cur.(type) {
	case *attract:
		if k.lang == cases.ZH && !k.elder {
			k.idle.Pause()
			return
		}
		k.idle.Resume(now)
		k.idle.SetTimeout(k.deps.IdleTimeout, now)
	case *receipt:
		k.idle.Resume(now)
		k.idle.SetTimeout(k.deps.ReceiptTimeout, now)
	default:
		k.idle.Resume(now)
		k.idle.SetTimeout(k.deps.IdleTimeout, now)
	}
}

// onStart reports whether the start screen is shown.
func (k *Kiosk) onStart() bool {
	_, ok := k.cur.(*attract)
	return ok
}

// rebuild draws the current screen again (language or size changed). It
// is the one place every screen is drawn, so it is where taps are held
// off for settleTime: what was under the finger has changed.
func (k *Kiosk) rebuild() {
	k.refreshStatus()
	k.builtPortrait = k.portrait()
	content := k.cur.build(k)
	k.body.Objects = []fyne.CanvasObject{content}
	k.body.Refresh()
	k.shownNotice, k.notice = k.notice, cases.Text{}
	k.refocus()
	k.holdTaps()
}

// holdTaps ignores taps on the whole screen until settleTime from now.
func (k *Kiosk) holdTaps() { k.hold(k.guard) }

// hold ignores the taps on what g covers until settleTime from now: a
// part of the screen that moved, where the next tap would land on
// something else than it was aimed at. Taps elsewhere (a keypad that
// stayed put) act at once. The ticker's Tick lifts the guard too; with
// a running ticker a timer lifts it on time.
func (k *Kiosk) hold(g *ui.TapGuard) {
	g.OnSwallowed = k.touch
	g.Arm(k.deps.Now().Add(settleTime))
	if !slices.Contains(k.held, g) {
		k.held = append(k.held, g)
	}
	if k.deps.TickEvery > 0 {
		time.AfterFunc(settleTime, func() { fyne.Do(k.settle) })
	}
}

// settle lets taps through where settleTime has passed.
func (k *Kiosk) settle() {
	now := k.deps.Now()
	k.held = slices.DeleteFunc(k.held, func(g *ui.TapGuard) bool {
		g.Settle(now)
		return !g.Armed()
	})
}

// refocus gives the focus to the current screen's scan field, if it has
// one, and returns the field.
func (k *Kiosk) refocus() fyne.Focusable {
	s, ok := k.cur.(scanScreen)
	if !ok || k.win == nil {
		return nil
	}
	f := s.scanField()
	if f != nil && k.win.Canvas().Focused() != f {
		k.win.Canvas().Focus(f)
	}
	return f
}

// touch notes that somebody is there: every tap, key and keypad press
// calls it.
func (k *Kiosk) touch() {
	k.idle.Touch(k.deps.Now())
	k.shield.hide()
}

func (k *Kiosk) applyIdle(s ui.IdleState) {
	if s.Expired {
		k.Reset()
		return
	}
	k.settle()
	if t, ok := k.cur.(ticking); ok {
		t.tick(k)
	}
	// The countdown warns of losing what was typed; the start screen
	// has nothing to lose and only goes back to Chinese, quietly.
	if s.Warning && !k.onStart() {
		k.shield.show(k.tf(tCountdown, s.Seconds()), k.t(tCountdownSub))
	} else {
		k.shield.hide()
	}
	if k.deps.Now().Sub(k.lastStatus) >= statusEvery {
		k.refreshStatus()
	}
}

func (k *Kiosk) refreshStatus() {
	k.lastStatus = k.deps.Now()
	if k.deps.Status == nil || k.status == nil {
		return
	}
	th := fyne.CurrentApp().Settings().Theme()
	k.status.Text = k.t(k.deps.Status())
	k.status.TextSize = th.Size(theme.SizeNameCaptionText)
	k.status.Color = th.Color(theme.ColorNameForeground, theme.VariantLight)
	k.status.Refresh()
}

// switchLang flips between Chinese and English and redraws.
func (k *Kiosk) switchLang() {
	k.touch()
	k.lang = 1 - k.lang
	k.setIdle() // the start screen in English waits to go back
	k.saveDraft()
	k.rebuild()
}

// switchElder flips elder mode and redraws with the larger theme.
func (k *Kiosk) switchElder() {
	k.touch()
	k.elder = !k.elder
	k.applyTheme()
	k.setIdle()
	k.saveDraft()
	k.rebuild()
}

func (k *Kiosk) applyTheme() {
	m := ui.Kiosk
	if k.elder {
		m = ui.Elder
	}
	fyne.CurrentApp().Settings().SetTheme(ui.NewTheme(m))
}

// t and tf give a text in the language on screen.
func (k *Kiosk) t(x cases.Text) string { return x.In(k.lang) }

func (k *Kiosk) tf(x cases.Text, args ...any) string { return fmt.Sprintf(x.In(k.lang), args...) }

// goHome leaves whatever is in progress for the start screen. 首页
// (Home) is the first screen, the one the countdown returns to too, and
// the only one with the ways to check progress and to rate, which a
// citizen who tapped Start could not reach again while Home led to the
// categories. Home means "start over", so a form in progress is
// dropped, and a newer catalog waiting takes effect; the citizen is
// still there, so the language and text size stay.
func (k *Kiosk) goHome() {
	k.clearDraft()
	if k.nextCatalog != nil {
		k.deps.Catalog, k.nextCatalog = k.nextCatalog, nil
	}
	k.show(&attract{})
}
