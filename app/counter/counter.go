// Package counter is the counter clerk's window: sign in with a staff ID
// and PIN, scan a receipt (keyboard-mode or serial scanner, camera, or an
// image file) and see the case at once, even offline, then accept, ask for the
// missing materials, refuse, suspend, resume or complete it, each one
// event saved in one transaction, with the notice printed. It also finds
// cases, resolves conflicts between devices and calls the next queue
// ticket. Everything works from the keyboard; the keys are on the buttons.
// Every word shown is in text.go.
package counter

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/scan"
	"tongban/app/staff"
	"tongban/app/ui"
	"tongban/printer"
)

// Store is what the counter needs of the device's store (*store.Store).
type Store interface {
	cases.Store
	// Clerk returns a clerk by staff ID; an unknown ID reads as a wrong PIN.
	Clerk(id string) (staff.Clerk, error)
	GetJSON(key string, v any) error
	PutJSON(key string, v any) error
	// Pending counts the events waiting in the outbox, for the status bar.
	Pending() (int, error)
	// Running lists the accepted, waiting-for-materials and conflicting
	// cases oldest first, for the overdue ones of the desk list.
	Running(limit int) ([]*cases.Case, error)
	// Uncalled lists the day's cases whose queue ticket waits for a call,
	// all of them, for calling the next ticket.
	Uncalled(day time.Time) ([]*cases.Case, error)
	// DeviceID is this device's ID, the Device of the events it makes.
	DeviceID() (string, error)
}

// SyncState is how this device's sync stands, for the status bar.
type SyncState struct {
	// Enrolled is false on a device with no platform: it works on its
	// own, which is a way of working, not a fault.
	Enrolled bool
	// NeedsEnrollment is set when the platform refused the device.
	NeedsEnrollment bool
	// Online is set while the platform answers.
	Online bool
	// LastSync is when sync last finished a round; zero: never.
	LastSync time.Time
}

// Deps is what a counter needs. Store, Catalog and Opener are required.
type Deps struct {
	Store    Store
	Catalog  *catalog.Catalog
	Calendar *cases.Calendar // nil: weekends only
	// Opener turns scanner input into a case (package scan).
	Opener *scan.Opener
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Device is this device's short code, shown in the status bar and,
	// for this device's events, in the timeline.
	Device string
	// Print prints a document on the counter's printer; nil disables
	// printing (the screen says so). It runs on its own goroutine after
	// the action is saved.
	Print func(doc printer.Document) error
	// Seal returns a case's sealed receipt payload, for printing the
	// acceptance receipt; nil: receipts are not printed.
	Seal func(*cases.Case) (string, error)
	// Sync reports how sync stands; it is read every few seconds. nil:
	// the device is not enrolled. The number of events waiting is read
	// from the Store, so it is never stale.
	Sync func() SyncState
	// Nudge, if set, is called after each saved action so sync pushes at once.
	Nudge func()
	// IdleLock signs the clerk out after this long without a key or click
	// (default 5 minutes).
	IdleLock time.Duration
	// SerialPort names a serial (CDC) scanner's port; empty: none.
	SerialPort string
	// CameraDevice names a V4L2 camera (/dev/video0) whose frames are
	// searched for receipt QR codes; empty: none.
	CameraDevice string
	// TickEvery is how often the idle timer and status are checked
	// (default 250 ms). Negative starts no ticker: the caller calls Tick.
	TickEvery time.Duration
}

// Defaults.
const (
	DefaultIdleLock = 5 * time.Minute
	idleWarning     = 30 * time.Second
	statusEvery     = 5 * time.Second
	lockSetting     = "counter/lock" // staff.Lock as JSON, kept across restarts
)

// Counter is the counter window's content and its state.
type Counter struct {
	deps Deps
	win  fyne.Window
	root *fyne.Container

	clerk  *staff.Clerk // nil while signed out
	signIn *signIn
	bench  *bench

	idle       *ui.IdleTimer
	stopTick   func()
	stopSerial func()
	stopCamera func()
	lastStatus time.Time
	// imageDir is the folder an image was last opened from (Ctrl+O).
	imageDir string
	// spawn runs slow work (PIN hashing, printing, image decoding) off
	// the UI goroutine; the work hands its result back with fyne.Do.
	spawn func(func())
}

// New returns a counter; Show puts it in a window.
func New(d Deps) *Counter {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.IdleLock <= 0 {
		d.IdleLock = DefaultIdleLock
	}
	if d.TickEvery == 0 {
		d.TickEvery = 250 * time.Millisecond
	}
	c := &Counter{deps: d, spawn: func(f func()) { go f() }}
	c.idle = ui.NewIdleTimer(d.IdleLock, min(idleWarning, d.IdleLock/2), d.Now())
	c.idle.Pause()
	return c
}

// Show fills the window with the sign-in screen, sets the desk theme,
// registers the keys and starts the idle ticker, the serial scanner and
// the camera.
// It creates no window and no app.
func (c *Counter) Show(w fyne.Window) {
	c.win = w
	c.root = container.NewStack()
	fyne.CurrentApp().Settings().SetTheme(ui.NewTheme(ui.Desk))
	w.SetContent(c.root)
	cv := w.Canvas()
	cv.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		c.touch()
		c.key(ev)
	})
	cv.SetOnTypedRune(c.stray)
	for _, s := range shortcuts() {
		cv.AddShortcut(s, func(s fyne.Shortcut) { c.shortcut(s) })
	}
	c.showSignIn(cases.Text{})
	if c.deps.TickEvery > 0 {
		c.stopTick = c.idle.Run(c.deps.TickEvery, c.deps.Now, c.applyIdle)
	}
	if c.deps.SerialPort != "" {
		c.stopSerial = scan.ListenSerial(c.deps.SerialPort,
			func(s string) { fyne.Do(func() { c.serialScan(s) }) },
			func(err error) { fyne.Do(func() { c.serialStatus(err) }) })
	}
	if c.deps.CameraDevice != "" {
		c.stopCamera = listenCamera(c.deps.CameraDevice,
			func(s string) { fyne.Do(func() { c.cameraScan(s) }) },
			func(err error) { fyne.Do(func() { c.serialStatus(err) }) })
	}
}

// listenCamera starts the camera; tests replace it.
var listenCamera = scan.ListenCamera

// Close stops the ticker, the serial scanner and the camera.
func (c *Counter) Close() {
	if c.stopTick != nil {
		c.stopTick()
	}
	if c.stopSerial != nil {
		c.stopSerial()
	}
	if c.stopCamera != nil {
		c.stopCamera()
	}
}

// Tick checks the idle timer and the sync status now; the ticker does
// this on its own.
func (c *Counter) Tick() { c.applyIdle(c.idle.Check(c.deps.Now())) }

// Clerk returns the clerk signed in, if any.
func (c *Counter) Clerk() (staff.Clerk, bool) {
	if c.clerk == nil {
		return staff.Clerk{}, false
	}
	return *c.clerk, true
}

// setScreen makes o the window's content.
func (c *Counter) setScreen(o fyne.CanvasObject) {
	c.root.Objects = []fyne.CanvasObject{o}
	c.root.Refresh()
}

// showSignIn shows the sign-in screen with a note (why the clerk is here).
func (c *Counter) showSignIn(note cases.Text) {
	if c.bench != nil {
		c.bench.closePicker() // a dialog would stay over the sign-in screen
	}
	c.clerk, c.bench = nil, nil
	c.idle.Pause()
	c.signIn = newSignIn(c, note)
	c.setScreen(c.signIn.build())
	c.signIn.focus()
}

// signedIn opens the workbench for a clerk.
func (c *Counter) signedIn(k staff.Clerk) {
	c.clerk = &k
	c.signIn = nil
	c.bench = newBench(c)
	c.setScreen(c.bench.build())
	c.bench.onScreen = true
	c.idle.Resume(c.deps.Now())
	c.bench.refocus()
}

// signOut ends the clerk's session: the case on screen is cleared.
func (c *Counter) signOut(note cases.Text) { c.showSignIn(note) }

// touch notes that the clerk is there.
func (c *Counter) touch() {
	c.idle.Touch(c.deps.Now())
	if c.bench != nil {
		c.bench.idleWarning(0)
	}
}

func (c *Counter) applyIdle(s ui.IdleState) {
	if c.bench == nil {
		return
	}
	switch {
	case s.Expired:
		c.signOut(tIdleLocked)
		return
	case s.Warning:
		c.bench.idleWarning(s.Seconds())
	}
	if c.deps.Now().Sub(c.lastStatus) >= statusEvery {
		c.bench.refreshStatus()
		c.bench.refreshCase()
	}
}

// key handles a key no widget used.
func (c *Counter) key(ev *fyne.KeyEvent) bool {
	if c.bench != nil {
		return c.bench.key(ev)
	}
	return false
}

// shortcut handles a shortcut.
func (c *Counter) shortcut(s fyne.Shortcut) bool {
	c.touch()
	if c.bench != nil {
		return c.bench.shortcut(s)
	}
	return false
}

// stray takes a character typed where no text goes: into the scan field,
// which then has the focus for the rest of the scan.
func (c *Counter) stray(r rune) {
	c.touch()
	switch {
	case c.bench != nil:
		c.bench.strayRune(r)
	case c.signIn != nil:
		c.signIn.strayRune(r)
	}
}

// serialScan takes one scan from the serial scanner or the camera.
func (c *Counter) serialScan(s string) {
	c.touch()
	switch {
	case c.bench != nil:
		c.bench.scanned(s)
	case c.signIn != nil:
		c.signIn.say(both(tSignInFirst), true)
	}
}

// cameraScan takes one scan from the camera. The camera keeps seeing a
// receipt left in front of it, so while the clerk is in the middle of an
// action (a panel is open) what it sees is ignored: a scan would close the
// panel and lose what was typed. It also sees any code in view — a
// citizen's phone, a poster — and only a receipt is held up on purpose:
// anything else would close the case on screen as a bad scan. A scanner's
// scan is a deliberate act and does go through.
func (c *Counter) cameraScan(s string) {
	if c.bench != nil && c.bench.panel != nil {
		return
	}
	if _, ok := scan.Payload(s); !ok {
		return
	}
	c.serialScan(s)
}

// serialStatus tells the clerk when the serial scanner or the camera goes
// away. It is news from the desk, not an action: the print line stays.
func (c *Counter) serialStatus(err error) {
	if err != nil && c.bench != nil {
		c.bench.show(sentence(err, nil), widget.DangerImportance)
	}
}

// nudge asks sync to push now.
func (c *Counter) nudge() {
	if c.deps.Nudge != nil {
		c.deps.Nudge()
	}
}

// item returns a case's service item, or a stand-in naming its code.
func (c *Counter) item(code string) (*catalog.Item, bool) {
	if it, ok := c.deps.Catalog.Item(code); ok {
		return it, true
	}
	return &catalog.Item{Code: code, NameZH: code, NameEN: code}, false
}

// clerkName returns the name of a staff ID for the timeline.
func (c *Counter) clerkName(id string) string {
	if c.bench != nil {
		if n, ok := c.bench.names[id]; ok {
			return n
		}
	}
	name := id
	if k, err := c.deps.Store.Clerk(id); err == nil && k.Name != "" {
		name = k.Name
	}
	if c.bench != nil {
		c.bench.names[id] = name
	}
	return name
}
