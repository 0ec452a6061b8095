package counter

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/store"
)

// otherCounter is a second counter of the center that has the case: it
// acts on it as S002 李强 and hands its events over as sync would.
type otherCounter struct {
	t  *testing.T
	st *store.Store
	id string
}

func newOtherCounter(t *testing.T, z *center, c *cases.Case) *otherCounter {
	t.Helper()
	st := z.store("counter")
	if _, err := st.Import(c.Events, true); err != nil {
		t.Fatal(err)
	}
	return &otherCounter{t: t, st: st, id: c.ID}
}

func (o *otherCounter) act(kind cases.Kind, payload any) *cases.Case {
	o.t.Helper()
	c, err := o.st.Act(o.id, cases.Action{Kind: kind, Staff: "S002", Payload: payload})
	if err != nil {
		o.t.Fatalf("the other counter's %s: %v", kind, err)
	}
	return c
}

// take imports a case's events into the other counter, as sync would.
func (o *otherCounter) take(c *cases.Case) {
	o.t.Helper()
	if _, err := o.st.Import(c.Events, false); err != nil {
		o.t.Fatal(err)
	}
}

// pulled brings the other counter's events into the rig's store without
// the ticker's redraw: the screen still shows the case as it was.
func (r *rig) pulled(c *cases.Case) {
	r.t.Helper()
	if _, err := r.st.Import(c.Events, false); err != nil {
		r.t.Fatal(err)
	}
}

// The audit: the clerk opened a submitted case and pressed F2; meanwhile
// another counter refused it and the pull brought that in before the
// ticker redrew the case. Enter does not save, and does not say "the case
// is submitted and cannot be accepted" under a header still saying
// submitted: the case comes on screen as it is, refusal and all, and the
// message says what happened.
func TestRefusedActionShowsTheCaseAsItNowIs(t *testing.T) {
	z, c, r := scannedCase(t)
	other := newOtherCounter(t, z, c)
	r.key(keyAccept)
	r.mustShow(tAcceptTitle.ZH)
	r.pulled(other.act(cases.KindRefused, cases.Refusal{Reasons: []string{"申请事项不属于本行政机关职权范围"}}))
	before := r.events(c.ID)

	r.key(fyne.KeyReturn)
	if r.events(c.ID) != before {
		t.Fatal("an acceptance was saved on a case another counter refused")
	}
	if got := r.c.bench.cur.Status; got != cases.StatusRefused {
		t.Fatalf("the screen shows the case as %s, want refused", got)
	}
	r.mustShow("案件已被其他窗口处理（不予受理，李强（S002），设备 ", "现为“不予受理”，不能再受理；没有作任何更改。",
		"Another counter has handled the case meanwhile (refused by 李强（S002） on device ", "it is now refused, so “Accept” no longer applies",
		"不予受理 Refused  李强（S002）", "理由 Reasons: 申请事项不属于本行政机关职权范围")
	r.mustNotShow("案件当前为“已提交”", tAcceptTitle.ZH)
	if r.c.bench.msg.Importance != widget.DangerImportance {
		t.Error("the message that nothing was saved is not in the danger colour")
	}
	r.scanFocused()
}

// A pull that moves the case on while the clerk fills a panel whose
// action no longer applies closes the panel at once and says why; the
// header and timeline show the case as it now is.
func TestPullClosesAPanelWhoseActionNoLongerApplies(t *testing.T) {
	z, c, r := scannedCase(t)
	other := newOtherCounter(t, z, c)
	r.key(keyAccept)
	test.Type(r.focused(), "原件已核")
	r.pulled(other.act(cases.KindRefused, cases.Refusal{Reasons: []string{"申请人不具备申请资格"}}))
	r.c.bench.refreshCase() // as the ticker does every few seconds

	if r.c.bench.panel != nil {
		t.Fatalf("the %s panel is still open on a refused case", r.c.bench.panel.kind)
	}
	r.mustShow("现为“不予受理”，不能再受理；没有作任何更改。办理面板已关闭。", "The panel was closed.",
		"不予受理 Refused  李强（S002）")
	r.mustNotShow(tAcceptTitle.ZH)
	if st := r.c.bench.cur.Status; st != cases.StatusRefused {
		t.Fatalf("the screen shows %s, want refused", st)
	}
	r.scanFocused()
}

// Where the action still applies, the panel stays with what the clerk
// typed: another counter's print changes nothing the panel needs, and
// another counter's suspension leaves a withdrawal possible, so the
// panel is drawn again for the suspended case with the reason kept.
func TestPullKeepsAPanelWhoseActionStillApplies(t *testing.T) {
	z, c, r := scannedCase(t)
	r.key(keyAccept)
	r.typeText("")
	accepted := r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	other := newOtherCounter(t, z, c)
	other.take(accepted)

	r.key(keyWithdraw)
	test.Type(r.focused(), "申请人要求撤回")
	panel := r.c.bench.panel
	r.pulled(other.act(cases.KindPrinted, cases.Printing{Document: cases.DocReceipt}))
	r.c.bench.refreshCase()
	if r.c.bench.panel != panel {
		t.Fatal("a print by another counter redrew the withdrawal panel")
	}
	r.mustShow("其他设备刚更新了此案件（打印，李强（S002），设备 ", "您正在办理的“撤回”仍可继续，已填写的内容已保留。", "申请人要求撤回")

	r.pulled(other.act(cases.KindSuspended, cases.Reasoned{Reason: "需现场核查"}))
	r.c.bench.refreshCase()
	if p := r.c.bench.panel; p == nil || p.kind != cases.KindWithdrawn {
		t.Fatalf("the withdrawal panel closed on a suspended case, which can be withdrawn")
	}
	if st := r.c.bench.cur.Status; st != cases.StatusSuspended {
		t.Fatalf("the screen shows %s, want suspended", st)
	}
	r.mustShow("其他设备刚更新了此案件（中止（特别程序），李强（S002），设备 ", "案件现为“已中止”", "申请人要求撤回",
		"You can go on with “Withdraw”: what you entered is kept.")
	r.key(fyne.KeyReturn)
	got := r.stored(c.ID)
	if got.Status != cases.StatusWithdrawn || got.Reason != "申请人要求撤回" {
		t.Fatalf("after Enter: %s with reason %q, want withdrawn with the reason typed before the pull", got.Status, got.Reason)
	}
}

// A clerk confirming a branch of a conflict another counter has just
// resolved: the confirmation closes and says the case is settled; had
// the branch still been there, the question would stay with the note.
func TestPullWhileKeepingABranch(t *testing.T) {
	z, c, r := scannedCase(t)
	other := newOtherCounter(t, z, c)
	refused := other.act(cases.KindRefused, cases.Refusal{Reasons: []string{"申请材料存在虚假内容"}})
	r.key(keyAccept)
	r.typeText("")
	accepted := r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	r.mergeFrom(refused)
	other.take(accepted)

	r.shortcut(fyne.KeyModifierAlt, fyne.Key1)
	test.Type(r.focused(), "电话核实")
	r.pulled(other.act(cases.KindPrinted, cases.Printing{Document: cases.DocRefusal}))
	r.c.bench.refreshCase()
	if p := r.c.bench.panel; p == nil || p.kind != cases.KindResolved {
		t.Fatal("a print closed the confirmation of a branch still there")
	}
	r.mustShow("确认后保存，不能撤销", "电话核实", "您正在办理的“保留分支”仍可继续")

	conflict := r.stored(c.ID)
	var refusal cases.Event
	for _, br := range conflict.Branches {
		if br[0].Kind == cases.KindRefused {
			refusal = br[0]
		}
	}
	r.pulled(other.act(cases.KindResolved, cases.Resolution{Chosen: refusal.ID}))
	r.c.bench.refreshCase()
	if r.c.bench.panel != nil {
		t.Fatal("the confirmation stayed open on a case another counter resolved")
	}
	r.mustShow("案件已被其他窗口处理（核对冲突，李强（S002），设备 ", "现为“不予受理”，不能再保留分支；没有作任何更改。办理面板已关闭。")
	r.mustNotShow("确认后保存，不能撤销")
}
