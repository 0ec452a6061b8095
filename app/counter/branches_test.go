package counter

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"tongban/app/cases"
	"tongban/app/ui/uitest"
)

// inSight fails unless o is wholly in sight: inside the window, and
// inside the part shown of every scroll it is in.
func (r *rig) inSight(what string, o fyne.CanvasObject) {
	r.t.Helper()
	var path []fyne.CanvasObject
	var find func(x fyne.CanvasObject) bool
	find = func(x fyne.CanvasObject) bool {
		if x == nil || !x.Visible() {
			return false
		}
		path = append(path, x)
		if x == o {
			return true
		}
		for _, k := range uitest.Children(x) {
			if find(k) {
				return true
			}
		}
		path = path[:len(path)-1]
		return false
	}
	if !find(r.root()) {
		r.t.Fatalf("%s is not on screen", what)
	}
	type rect struct{ x0, y0, x1, y1 float32 }
	var at fyne.Position
	var views []rect
	for _, x := range path {
		at = at.Add(x.Position())
		if s, ok := x.(*container.Scroll); ok {
			views = append(views, rect{at.X, at.Y, at.X + s.Size().Width, at.Y + s.Size().Height})
		}
	}
	win := r.w.Canvas().Size()
	views = append(views, rect{0, 0, win.Width, win.Height})
	box := rect{at.X, at.Y, at.X + o.Size().Width, at.Y + o.Size().Height}
	if o.Size().Height < o.MinSize().Height-0.5 {
		r.t.Errorf("%s is %.0f high, less than the %.0f it needs", what, o.Size().Height, o.MinSize().Height)
	}
	for _, v := range views {
		if box.y0 < v.y0-0.5 || box.y1 > v.y1+0.5 || box.x0 < v.x0-0.5 || box.x1 > v.x1+0.5 {
			r.t.Errorf("%s is at (%.0f,%.0f)–(%.0f,%.0f), out of the (%.0f,%.0f)–(%.0f,%.0f) in sight",
				what, box.x0, box.y0, box.x1, box.y1, v.x0, v.y0, v.x1, v.y1)
			return
		}
	}
}

// cardsFill fails unless each branch's card takes the whole height of the
// row of cards, laid out again as a window does on every redraw: a card
// left at its minimum height shows one line of its events and a blank
// band under it.
func (r *rig) cardsFill(when string) {
	r.t.Helper()
	// The window lays the screen out again, sizes unchanged.
	uitest.Visit(r.c.bench.body, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*fyne.Container); ok {
			if _, ok := c.Layout.(conflictLayout); ok {
				c.Layout.Layout(c.Objects, c.Size())
			}
		}
		return true
	})
	view, ok := r.c.bench.conflict.(*fyne.Container)
	if !ok {
		r.t.Fatalf("%s: no conflict view", when)
	}
	l := view.Layout.(*branchesLayout)
	row := view.Objects[1]
	for i, k := range l.cards {
		if h, want := k.card.Size().Height, row.Size().Height; h < want-0.5 {
			r.t.Errorf("%s: branch %d's card is %.0f high in a row %.0f high", when, i+1, h, want)
		}
	}
}

// keepButton is the Keep button of branch i (from 0).
func (r *rig) keepButton(i int) *button {
	r.t.Helper()
	return r.button(withKey(tKeep, fmt.Sprintf("Alt+%d", i+1)))
}

// The audit at 1280×720: a long branch (accepted with a shortfall,
// suspended, resumed, materials received, completed as denied) against a
// refusal with four reasons. Both Keep buttons are in sight together,
// before choosing and while confirming, with the confirmation's Confirm;
// and the question names what the long branch ends in, not only how it
// began.
func TestLongBranchKeepsBothKeepButtonsInSight(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	r := newRig(t, z, nil)
	r.w.Resize(fyne.NewSize(1280, 720))
	other := newOtherCounter(t, z, c)
	refused := other.act(cases.KindRefused, cases.Refusal{Reasons: commonReasons})
	if _, err := r.st.Import(c.Events, true); err != nil {
		t.Fatal(err)
	}
	for _, a := range []cases.Action{
		{Kind: cases.KindAccepted, Payload: cases.Acceptance{Received: []int{0, 1}, Shortfall: []int{3}}},
		{Kind: cases.KindSuspended, Payload: cases.Reasoned{Reason: "需现场核查经营场所"}},
		{Kind: cases.KindResumed, Payload: cases.Reasoned{Reason: "现场核查已完成"}},
		{Kind: cases.KindSupplementReceived, Payload: cases.SupplementReceipt{Received: []int{3}}},
		{Kind: cases.KindCompleted, Payload: cases.Completion{Approved: false, Note: "经营场所与登记不符"}},
	} {
		a.Staff = "S001"
		if _, err := r.st.Act(c.ID, a); err != nil {
			t.Fatalf("%s: %v", a.Kind, err)
		}
	}
	r.signIn("S001", "2468")
	r.scanCase(c)
	r.mergeFrom(refused)
	got := r.c.bench.cur
	if got.Status != cases.StatusConflict || len(got.Branches) != 2 {
		t.Fatalf("after the merge: %s with %d branches", got.Status, len(got.Branches))
	}
	long := slices.IndexFunc(got.Branches, func(b []cases.Event) bool { return b[0].Kind == cases.KindAccepted })

	r.cardsFill("the conflict")
	for i := range got.Branches {
		r.inSight(fmt.Sprintf("branch %d's Keep", i+1), r.keepButton(i))
	}
	// Each branch reads from its head down, in time order: the long one
	// ends in the denial.
	r.mustShow("办结 Completed  王芳（S001）", "不予批准 Denied；备注 Note: 经营场所与登记不符", "理由 Reasons: "+strings.Join(commonReasons, "；"))

	r.shortcut(fyne.KeyModifierAlt, fyne.KeyName(rune('1'+long)))
	r.mustShow(fmt.Sprintf("保留分支 %d（办结·不予批准，王芳（S001） · 设备 Device K09；此前：受理、中止（特别程序）、恢复办理、补正材料已收）？", long+1),
		fmt.Sprintf("Keep branch %d (completed: denied, 王芳（S001） · 设备 Device K09; before it: accepted, suspended, resumed, missing materials received)?", long+1))
	for i := range got.Branches {
		r.inSight(fmt.Sprintf("branch %d's Keep while confirming", i+1), r.keepButton(i))
	}
	r.inSight("Confirm", r.button(both(tConfirm)))
	r.keepButtonsWhole("confirming the long branch")
	r.cardsFill("confirming the long branch")

	// The refusal, a single step, is named by it and its clerk.
	r.key(fyne.KeyEscape)
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyName(rune('1'+1-long)))
	r.mustShow(fmt.Sprintf("保留分支 %d（不予受理，李强（S002）", 2-long))
	r.inSight("Confirm of the refusal", r.button(both(tConfirm)))
}

// Three counters handled the case three ways: the banner counts them,
// rather than speak of two devices and both branches.
func TestThreeWayConflictCountsItsBranches(t *testing.T) {
	z, c, r := scannedCase(t)
	second := newOtherCounter(t, z, c)
	third := newOtherCounter(t, z, c)
	refused := second.act(cases.KindRefused, cases.Refusal{Reasons: []string{"申请人不具备申请资格"}})
	asked := third.act(cases.KindSupplementRequested, cases.SupplementRequest{Missing: []int{2}})
	r.key(keyAccept)
	r.typeText("")
	r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	r.pulled(refused)
	r.mergeFrom(asked)
	if n := len(r.c.bench.cur.Branches); n != 3 {
		t.Fatalf("%d branches, want 3", n)
	}
	r.mustShow("三台设备对此案件作了不同处理。请核对这三个分支，保留正确的一个。",
		"Three devices handled this case differently. Check the three branches and keep the right one.",
		"分支 3 Branch 3")
	r.mustNotShow("两台设备", "两个分支", "Two devices", "both branches")
	for i := range 3 {
		r.inSight(fmt.Sprintf("branch %d's Keep", i+1), r.keepButton(i))
	}
}

// conflictHead counts devices and branches, and says so without a number
// when they differ.
func TestConflictHead(t *testing.T) {
	ev := func(k cases.Kind, dev string) cases.Event { return cases.Event{Kind: k, Device: dev} }
	for _, tc := range []struct {
		branches [][]cases.Event
		want     string
	}{
		{[][]cases.Event{{ev(cases.KindAccepted, "a")}, {ev(cases.KindRefused, "b")}}, "两台设备对此案件作了不同处理。请核对这两个分支"},
		{[][]cases.Event{{ev(cases.KindAccepted, "a")}, {ev(cases.KindRefused, "b")}, {ev(cases.KindWithdrawn, "c")}}, "三台设备对此案件作了不同处理。请核对这三个分支"},
		{[][]cases.Event{{ev(cases.KindAccepted, "a")}, {ev(cases.KindRefused, "a")}, {ev(cases.KindWithdrawn, "c")}}, "几台设备对此案件作了不同处理。请核对各分支"},
		{[][]cases.Event{{ev(cases.KindResolved, "a")}, {ev(cases.KindResolved, "b")}, {ev(cases.KindResolved, "c")}}, "三台设备核对此案件的冲突时保留了不同的分支。请核对这三次核对结果"},
		{[][]cases.Event{{ev(cases.KindResolved, "a")}, {ev(cases.KindCompleted, "b")}}, tReopened.ZH},
	} {
		if got := conflictHead(&cases.Case{Status: cases.StatusConflict, Branches: tc.branches}); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%d branches: %q, want it to start %q", len(tc.branches), got, tc.want)
		}
	}
}

// The audit's case at the counter: C01 (this counter) accepted, C02
// refused, saw the acceptance and kept its refusal; C01, not synced since,
// completed the case as approved. When C01 syncs it does not show the
// case refused with the approval quietly set aside: the conflict is open
// again between C02's resolution and C01's completion. Keeping the
// resolution marks the completion — and the receipt printed for the
// acceptance — set aside.
func TestCompletionBesideAResolutionIsAConflictAtTheCounter(t *testing.T) {
	z, c, r := scannedCase(t)
	other := newOtherCounter(t, z, c)
	refused := other.act(cases.KindRefused, cases.Refusal{Reasons: []string{"申请事项不属于本行政机关职权范围"}})
	r.key(keyAccept)
	r.typeText("")
	accepted := r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	other.take(accepted)
	refusal := refused.Events[slices.IndexFunc(refused.Events, func(e cases.Event) bool { return e.Kind == cases.KindRefused })]
	resolved := other.act(cases.KindResolved, cases.Resolution{Chosen: refusal.ID, Note: "以不予受理为准"})

	z.clock.Advance(60_000_000_000) // a minute later, C01 completes
	r.key(keyComplete)
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyY)
	r.typeText("")
	r.mustBe(c.ID, cases.StatusCompleted, cases.KindCompleted)

	r.mergeFrom(resolved)
	got := r.c.bench.cur
	if got.Status != cases.StatusConflict || len(got.Branches) != 2 {
		t.Fatalf("after C02's resolution came: %s with %d branches, want a conflict", got.Status, len(got.Branches))
	}
	r.mustShow(tReopened.ZH, "核对冲突 Conflict resolved  李强（S002）", "办结 Completed  王芳（S001）", "准予 Approved")
	r.mustNotShow("[已搁置")

	mine := slices.IndexFunc(got.Branches, func(b []cases.Event) bool { return b[0].Kind == cases.KindResolved })
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyName(rune('1'+mine)))
	r.mustShow("核对冲突（保留不予受理），李强（S002）")
	r.key(fyne.KeyReturn)
	final := r.stored(c.ID)
	if final.Status != cases.StatusRefused || len(final.Branches) != 0 {
		t.Fatalf("after keeping the resolution: %s with %d branches", final.Status, len(final.Branches))
	}
	r.mustShow("[已搁置 set aside]  03-03 09:31  办结 Completed  王芳（S001）",
		"[已搁置 set aside]  03-03 09:30  受理 Accepted  王芳（S001）",
		"[已搁置 set aside]  03-03 09:30  打印 Printed  王芳（S001）")
}
