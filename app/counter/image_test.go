package counter

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/skip2/go-qrcode"

	"tongban/app/cases"
	"tongban/app/ui/uitest"
)

// Ctrl+O opens the image chooser with the keyboard in its path field; Esc
// closes it wherever the focus is — the path field, a file of the list,
// or nowhere — and the keyboard is back in the scan field. Keys of the
// workbench do nothing behind it.
func TestImageChooserClosesOnEsc(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	dir := t.TempDir()
	writeReceiptPNG(t, z, c, filepath.Join(dir, "receipt.png"))
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	open := func() *imagePicker {
		t.Helper()
		r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyO)
		p := r.c.bench.picker
		if p == nil || r.w.Canvas().Overlays().Top() == nil {
			t.Fatal("Ctrl+O did not open the image chooser")
		}
		return p
	}
	mustBeClosed := func(how string) {
		t.Helper()
		if r.c.bench.picker != nil || r.w.Canvas().Overlays().Top() != nil {
			t.Fatalf("%s did not close the image chooser", how)
		}
		r.scanFocused()
	}

	p := open()
	if r.focused() != p.path {
		t.Fatalf("the chooser opened with %T focused, want its path field", r.focused())
	}
	r.key(keyAccept) // behind the chooser: nothing
	if r.c.bench.panel != nil {
		t.Fatal("F2 opened a panel behind the image chooser")
	}
	r.key(fyne.KeyEscape)
	mustBeClosed("Esc in the path field")

	p = open()
	p.show(dir)
	row := uitest.Find(p.list, func(b *button) bool { return b.Text == "receipt.png" })
	if row == nil {
		t.Fatalf("the chooser does not list receipt.png in %s", dir)
	}
	r.w.Canvas().Focus(row)
	r.key(fyne.KeyEscape)
	mustBeClosed("Esc on a file of the list")

	open()
	r.w.Canvas().Unfocus()
	r.key(fyne.KeyEscape)
	mustBeClosed("Esc with nothing focused")
}

// The path field takes a folder, which it lists, or an image, which opens
// like a scan; a path that is not there is told and the chooser stays.
func TestImageChooserPathField(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	dir := t.TempDir()
	writeReceiptPNG(t, z, c, filepath.Join(dir, "receipt.png"))
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyO)
	p := r.c.bench.picker
	enter := func(path string) {
		t.Helper()
		p.path.SetText("")
		r.typeText(path)
	}

	enter(filepath.Join(dir, "missing.png"))
	if r.c.bench.picker == nil || !p.msg.Visible() || p.msg.Text != bothf(tNoSuchPath, filepath.Join(dir, "missing.png")) {
		t.Fatalf("a missing file: chooser open %v, message %q", r.c.bench.picker != nil, p.msg.Text)
	}
	enter(dir)
	if p.dir != dir || uitest.Find(p.list, func(b *button) bool { return b.Text == "receipt.png" }) == nil ||
		uitest.Find(p.list, func(b *button) bool { return b.Text == "notes.txt" }) != nil {
		t.Fatalf("typing the folder lists %s, want receipt.png alone", p.dir)
	}
	enter("notes.txt") // a name in the folder shown
	if p.msg.Text != bothf(tNotImage, "notes.txt") {
		t.Fatalf("a text file: the chooser says %q", p.msg.Text)
	}
	enter("receipt.png")
	if r.c.bench.picker != nil {
		t.Fatal("opening an image left the chooser open")
	}
	r.mustShow(c.Number, "张三", tFromReceipt.ZH)
	r.scanFocused()

	r.shortcut(fyne.KeyModifierShortcutDefault, fyne.KeyO) // starts where the last image was
	if r.c.bench.picker.dir != dir {
		t.Fatalf("the chooser opened in %s, want %s", r.c.bench.picker.dir, dir)
	}
	r.c.serialScan("]Q1") // a scan meanwhile is the next citizen
	if r.c.bench.picker != nil {
		t.Fatal("a scan left the chooser open")
	}
}

// writeReceiptPNG writes a case's receipt QR code as a PNG file.
func writeReceiptPNG(t *testing.T, z *center, c *cases.Case, path string) {
	t.Helper()
	payload, err := z.seal(c)
	if err != nil {
		t.Fatal(err)
	}
	png, err := qrcode.Encode(payload, qrcode.Medium, 512)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o600); err != nil {
		t.Fatal(err)
	}
}
