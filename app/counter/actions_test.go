package counter

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tongban/app/cases"
	"tongban/printer"
)

// buttons of each status action, by kind.
func actionButton(k cases.Kind) string { return withKey(actionText[k], keyLabel(actionKeys[k])) }

// statusActions are the status actions of the case view.
var statusActions = []cases.Kind{cases.KindAccepted, cases.KindSupplementRequested, cases.KindSupplementReceived,
	cases.KindRefused, cases.KindSuspended, cases.KindResumed, cases.KindCompleted, cases.KindWithdrawn}

// mustOffer fails unless the case view offers exactly the actions the
// case takes now, one to a key.
func (r *rig) mustOffer() {
	r.t.Helper()
	st := r.c.bench.cur.Status
	for _, k := range statusActions {
		want := slices.Contains(offered(r.c.bench.cur), k)
		if got := r.hasButton(actionButton(k)); got != want {
			r.t.Fatalf("status %s: button %q shown = %v, want %v", st, actionButton(k), got, want)
		}
	}
}

// mustBe fails unless the stored case has this status and its last event
// of a status kind is by S001.
func (r *rig) mustBe(id string, status cases.Status, kind cases.Kind) *cases.Case {
	r.t.Helper()
	c := r.stored(id)
	if c.Status != status {
		r.t.Fatalf("status %s, want %s; the screen says %q", c.Status, status, r.c.bench.msg.Text)
	}
	head := c.Timeline[slices.IndexFunc(c.Timeline, func(e cases.Event) bool { return e.ID == c.Head })]
	if head.Kind != kind || head.Staff != "S001" {
		r.t.Fatalf("head event %s by %q, want %s by S001", head.Kind, head.Staff, kind)
	}
	if r.c.bench.cur.Status != status {
		r.t.Fatalf("the screen shows status %s, the store %s", r.c.bench.cur.Status, status)
	}
	r.mustShow(status.Label().ZH) // the header may add to it: 已办结（准予）
	r.mustOffer()
	return c
}

// printedText is every line of a printed document.
func printedText(doc printer.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		if t, ok := bl.(printer.Text); ok {
			b.WriteString(t.Text + "\n")
		}
	}
	return b.String()
}

// A case goes through every transition the counter offers, by the keys
// on the buttons: accept with ticked materials (receipt printed), ask for
// a missing material (notice printed), receive it, suspend, resume,
// complete. Each status offers only what it allows.
func TestEveryTransitionByKeyboard(t *testing.T) {
	_, c, r := scannedCase(t)
	r.mustOffer()

	// Accept: the applicant declared 1, 2, 4; the clerk finds the licence
	// (4) missing and 3 there (Alt+4 unticks, Alt+3 ticks). Enter does not
	// accept without a required material; Alt+R accepts with the shortfall.
	r.shortcut(fyne.KeyModifierAlt, fyne.Key4)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key3)
	r.key(keyAccept)
	r.mustShow(tAcceptTitle.ZH, "已勾选 3 项材料：1. 公司变更登记申请书、2. 变更决议或决定、3. 修改后的公司章程或章程修正案", "尚缺必需材料：4. 营业执照")
	r.typeText("材料已核")
	r.mustShow("没有受理")
	if r.stored(c.ID).Status != cases.StatusSubmitted {
		t.Fatal("Enter accepted a case without a required material")
	}
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyR)
	got := r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	if !slices.Equal(got.Received, []int{0, 1, 2}) || !slices.Equal(got.Owed, []int{3}) {
		t.Fatalf("received %v, owed %v; want the ticked 0, 1, 2 and the licence (3) owed", got.Received, got.Owed)
	}
	if len(r.printed) != 1 || !strings.Contains(printedText(r.printed[0]), "受理回执") {
		t.Fatalf("printed %d documents after accepting; want the receipt", len(r.printed))
	}
	r.mustShow("已保存：容缺受理", "已打印受理回执", "承诺办结 2026-03-04，还剩 1 个工作日", "材料已核")
	r.scanFocused()

	// The owed licence comes in: F3 takes it in on the accepted case, with
	// the owed material ticked; Enter confirms. Approval waits for it.
	r.key(keySupplement)
	r.mustShow(tSupplied.ZH, "4. 营业执照 Business licence — "+both(tAskedMark))
	if p := r.c.bench.panel; p == nil || len(p.toggles) != 5 || !p.toggles[3].Checked || !p.toggles[0].Disabled() {
		t.Fatalf("the materials-received panel does not tick the owed licence, with what came before fixed")
	}
	r.key(fyne.KeyReturn)
	got = r.mustBe(c.ID, cases.StatusAccepted, cases.KindSupplementReceived)
	if !slices.Equal(got.Received, []int{0, 1, 2, 3}) || len(got.Owed) != 0 {
		t.Fatalf("received %v, owed %v after the licence came, want 0–3 received and nothing owed", got.Received, got.Owed)
	}

	// Suspend needs a reason.
	r.key(keySuspend)
	r.typeText("")
	r.mustShow(tSuspendNone.ZH)
	if r.stored(c.ID).Status != cases.StatusAccepted {
		t.Fatal("a suspension without a reason was saved")
	}
	r.typeText("现场核查")
	r.mustBe(c.ID, cases.StatusSuspended, cases.KindSuspended)
	r.mustShow("已中止，期限暂停计算", "原因 Reason: 现场核查")

	r.key(keySuspend) // resuming needs a reason too
	r.typeText("")
	r.mustShow(tResumeNone.ZH)
	if r.stored(c.ID).Status != cases.StatusSuspended {
		t.Fatal("a resumption without a reason was saved")
	}
	r.typeText("核查完成")
	r.mustBe(c.ID, cases.StatusAccepted, cases.KindResumed)

	// Complete needs a decision: Alt+Y approves.
	r.key(keyComplete)
	r.typeText("")
	r.mustShow(tChooseResult.ZH)
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyY)
	r.typeText("")
	got = r.mustBe(c.ID, cases.StatusCompleted, cases.KindCompleted)
	if !got.Approved {
		t.Fatal("completed as denied after Alt+Y")
	}
	r.mustShow("已办结于 2026-03-03 Completed on 2026-03-03")
	r.scanFocused()
	if r.nudges < 7 {
		t.Fatalf("sync was nudged %d times for 7 saved actions", r.nudges)
	}
}

// Refusing takes reasons, typed and tapped, and prints the notice.
func TestRefuseWithReasons(t *testing.T) {
	_, c, r := scannedCase(t)
	r.key(keyRefuse)
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	r.mustShow(tRefuseNone.ZH)
	test.Type(r.focused(), "申请人提交的营业执照已注销")
	r.key(fyne.KeyReturn) // a new line in the reasons
	r.w.Canvas().FocusNext()
	r.w.Canvas().FocusNext() // Tab, Tab: the second common reason
	if b, ok := r.focused().(*button); !ok || !strings.HasPrefix(b.Text, commonReasons[1]) {
		t.Fatalf("two Tabs from the reasons reach %T, want the button %q", r.focused(), commonReasons[1])
	}
	r.key(fyne.KeySpace)
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	got := r.mustBe(c.ID, cases.StatusRefused, cases.KindRefused)
	if want := []string{"申请人提交的营业执照已注销", commonReasons[1]}; !slices.Equal(got.Reasons, want) {
		t.Fatalf("reasons %q, want %q", got.Reasons, want)
	}
	notice := printedText(r.printed[len(r.printed)-1])
	if !strings.Contains(notice, "不予受理通知书") || !strings.Contains(notice, "1. 申请人提交的营业执照已注销") {
		t.Fatalf("the refusal notice:\n%s", notice)
	}
}

// Every common reason shows its key on its button, and the key adds it
// as a tap does, a line of its own, without leaving the reasons or
// ticking a material: a refusal needs no mouse.
func TestRefusalReasonsHaveKeys(t *testing.T) {
	_, c, r := scannedCase(t)
	r.key(keyRefuse)
	for i, reason := range commonReasons {
		r.button(reason + " (Alt+" + string(rune('1'+i)) + ")")
	}
	ticked := r.c.bench.tickedList()
	test.Type(r.focused(), "营业执照已注销")
	r.shortcut(fyne.KeyModifierAlt, fyne.Key3)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key3) // a key bounce: the reason is there once
	r.shortcut(fyne.KeyModifierAlt, fyne.Key1)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key9) // no ninth reason: nothing
	reasons, ok := r.focused().(*entry)
	if !ok || !reasons.MultiLine {
		t.Fatalf("after Alt+3 the keyboard is with %T, want the reasons", r.focused())
	}
	if want := "营业执照已注销\n" + commonReasons[2] + "\n" + commonReasons[0] + "\n"; reasons.Text != want {
		t.Fatalf("reasons after Alt+3, Alt+1:\n%q\nwant\n%q", reasons.Text, want)
	}
	if got := r.c.bench.tickedList(); !slices.Equal(got, ticked) {
		t.Fatalf("Alt+n in the refusal changed the ticked materials: %v → %v", ticked, got)
	}
	test.Type(r.focused(), "经营范围不符") // on a line of its own: another reason
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	got := r.mustBe(c.ID, cases.StatusRefused, cases.KindRefused)
	if want := []string{"营业执照已注销", commonReasons[2], commonReasons[0], "经营范围不符"}; !slices.Equal(got.Reasons, want) {
		t.Fatalf("reasons %q, want %q", got.Reasons, want)
	}
}

// An action the status does not allow is not offered; its key and a
// direct call both say why and write nothing.
func TestDisallowedActionsWriteNothing(t *testing.T) {
	_, c, r := scannedCase(t)
	before := r.events(c.ID)

	r.key(keyComplete) // a case never accepted cannot be completed
	r.mustShow("案件当前为“已提交”，不能办结；没有作任何更改。", "The case is submitted, so “Complete” is not possible; nothing was changed.")
	if r.c.bench.panel != nil {
		t.Fatal("a panel opened for a disallowed action")
	}
	for _, tt := range []struct {
		kind    cases.Kind
		payload any
	}{
		{cases.KindCompleted, cases.Completion{Approved: true}},
		{cases.KindResumed, cases.Reasoned{}},
		{cases.KindSupplementReceived, cases.SupplementReceipt{Received: []int{1}}},
		{cases.KindResolved, cases.Resolution{Chosen: c.ID}},
	} {
		r.c.bench.msg.SetText("")
		if _, ok := r.c.bench.act(tt.kind, tt.payload); ok {
			t.Fatalf("%s was saved on a submitted case", tt.kind)
		}
		if !r.shows("不能" + actionText[tt.kind].ZH) {
			t.Fatalf("%s: the screen says %q", tt.kind, r.c.bench.msg.Text)
		}
		if n := r.events(c.ID); n != before {
			t.Fatalf("%s: the case has %d events, had %d", tt.kind, n, before)
		}
	}
	r.scanFocused()
}

// A printer fault is told in plain words; the action is saved; Print
// again (Ctrl+P) prints it once the printer is fixed.
func TestPrinterFaultKeepsTheActionAndPrintsAgain(t *testing.T) {
	_, c, r := scannedCase(t)
	r.printErr = printer.ErrPaperOut
	r.key(keySupplement)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key3) // the articles are missing
	r.typeText("")
	r.mustBe(c.ID, cases.StatusSupplement, cases.KindSupplementRequested)
	r.mustShow("打印机缺纸", tCaseIsSaved.ZH, tPrintAgain.ZH)
	printedBefore := r.stored(c.ID).Printed

	r.printErr = nil
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyP)
	r.mustShow("已打印一次性告知单")
	r.mustNotShow(tPrintAgain.ZH + " ")
	if len(r.printed) != 2 || printedText(r.printed[0]) != printedText(r.printed[1]) {
		t.Fatalf("printed %d documents; want the same notice twice", len(r.printed))
	}
	if got := r.stored(c.ID).Printed; got != printedBefore+1 {
		t.Fatalf("printings recorded %d, want %d", got, printedBefore+1)
	}
}

// Without a printer the screen says the notice was not printed.
func TestNoPrinter(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	r := newRig(t, z, nil)
	r.c.deps.Print = nil
	r.signIn("S001", "2468")
	r.scanCase(c)
	r.key(keyRefuse)
	test.Type(r.focused(), "不属于本中心")
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	r.mustBe(c.ID, cases.StatusRefused, cases.KindRefused)
	r.mustShow("本机未配置打印机，不予受理通知书没有打印")
}
