package counter

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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
	r.mustShow("已保存") // the green word of the acceptance

	z.clock.Advance(time.Hour) // the counters meet again through sync
	if _, err := r.st.Import(refused.Events, false); err != nil {
		t.Fatal(err)
	}
	r.c.bench.refreshCase() // as the ticker does every few seconds
	if got := r.c.bench.cur; got.Status != cases.StatusConflict || len(got.Branches) != 2 {
		t.Fatalf("after the merge: status %s with %d branches", got.Status, len(got.Branches))
	}
	r.mustShow(tConflictHead.ZH, "分支 1 Branch 1", "分支 2 Branch 2", "受理 Accepted  王芳（S001）",
		"不予受理 Refused  李强（S002）", "理由 Reasons: 不属于本中心职权范围", "待核对")
	r.mustNotShow("已保存") // the acceptance's "saved" no longer stands over the conflict
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

	// Alt+n chooses a branch and asks; Esc cancels, and nothing is saved.
	refusal := slices.IndexFunc(r.c.bench.cur.Branches, func(b []cases.Event) bool { return b[0].Kind == cases.KindRefused })
	altN := fyne.KeyName(rune('1' + refusal))
	r.shortcut(fyne.KeyModifierAlt, altN)
	r.mustShow(tKeepTitle.ZH, "不予受理，李强（S002）", tChosenMark.ZH)
	if r.events(c.ID) != before || r.stored(c.ID).Status != cases.StatusConflict {
		t.Fatal("Alt+n alone resolved the conflict")
	}
	r.key(fyne.KeyEscape)
	r.mustNotShow(tKeepTitle.ZH, tChosenMark.ZH)
	if r.events(c.ID) != before {
		t.Fatal("cancelling the choice saved something")
	}

	// Alt+n, a note, then Ctrl+Enter keeps it.
	r.shortcut(fyne.KeyModifierAlt, altN)
	test.Type(r.focused(), "电话核实，以拒绝为准")
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	got := r.stored(c.ID)
	if got.Status != cases.StatusRefused || len(got.Branches) != 0 || len(got.Discarded) != 1 {
		t.Fatalf("after keeping the refusal: status %s, %d branches, %d discarded", got.Status, len(got.Branches), len(got.Discarded))
	}
	last := got.Events[len(got.Events)-1]
	var res cases.Resolution
	if last.Kind != cases.KindResolved || last.Staff != "S001" || last.Decode(&res) != nil || res.Note != "电话核实，以拒绝为准" {
		t.Fatalf("the last event is %s by %q (%+v), want the resolution by S001 with the note", last.Kind, last.Staff, res)
	}
	r.mustShow("已保留分支", "the case is now refused")
	r.mustNotShow(tConflictHead.ZH)
	// The timeline keeps the acceptance, set aside, and says what was kept.
	r.mustShow("[已搁置 set aside]  03-03 09:30  受理 Accepted  王芳（S001） · 设备 Device K09",
		"保留 Kept 不予受理 Refused · 李强（S002）",
		"搁置 Set aside 受理 Accepted · 王芳（S001） · 设备 Device K09",
		"备注 Note: 电话核实，以拒绝为准")
	r.scanFocused()
}
