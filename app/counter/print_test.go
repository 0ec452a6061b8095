package counter

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tongban/app/cases"
)

// The print key (F9) prints the paper that fits the case, and its button
// says which: the receipt before and after acceptance, the notice of
// missing materials while the case waits for them, the refusal notice of
// a refused case, never a receipt that calls it submitted. A notice is
// signed by the clerk who made the decision, whoever prints it again.
func TestPrintKeyPrintsThePaperThatFits(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")

	waiting := z.submit(kiosk, "张三")
	r.scanCase(waiting)
	r.button(both(printLabel(cases.DocReceipt)) + " (F9)")
	r.key(keyReceipt)
	if text := printedText(r.printed[len(r.printed)-1]); !strings.Contains(text, "受理回执") || !strings.Contains(text, "已提交") {
		t.Fatalf("F9 on a submitted case printed:\n%s", text)
	}

	r.shortcut(fyne.KeyModifierAlt, fyne.Key4)
	r.key(keySupplement)
	r.typeText("")
	r.mustBe(waiting.ID, cases.StatusSupplement, cases.KindSupplementRequested)
	r.button(both(printLabel(cases.DocSupplement)) + " (F9)")
	r.key(keyReceipt)
	if text := printedText(r.printed[len(r.printed)-1]); !strings.Contains(text, "一次性告知单") || !strings.Contains(text, "营业执照") {
		t.Fatalf("F9 on a case waiting for materials printed:\n%s", text)
	}

	refused := z.submit(kiosk, "李四")
	r.scanCase(refused)
	r.key(keyRefuse)
	test.Type(r.focused(), "不属于本中心受理范围")
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	r.mustBe(refused.ID, cases.StatusRefused, cases.KindRefused)

	// Another clerk prints the notice again.
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyL)
	r.mustBeSignedIn(false)
	r.signIn("S002", "1357")
	r.scanCase(refused)
	r.mustNotShow(both(printLabel(cases.DocReceipt)))
	r.tap(both(printLabel(cases.DocRefusal)) + " (F9)")
	text := printedText(r.printed[len(r.printed)-1])
	if !strings.Contains(text, "不予受理通知书") || !strings.Contains(text, "不属于本中心受理范围") || strings.Contains(text, "已提交") {
		t.Fatalf("F9 on a refused case printed:\n%s", text)
	}
	if !strings.Contains(text, "经办人：王芳") || strings.Contains(text, "S001") || strings.Contains(text, "李强") {
		t.Fatalf("the refusal notice printed again is not signed by the clerk who refused (王芳):\n%s", text)
	}
	r.mustShow("已打印不予受理通知书")
}

// A counter without receipt keys cannot print a receipt, so it offers no
// receipt button; the notices need no key and are offered still.
func TestNoReceiptKeyStillPrintsNotices(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	r := newRig(t, z, nil)
	r.c.deps.Seal = nil
	r.signIn("S001", "2468")
	r.scanCase(c)
	if r.hasButton(both(printLabel(cases.DocReceipt))) {
		t.Fatal("a counter without receipt keys offers to print the receipt")
	}
	r.key(keyRefuse)
	test.Type(r.focused(), "不属于本中心受理范围")
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyReturn)
	r.mustBe(c.ID, cases.StatusRefused, cases.KindRefused)
	n := len(r.printed)
	r.key(keyReceipt)
	if len(r.printed) != n+1 || !strings.Contains(printedText(r.printed[n]), "不予受理通知书") {
		t.Fatalf("F9 without receipt keys did not print the refusal notice")
	}
}
