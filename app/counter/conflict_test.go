package counter

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
)

// Two counters act on one case while offline: this one accepts it, the
// other refuses it. Once this store imports the other's events the case
// shows both branches side by side; keeping the refusal resolves it, and
// the status follows the kept branch.
func TestConflictShowsBothBranchesAndKeepingOneResolvesIt(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	r := newRig(t, z, nil)
	other := z.store("counter")
	if _, err := other.Import(c.Events, true); err != nil {
		t.Fatal(err)
	}
	refused, err := other.Act(c.ID, cases.Action{Kind: cases.KindRefused, Staff: "S002",
		Payload: cases.Refusal{Reasons: []string{"不属于本中心职权范围"}}})
	if err != nil {
		t.Fatal(err)
	}

	r.signIn("S001", "2468")
	r.scanCase(c)
	r.key(keyAccept)
	r.typeText("")
	r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)

	z.clock.Advance(time.Hour) // the counters meet again through sync
	if _, err := r.st.Import(refused.Events, false); err != nil {
		t.Fatal(err)
	}
	r.scanCase(c)
	if got := r.c.bench.cur; got.Status != cases.StatusConflict || len(got.Branches) != 2 {
		t.Fatalf("after the merge: status %s with %d branches", got.Status, len(got.Branches))
	}
	r.mustShow(tConflictHead.ZH, "分支 1 Branch 1", "分支 2 Branch 2", "受理 Accepted  王芳（S001）",
		"不予受理 Refused  李强（S002）", "理由 Reasons 不属于本中心职权范围", "待核对")
	for _, k := range statusActions {
		if r.hasButton(actionButton(k)) {
			t.Fatalf("a case in conflict offers %q", actionButton(k))
		}
	}
	before := r.events(c.ID)
	r.key(keyComplete)
	r.mustShow(tConflictOnly.ZH)
	if r.events(c.ID) != before {
		t.Fatal("an action on a case in conflict was saved")
	}

	refusal := slices.IndexFunc(r.c.bench.cur.Branches, func(b []cases.Event) bool { return b[0].Kind == cases.KindRefused })
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyName(rune('1'+refusal)))
	got := r.stored(c.ID)
	if got.Status != cases.StatusRefused || len(got.Branches) != 0 || len(got.Discarded) != 1 {
		t.Fatalf("after keeping the refusal: status %s, %d branches, %d discarded", got.Status, len(got.Branches), len(got.Discarded))
	}
	last := got.Events[len(got.Events)-1]
	if last.Kind != cases.KindResolved || last.Staff != "S001" {
		t.Fatalf("the last event is %s by %q, want the resolution by S001", last.Kind, last.Staff)
	}
	r.mustShow("已保留分支", "the case is now refused")
	r.mustNotShow(tConflictHead.ZH)
	r.scanFocused()
}
