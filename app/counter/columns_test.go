package counter

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/app/ui/uitest"
)

// company submits a 公司设立登记 case on a store (a kiosk): six materials,
// all declared, and six fields.
func (z *center) company(st *store.Store, name string) *cases.Case {
	z.t.Helper()
	values := map[string]string{"name": name, "id_number": "11010519491231002X", "phone": "13800138000",
		"company": "石家庄华新科技有限公司", "capital": "100", "address": "石家庄市长安区中山东路 1 号"}
	return z.submitItem(st, "130102-SCJG-001", values, []int{0, 1, 2, 3, 4, 5})
}

// companyCase is a counter at 1366×768 with the 公司设立登记 case scanned.
func companyCase(t *testing.T) (*cases.Case, *rig) {
	t.Helper()
	z := newCenter(t)
	c := z.company(z.store("kiosk"), "张三")
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	r.scanCase(c)
	if len(r.c.bench.checks) != 6 {
		t.Fatalf("the checklist has %d tick boxes, want the item's 6", len(r.c.bench.checks))
	}
	return c, r
}

// wholeInSight reports whether all of o is in sight: within the window
// and within every scroll it is under, as they are scrolled now.
func (r *rig) wholeInSight(o fyne.CanvasObject) bool {
	r.t.Helper()
	p, ok := uitest.Position(r.root(), o)
	if !ok {
		r.t.Fatalf("%T is not on screen", o)
	}
	h := o.Size().Height
	if h <= 0 || p.Y < -0.5 || p.Y+h > r.w.Canvas().Size().Height+0.5 {
		return false
	}
	in := true
	uitest.Visit(r.root(), func(x fyne.CanvasObject) bool {
		if s, ok := x.(*container.Scroll); ok {
			if q, ok := uitest.Position(s, o); ok && (q.Y < -0.5 || q.Y+h > s.Size().Height+0.5) {
				in = false
			}
		}
		return true
	})
	return in
}

// focusTo moves the keyboard with Tab (next) or Shift+Tab until the
// target has it, as the desktop driver does.
func (r *rig) focusTo(target fyne.Focusable, next bool) {
	r.t.Helper()
	for range 60 {
		if r.focused() == target {
			return
		}
		if next {
			r.w.Canvas().FocusNext()
		} else {
			r.w.Canvas().FocusPrevious()
		}
	}
	r.t.Fatalf("Tab never reached the tick box (%T has the keyboard)", r.focused())
}

// The audit, at 1366×768 on 公司设立登记 with the accept panel open: only
// materials 1–3 were in sight; Tab put the keyboard on tick box 6 and the
// column stayed where it was. A tick box that takes the keyboard, by Tab,
// Shift+Tab or Alt+number, brings its row into sight.
func TestTickBoxComesIntoSight(t *testing.T) {
	_, r := companyCase(t)
	r.key(keyAccept)
	rows := r.c.bench.materials
	if r.wholeInSight(rows[5].view) {
		t.Fatal("material 6 is in sight with the accept panel open: the test shows nothing")
	}
	r.focusTo(r.c.bench.checks[5], true)
	if !r.wholeInSight(rows[5].view) {
		t.Fatalf("Tab put the keyboard on tick box 6 out of sight (the column is scrolled %v)", r.c.bench.columns.materials.Offset)
	}
	r.focusTo(r.c.bench.checks[0], false)
	if !r.wholeInSight(rows[0].view) {
		t.Fatal("Shift+Tab put the keyboard on tick box 1 out of sight")
	}
	r.shortcut(fyne.KeyModifierAlt, fyne.Key6)
	if r.c.bench.ticked[5] || !r.wholeInSight(rows[5].view) {
		t.Fatalf("Alt+6 did not untick material 6 in sight (ticked %v)", r.c.bench.ticked[5])
	}
	if r.c.bench.panel == nil || r.c.bench.panel.kind != cases.KindAccepted {
		t.Fatal("the accept panel closed")
	}
}

// Each column pages by its own key, shown beside its heading, from a
// panel's note and from a tick box alike: Alt+PgDn/PgUp the materials,
// Ctrl+PgDn/PgUp the applicant and the application; PgUp/PgDn stay the
// timeline's.
func TestColumnsPageByKeyboard(t *testing.T) {
	_, r := companyCase(t)
	r.mustShow(withKey(tMaterials, "Alt+PgUp/PgDn"), withKey(tApplicant, "Ctrl+PgUp/PgDn"), withKey(tTimeline, "PgUp/PgDn"))
	r.key(keyRefuse) // the case has least room with a panel under it
	first, last := r.c.bench.materials[0].view, r.c.bench.materials[5].view
	who := r.c.bench.columns.who.Content.(*fyne.Container).Objects
	address := who[len(who)-1]
	for _, where := range []struct {
		name  string
		focus func()
	}{
		{"the refusal's reasons", func() { r.w.Canvas().Focus(r.c.bench.panel.focus) }},
		{"tick box 1", func() { r.w.Canvas().Focus(r.c.bench.checks[0]) }},
	} {
		where.focus()
		focused := r.focused()
		for _, col := range []struct {
			name      string
			mod       fyne.KeyModifier
			top, tail fyne.CanvasObject
		}{
			{"the materials", fyne.KeyModifierAlt, first, last},
			{"the application", fyne.KeyModifierShortcutDefault, who[0], address},
		} {
			if r.wholeInSight(col.tail) {
				t.Fatalf("from %s: the end of %s is in sight before paging: the test shows nothing", where.name, col.name)
			}
			for i := 0; i < 10 && !r.wholeInSight(col.tail); i++ {
				r.shortcut(col.mod, fyne.KeyPageDown)
			}
			if !r.wholeInSight(col.tail) {
				t.Fatalf("from %s: paging down does not reach the end of %s", where.name, col.name)
			}
			for i := 0; i < 10 && !r.wholeInSight(col.top); i++ {
				r.shortcut(col.mod, fyne.KeyPageUp)
			}
			if !r.wholeInSight(col.top) {
				t.Fatalf("from %s: paging up does not come back to the top of %s", where.name, col.name)
			}
		}
		if r.focused() != focused {
			t.Fatalf("from %s: paging moved the keyboard to %T", where.name, r.focused())
		}
	}
	if r.c.bench.panel == nil || r.c.bench.panel.kind != cases.KindRefused {
		t.Fatal("paging closed the refusal panel")
	}
}
