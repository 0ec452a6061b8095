package counter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	qrcode "github.com/skip2/go-qrcode"

	"tongban/app/cases"
	"tongban/app/receipt"
	"tongban/app/ui"
)

// A case made at a kiosk that never synced opens at the counter from its
// receipt, typed into the scan field a character at a time with a
// symbology prefix and a Tab suffix, as a keyboard-mode scanner does.
func TestScanOpensAKioskCaseFromItsReceipt(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	c := z.submit(kiosk, "张三")
	payload, err := z.seal(c)
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	if _, err := r.st.Case(c.ID); err == nil {
		t.Fatal("the counter's store has the case before the scan")
	}
	r.scanFocused()
	test.Type(r.focused(), "]Q1"+payload)
	r.key(fyne.KeyTab)

	r.mustShow(c.Number, "张三", "1101**********002X", "13800138000", "华新科技有限公司", "住所",
		"营业执照变更登记", "1. 公司变更登记申请书", "2. 变更决议或决定", "4. 营业执照", "原件 1 份，必需，申请人称已带 · Business licence: 1 × original, required, declared",
		"已提交 Submitted", tFromReceipt.ZH, tImported.ZH, "受理后起算，承诺 1 个工作日")
	r.mustNotShow("11010519491231002X")
	r.scanFocused()
	got := r.stored(c.ID)
	if !got.Sync.FromReceipt || got.Name() != "张三" {
		t.Fatalf("the imported case: FromReceipt %v, name %q", got.Sync.FromReceipt, got.Name())
	}
	// The checklist starts from what the applicant declared.
	if ticked := r.c.bench.tickedList(); len(ticked) != 3 || ticked[2] != 3 {
		t.Fatalf("ticked materials %v, want the declared 0, 1, 3", ticked)
	}
	// Scanning it again opens the stored case; typing its number does too.
	r.typeText(payload)
	r.mustShow(c.Number)
	r.c.bench.showList()
	r.typeText(strings.ToLower(strings.ReplaceAll(c.Number, "-", " ")))
	r.mustShow(c.Number, "张三")
}

// A bad scan says what is wrong in one sentence, closes the case that was
// on screen (TestBadScanClosesTheCaseOnScreen) and leaves the focus in the
// scan field.
func TestBadScansSayWhy(t *testing.T) {
	z, c, r := scannedCase(t)
	payload, _ := z.seal(c)

	other, _ := receipt.NewKey()
	foreign, _ := receipt.SealCase(receipt.Keyring{other}, c.Events[0])
	altered := payload[:len(payload)-3] + "AAA"
	if altered == payload {
		altered = payload[:len(payload)-3] + "BBB"
	}
	for _, tt := range []struct{ in, want string }{
		{"hello", "扫描内容不是通办回执或案件编号"},
		{altered, "此回执不是本中心开具或已被改动"},
		{foreign, "此回执由其他中心开具"},
		{"261127-K01-9999", tNotFound.ZH},
	} {
		r.scanCase(c)
		r.typeText(tt.in)
		r.mustShow(tt.want, tPrevClosed.Format(c.Number).ZH)
		if r.c.bench.cur != nil {
			t.Fatalf("scanning %.20q left %s open", tt.in, r.c.bench.cur.Number)
		}
		r.scanFocused()
	}
}

// Revealing the ID number shows it and records who looked.
func TestRevealIsRecorded(t *testing.T) {
	_, c, r := scannedCase(t)
	before := r.events(c.ID)
	r.key(keyReveal)
	r.mustShow("11010519491231002X", tRevealedNote.ZH)
	got := r.stored(c.ID)
	last := got.Events[len(got.Events)-1]
	if r.events(c.ID) != before+1 || last.Kind != cases.KindRevealed || last.Staff != "S001" {
		t.Fatalf("after revealing: %d events (was %d), last %s by %q", len(got.Events), before, last.Kind, last.Staff)
	}
	r.mustShow("查看完整证件号 ID number revealed  王芳（S001）")
	r.scanFocused()
	r.key(fyne.KeyEscape)
	r.scanCase(c)
	r.mustNotShow("11010519491231002X") // masked again for the next look
}

// Characters typed while a tick box has the focus go to the scan field:
// a scan is never lost to a stray focus.
func TestStrayTypingGoesToTheScanField(t *testing.T) {
	z, c, r := scannedCase(t)
	payload, _ := z.seal(c)
	r.w.Canvas().Focus(r.c.bench.checks[0])
	for _, ch := range payload {
		if f, ok := r.focused().(fyne.Focusable); ok {
			f.TypedRune(ch)
		}
	}
	r.key(fyne.KeyReturn)
	r.scanFocused()
	r.mustShow(c.Number)
	if !r.c.bench.checks[0].Checked {
		t.Fatal("typing a scan changed the tick box that had the focus")
	}
}

// An image file of a receipt and a serial scanner's line end in the same
// call as a keyboard scan.
func TestImageAndSerialScans(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	a, b := z.submit(kiosk, "张三"), z.submit(kiosk, "李四")
	pa, _ := z.seal(a)
	pb, _ := z.seal(b)
	png, err := qrcode.Encode(pa, qrcode.Medium, 512)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "receipt.png")
	if err := os.WriteFile(path, png, 0o600); err != nil {
		t.Fatal(err)
	}
	r := newRig(t, z, nil)
	r.c.serialScan(pb)
	r.mustShow(tSignInFirst.ZH) // not before a clerk signs in
	r.signIn("S001", "2468")

	r.c.bench.openImage(path)
	r.mustShow(a.Number, "张三", tFromReceipt.ZH)
	r.c.bench.openImage(filepath.Join(t.TempDir(), "none.png"))
	r.mustShow("Cannot read the image", a.Number)

	r.c.serialScan(pb)
	r.mustShow(b.Number, "李四", tFromReceipt.ZH)
	r.scanFocused()
}

// BenchmarkScanToCase is the clerk's wait after a scan: a 营业执照 receipt
// typed into the scan field, opened, looked up and drawn.
func BenchmarkScanToCase(b *testing.B) {
	z := newCenter(b)
	kiosk := z.store("kiosk")
	c := z.submit(kiosk, "张三")
	payload, _ := z.seal(c)
	r := newRig(b, z, nil)
	r.signIn("S001", "2468")
	field := r.c.bench.scan
	b.ResetTimer()
	for b.Loop() {
		test.Type(field, payload)
		field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	b.StopTimer()
	if r.c.bench.cur == nil || r.c.bench.cur.ID != c.ID {
		b.Fatal("the case is not on screen")
	}
}

// A receipt scanned while a panel's note has the focus opens that case; it
// neither confirms the panel nor lands in the note.
func TestScanIntoAPanelOpensTheCase(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	a, b := z.submit(kiosk, "张三"), z.submit(kiosk, "李四")
	pb, _ := z.seal(b)
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	r.scanCase(a)
	r.key(keyAccept)
	if r.focused() == r.c.bench.scan {
		t.Fatal("the accept panel's note does not have the focus")
	}
	r.typeText("]Q1" + pb)
	if got := r.stored(a.ID); got.Status != cases.StatusSubmitted {
		t.Fatalf("a scan into the note saved the panel: %s is %s", a.Number, got.Status)
	}
	r.mustShow(b.Number, "李四")
	if r.c.bench.panel != nil {
		t.Fatal("the panel is still open")
	}
	r.scanFocused()
}

// Once sync brings the kiosk's own copy of a case opened from its receipt,
// the case on screen drops its "from the receipt" mark by itself.
func TestCaseOnScreenFollowsSync(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	c := z.submit(kiosk, "张三")
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	r.scanCase(c)
	r.mustShow(c.Number, tFromReceipt.ZH)

	if _, _, err := r.st.ApplyPage(c.Events, "1"); err != nil { // the platform's feed
		t.Fatal(err)
	}
	z.clock.Advance(statusEvery)
	r.c.applyIdle(ui.IdleState{})
	r.mustShow(c.Number, "张三")
	r.mustNotShow(tFromReceipt.ZH)
}
