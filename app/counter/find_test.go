package counter

import (
	"strings"
	"testing"
	"time"
	"tongban/app/ui/uitest"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
)

// Ctrl+F finds cases by name, phone, ID tail or number; overdue cases come
// first and are marked; the status filter narrows; Alt+n opens the n-th;
// Esc goes back to the list.
func TestFindCases(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	old := z.submit(kiosk, "张三")
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	r.scanCase(old)
	r.key(keyAccept)
	r.typeText("")
	z.clock.Advance(7 * 24 * time.Hour) // a week later the one-day promise is long past
	recent := z.submit(kiosk, "张四")
	r.scanCase(recent)

	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyF)
	if r.focused() != r.c.bench.find.search {
		t.Fatalf("Ctrl+F did not put the keyboard in the search box (%T has it)", r.focused())
	}
	r.typeText("张")
	res := r.c.bench.find.results
	if len(res) != 2 || res[0].ID != old.ID {
		t.Fatalf("results %v, want the overdue %s first", numbers(res), old.Number)
	}
	r.mustShow("Alt+1  "+old.Number+"  张三", "逾期 overdue", "Alt+2  "+recent.Number+"  张四")

	for _, q := range []string{"13800138000", "002X", old.Number} {
		r.c.bench.find.search.SetText("")
		r.c.win.Canvas().Focus(r.c.bench.find.search)
		r.typeText(q)
		if got := numbers(r.c.bench.find.results); !strings.Contains(got, old.Number) {
			t.Fatalf("searching %q finds %s", q, got)
		}
	}

	r.c.bench.find.search.SetText("")
	r.c.win.Canvas().Focus(r.c.bench.find.search)
	r.typeText("张")
	filter := uitest.Find(r.root(), func(*choice) bool { return true })
	filter.SetSelected(both(cases.StatusAccepted.Label()))
	if got := r.c.bench.find.results; len(got) != 1 || got[0].ID != old.ID {
		t.Fatalf("the accepted filter lists %s", numbers(got))
	}
	r.shortcut(fyne.KeyModifierAlt, fyne.Key1)
	r.mustShow(old.Number, "已逾期")
	r.key(fyne.KeyEscape)
	if r.c.bench.cur != nil || !r.shows("Alt+1  "+old.Number) {
		t.Fatal("Esc did not go back to the list")
	}
	r.scanFocused()
}

func numbers(cs []*cases.Case) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Number)
	}
	return strings.Join(out, ", ")
}
