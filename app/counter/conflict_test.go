package counter

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"tongban/app/cases"
	"tongban/app/ui/uitest"
)

// Two counters act on one case while offline: this one accepts it, the
// other refuses it. Once this store imports the other's events the case
// shows both branches side by side; keeping the refusal resolves it, and
// the status follows the kept branch.
func TestConflictShowsBothBranchesAndKeepingOneResolvesIt(t *testing.T) {
	z, c, r := scannedCase(t)
	refused := newOtherCounter(t, z, c).act(cases.KindRefused, cases.Refusal{Reasons: []string{"不属于本中心职权范围"}})
	r.key(keyAccept)
	r.typeText("")
	r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	r.mustShow("已保存") // the green word of the acceptance

	z.clock.Advance(time.Hour) // the counters meet again through sync
	r.mergeFrom(refused)       // as sync and the ticker do every few seconds
	if got := r.c.bench.cur; got.Status != cases.StatusConflict || len(got.Branches) != 2 {
		t.Fatalf("after the merge: status %s with %d branches", got.Status, len(got.Branches))
	}
	r.mustShow(conflictHead(r.c.bench.cur), "两台设备对此案件作了不同处理。请核对这两个分支", "Check the two branches", "分支 1 Branch 1", "分支 2 Branch 2", "受理 Accepted  王芳（S001）",
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
	r.mustShow("确认后保存，不能撤销", "不予受理，李强（S002）", tChosenMark.ZH)
	if r.events(c.ID) != before || r.stored(c.ID).Status != cases.StatusConflict {
		t.Fatal("Alt+n alone resolved the conflict")
	}
	r.key(fyne.KeyEscape)
	r.mustNotShow("确认后保存，不能撤销", tChosenMark.ZH)
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
	r.mustNotShow("两台设备对此案件作了不同处理")
	// The timeline keeps the acceptance, set aside, and says what was kept.
	r.mustShow("[已搁置 set aside]  03-03 09:30  受理 Accepted  王芳（S001） · 设备 Device K09",
		"保留 Kept 不予受理 Refused · 李强（S002）",
		"搁置 Set aside 受理 Accepted · 王芳（S001） · 设备 Device K09",
		"备注 Note: 电话核实，以拒绝为准")
	r.scanFocused()
}

// A case in conflict has no paper: the print key's button is gone, and
// F9 says why and prints nothing.
func TestNoPaperForACaseInConflict(t *testing.T) {
	z, c, r := scannedCase(t)
	refused := newOtherCounter(t, z, c).act(cases.KindRefused, cases.Refusal{Reasons: []string{"不属于本中心职权范围"}})
	r.key(keyAccept)
	r.typeText("")
	r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	r.mergeFrom(refused)
	r.mustShow("两台设备对此案件作了不同处理")
	for _, doc := range []string{cases.DocReceipt, cases.DocRefusal, cases.DocSupplement} {
		if r.hasButton(both(printLabel(doc))) {
			t.Errorf("a case in conflict offers %q", both(printLabel(doc)))
		}
	}
	printed := len(r.printed)
	r.key(keyReceipt)
	r.mustShow(tNoPaperInConflict.ZH)
	if len(r.printed) != printed {
		t.Fatalf("F9 printed %d documents for a case in conflict", len(r.printed)-printed)
	}
	r.scanFocused()
}

// mergeFrom brings another store's events of a case into the rig's, as
// sync would, and shows them as the ticker does.
func (r *rig) mergeFrom(other *cases.Case) {
	r.t.Helper()
	if _, err := r.st.Import(other.Events, false); err != nil {
		r.t.Fatal(err)
	}
	r.c.bench.refreshCase()
}

// keepButtonsWhole fails unless every button of the conflict's branches
// has at least the height it asks for, and, while a branch is being kept,
// the confirmation's Confirm is in sight.
func (r *rig) keepButtonsWhole(when string) {
	r.t.Helper()
	view := r.c.bench.conflict
	if view == nil {
		r.t.Fatalf("%s: no conflict view on screen", when)
	}
	n := 0
	uitest.Visit(view, func(o fyne.CanvasObject) bool {
		b, ok := o.(*button)
		if !ok {
			return true
		}
		n++
		if h, want := b.Size().Height, b.MinSize().Height; h < want-0.5 {
			r.t.Errorf("%s: %q is %.0f high, less than the %.0f it needs", when, b.Text, h, want)
		}
		return true
	})
	if n == 0 {
		r.t.Fatalf("%s: the conflict view has no buttons", when)
	}
	if r.c.bench.panel == nil {
		return
	}
	// The confirmation is in sight, whole, and Confirm with it.
	var scroll *container.Scroll
	uitest.Visit(r.c.bench.body, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*container.Scroll); ok && s.Content == view {
			scroll = s
		}
		return scroll == nil
	})
	confirm := uitest.Find(view, func(b *button) bool { return strings.HasPrefix(b.Text, both(tConfirm)) })
	if scroll == nil || confirm == nil {
		r.t.Fatalf("%s: no scroll of the branches (%v) or no Confirm (%v)", when, scroll != nil, confirm != nil)
	}
	at, _ := uitest.Position(view, confirm)
	top, bottom := scroll.Offset.Y, scroll.Offset.Y+scroll.Size().Height
	if at.Y < top || at.Y+confirm.Size().Height > bottom+0.5 {
		r.t.Errorf("%s: Confirm is at %.0f–%.0f of the branches, out of the %.0f–%.0f in sight", when, at.Y, at.Y+confirm.Size().Height, top, bottom)
	}
}

// The audit: this counter keeps the acceptance, the other the refusal,
// before they sync. Once they have, neither has silently won: the case is
// in conflict between the two resolutions, each of which names what it
// kept; keeping one settles it, and the timeline says what each kept and
// set aside. At 1280×720 the keep buttons stay whole with the confirm
// panel open.
func TestResolutionsThatDisagreeAreAConflictAgain(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	r := newRig(t, z, nil)
	r.w.Resize(fyne.NewSize(1280, 720))
	other := newOtherCounter(t, z, c)
	refused := other.act(cases.KindRefused, cases.Refusal{Reasons: []string{"不属于本中心职权范围"}})
	r.signIn("S001", "2468")
	r.scanCase(c)
	r.key(keyAccept)
	r.typeText("")
	accepted := r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	r.mergeFrom(refused)
	other.take(accepted)

	// Each counter resolves the conflict its own way.
	refusal := refused.Events[len(refused.Events)-1]
	theirs := other.act(cases.KindResolved, cases.Resolution{Chosen: refusal.ID})
	if theirs.Status != cases.StatusRefused {
		t.Fatalf("the other counter keeps the refusal: %v", theirs)
	}
	i := slices.IndexFunc(r.c.bench.cur.Branches, func(b []cases.Event) bool { return b[0].Kind == cases.KindAccepted })
	r.keepButtonsWhole("the first conflict")
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyName(rune('1'+i)))
	r.keepButtonsWhole("the first conflict, keeping a branch")
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	mine := r.mustBe(c.ID, cases.StatusAccepted, cases.KindResolved)

	z.clock.Advance(time.Hour)
	r.mergeFrom(theirs)
	got := r.c.bench.cur
	if got.Status != cases.StatusConflict || len(got.Branches) != 2 {
		t.Fatalf("after the other counter's resolution came: %s with %d branches, want a conflict", got.Status, len(got.Branches))
	}
	r.mustShow("两台设备核对此案件的冲突时保留了不同的分支。请核对这两次核对结果", "Check the two resolutions", "分支 1 Branch 1", "分支 2 Branch 2",
		"核对冲突 Conflict resolved  王芳（S001）", "核对冲突 Conflict resolved  李强（S002）",
		"保留 Kept 受理 Accepted · 王芳（S001）", "搁置 Set aside 不予受理 Refused · 李强（S002）",
		"保留 Kept 不予受理 Refused · 李强（S002）", "搁置 Set aside 受理 Accepted · 王芳（S001）")
	r.mustNotShow("对此案件作了不同处理")
	r.keepButtonsWhole("the conflict of resolutions")

	// Keeping the other counter's resolution: the case is refused.
	j := slices.IndexFunc(got.Branches, func(b []cases.Event) bool { return b[0].Staff == "S002" })
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyName(rune('1'+j)))
	r.mustShow("确认后保存，不能撤销", "核对冲突（保留不予受理）")
	r.keepButtonsWhole("the conflict of resolutions, keeping one")
	r.key(fyne.KeyReturn)
	final := r.stored(c.ID)
	if final.Status != cases.StatusRefused || len(final.Branches) != 0 {
		t.Fatalf("after keeping the other counter's resolution: %s, %d branches", final.Status, len(final.Branches))
	}
	if !final.SetAside(mine.Events[len(mine.Events)-1]) {
		t.Error("this counter's resolution, not kept, is not marked set aside")
	}
	r.mustShow("the case is now refused",
		"保留 Kept 核对冲突（保留不予受理） Conflict resolved (kept: Refused) · 李强（S002）",
		"搁置 Set aside 核对冲突（保留受理） Conflict resolved (kept: Accepted) · 王芳（S001）")
	r.mustNotShow("保留了不同的分支")
}
