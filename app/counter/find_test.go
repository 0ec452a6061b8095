package counter

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"tongban/app/cases"
	"tongban/app/ui/uitest"
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

// The desk list with no search is today's cases and every open case
// overdue or due today, whenever submitted: overdue first, then due today.
// A status lists that status on any day and says so; a search looks
// through every status and says so; the end of a number finds its case.
func TestDeskListPutsOverdueCasesFirst(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	accept := func(c *cases.Case) {
		t.Helper()
		r.scanCase(c)
		r.key(keyAccept)
		r.typeText("")
		r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	}
	late := z.submit(kiosk, "甲逾期") // Tuesday 3 March, a one-day promise
	accept(late)
	waiting := z.submit(kiosk, "乙未受理") // never accepted: no promise runs
	r.scanCase(waiting)
	z.clock.Advance(6 * 24 * time.Hour) // Monday 9 March
	due := z.submit(kiosk, "丙今日到期")
	accept(due)
	z.clock.Advance(24 * time.Hour) // Tuesday 10 March
	today := z.submit(kiosk, "丁今日")
	r.scanCase(today)
	r.key(fyne.KeyEscape)

	if got, want := numbers(r.c.bench.find.results), numbers([]*cases.Case{late, due, today}); got != want {
		t.Fatalf("the desk list is %s, want %s (overdue, due today, today's)", got, want)
	}
	r.mustShow(tToday.ZH, "Alt+1  "+late.Number+"  甲逾期", "[逾期 overdue]", "Alt+2  "+due.Number, "[今日到期 due today]",
		"Alt+3  "+today.Number)
	r.mustNotShow(waiting.Number)

	filter := uitest.Find(r.root(), func(*choice) bool { return true })
	longest := fyne.MeasureText(both(cases.StatusConflict.Label()), theme.TextSize(), fyne.TextStyle{}).Width
	if w := filter.Size().Width; w < longest {
		t.Errorf("the status filter is %.0f wide, less than its option %q (%.0f): it shows cut short", w, both(cases.StatusConflict.Label()), longest)
	}
	filter.SetSelected(both(cases.StatusAccepted.Label()))
	if got, want := numbers(r.c.bench.find.results), numbers([]*cases.Case{late, due}); got != want {
		t.Fatalf("the accepted filter lists %s, want %s", got, want)
	}
	r.mustShow("状态为“已受理”的案件，不限日期", "Accepted cases of any day")
	filter.SetSelected(both(cases.StatusSubmitted.Label()))
	if got, want := numbers(r.c.bench.find.results), numbers([]*cases.Case{today, waiting}); got != want {
		t.Fatalf("the submitted filter lists %s, want %s (any day, newest first)", got, want)
	}

	// A search with the filter on "Accepted" still finds a submitted case.
	filter.SetSelected(both(cases.StatusAccepted.Label()))
	r.c.win.Canvas().Focus(r.c.bench.find.search)
	r.typeText(today.Number)
	if got := numbers(r.c.bench.find.results); got != today.Number {
		t.Fatalf("searching %s with the accepted filter finds %q", today.Number, got)
	}
	r.mustShow(tResultsAll.ZH)

	// The end of a number: the device code and sequence, or the sequence.
	tail := strings.SplitN(waiting.Number, "-", 2)[1] // "X…-0002"
	for _, q := range []string{tail, strings.ToLower(tail), "0002"} {
		r.c.bench.find.search.SetText("")
		r.c.win.Canvas().Focus(r.c.bench.find.search)
		r.typeText(q)
		if got := numbers(r.c.bench.find.results); got != waiting.Number {
			t.Errorf("searching %q finds %q, want %s", q, got, waiting.Number)
		}
	}
}
