package kiosk

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// A tap between two keypad keys of a citizen correcting a field: the
// audit's gap, inside settleTime.
const keyGap = 300 * time.Millisecond

// The audit's lost keys: a note under the ID number comes or goes as
// the citizen types, and the next key, tapped keyGap later, is typed.
// The keypad did not move, so nothing under the finger changed. In
// Chinese and in English with large text, on both kiosk screens.
func TestKeysRightAfterANoteAreTyped(t *testing.T) {
	for _, mode := range []struct {
		lang  cases.Lang
		elder bool
	}{{cases.ZH, false}, {cases.EN, true}} {
		for _, size := range screenSizes {
			r := newRig(t, nil, nil)
			r.w.Resize(size)
			r.k.lang = mode.lang
			if mode.elder {
				r.k.switchElder()
			}
			r.k.show(&form{app: newApplication(r.item("130102-SCJG-003")), back: &categories{}})
			r.settle()
			id := r.focus(cases.Text{ZH: "身份证号码", EN: "ID card number"}.In(mode.lang))
			r.tapKeys("11010519491231002") // 17 of 18: no note yet
			r.settle()
			note := r.k.cur.(*form).rows["id_number"].problem
			keys := uitest.Find(r.root(), func(*ui.Keypad) bool { return true })
			at := r.position(keys)
			del := tBackspace.In(mode.lang)

			r.tapKey("1") // a wrong check character: the note comes
			if !note.Visible() {
				t.Fatalf("%v %v: no note under the wrong ID number %q", mode, size, id.Text)
			}
			r.clock.Advance(keyGap)
			r.tapKey(del) // the note goes
			if id.Text != "11010519491231002" || note.Visible() {
				t.Fatalf("%v %v: Delete %v after the note came left %q, note shown %v", mode, size, keyGap, id.Text, note.Visible())
			}
			r.clock.Advance(keyGap)
			r.tapKey("X")
			if id.Text != "11010519491231002X" {
				t.Errorf("%v %v: X %v after the note went left %q", mode, size, keyGap, id.Text)
			}
			if r.position(keys) != at {
				t.Errorf("%v %v: the keypad moved from %v to %v", mode, size, at, r.position(keys))
			}
		}
	}
}

// What did move stays guarded: a tap on the field below, aimed before
// the note under the ID number pushed it down, is ignored until the
// form has settled, then selects it.
func TestFieldsMovedByANoteWait(t *testing.T) {
	r := newRig(t, nil, nil)
	r.k.show(&form{app: newApplication(r.item("130102-SCJG-003")), back: &categories{}})
	r.settle()
	r.focus("身份证号码")
	r.tapKeys("11010519491231002")
	r.settle()
	f := r.k.cur.(*form)
	r.tapKey("1") // the note comes and pushes the phone down
	label := uitest.Find(r.root(), func(l *ui.Text) bool { return l.Text == "手机号码（必填）" })
	r.clock.Advance(keyGap)
	r.k.Tick()
	at := r.tapCentre(label)
	if f.active != "id_number" {
		t.Fatalf("a tap on a field %v after the note came selected %q", keyGap, f.active)
	}
	if r.k.guard.Armed() || !f.moved.Armed() {
		t.Errorf("the whole screen held %v, the fields %v; want the fields only", r.k.guard.Armed(), f.moved.Armed())
	}
	r.settle()
	test.TapCanvas(r.w.Canvas(), at)
	if f.active != "phone" {
		t.Errorf("a tap on the phone once settled selected %q", f.active)
	}
}

// After a review, the count of errors over the fields does not move the
// keypad when the last error goes (it says all is fixed instead), so
// the key after Clear is typed: the audit lost the first 1 of 18.
func TestCountGoingMovesNoKey(t *testing.T) {
	r := newRig(t, nil, nil)
	a := validApplication(t, r)
	a.set("id_number", "110105194912310021") // the one error
	r.k.show(&form{app: a, back: &categories{}})
	r.settle()
	r.tap(tReview.ZH)
	r.mustBeOn("form")
	r.mustShow(tFixOneError.ZH)
	r.settle()
	r.focus("身份证号码")
	keys := uitest.Find(r.root(), func(*ui.Keypad) bool { return true })
	at := r.position(keys)
	r.tapKey(tClear.ZH)
	r.mustNotShow(tFixOneError.ZH)
	r.mustShow(tAllFixed.ZH)
	r.clock.Advance(keyGap)
	r.tapKey("1")
	if got := r.entry("身份证号码").Text; got != "1" {
		t.Errorf("the first key %v after Clear left %q", keyGap, got)
	}
	if r.position(keys) != at {
		t.Errorf("the keypad moved from %v to %v as the count went", at, r.position(keys))
	}
}

// tapKey taps the keypad key labelled s through the window, where the
// tap guards are, as a finger does.
func (r *rig) tapKey(s string) {
	r.t.Helper()
	keys := uitest.Find(r.root(), func(*ui.Keypad) bool { return true })
	if keys == nil {
		r.t.Fatalf("no keypad; the screen shows %q", texts(r.root()))
	}
	b := uitest.Find(fyne.CanvasObject(keys), func(b *widget.Button) bool { return b.Text == s })
	if b == nil {
		r.t.Fatalf("no key %q on the keypad", s)
	}
	r.tapCentre(b)
}

// item returns the sample catalog's item of this code.
func (r *rig) item(code string) *catalog.Item {
	r.t.Helper()
	it, ok := r.deps.Catalog.Item(code)
	if !ok {
		r.t.Fatalf("no %s in the sample catalog", code)
	}
	return it
}
