package kiosk

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"tongban/app/ui/uitest"
)

// The audit's swallowed tap: on the phone field the citizen types
// 12345678901, a note comes under it, and 280 ms later taps the ID
// number, which sits above the note and did not move. The tap selects
// the ID number at once, and the 15 digits typed next are typed there.
// On both kiosk screens, tapping the field's box and its label.
func TestTapAboveANoteActsAtOnce(t *testing.T) {
	const gap = 280 * time.Millisecond
	for _, size := range screenSizes {
		for _, on := range []string{"entry", "label"} {
			r := newRig(t, nil, nil)
			r.w.Resize(size)
			r.k.show(&form{app: newApplication(r.item("130102-SCJG-003")), back: &categories{}})
			r.settle()
			f := r.k.cur.(*form)
			phone := r.focus("手机号码")
			for _, c := range "12345678901" {
				r.tapKey(string(c))
				r.clock.Advance(keyGap)
			}
			if !f.rows["phone"].problem.Visible() {
				t.Fatalf("%v: no note under the wrong phone number %q", size, phone.Text)
			}
			r.clock.Advance(gap - keyGap)
			r.k.Tick()

			id := r.entry("身份证号码")
			var target fyne.CanvasObject = id
			if on == "label" {
				target = f.rows["id_number"].label
			}
			r.press(target)
			if f.active != "id_number" || r.w.Canvas().Focused() != id {
				t.Errorf("%v: a tap on the ID number's %s %v after the note came left %q active, focus on the ID number %v",
					size, on, gap, f.active, r.w.Canvas().Focused() == id)
				continue
			}
			const digits = "110105194912310"
			for _, c := range digits {
				r.clock.Advance(keyGap)
				r.tapKey(string(c))
			}
			if id.Text != digits || phone.Text != "12345678901" {
				t.Errorf("%v: after a tap on the ID number's %s, 15 digits left the ID number %q and the phone %q",
					size, on, id.Text, phone.Text)
			}
		}
	}
}

// What moved is still held: a tap on the phone's own note, or on the
// field under it, right after the note came is ignored.
func TestTapBelowANoteWaits(t *testing.T) {
	for _, size := range screenSizes {
		r := newRig(t, nil, nil)
		r.w.Resize(size)
		r.k.show(&form{app: newApplication(r.item("130102-SCJG-003")), back: &categories{}})
		r.settle()
		f := r.k.cur.(*form)
		r.focus("手机号码")
		r.tapKeys("12345678901")
		note := f.rows["phone"].problem
		if !note.Visible() {
			t.Fatalf("%v: no note under the wrong phone number", size)
		}
		r.clock.Advance(keyGap)
		r.k.Tick()
		below := f.rows["company"].label
		if !r.onPage(below) {
			t.Fatalf("%v: the company name is not on the page", size)
		}
		{
			r.press(below)
			if f.active != "phone" {
				t.Errorf("%v: a tap on the field under the note %v after it came selected %q", size, keyGap, f.active)
			}
		}
		r.press(note)
		if f.active != "phone" || !f.moved.Armed() || r.k.guard.Armed() {
			t.Errorf("%v: after a tap on the new note %q is active, the moved rows held %v, the screen %v; want phone, true, false",
				size, f.active, f.moved.Armed(), r.k.guard.Armed())
		}
	}
}

// onPage reports whether o is on the form's page shown.
func (r *rig) onPage(o fyne.CanvasObject) bool {
	_, ok := uitest.Position(r.root(), o)
	return ok
}

// press puts a finger on o's middle as the desktop driver delivers it:
// the topmost object there that takes taps or mouse presses gets it, a
// mouse press first (an entry takes the focus on it), then the tap.
func (r *rig) press(o fyne.CanvasObject) {
	r.t.Helper()
	at := r.position(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	var top fyne.CanvasObject
	var topAt fyne.Position
	var walk func(o fyne.CanvasObject, origin fyne.Position)
	walk = func(o fyne.CanvasObject, origin fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		p, s := origin.Add(o.Position()), o.Size()
		if at.X < p.X || at.Y < p.Y || at.X >= p.X+s.Width || at.Y >= p.Y+s.Height {
			return
		}
		switch o.(type) {
		case fyne.Tappable, desktop.Mouseable:
			top, topAt = o, p
		}
		for _, c := range uitest.Children(o) {
			walk(c, p)
		}
	}
	walk(r.root(), fyne.Position{})
	if top == nil {
		r.t.Fatalf("nothing takes a tap at %v", at)
	}
	local := at.Subtract(topAt)
	if m, ok := top.(desktop.Mouseable); ok {
		ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
		ev.Position, ev.AbsolutePosition = local, at
		m.MouseDown(ev)
		m.MouseUp(ev)
	}
	if tp, ok := top.(fyne.Tappable); ok {
		tp.Tapped(&fyne.PointEvent{Position: local, AbsolutePosition: at})
	}
}
