package counter

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tongban/app/cases"
	"tongban/app/store"
)

// socialCard submits a 社会保障卡申领 case (queue B) on a kiosk.
func (z *center) socialCard(st *store.Store, name string) *cases.Case {
	z.t.Helper()
	sub, errs, err := cases.NewSubmission(z.cat, "130102-RSJ-001", map[string]string{"name": name,
		"id_number": "11010519491231002X", "phone": "13800138000", "bank": "河北银行"}, nil, cases.ChannelKiosk, z.clock.Now())
	if err != nil || len(errs) > 0 {
		z.t.Fatalf("NewSubmission: %v %v", err, errs)
	}
	c, err := st.Submit(sub)
	if err != nil {
		z.t.Fatal(err)
	}
	return c
}

// Call next takes the oldest waiting ticket of the clerk's queue letters,
// records the call with the clerk's window and opens the case; a clerk
// with no letters takes the oldest of all.
func TestCallNextTakesTheOldestTicket(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	ticket := func(c *cases.Case, letter string) string {
		tk, _, err := kiosk.IssueTicket(c.ID, letter)
		if err != nil {
			t.Fatal(err)
		}
		z.clock.Advance(time.Minute)
		return tk.Number
	}
	b1 := z.socialCard(kiosk, "赵一")
	tb1 := ticket(b1, "B") // the oldest ticket, but of queue B
	a1 := z.submit(kiosk, "钱二")
	ta1 := ticket(a1, "A")
	a2 := z.submit(kiosk, "孙三")
	ta2 := ticket(a2, "A")

	r := newRig(t, z, nil)
	var all []cases.Event
	for _, c := range []*cases.Case{b1, a1, a2} {
		got, _ := kiosk.Case(c.ID)
		all = append(all, got.Events...)
	}
	if _, err := r.st.Import(all, false); err != nil { // the kiosk's cases arrive by sync
		t.Fatal(err)
	}

	r.signIn("S001", "2468") // serves queue A at window A03
	r.key(keyCall)
	r.mustShow("请 "+ta1+" 号到 A03 窗口办理", a1.Number, "钱二")
	if r.c.bench.called.Text != ta1 {
		t.Fatalf("the large ticket shows %q, want %s", r.c.bench.called.Text, ta1)
	}
	called := r.stored(a1.ID)
	if called.CalledAt.IsZero() || called.Window != "A03" {
		t.Fatalf("the called case: called at %v, window %q", called.CalledAt, called.Window)
	}
	last := called.Events[len(called.Events)-1]
	if last.Kind != cases.KindCalled || last.Staff != "S001" {
		t.Fatalf("last event %s by %q, want called by S001", last.Kind, last.Staff)
	}
	r.scanFocused()

	r.key(keyCall) // 钱二's case, on screen, is untouched: Enter confirms
	r.key(fyne.KeyReturn)
	r.mustShow("请 "+ta2+" 号到 A03 窗口办理", a2.Number)
	r.key(keyCall)
	r.key(fyne.KeyReturn)
	r.mustShow(tNoneWaiting.ZH)

	r.c.signOut(tSignedOut)
	r.signIn("S002", "1357") // all queues, no window
	r.key(keyCall)
	r.mustShow("已叫 "+tb1+" 号", b1.Number, "赵一")
}

// The audit: calling next read the day's first 1,000 cases newest first,
// so on a day with more the oldest tickets, due first, were never called.
// Here 1,001 tickets wait: F8 calls the first one issued, then the second.
func TestCallNextOnABusyDay(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	kiosk.SetNoSync(true)
	waiting, all := z.ticketed(kiosk, slices.Repeat([]string{"钱二"}, 1001), time.Second)
	r := newRig(t, z, nil)
	r.st.SetNoSync(true)
	if _, err := r.st.Import(all, false); err != nil { // the kiosk's cases arrive by sync
		t.Fatal(err)
	}
	r.signIn("S001", "2468")
	for i, want := range waiting[:2] {
		r.key(keyCall)
		if i > 0 { // the first called is on screen, untouched
			r.key(fyne.KeyReturn)
		}
		r.mustShow("请 "+want.Ticket+" 号到 A03 窗口办理", want.Number)
		if got := r.stored(want.ID); got.CalledAt.IsZero() {
			t.Fatalf("ticket %s was not called", want.Ticket)
		}
	}
}

// The audit: F8 with a case on screen still submitted and untouched called
// the next ticket at once, passing over the citizen at the counter on a
// slip of the key. It now asks first, Enter and Esc both shown: Esc goes
// back to the case, Enter calls next. A case handled (here accepted) is
// left without a question.
func TestCallNextAsksOverAnUntouchedCase(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	waiting, all := z.ticketed(kiosk, []string{"钱二", "孙三", "李四"}, time.Minute)
	r := newRig(t, z, nil)
	if _, err := r.st.Import(all, false); err != nil {
		t.Fatal(err)
	}
	r.signIn("S001", "2468")
	r.key(keyCall) // nothing on screen: no question
	r.mustShow("请 "+waiting[0].Ticket+" 号到 A03 窗口办理", waiting[0].Number)
	r.mustNotShow(tCallAskHead.ZH)

	notCalled := func(c *cases.Case) {
		t.Helper()
		if got := r.stored(c.ID); !got.CalledAt.IsZero() {
			t.Fatalf("ticket %s was called", c.Ticket)
		}
		if r.c.bench.cur == nil || r.c.bench.cur.ID != waiting[0].ID {
			t.Fatalf("the case on screen is not %s any more", waiting[0].Number)
		}
	}
	r.key(keyCall) // a slip: 钱二's case is untouched
	r.mustShow(tCallAskHead.ZH, withKey(tConfirm, "Enter"), withKey(tCancel, "Esc"), waiting[0].Name())
	notCalled(waiting[1])
	r.key(keyCall) // again: still the question
	notCalled(waiting[1])
	r.key(fyne.KeyEscape)
	r.mustNotShow(tCallAskHead.ZH)
	notCalled(waiting[1])
	r.scanFocused()

	r.key(keyCall)
	r.key(fyne.KeyReturn)
	r.mustShow("请 "+waiting[1].Ticket+" 号到 A03 窗口办理", waiting[1].Number)
	r.mustNotShow(tCallAskHead.ZH)

	r.key(keyAccept) // 孙三's case handled: F8 calls at once
	r.typeText("")
	if got := r.stored(waiting[1].ID); got.Status != cases.StatusAccepted {
		t.Fatalf("孙三's case is %s, not accepted; the screen says %q", got.Status, r.c.bench.msg.Text)
	}
	r.key(keyCall)
	r.mustNotShow(tCallAskHead.ZH)
	r.mustShow("请 "+waiting[2].Ticket+" 号到 A03 窗口办理", waiting[2].Number)
}

// F8 over an action's panel holding what the clerk typed asks first,
// whatever the case's status, and Esc brings the panel back as it was:
// a refusal's reasons half typed, a suspension's reason.
func TestCallNextKeepsWhatThePanelHolds(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	waiting, all := z.ticketed(kiosk, []string{"钱二", "孙三"}, time.Minute)
	r := newRig(t, z, nil)
	if _, err := r.st.Import(all, false); err != nil {
		t.Fatal(err)
	}
	r.signIn("S001", "2468")
	r.key(keyCall)
	r.mustShow(waiting[0].Number)

	backAsTyped := func(title cases.Text, typed, why string) {
		t.Helper()
		r.key(keyCall)
		r.mustShow(tCallAskHead.ZH, why)
		r.key(fyne.KeyEscape)
		r.mustNotShow(tCallAskHead.ZH)
		r.mustShow(title.ZH)
		if p := r.c.bench.panel; p == nil || len(p.entries) == 0 || p.entries[0].Text != typed {
			t.Fatalf("after Esc the panel is %+v; want %q kept as typed", p, typed)
		}
		if got := r.stored(waiting[1].ID); !got.CalledAt.IsZero() {
			t.Fatalf("ticket %s was called", waiting[1].Ticket)
		}
	}
	r.key(keyRefuse)
	test.Type(r.focused(), "材料不全")
	backAsTyped(tRefuseTitle, "材料不全", waiting[0].Number+"（钱二）仍是“已提交”")
	r.key(fyne.KeyEscape) // the refusal closed unsaved

	r.key(keyAccept)
	r.typeText("")
	if got := r.stored(waiting[0].ID); got.Status != cases.StatusAccepted {
		t.Fatalf("钱二's case is %s, not accepted; the screen says %q", got.Status, r.c.bench.msg.Text)
	}
	r.key(keySuspend)
	test.Type(r.focused(), "现场核查")
	backAsTyped(tSuspendTitle, "现场核查", "打开的办理面板中有已输入的内容")

	r.key(keyCall)
	r.key(fyne.KeyReturn)
	r.mustShow("请 "+waiting[1].Ticket+" 号到 A03 窗口办理", waiting[1].Number)
}
