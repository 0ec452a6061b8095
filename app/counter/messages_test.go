package counter

import (
	"testing"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
	"tongban/app/scan"
	"tongban/printer"
)

// printLine is what the print line says, "" when it is hidden.
func (r *rig) printLine() string {
	if m := r.c.bench.printMsg; m.Visible() {
		return m.Text
	}
	return ""
}

// mustPrintLine fails unless the print line says want ("" hidden).
func (r *rig) mustPrintLine(want string) {
	r.t.Helper()
	if got := r.printLine(); got != want {
		r.t.Fatalf("the print line says %q, want %q", got, want)
	}
}

// What the print line says of a printing belongs to its case and its
// action: the next action, another case on screen, a bad scan and going
// back to the list each clear it.
func TestPrintMessageBelongsToItsCaseAndAction(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	a, b := z.submit(kiosk, "张三"), z.submit(kiosk, "李四")
	printed := withText(tPrinted, cases.DocLabel(cases.DocReceipt))
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")

	r.scanCase(a)
	r.key(keyAccept)
	r.typeText("")
	r.mustPrintLine(printed)

	r.key(keyComplete) // the next action on the same case
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyY)
	r.typeText("")
	r.mustBe(a.ID, cases.StatusCompleted, cases.KindCompleted)
	r.mustPrintLine("")
	r.mustNotShow(tPrinted.ZH[:6])

	r.scanCase(b) // another case, which printed nothing
	r.key(keyAccept)
	r.typeText("")
	r.mustPrintLine(printed)
	r.c.bench.openCase(a.ID)
	r.mustPrintLine("")
	r.mustShow(labelled(tOpened, a.Number))

	r.scanCase(b)
	r.key(keyReceipt) // printing again is an action of its own
	r.mustPrintLine(printed)
	r.typeText("hello") // a bad scan
	r.mustPrintLine("")

	r.scanCase(b)
	r.key(keyReceipt)
	r.key(keyBack) // back to the list
	r.mustPrintLine("")
	r.mustNotShow(tPrinted.ZH[:6])
}

// A printing that ends after the clerk moved on to another case records
// the printing on its own case and says nothing under the other one.
func TestLatePrintingStaysWithItsCase(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	a, b := z.submit(kiosk, "张三"), z.submit(kiosk, "李四")
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	var later []func()
	r.c.spawn = func(f func()) { later = append(later, f) }

	r.scanCase(a)
	r.key(keyAccept)
	r.typeText("")
	r.mustPrintLine(withText(tPrinting, cases.DocLabel(cases.DocReceipt)))
	r.scanCase(b)
	r.mustPrintLine("")
	if len(later) != 1 {
		t.Fatalf("%d printings under way, want the receipt", len(later))
	}
	later[0]()
	r.mustPrintLine("")
	r.mustShow(b.Number)
	if got := r.stored(a.ID).Printed; got != 1 {
		t.Fatalf("%s records %d printings, want the receipt", a.Number, got)
	}
}

// A printing that failed is still owed to the citizen: once the clerk
// moves on, the print line names its case and document with Print again,
// which prints it from another case; then the line clears.
func TestFailedPrintingIsOwedUntilItPrints(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	a, b := z.submit(kiosk, "张三"), z.submit(kiosk, "李四")
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	r.printErr = printer.ErrPaperOut

	r.scanCase(a)
	r.key(keySupplement)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key3) // the articles are missing
	r.typeText("")
	r.mustBe(a.ID, cases.StatusSupplement, cases.KindSupplementRequested)
	r.mustPrintLine(sentences(split(printer.Message(printer.ErrPaperOut)), tCaseIsSaved))
	r.button(tPrintAgain.ZH)

	r.scanCase(b)
	owed := "案件 " + a.Number + " 的一次性告知单没有打印，可按“重新打印”再打。 The notice of missing materials of case " + a.Number + " did not print; press Print again."
	r.mustPrintLine(owed)
	r.mustShow(b.Number, tImported.ZH)
	r.button(tPrintAgain.ZH)

	r.printErr = nil
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyP)
	r.mustPrintLine(withText(tPrinted, cases.DocLabel(cases.DocSupplement)))
	if r.hasButton(tPrintAgain.ZH) {
		t.Fatal("Print again is still offered after the notice printed")
	}
	if got := r.stored(a.ID).Printed; got != 1 {
		t.Fatalf("%s records %d printings, want the notice", a.Number, got)
	}
	if r.c.bench.cur.ID != b.ID {
		t.Fatalf("printing %s's notice again opened %s", a.Number, r.c.bench.cur.Number)
	}
	r.key(keyBack)
	r.mustPrintLine("")
}

// A scan that opens nothing closes the case on screen, so the error is not
// read as being about it and its actions are not one key away; the
// message names the case that was closed, Chinese first, then English.
func TestBadScanClosesTheCaseOnScreen(t *testing.T) {
	z, c, r := scannedCase(t)
	payload, _ := z.seal(c)
	altered := payload[:len(payload)-3] + "AAA"
	if altered == payload {
		altered = payload[:len(payload)-3] + "BBB"
	}
	r.typeText(altered)
	if r.c.bench.cur != nil {
		t.Fatalf("%s stays open under a bad scan", r.c.bench.cur.Number)
	}
	want := "此回执不是本中心开具或已被改动。上一个案件 " + c.Number + " 已关闭，以免误当作此次扫描的案件。 " +
		"This receipt was not issued by this center or was altered. The previous case " + c.Number + " was closed so it is not taken for this scan."
	if got := r.c.bench.msg.Text; got != want {
		t.Fatalf("the message after a bad scan:\n got %q\nwant %q", got, want)
	}
	r.key(keyAccept) // nothing to act on
	r.mustShow(tNoCase.ZH)
	if got := r.stored(c.ID).Status; got != cases.StatusSubmitted {
		t.Fatalf("F2 after a bad scan changed %s to %s", c.Number, got)
	}
	r.typeText("hello") // with no case open, the error alone
	if got, want := r.c.bench.msg.Text, scan.ErrNothing.Error(); got != want {
		t.Fatalf("a bad scan with no case open says %q, want %q", got, want)
	}
	r.scanFocused()
}
