package counter

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/ui/uitest"
)

// listShows fails unless the case's checklist shows material i (0-based)
// as there (ticked) or not, and its line says whether the open notice
// asks for it.
func (r *rig) listShows(i int, there, asked bool) {
	r.t.Helper()
	row := r.c.bench.materials[i]
	var got bool
	switch {
	case row.box != nil:
		got = row.box.Checked
	case row.icon != nil:
		got = row.icon.Resource == theme.CheckButtonCheckedIcon()
	}
	if got != there {
		r.t.Errorf("material %d is shown ticked = %v on the checklist, want %v", i+1, got, there)
	}
	line := row.about.Text
	if strings.Contains(line, tToAskMark.ZH) != asked {
		r.t.Errorf("the line of material %d reads %q: marked to be asked for = %v, want %v", i+1, line, !asked, asked)
	}
	if asked && strings.Contains(line, tReceivedMark.ZH) {
		r.t.Errorf("the line of material %d says it is received and to be asked for: %q", i+1, line)
	}
}

// The audit: the notice of missing materials (F3) ticked 2 and 4 as
// missing while the checklist beside it went on showing them there. The
// checklist now shows the notice's choice while it is open, and as it was
// once it is cancelled; a material ticked on the list is there after all,
// and the notice no longer asks for it.
func TestChecklistFollowsTheNoticeBeforeAcceptance(t *testing.T) {
	_, c, r := scannedCase(t)
	for _, i := range []int{0, 1, 3} { // what the applicant declared
		r.listShows(i, true, false)
	}
	r.key(keySupplement)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key2)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key4)
	r.listShows(0, true, false)
	r.listShows(1, false, true)
	r.listShows(3, false, true)

	r.key(fyne.KeyEscape) // cancel: the list as it was
	if r.c.bench.panel != nil {
		t.Fatal("Esc did not close the notice")
	}
	for _, i := range []int{0, 1, 3} {
		r.listShows(i, true, false)
	}
	if got := r.c.bench.tickedList(); !slices.Equal(got, []int{0, 1, 3}) {
		t.Fatalf("after the cancelled notice the ticks are %v, want 0, 1, 3", got)
	}

	r.key(keySupplement)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key2)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key4)
	r.w.Canvas().Focus(r.c.bench.checks[1]) // Tab to the list: material 2 is there after all
	test.Type(r.focused(), " ")
	r.listShows(1, true, false)
	if r.c.bench.panel.toggles[1].Checked {
		t.Fatal("material 2, ticked on the list, is still asked for in the notice")
	}
	r.listShows(3, false, true)
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	got := r.stored(c.ID)
	if got.Status != cases.StatusSupplement || !slices.Equal(got.Missing, []int{3}) || !slices.Equal(got.Received, []int{0, 1}) {
		t.Fatalf("saved: status %s, missing %v, received %v; want the licence (3) asked for, 0 and 1 received", got.Status, got.Missing, got.Received)
	}
}

// One notice asks for every missing material: a required material
// neither ticked as received nor asked for stops the notice with its
// name, and nothing is saved, so a case is never accepted without it.
func TestNoticeLeavesNoRequiredMaterialOut(t *testing.T) {
	_, c, r := scannedCase(t)
	before := r.events(c.ID)
	r.key(keyComplete) // not allowed: its error goes when the next panel opens
	r.mustShow("The case is submitted, so “Complete” is not possible")
	r.key(keySupplement)
	if r.shows("The case is submitted, so “Complete” is not possible") {
		t.Fatal("the error about Complete stays on screen under the notice's panel")
	}
	r.shortcut(fyne.KeyModifierAlt, fyne.Key4) // the licence is asked for
	r.w.Canvas().Focus(r.c.bench.checks[0])    // the form was not brought after all
	test.Type(r.focused(), " ")
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	r.mustShow("告知单漏了必需材料 1. ", "one notice asks for every missing material")
	if n := r.events(c.ID); n != before || r.c.bench.panel == nil {
		t.Fatalf("a notice leaving out material 1: %d events (had %d), panel open %v; want nothing saved, the panel open", n, before, r.c.bench.panel != nil)
	}
	r.shortcut(fyne.KeyModifierAlt, fyne.Key1) // asked for too
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	if got := r.stored(c.ID); got.Status != cases.StatusSupplement || !slices.Equal(got.Missing, []int{0, 3}) {
		t.Fatalf("saved: status %s, missing %v; want 1 and 4 asked for", got.Status, got.Missing)
	}
}

// After acceptance the checklist marks what came in: asking for two of
// those again takes their marks off while the notice is open, and puts
// them back when it is cancelled.
func TestChecklistFollowsTheNoticeAfterAcceptance(t *testing.T) {
	_, c, r := scannedCase(t)
	r.key(keyAccept)
	r.typeText("")
	if got := r.stored(c.ID); got.Status != cases.StatusAccepted || !slices.Equal(got.Received, []int{0, 1, 3}) {
		t.Fatalf("accepted: status %s, received %v", got.Status, got.Received)
	}
	r.key(keySupplement)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key2)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key4)
	r.listShows(0, true, false)
	r.listShows(1, false, true)
	r.listShows(3, false, true)
	r.mustShow(tToAskMark.ZH)

	r.key(fyne.KeyEscape)
	for _, i := range []int{0, 1, 3} {
		r.listShows(i, true, false)
	}
	r.mustNotShow(tToAskMark.ZH)
	if got := r.stored(c.ID); !slices.Equal(got.Received, []int{0, 1, 3}) || got.Status != cases.StatusAccepted {
		t.Fatalf("the cancelled notice changed the case: status %s, received %v", got.Status, got.Received)
	}
}

// listSays fails unless the checklist shows material i (0-based) ticked
// or not, its line naming want and not wantNot.
func (r *rig) listSays(i int, ticked bool, want, wantNot cases.Text) {
	r.t.Helper()
	row := r.c.bench.materials[i]
	if row.icon == nil {
		r.t.Fatalf("material %d has a tick box: the case is not past acceptance", i+1)
	}
	if got := row.icon.Resource == theme.CheckButtonCheckedIcon(); got != ticked {
		r.t.Errorf("material %d is shown ticked = %v on the checklist, want %v", i+1, got, ticked)
	}
	line := row.about.Text
	if !strings.Contains(line, want.ZH) || !strings.Contains(line, want.EN) {
		r.t.Errorf("the line of material %d reads %q, without %q", i+1, line, want.Both())
	}
	if strings.Contains(line, wantNot.ZH) {
		r.t.Errorf("the line of material %d reads %q, with %q", i+1, line, wantNot.ZH)
	}
}

// The audit: Materials received (F3 on a case awaiting materials) came
// with the material asked for ticked, while the checklist above went on
// showing it unticked and missing, and Alt+2 changed the panel only. The
// checklist now shows the panel's ticks as they change, and as it was once
// the panel is cancelled. With what is still missing and the Alt+R hint,
// the panel's message is whole and in sight, not under the action bar.
func TestChecklistFollowsTheReceivedPanel(t *testing.T) {
	_, c, r := scannedCase(t)
	r.key(keySupplement)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key2) // ask for material 2
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	if got := r.stored(c.ID); got.Status != cases.StatusSupplement || !slices.Equal(got.Missing, []int{1}) {
		t.Fatalf("asked for: status %s, missing %v; want material 2 asked for", got.Status, got.Missing)
	}
	r.listSays(1, false, tMissingMark, tArrivingMark)

	r.key(keySupplement)
	if p := r.c.bench.panel; p == nil || p.kind != cases.KindSupplementReceived || !p.toggles[1].Checked {
		t.Fatal("F3 did not open Materials received with material 2 ticked")
	}
	r.listSays(1, true, tArrivingMark, tMissingMark)
	r.listSays(0, true, tReceivedMark, tArrivingMark) // received before
	r.listSays(2, false, tOptional, tArrivingMark)    // neither asked for nor brought

	r.shortcut(fyne.KeyModifierAlt, fyne.Key2) // not come after all
	r.listSays(1, false, tMissingMark, tArrivingMark)
	summary := uitest.Find(r.c.bench.panel.view, func(l *widget.Label) bool {
		return strings.HasPrefix(l.Text, strings.SplitN(tSuppliedLeft.ZH, "%", 2)[0])
	})
	if summary == nil {
		t.Fatalf("the panel does not say what is still missing; the screen shows %q", r.screenTexts())
	}
	if !r.wholeInSight(summary) || summary.Size().Height < summary.MinSize().Height {
		t.Fatalf("the panel's message is cut: %v of the %v it needs, in sight %v", summary.Size(), summary.MinSize(), r.wholeInSight(summary))
	}
	if short := r.button(tShortfall.ZH); !r.wholeInSight(short) || short.Size().Width < short.MinSize().Width {
		t.Fatalf("Accept with shortfall (Alt+R) is %v, not whole in sight", short.Size())
	}

	r.shortcut(fyne.KeyModifierAlt, fyne.Key2)
	r.listSays(1, true, tArrivingMark, tMissingMark)
	r.key(fyne.KeyEscape) // cancel: the list as it was
	if r.c.bench.panel != nil {
		t.Fatal("Esc did not close the panel")
	}
	r.listSays(1, false, tMissingMark, tArrivingMark)
	r.mustNotShow(tArrivingMark.ZH)

	r.key(keySupplement)
	r.key(fyne.KeyReturn)
	if got := r.stored(c.ID); got.Status != cases.StatusAccepted || !slices.Contains(got.Received, 1) {
		t.Fatalf("recorded: status %s, received %v; want accepted with material 2", got.Status, got.Received)
	}
	r.listSays(1, true, tReceivedMark, tMissingMark)
}

// An error speaks of the step it refused: the clerk's next step — a tick
// on the list or in a panel, revealing the ID — takes it off the screen,
// so it never reads as that step's.
func TestAnErrorGoesWithTheNextStep(t *testing.T) {
	const refused = "The case is submitted, so “Complete” is not possible"
	_, _, r := scannedCase(t)
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"Alt+3 on the list", func() { r.shortcut(fyne.KeyModifierAlt, fyne.Key3) }},
		{"revealing the ID", func() { r.key(keyReveal) }},
		{"a tick in the notice's panel", func() {
			r.key(keySupplement)
			r.c.bench.fail(refused) // as if said while the panel is open
			r.shortcut(fyne.KeyModifierAlt, fyne.Key4)
		}},
	} {
		if r.c.bench.panel == nil {
			r.key(keyComplete)
		}
		r.mustShow(refused)
		step.do()
		if r.shows(refused) {
			t.Errorf("after %s the error about Complete is still on screen", step.name)
		}
	}
}
