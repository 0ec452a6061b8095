package kiosk

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tongban/app/cases"
)

// openForm goes from the start screen to the form of 营业执照变更登记 by
// category.
func (r *rig) openForm() {
	r.t.Helper()
	r.tapTile(tStart.ZH)
	r.tapTile("企业开办与经营")
	r.tapTile("营业执照变更登记")
	r.tap(tApply.ZH)
	r.mustBeOn("form")
}

// Nobody touches the form: a countdown shows in the last 10 s, then
// everything typed is cleared and the start screen is back.
func TestIdleResetClearsEverything(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.tap(tToOtherLang.ZH) // the citizen switched to English
	r.typePinyin("li", '李')
	if d, ok := r.draft(); !ok || d.Values["name"] != "李" {
		t.Fatalf("draft after typing = %+v, %v", d, ok)
	}

	r.clock.Advance(DefaultIdleTimeout - 10*time.Second + 500*time.Millisecond)
	r.k.Tick()
	r.mustShow("Returning to start in 10 s — touch to continue")
	if !r.k.shield.Visible() {
		t.Fatal("the countdown is not on top")
	}

	r.clock.Advance(9 * time.Second)
	r.k.Tick()
	r.mustShow("Returning to start in 1 s")

	r.clock.Advance(time.Second)
	r.k.Tick()
	r.mustBeOn("attract")
	r.mustShow(tStart.ZH) // Chinese again, for the next citizen
	if r.k.lang != cases.ZH || r.k.shield.Visible() {
		t.Errorf("after the reset: language %v, countdown visible %v", r.k.lang, r.k.shield.Visible())
	}
	if _, ok := r.draft(); ok {
		t.Error("the draft survived the idle reset")
	}

	// The next citizen's form starts empty.
	r.openForm()
	if got := r.entry("经办人姓名").Text; got != "" {
		t.Errorf("the next citizen's form has the name %q", got)
	}
}

// A touch during the countdown, or a key on a keypad, keeps the form.
func TestTouchKeepsTheForm(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.typePinyin("wang", '王')

	r.clock.Advance(DefaultIdleTimeout - 5*time.Second)
	r.k.Tick()
	if !r.k.shield.Visible() {
		t.Fatal("no countdown 5 s before the timeout")
	}
	test.Tap(r.k.shield) // the citizen touches the screen
	if r.k.shield.Visible() {
		t.Fatal("the countdown stays after a touch")
	}
	r.clock.Advance(DefaultIdleTimeout - 20*time.Second)
	r.k.Tick()
	r.tapKeys("L") // a pinyin key counts as a touch
	r.clock.Advance(30 * time.Second)
	r.k.Tick()
	r.mustBeOn("form")
	if got := r.entry("经办人姓名").Text; got != "王" {
		t.Errorf("the name is %q after the countdown was cancelled", got)
	}
	if r.k.shield.Visible() {
		t.Error("a countdown shows 30 s after the last key")
	}
}

// The start screen has nothing to clear and never counts down.
func TestAttractScreenDoesNotCountDown(t *testing.T) {
	r := newRig(t, nil, nil)
	r.clock.Advance(time.Hour)
	r.k.Tick()
	if r.k.shield.Visible() {
		t.Error("the start screen counts down")
	}
	r.mustBeOn("attract")
}

// A half-filled form survives a crash: a new kiosk on the same store
// reopens it, in the citizen's language, on the page they were on.
func TestDraftRecovery(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.typePinyin("zhao", '赵')
	r.focus("身份证号码")
	r.tapKeys("1101051949")
	r.tap(tNextPage.ZH)
	r.mustShow("变更事项") // the last field's page
	r.k.Close()        // the process dies here

	r.clock.Advance(30 * time.Second)
	r2 := newRig(t, r.store, r.clock)
	r2.mustBeOn("form")
	r2.mustShow(tDraftRestored.ZH, "变更事项") // back on page 2
	r2.tap(tPrevPage.ZH)
	if got := r2.entry("经办人姓名").Text; got != "赵" {
		t.Errorf("restored name %q, want 赵", got)
	}
	if got := r2.entry("身份证号码").Text; got != "1101051949" {
		t.Errorf("restored ID number %q", got)
	}
	// A window that learns only now that it is portrait draws the form
	// again, the notice with it.
	r2.w.Resize(fyne.NewSize(1080, 1920))
	r2.mustShow(tDraftRestored.ZH)
	r2.tap(tCancel.ZH)
	if _, ok := r2.draft(); ok {
		t.Error("the draft survived Cancel")
	}
}

// A draft older than the idle timeout belongs to somebody who has gone.
func TestStaleDraftIsDropped(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.typePinyin("zhao", '赵')
	r.k.Close()

	r.clock.Advance(DefaultIdleTimeout + time.Second)
	r2 := newRig(t, r.store, r.clock)
	r2.mustBeOn("attract")
	if _, ok := r2.draft(); ok {
		t.Error("a stale draft was kept")
	}
}
