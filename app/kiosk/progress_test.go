package kiosk

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tongban/app/cases"
	sealed "tongban/app/receipt"
	"tongban/app/scan"
	"tongban/app/store"
)

// newLookupRig is a kiosk whose look-up is a real scan.Opener on its
// store, with a fresh receipt key; the key seals receipts for the tests.
func newLookupRig(t *testing.T) (*rig, sealed.Keyring) {
	t.Helper()
	r := newRig(t, nil, nil)
	key, err := sealed.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	ring := sealed.Keyring{key}
	o := &scan.Opener{Store: r.store, Keys: func() (sealed.Keyring, error) { return ring, nil }}
	r.k.deps.Lookup = o.Open
	r.k.show(&attract{})
	return r, ring
}

// submitTo saves a kiosk application of 营业执照变更登记 in st, with
// materials 0, 1 and 3 declared.
func submitTo(t *testing.T, st *store.Store) *cases.Case {
	t.Helper()
	c, err := st.Submit(cases.Submission{ItemCode: "130102-SCJG-003", CatalogVersion: 1, Channel: cases.ChannelKiosk,
		Fields:    map[string]string{"name": "张三丰", "id_number": "11010519491231002X", "phone": "13800138000"},
		Materials: []int{0, 1, 3}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// act applies a clerk's action to a case in the rig's store.
func (r *rig) act(c *cases.Case, kind cases.Kind, payload any) *cases.Case {
	r.t.Helper()
	got, err := r.store.Act(c.ID, cases.Action{Kind: kind, Staff: "S001", Payload: payload})
	if err != nil {
		r.t.Fatalf("%s: %v", kind, err)
	}
	return got
}

// current returns the screen shown, which must be a T.
func current[T screen](r *rig) T {
	r.t.Helper()
	s, ok := r.k.cur.(T)
	if !ok {
		var want T
		r.t.Fatalf("on %T, want %T; the screen shows %q", r.k.cur, want, texts(r.root()))
	}
	return s
}

// typeNumber taps a case number on the lookup's keypad, dashes and all,
// and looks it up.
func (r *rig) typeNumber(number string) {
	r.t.Helper()
	current[*lookup](r)
	r.tapKeys(number)
	r.tap(tLookUp.ZH)
}

// enter presses Enter in whatever has the focus, or on the canvas.
func (r *rig) enter() {
	ev := &fyne.KeyEvent{Name: fyne.KeyReturn}
	if f := r.w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	r.w.Canvas().OnTypedKey()(ev)
}

// Without a look-up the start screen offers only the start.
func TestAttractWithoutLookup(t *testing.T) {
	r := newRig(t, nil, nil)
	if r.shows(tLookupStart.ZH) || r.shows(tRateStart.ZH) {
		t.Fatalf("the start screen offers a look-up it cannot do: %q", texts(r.root()))
	}
}

// A citizen taps the case number on the keypad and sees an accepted
// case's progress: status in words, dates, working days left, the queue
// ticket and the window that called it, the name masked.
func TestLookUpByKeypad(t *testing.T) {
	r, _ := newLookupRig(t)
	c := submitTo(t, r.store)
	r.act(c, cases.KindPrinted, cases.Printing{Document: cases.DocTicket, Ticket: "A007"})
	r.act(c, cases.KindAccepted, cases.Acceptance{Received: []int{0, 1, 3}})
	r.act(c, cases.KindCalled, cases.Call{Ticket: "A007", Window: "A02"})

	r.mustShow(tLookupStart.ZH, tLookupStart.EN) // both languages: nobody has chosen one yet
	r.tapTile(tLookupStart.ZH)
	s := current[*lookup](r)
	if r.w.Canvas().Focused() != s.entry {
		t.Fatal("the scan field does not have the focus")
	}
	r.typeNumber(c.Number)
	current[*progress](r)
	r.mustShow(c.Number, "营业执照变更登记", "张**", "已受理", "窗口已受理，正在办理。",
		"2026年3月3日（星期二）", // submitted
		"2026年3月4日（星期三）", // promised: one working day after acceptance
		"还剩 1 个工作日", "A007 · 已叫号，请到 A02 号窗口", tRateThis.ZH)
	r.mustNotShow("张三丰", "11010519491231002X", "13800138000", "138****8000")

	// The next day it is due today, the day after it is overdue.
	r.clock.Advance(24 * 3600e9)
	r.k.rebuild()
	r.mustShow(tDueToday.ZH)
	r.clock.Advance(24 * 3600e9)
	r.k.rebuild()
	r.mustShow(tOverdue.ZH)

	// Back, and the same case typed without dashes, in lower case.
	r.tap(tBack.ZH)
	if got := current[*lookup](r).entry.Text; got != "" {
		t.Fatalf("the scan field holds %q after going back", got)
	}
	r.typeNumber(strings.ReplaceAll(c.Number, "-", ""))
	r.mustShow(c.Number, "已受理")
}

// A keyboard-mode scanner types a sealed receipt, with a symbology prefix,
// into the focused scan field and presses Enter: the case made at another
// kiosk, not synced yet, opens from the receipt itself. It still works
// after a tap on the background took the focus away.
func TestLookUpByScan(t *testing.T) {
	r, ring := newLookupRig(t)
	other, err := store.Open(t.TempDir(), store.Options{Center: "130102", Role: "kiosk", Now: r.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	c := submitTo(t, other)
	payload, err := sealed.SealCase(ring, c.Events[0])
	if err != nil {
		t.Fatal(err)
	}

	r.tapTile(tLookupStart.ZH)
	test.Type(r.w.Canvas().Focused(), "]Q1"+payload)
	r.enter()
	current[*progress](r)
	r.mustShow(c.Number, "张**", "已提交", tNotSynced.ZH, "受理后 1 个工作日")
	if _, err := r.store.Case(c.ID); err != nil {
		t.Fatalf("the scanned case is not in the kiosk's store: %v", err)
	}

	r.tap(tBack.ZH)
	r.w.Canvas().Unfocus() // the citizen touched the background
	test.TypeOnCanvas(r.w.Canvas(), payload)
	r.enter()
	current[*progress](r)
	r.mustShow(c.Number)
}

// A number nobody has, a mistyped one, a damaged or foreign receipt: one
// sentence in the kiosk's language, and nothing else changes. A typed
// number stays to be fixed; a scan is cleared for the next one.
func TestLookUpFailures(t *testing.T) {
	r, ring := newLookupRig(t)
	c := submitTo(t, r.store)
	r.tapTile(tLookupStart.ZH)

	r.typeNumber("260303-ZZZ-0999")
	s := current[*lookup](r)
	r.mustShow(tNotFound.ZH)
	if s.entry.Text != "260303-ZZZ-0999" {
		t.Errorf("after a miss the field holds %q", s.entry.Text)
	}
	r.tap(tBackspace.ZH, tBackspace.ZH)
	if s.entry.Text != "260303-ZZZ-09" || r.w.Canvas().Focused() != s.entry {
		t.Errorf("after two deletes the field holds %q (focused %v)", s.entry.Text, r.w.Canvas().Focused() == s.entry)
	}

	r.tap(tClear.ZH)
	r.typeNumber("12345")
	r.mustShow(tNotNumber.ZH)
	r.mustNotShow(tNotFound.ZH)

	r.tap(tToOtherLang.ZH)
	r.mustShow(tNotNumber.EN) // the sentence follows the language
	r.tap(tClear.EN)
	r.tap(tLookUp.EN)
	r.mustShow(tTypeFirst.EN)

	other, _ := sealed.NewKey()
	foreign, _ := sealed.SealCase(sealed.Keyring{other}, c.Events[0])
	good, _ := sealed.SealCase(ring, c.Events[0])
	for _, tt := range []struct {
		scan string
		want cases.Text
	}{
		{foreign, tForeignReceipt},
		{good[:len(good)-3] + "AAA", tForeignReceipt},
		{good[:len(sealed.Prefix)+5], tScanAgain},
		{"HTTPS://EXAMPLE.COM/X", tNotNumber},
	} {
		test.Type(r.w.Canvas().Focused(), tt.scan)
		r.enter()
		s = current[*lookup](r)
		r.mustShow(tt.want.EN)
		if strings.Contains(tt.scan, sealed.Prefix) && s.entry.Text != "" {
			t.Errorf("scan %.20s…: the field still holds it", tt.scan)
		}
		if r.w.Canvas().Focused() != s.entry {
			t.Errorf("scan %.20s…: the scan field lost the focus", tt.scan)
		}
		s.entry.SetText("")
	}
	if got, _ := r.store.Case(c.ID); len(got.Events) != 1 {
		t.Errorf("failed look-ups wrote %d events", len(got.Events)-1)
	}
}

// A case waiting for materials lists every missing one by name (the
// one-time notice); a refused case gives the reasons.
func TestProgressDetails(t *testing.T) {
	r, _ := newLookupRig(t)
	c := submitTo(t, r.store)
	r.act(c, cases.KindSupplementRequested, cases.SupplementRequest{Missing: []int{1, 2}})
	refused := submitTo(t, r.store)
	r.act(refused, cases.KindRefused, cases.Refusal{Reasons: []string{"申请事项不属于本机关职权范围", "请向市级登记机关申请"}})

	r.tapTile(tLookupStart.ZH)
	r.typeNumber(c.Number)
	r.mustShow("待补正", tMissingTitle.ZH, "1. 变更决议或决定", "2. 修改后的公司章程或章程修正案", "原件 1 份")
	r.mustNotShow("公司变更登记申请书", "还剩")

	r.tap(tToOtherLang.ZH)
	r.mustShow("Awaiting materials", tMissingTitle.EN)

	r.tap(tBack.EN)
	r.tap(tToOtherLang.EN)
	r.typeNumber(refused.Number)
	r.mustShow("不予受理", tRefusalTitle.ZH, "1. 申请事项不属于本机关职权范围", "2. 请向市级登记机关申请")
}

// Nobody touches the look-up or a case's progress: it counts down and
// clears. A scanner's typing and the keypad count as touches.
func TestLookupScreensTimeOut(t *testing.T) {
	r, _ := newLookupRig(t)
	c := submitTo(t, r.store)
	r.tapTile(tLookupStart.ZH)

	r.clock.Advance(DefaultIdleTimeout - countdownWindow/2)
	r.k.Tick()
	if !r.k.shield.Visible() {
		t.Fatal("no countdown on the look-up screen")
	}
	test.Type(r.w.Canvas().Focused(), "2") // the scanner starts typing
	if r.k.shield.Visible() {
		t.Fatal("the countdown stays while the scanner types")
	}
	r.clock.Advance(DefaultIdleTimeout - countdownWindow/2)
	r.k.Tick()
	r.tap("6") // a keypad key
	r.clock.Advance(DefaultIdleTimeout - countdownWindow - 1e9)
	r.k.Tick()
	if _, ok := r.k.cur.(*lookup); !ok || r.k.shield.Visible() {
		t.Fatalf("after keys the look-up timed out anyway: on %T, countdown %v", r.k.cur, r.k.shield.Visible())
	}

	r.tap(tClear.ZH)
	r.typeNumber(c.Number)
	current[*progress](r)
	r.clock.Advance(DefaultIdleTimeout)
	r.k.Tick()
	r.mustBeOn("attract")
	r.mustNotShow(c.Number)
}
