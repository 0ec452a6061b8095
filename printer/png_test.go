package printer_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"tongban/printer"
)

func TestRenderImageQR(t *testing.T) {
	payload := base45Payload(500)
	for _, name := range []string{"58", "80"} {
		p := printer.Profiles[name]
		img, err := printer.RenderImage(receipt(payload), p, fonts())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if w := img.Bounds().Dx(); w != p.Dots {
			t.Errorf("%s: image is %d pixels wide, want %d", name, w, p.Dots)
		}
		if got, err := decodeQR(t, img); err != nil || got != payload {
			t.Errorf("%s: the PNG's QR decodes to %q, %v; want the payload", name, got, err)
		}
	}
}

// TestChineseGlyphs checks that hanzi are drawn from the font, not as the
// box a font draws for a character it lacks.
func TestChineseGlyphs(t *testing.T) {
	p := printer.Profiles["58"]
	draw := func(s string) *image.Gray {
		img, err := printer.RenderImage(printer.Document{Blocks: []printer.Block{printer.Text{Text: s}}}, p, fonts())
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	box := draw("\U000F0000") // private use: no font has it
	for _, s := range []string{"测", "试", "办", "A", "1"} {
		img := draw(s)
		if n := ink(img); n < 20 || bytes.Equal(img.Pix, box.Pix) {
			t.Errorf("%q drawn with %d dark pixels, like the missing-glyph box", s, n)
		}
	}
	if bytes.Equal(draw("测").Pix, draw("试").Pix) {
		t.Error("测 and 试 draw the same pixels")
	}
}

func TestEncodePNG(t *testing.T) {
	b, err := printer.EncodePNG(printer.TestPage(printer.Profiles["58"]), printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("EncodePNG output does not decode: %v", err)
	}
	// The printed dots, with white paper each side.
	dots, err := printer.RenderImage(printer.TestPage(printer.Profiles["58"]), printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	m := printer.PNGSideMargin
	if b := img.Bounds(); b.Dx() != 384+2*m || b.Dy() != dots.Bounds().Dy() {
		t.Fatalf("PNG is %v, want %d × %d", b.Size(), 384+2*m, dots.Bounds().Dy())
	}
	for y := 0; y < dots.Bounds().Dy(); y++ {
		for x := 0; x < 384+2*m; x++ {
			want := uint8(0xff)
			if x >= m && x < m+384 {
				want = dots.GrayAt(x-m, y).Y
			}
			if got := color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y; got != want {
				t.Fatalf("PNG pixel (%d, %d) = %#02x, want %#02x", x, y, got, want)
			}
		}
	}
	if got, err := decodeQR(t, img); err != nil || got != printer.TestPagePayload {
		t.Errorf("test page QR decodes to %q, %v", got, err)
	}
}

// TestZbarimg checks the PNG with an independent decoder where one exists.
func TestZbarimg(t *testing.T) {
	zbarimg, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Skip("zbarimg not installed")
	}
	payload := base45Payload(500)
	b, err := printer.EncodePNG(receipt(payload), printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "receipt.png")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(zbarimg, "--raw", "-q", file).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	if got := strings.TrimRight(string(out), "\n"); got != payload {
		t.Errorf("zbarimg read %q, want the payload", got)
	}
}

func TestNoFonts(t *testing.T) {
	_, err := printer.RenderImage(printer.TestPage(printer.Profiles["58"]), printer.Profiles["58"], printer.Fonts{})
	if !errors.Is(err, printer.ErrNoFont) {
		t.Errorf("render without fonts: %v, want ErrNoFont", err)
	}
	// A Chinese printer needs no font for two-byte text and native QR.
	if _, err := printer.EncodeESCPOS(printer.TestPage(printer.Profiles["58"]), printer.Profiles["58"], printer.Fonts{}); err != nil {
		t.Errorf("ESC/POS without fonts: %v", err)
	}
}

func TestRenderConcurrently(t *testing.T) {
	r := printer.NewRenderer(fonts())
	doc := receipt(base45Payload(300))
	var wg sync.WaitGroup
	results := make([][]byte, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := r.PNG(doc, printer.Profiles["80"])
			if err != nil {
				t.Error(err)
			}
			results[i] = b
		}()
	}
	wg.Wait()
	for i := range results {
		if !bytes.Equal(results[i], results[0]) {
			t.Errorf("render %d differs from render 0", i)
		}
	}
}

// A rare character of a name (𠮷, CJK Extension B) that the bundled face
// lacks is drawn from an installed CJK font, not as a box. The Makefile
// installs Debian's fonts-noto-cjk; elsewhere the test is skipped.
func TestRareCharactersFromAnInstalledFont(t *testing.T) {
	if _, err := os.Stat(printer.FallbackFontPaths[0]); err != nil {
		t.Skipf("no fallback font here (%v); install fonts-noto-cjk", err)
	}
	p := printer.Profiles["58"]
	draw := func(s string) *image.Gray {
		img, err := printer.RenderImage(printer.Document{Blocks: []printer.Block{printer.Text{Text: s}}}, p, fonts())
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	box := draw("\U000F0000")
	for _, s := range []string{"𠮷", "𤋮"} {
		if img := draw(s); ink(img) < 20 || bytes.Equal(img.Pix, box.Pix) {
			t.Errorf("%q is drawn as the missing-glyph box", s)
		}
	}
	if bytes.Equal(draw("𠮷").Pix, draw("𤋮").Pix) {
		t.Error("𠮷 and 𤋮 draw the same pixels")
	}
}
