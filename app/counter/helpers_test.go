package counter

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/receipt"
	"tongban/app/scan"
	"tongban/app/staff"
	"tongban/app/store"
	"tongban/app/ui/uitest"
	"tongban/assets"
	"tongban/printer"
)

func init() { staff.Iterations = 1000 } // the PIN hash cost is a parameter; keep tests quick

// Tuesday 3 March 2026, 9:30 in the morning.
var testStart = time.Date(2026, 3, 3, 9, 30, 0, 0, cases.Zone)

// licence is the sample catalog's 营业执照变更登记: five materials, three
// of them required (0, 1, 3).
const licence = "130102-SCJG-003"

// center is what the devices of one service center share in a test: the
// catalog, the calendar, the receipt keys and the clock.
type center struct {
	t     testing.TB
	cat   *catalog.Catalog
	cal   *cases.Calendar
	ring  receipt.Keyring
	clock *uitest.Clock
}

func newCenter(t testing.TB) *center {
	t.Helper()
	test.NewTempApp(t)
	cat, err := catalog.Parse(assets.SampleCatalog())
	if err != nil {
		t.Fatal(err)
	}
	cal, err := cases.ParseCalendar(assets.Calendar())
	if err != nil {
		t.Fatal(err)
	}
	key, err := receipt.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	return &center{t: t, cat: cat, cal: cal, ring: receipt.Keyring{key}, clock: uitest.NewClock(testStart)}
}

// store opens a fresh store of a device of the center.
func (z *center) store(role string) *store.Store {
	z.t.Helper()
	st, err := store.Open(z.t.TempDir(), store.Options{Center: "130102", Role: role, Now: z.clock.Now})
	if err != nil {
		z.t.Fatal(err)
	}
	z.t.Cleanup(func() { st.Close() })
	return st
}

// submit makes a 营业执照变更登记 case for 张三 on a store (a kiosk),
// declaring materials 0, 1 and 3.
func (z *center) submit(st *store.Store, name string) *cases.Case {
	z.t.Helper()
	values := map[string]string{"name": name, "id_number": "11010519491231002X", "phone": "13800138000",
		"company": "华新科技有限公司", "credit_code": "91350100M000100Y43", "change": "住所"}
	return z.submitItem(st, licence, values, []int{0, 1, 3})
}

// ticketed submits a case on a kiosk for each name, each with a queue
// ticket of letter A, every apart, and returns the cases and all their
// events, which sync brings a counter.
func (z *center) ticketed(kiosk *store.Store, names []string, every time.Duration) (waiting []*cases.Case, all []cases.Event) {
	z.t.Helper()
	for _, name := range names {
		_, c, err := kiosk.IssueTicket(z.submit(kiosk, name).ID, "A")
		if err != nil {
			z.t.Fatal(err)
		}
		waiting = append(waiting, c)
		all = append(all, c.Events...)
		z.clock.Advance(every)
	}
	return waiting, all
}

// submitItem makes a case of an item on a store (a kiosk), with the form
// values and the materials declared.
func (z *center) submitItem(st *store.Store, item string, values map[string]string, declared []int) *cases.Case {
	z.t.Helper()
	sub, errs, err := cases.NewSubmission(z.cat, item, values, declared, cases.ChannelKiosk, z.clock.Now())
	if err != nil || len(errs) > 0 {
		z.t.Fatalf("NewSubmission: %v %v", err, errs)
	}
	c, err := st.Submit(sub)
	if err != nil {
		z.t.Fatal(err)
	}
	return c
}

// seal returns a case's receipt payload.
func (z *center) seal(c *cases.Case) (string, error) {
	for _, e := range c.Events {
		if e.Kind == cases.KindSubmitted && e.ID == c.ID {
			return receipt.SealCase(z.ring, e)
		}
	}
	return "", cases.ErrNoSubmission
}

// rig is a counter in a test window on a real store.
type rig struct {
	t       testing.TB
	z       *center
	st      *store.Store
	c       *Counter
	w       fyne.Window
	printed []printer.Document
	nudges  int
	// printErr is what the fake printer answers.
	printErr error
	// sync is what Deps.Sync reports: an enrolled device, offline, until
	// a test says otherwise.
	sync SyncState
}

// newRig shows a counter on st (a fresh counter store when nil) with the
// clerks S001 王芳 (PIN 2468, window A03, queue A) and S002 李强 (PIN 1357,
// all queues).
func newRig(t testing.TB, z *center, st *store.Store) *rig {
	t.Helper()
	if st == nil {
		st = z.store("counter")
		for _, k := range []struct {
			id, name, pin   string
			windows, queues []string
		}{{"S001", "王芳", "2468", []string{"A03"}, []string{"A"}}, {"S002", "李强", "1357", nil, nil}} {
			clerk, err := staff.New(k.id, k.name, k.pin)
			if err != nil {
				t.Fatal(err)
			}
			clerk.Windows, clerk.Queues = k.windows, k.queues
			if err := st.PutClerk(clerk); err != nil {
				t.Fatal(err)
			}
		}
	}
	r := &rig{t: t, z: z, st: st, sync: SyncState{Enrolled: true}}
	d := Deps{
		Store: st, Catalog: z.cat, Calendar: z.cal, Now: z.clock.Now, Device: "K09",
		Opener: &scan.Opener{Store: st, Keys: func() (receipt.Keyring, error) { return z.ring, nil }},
		Print: func(doc printer.Document) error {
			r.printed = append(r.printed, doc)
			return r.printErr
		},
		Seal:      z.seal,
		Nudge:     func() { r.nudges++ },
		Sync:      func() SyncState { return r.sync },
		TickEvery: -1,
	}
	r.c = New(d)
	r.c.spawn = func(f func()) { f() } // printing and PIN checks finish before the call returns
	r.w = test.NewTempWindow(t, widget.NewLabel(""))
	r.w.Resize(fyne.NewSize(1366, 768))
	r.c.Show(r.w)
	t.Cleanup(r.c.Close)
	return r
}

// scannedCase is the usual start of a test: a kiosk's case of 张三, and a
// counter where S001 signed in and scanned its receipt.
func scannedCase(t testing.TB) (*center, *cases.Case, *rig) {
	t.Helper()
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	r.scanCase(c)
	return z, c, r
}

// root is what is on screen.
func (r *rig) root() fyne.CanvasObject { return r.w.Canvas().Content() }

func (r *rig) shows(s string) bool { return uitest.Shows(texts(r.root()), s) }

func (r *rig) screenTexts() []string { return texts(r.root()) }

func (r *rig) mustShow(ss ...string) {
	r.t.Helper()
	uitest.MustShow(r.t, r.screenTexts, ss...)
}

func (r *rig) mustNotShow(ss ...string) {
	r.t.Helper()
	uitest.MustNotShow(r.t, r.screenTexts, ss...)
}

// button returns the visible counter button whose text starts with s.
func (r *rig) button(s string) *button {
	r.t.Helper()
	b := uitest.Find(r.root(), func(b *button) bool { return strings.HasPrefix(b.Text, s) })
	if b == nil {
		r.t.Fatalf("no visible button %q; the screen shows %q", s, texts(r.root()))
	}
	return b
}

// hasButton reports whether a button whose text starts with s is on screen.
func (r *rig) hasButton(s string) bool {
	return uitest.Find(r.root(), func(b *button) bool { return strings.HasPrefix(b.Text, s) }) != nil
}

// tap taps the buttons whose texts start with these, in turn.
func (r *rig) tap(prefixes ...string) {
	r.t.Helper()
	for _, s := range prefixes {
		b := r.button(s)
		if b.Disabled() {
			r.t.Fatalf("button %q is disabled", s)
		}
		test.Tap(b)
	}
}

// focused is the widget with the keyboard.
func (r *rig) focused() fyne.Focusable { return r.w.Canvas().Focused() }

// key presses a key as the desktop driver delivers it: to the focused
// widget, or to the canvas when nothing has focus.
func (r *rig) key(name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := r.focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	r.w.Canvas().OnTypedKey()(ev)
}

// shortcut presses a modifier shortcut as the desktop driver delivers it.
func (r *rig) shortcut(mod fyne.KeyModifier, name fyne.KeyName) {
	s := &desktop.CustomShortcut{KeyName: name, Modifier: mod}
	if f, ok := r.focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	r.w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// typeText types into whatever has the focus, then presses Enter, as a
// keyboard-mode scanner does.
func (r *rig) typeText(s string) {
	r.t.Helper()
	f := r.focused()
	if f == nil {
		r.t.Fatal("nothing has the keyboard focus")
	}
	test.Type(f, s)
	r.key(fyne.KeyReturn)
}

// signIn signs a clerk in with the keyboard.
func (r *rig) signIn(id, pin string) {
	r.t.Helper()
	r.c.signIn.id.SetText("")
	r.c.signIn.pin.SetText("")
	r.c.win.Canvas().Focus(r.c.signIn.id)
	r.typeText(id)
	r.typeText(pin)
}

// mustBeSignedIn fails unless a clerk is signed in.
func (r *rig) mustBeSignedIn(want bool) {
	r.t.Helper()
	if _, in := r.c.Clerk(); in != want {
		r.t.Fatalf("signed in = %v, want %v; the screen shows %q", in, want, texts(r.root()))
	}
}

// scanFocused fails unless the scan field has the keyboard.
func (r *rig) scanFocused() {
	r.t.Helper()
	if r.c.bench == nil || r.focused() != r.c.bench.scan {
		r.t.Fatalf("the scan field does not have the focus (%T has)", r.focused())
	}
}

// scanCase types a case's receipt into the scan field as a scanner would.
func (r *rig) scanCase(c *cases.Case) {
	r.t.Helper()
	payload, err := r.z.seal(c)
	if err != nil {
		r.t.Fatal(err)
	}
	r.scanFocused()
	r.typeText("]Q1" + payload + "\r")
}

// events returns the number of events of a case in the counter's store.
func (r *rig) events(id string) int {
	r.t.Helper()
	c, err := r.st.Case(id)
	if err != nil {
		r.t.Fatal(err)
	}
	return len(c.Events)
}

// stored returns a case as the counter's store has it.
func (r *rig) stored(id string) *cases.Case {
	r.t.Helper()
	c, err := r.st.Case(id)
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

// tapPad taps a key of the number pad on screen.
func (r *rig) tapPad(key string) {
	r.t.Helper()
	b := uitest.Find(r.root(), func(b *widget.Button) bool { return b.Text == key })
	if b == nil {
		r.t.Fatalf("no pad key %q; the screen shows %q", key, texts(r.root()))
	}
	test.Tap(b)
}

func texts(root fyne.CanvasObject) []string { return uitest.Texts(root, roleTexts) }

// roleTexts reads the counter's own widget types.
func roleTexts(o fyne.CanvasObject) []string {
	switch x := o.(type) {
	case *button:
		return []string{x.Text}
	case *check:
		return []string{x.Text}
	case *entry:
		return []string{x.Text}
	case *tickLabel:
		return []string{x.Text.Text}
	}
	return nil
}

// deviceID is the ID of the rig's store's device.
func (r *rig) deviceID() string {
	r.t.Helper()
	id, err := r.st.Identity()
	if err != nil {
		r.t.Fatal(err)
	}
	return id.DeviceID
}
