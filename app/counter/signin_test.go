package counter

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"tongban/app/staff"
)

// Five wrong PINs lock the counter; the lock holds in a new Counter on the
// same store (a restart) even for the right PIN, and the right PIN signs
// in once the five minutes are over.
func TestSignInLocksAfterFiveWrongPINs(t *testing.T) {
	z := newCenter(t)
	r := newRig(t, z, nil)
	for i := 1; i <= staff.MaxFailures; i++ {
		r.signIn("S001", "0000")
		r.mustBeSignedIn(false)
		if i < staff.MaxFailures {
			r.mustShow("工号或密码不对", "more wrong PINs lock the counter")
		}
	}
	r.mustShow("柜台已锁定", "the counter is locked until 09:35:00")

	restarted := newRig(t, z, r.st)
	restarted.mustShow("柜台已锁定") // shown before anyone types
	restarted.signIn("S001", "2468")
	restarted.mustBeSignedIn(false)
	restarted.mustShow("柜台已锁定")

	z.clock.Advance(staff.LockFor)
	restarted.signIn("S001", "2468")
	restarted.mustBeSignedIn(true)
	restarted.mustShow("经办人 Clerk 王芳（S001）", "窗口 Window A03", "本机 Device K09", "离线 offline", "待同步 To sync 0")
	restarted.scanFocused()

	var l staff.Lock
	if err := r.st.GetJSON(lockSetting, &l); err != nil || l.Failures != 0 {
		t.Fatalf("the lock after signing in = %+v, %v; want it cleared", l, err)
	}
}

func TestSignInNeedsBothAndHidesWhichIDsExist(t *testing.T) {
	z := newCenter(t)
	r := newRig(t, z, nil)
	r.signIn("S001", "")
	r.mustShow("请输入工号和密码")
	r.signIn("NOBODY", "2468")
	r.mustShow("工号或密码不对") // the same sentence as a wrong PIN
	r.mustBeSignedIn(false)
}

// The number pad on screen types into the field the clerk chose.
func TestSignInWithTheNumberPad(t *testing.T) {
	z := newCenter(t)
	r := newRig(t, z, nil)
	s := r.c.signIn
	test := func(keys string) {
		for _, k := range keys {
			r.tapPad(string(k))
		}
	}
	s.id.SetText("S002")
	r.c.win.Canvas().Focus(s.pin)
	test("13577")
	r.tapPad(tBackspace.Both())
	if s.pin.Text != "1357" {
		t.Fatalf("the PIN field holds %q after 1, 3, 5, 7, 7, delete", s.pin.Text)
	}
	r.tap(tSignIn.Both())
	r.mustBeSignedIn(true)
	r.mustShow("李强")
}

// Signing out and the idle lock both return to sign-in and clear the case.
func TestSignOutAndIdleLock(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	c := z.submit(kiosk, "张三")
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	r.scanCase(c)
	r.mustShow(c.Number)

	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyL)
	r.mustBeSignedIn(false)
	r.mustShow(tSignedOut.ZH)
	r.mustNotShow(c.Number)

	r.signIn("S001", "2468")
	r.scanCase(c)
	z.clock.Advance(DefaultIdleLock - 20*time.Second)
	r.c.Tick()
	r.mustBeSignedIn(true)
	r.mustShow("20 秒后自动签退")
	r.key(fyne.KeyDown) // any key is someone there
	z.clock.Advance(DefaultIdleLock - time.Second)
	r.c.Tick()
	r.mustBeSignedIn(true)
	z.clock.Advance(2 * time.Second)
	r.c.Tick()
	r.mustBeSignedIn(false)
	r.mustShow(tIdleLocked.ZH)
	r.mustNotShow(c.Number, "张三")

	r.signIn("S001", "2468")
	if r.c.bench.cur != nil { // a new session starts with no case open (today's list may name it)
		t.Fatalf("a new session opened case %s", r.c.bench.cur.Number)
	}
}

// A wrong PIN's message reads the Chinese sentences, then the English
// ones, the tries left in each.
func TestWrongPINSaysTheTriesLeftInEachLanguage(t *testing.T) {
	z := newCenter(t)
	r := newRig(t, z, nil)
	r.signIn("S001", "0000")
	want := "工号或密码不对，请重试。再错 4 次，柜台将锁定 5 分钟。 " +
		"The staff ID or PIN is wrong; try again. 4 more wrong PINs lock the counter for 5 minutes."
	if got := r.c.signIn.msg.Text; got != want {
		t.Fatalf("after a wrong PIN:\n got %q\nwant %q", got, want)
	}
}

// A keyboard-mode scanner fired at the sign-in screen types a receipt
// wherever the focus is: into the staff ID, into the PIN, or, with nothing
// focused, into the field the counter picks. None of it is tried as a
// PIN or counts towards the lock; the field is emptied and the clerk is
// asked to sign in first. Input of no clerk's form (a 3-digit PIN) does
// not count either; a wrong PIN of the right form does.
func TestReceiptScansOnTheSignInScreenDoNotCount(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	payload, err := z.seal(c)
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, z, nil)
	s := r.c.signIn
	failures := func() int {
		var l staff.Lock
		if err := r.st.GetJSON(lockSetting, &l); err != nil {
			t.Fatal(err)
		}
		return l.Failures
	}
	mustBeAsked := func(when string) {
		t.Helper()
		if !r.shows(tSignInFirst.ZH + " " + tSignInFirst.EN) {
			t.Fatalf("%s: the screen does not ask to sign in first; it shows %q", when, r.screenTexts())
		}
		if n := failures(); n != 0 {
			t.Fatalf("%s: %d wrong PINs counted", when, n)
		}
		r.mustBeSignedIn(false)
	}

	for i := range 6 { // more than the five a lock takes
		r.typeText("]Q1" + payload + "\r")
		mustBeAsked("a receipt scanned into the staff ID")
		if s.id.Text != "" || r.focused() != s.id {
			t.Fatalf("scan %d: the staff ID holds %d characters and %T has the focus", i+1, len(s.id.Text), r.focused())
		}
	}

	r.typeText("S001") // the clerk types the ID; Enter moves to the PIN
	if r.focused() != s.pin {
		t.Fatalf("after the staff ID and Enter, %T has the focus", r.focused())
	}
	r.typeText(payload)
	mustBeAsked("a receipt scanned into the PIN")
	if s.id.Text != "S001" || s.pin.Text != "" {
		t.Fatalf("after a scan into the PIN: ID %q, PIN %d characters; want the ID kept and the PIN emptied", s.id.Text, len(s.pin.Text))
	}

	r.w.Canvas().Unfocus() // the clerk clicked the background
	for _, ch := range payload {
		r.w.Canvas().OnTypedRune()(ch)
	}
	r.key(fyne.KeyReturn)
	mustBeAsked("a receipt typed with nothing focused")

	r.signIn("S001", "246")
	r.mustShow(staff.ErrBadPIN.Error())
	if failures() != 0 {
		t.Fatal("a PIN of three digits counted as a wrong PIN")
	}
	r.signIn("S001", "0000")
	r.mustShow("再错 4 次")
	r.signIn("S001", "2468")
	r.mustBeSignedIn(true)
}

// The lock's end reads in China Standard Time also when the counter's
// clock runs in another zone (a PC set to UTC), as the status bar does.
func TestLockTimeReadsInChinaTime(t *testing.T) {
	z := newCenter(t)
	r := newRig(t, z, nil)
	r.c.deps.Now = func() time.Time { return z.clock.Now().UTC() }
	for range staff.MaxFailures {
		r.signIn("S001", "0000")
	}
	r.mustShow("柜台已锁定至09:35:00", "locked until 09:35:00")
	r.mustNotShow("01:35:00")
}
