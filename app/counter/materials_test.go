package counter

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"tongban/app/cases"
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
