package kiosk

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/store"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
	"tongban/assets"
)

// Tuesday 3 March 2026, 9:30 in the morning.
var testStart = time.Date(2026, 3, 3, 9, 30, 0, 0, cases.Zone)

// rig is a kiosk in a test window on a real store.
type rig struct {
	t     *testing.T
	k     *Kiosk
	w     fyne.Window
	store *store.Store
	clock *uitest.Clock
	deps  Deps
}

// newRig starts a test app and shows a kiosk on a fresh store; given a
// store and clock, it shows a second kiosk on the same data, as after a
// restart.
func newRig(t *testing.T, st *store.Store, c *uitest.Clock) *rig {
	t.Helper()
	if st == nil {
		test.NewTempApp(t)
	}
	if c == nil {
		c = uitest.NewClock(testStart)
	}
	if st == nil {
		var err error
		st, err = store.Open(t.TempDir(), store.Options{Center: "130102", Role: "kiosk", Now: c.Now})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
	}
	cat, err := catalog.Parse(assets.SampleCatalog())
	if err != nil {
		t.Fatal(err)
	}
	cal, err := cases.ParseCalendar(assets.Calendar())
	if err != nil {
		t.Fatal(err)
	}
	d := Deps{Catalog: cat, Calendar: cal, Store: st, Drafts: StoreDrafts(st), Now: c.Now, TickEvery: -1}
	k := New(d)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1920, 1080))
	k.Show(w)
	t.Cleanup(k.Close)
	return &rig{t: t, k: k, w: w, store: st, clock: c, deps: d}
}

// root is what is on screen.
func (r *rig) root() fyne.CanvasObject { return r.w.Canvas().Content() }

// shows reports whether some visible text contains s.
func (r *rig) shows(s string) bool { return uitest.Shows(texts(r.root()), s) }

func (r *rig) screenTexts() []string { return texts(r.root()) }

// mustShow fails unless some visible text contains each s.
func (r *rig) mustShow(ss ...string) {
	r.t.Helper()
	uitest.MustShow(r.t, r.screenTexts, ss...)
}

// mustNotShow fails if some visible text contains s.
func (r *rig) mustNotShow(ss ...string) {
	r.t.Helper()
	uitest.MustNotShow(r.t, r.screenTexts, ss...)
}

// button returns the visible button with exactly this text.
func (r *rig) button(text string) *widget.Button {
	r.t.Helper()
	b := uitest.Find(r.root(), func(b *widget.Button) bool { return b.Text == text })
	if b == nil {
		r.t.Fatalf("no visible button %q; the screen shows %q", text, texts(r.root()))
	}
	return b
}

// tap taps the buttons with these texts, in turn.
func (r *rig) tap(textsToTap ...string) {
	r.t.Helper()
	for _, s := range textsToTap {
		b := r.button(s)
		if b.Disabled() {
			r.t.Fatalf("button %q is disabled", s)
		}
		test.Tap(b)
	}
}

// tapKeys taps one key per character of s.
func (r *rig) tapKeys(s string) {
	r.t.Helper()
	for _, c := range s {
		r.tap(string(c))
	}
}

// pageTo turns the pages until some visible text contains s; how many
// things a page holds depends on how tall they are.
func (r *rig) pageTo(s string) {
	r.t.Helper()
	for range 10 {
		if r.shows(s) {
			return
		}
		next := r.button(tNextPage.In(r.k.lang))
		if next.Disabled() {
			break
		}
		test.Tap(next)
	}
	r.t.Fatalf("no page shows %q; the screen shows %q", s, texts(r.root()))
}

// tapTile taps the visible tile whose title is title.
func (r *rig) tapTile(title string) {
	r.t.Helper()
	tl := uitest.Find(r.root(), func(x *ui.Tile) bool { return x.Title == title })
	if tl == nil {
		r.t.Fatalf("no visible tile %q; the screen shows %q", title, texts(r.root()))
	}
	test.Tap(tl)
}

// entry returns the entry of the field whose label starts with label.
func (r *rig) entry(label string) *ui.Entry {
	r.t.Helper()
	var e *ui.Entry
	uitest.Visit(r.root(), func(o fyne.CanvasObject) bool {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 3 {
			return true
		}
		if l, ok := c.Objects[0].(*ui.Text); ok && strings.HasPrefix(l.Text, label) {
			e = uitest.Find(c, func(*ui.Entry) bool { return true })
			return e == nil
		}
		return true
	})
	if e == nil {
		r.t.Fatalf("no entry labelled %q; the screen shows %q", label, texts(r.root()))
	}
	return e
}

// focus puts the finger on a field, as a tap on its entry does on the
// desktop driver (the entry takes focus on mouse down).
func (r *rig) focus(label string) *ui.Entry {
	r.t.Helper()
	e := r.entry(label)
	r.w.Canvas().Focus(e)
	return e
}

// typePinyin taps the letters on the pinyin pad, then the candidate want,
// turning the candidate pages until it shows.
func (r *rig) typePinyin(letters string, want rune) {
	r.t.Helper()
	r.tapKeys(strings.ToUpper(letters))
	for range 20 {
		if b := uitest.Find(r.root(), func(b *widget.Button) bool { return b.Text == string(want) }); b != nil {
			test.Tap(b)
			return
		}
		more := r.button(tCandNext.In(r.k.lang))
		if more.Disabled() {
			break
		}
		test.Tap(more)
	}
	r.t.Fatalf("%c is no candidate of %q", want, letters)
}

// draft returns the saved draft.
func (r *rig) draft() (Draft, bool) {
	r.t.Helper()
	d, ok, err := r.deps.Drafts.Load()
	if err != nil {
		r.t.Fatal(err)
	}
	return d, ok
}

// onScreen returns the screen the kiosk shows.
func (r *rig) onScreen() string {
	switch r.k.cur.(type) {
	case *attract:
		return "attract"
	case *categories:
		return "categories"
	case *itemList:
		return "items"
	case *search:
		return "search"
	case *guide:
		return "guide"
	case *form:
		return "form"
	case *confirm:
		return "confirm"
	case *receipt:
		return "receipt"
	}
	return "?"
}

func (r *rig) mustBeOn(name string) {
	r.t.Helper()
	if got := r.onScreen(); got != name {
		r.t.Fatalf("on the %s screen, want %s; it shows %q", got, name, texts(r.root()))
	}
}

func texts(root fyne.CanvasObject) []string { return uitest.Texts(root, nil) }
