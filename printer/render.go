package printer

import (
	"errors"
	"fmt"
	"image"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Fonts are the TrueType faces for drawing Chinese: the PNG backend, and
// the ESC/POS backend for lines it must send as images. Bold may be nil or
// the same bytes as Regular; bold is then drawn by thickening strokes.
type Fonts struct {
	Regular, Bold []byte
}

// The sizes, in pixels per em, that fill the printer's cells at text size 1:
// a hanzi fills 24 × 24, and Go Mono's 0.6 em advance fills a 12-dot cell.
const (
	cjkPixels   = 24
	monoPixels  = 20
	baselineTop = 21 // from the top of a 24-dot cell to the baseline
)

// Renderer draws documents with parsed fonts and caches glyph images and
// the last few QR bitmaps, so that the fonts are parsed once, each glyph is
// rasterised once, and a receipt previewed and then printed is encoded
// once. It is safe for concurrent use.
type Renderer struct {
	fonts Fonts

	once    sync.Once
	err     error
	cjk     *sfnt.Font
	cjkBold *sfnt.Font // nil: thicken cjk

	mu     sync.Mutex
	buf    sfnt.Buffer
	faces  map[faceKey]font.Face
	glyphs map[glyphKey]*glyph

	qrMu    sync.Mutex
	qrCache []qrCacheEntry
}

// NewRenderer returns a Renderer for fonts; the fonts are parsed when first
// needed, and a missing font is only an error for a document that needs it.
func NewRenderer(fonts Fonts) *Renderer {
	return &Renderer{fonts: fonts, faces: map[faceKey]font.Face{}, glyphs: map[glyphKey]*glyph{}}
}

// latinFonts are Go Mono and Go Mono Bold. The bundled CJK face has no
// Latin letters, digits or Western punctuation, and a monospaced face in the
// 12-dot cell looks like what the printer's own font prints.
var latinFonts = sync.OnceValues(func() ([2]*sfnt.Font, error) {
	regular, err := opentype.Parse(gomono.TTF)
	if err != nil {
		return [2]*sfnt.Font{}, err
	}
	bold, err := opentype.Parse(gomonobold.TTF)
	return [2]*sfnt.Font{regular, bold}, err
})

func (r *Renderer) load() error {
	r.once.Do(func() {
		if len(r.fonts.Regular) == 0 {
			r.err = wrap(ErrNoFont, errors.New("Fonts.Regular is empty"))
			return
		}
		var err error
		if r.cjk, err = opentype.Parse(r.fonts.Regular); err != nil {
			r.err = wrap(ErrNoFont, fmt.Errorf("parsing the regular font: %v", err))
			return
		}
		if len(r.fonts.Bold) > 0 && !sameBytes(r.fonts.Bold, r.fonts.Regular) {
			if r.cjkBold, err = opentype.Parse(r.fonts.Bold); err != nil {
				r.err = wrap(ErrNoFont, fmt.Errorf("parsing the bold font: %v", err))
				return
			}
		}
		if _, err = latinFonts(); err != nil {
			r.err = wrap(ErrNoFont, fmt.Errorf("parsing Go Mono: %v", err))
		}
	})
	return r.err
}

func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

type faceKey struct {
	f      *sfnt.Font
	pixels int
}

type glyphKey struct {
	r    rune
	size int
	bold bool
}

// glyph is a rasterised character: its coverage mask positioned relative to
// the dot on the baseline, and its advance in pixels.
type glyph struct {
	mask    *image.Alpha
	advance int
}

// glyph returns the cached glyph of ch; r.mu must be held.
func (r *Renderer) glyph(ch rune, size int, bold bool) (*glyph, error) {
	key := glyphKey{ch, size, bold}
	if g, ok := r.glyphs[key]; ok {
		return g, nil
	}
	latin, _ := latinFonts()
	f, pixels, thicken := r.cjk, cjkPixels*size, false
	if bold {
		if r.cjkBold != nil {
			f = r.cjkBold
		} else {
			thicken = true
		}
	}
	switch {
	case ch < 0x80 || !r.has(r.cjk, ch) && r.has(latin[0], ch):
		f, pixels, thicken = latin[0], monoPixels*size, false
		if bold {
			f = latin[1]
		}
	case !r.has(r.cjk, ch):
		if fb := r.fallbackFor(ch); fb != nil {
			f, thicken = fb, bold
		}
	}
	face, ok := r.faces[faceKey{f, pixels}]
	if !ok {
		var err error
		face, err = opentype.NewFace(f, &opentype.FaceOptions{Size: float64(pixels), DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return nil, wrap(ErrNoFont, err)
		}
		r.faces[faceKey{f, pixels}] = face
	}
	// A missing glyph still draws the font's box, which shows on the
	// preview that something is missing rather than hiding it.
	dr, mask, maskp, adv, _ := face.Glyph(fixed.Point26_6{}, ch)
	g := &glyph{mask: image.NewAlpha(dr), advance: adv.Round()}
	for y := dr.Min.Y; y < dr.Max.Y; y++ {
		for x := dr.Min.X; x < dr.Max.X; x++ {
			_, _, _, a := mask.At(maskp.X+x-dr.Min.X, maskp.Y+y-dr.Min.Y).RGBA()
			g.mask.Pix[g.mask.PixOffset(x, y)] = uint8(a >> 8)
		}
	}
	if thicken {
		g.mask = thickenMask(g.mask, size)
		g.advance += size
	}
	r.glyphs[key] = g
	return g, nil
}

func (r *Renderer) has(f *sfnt.Font, ch rune) bool {
	i, err := f.GlyphIndex(&r.buf, ch)
	return err == nil && i != 0
}

// thickenMask is a fake bold for a font with no bold face: the strokes
// grow by n pixels to the right.
func thickenMask(m *image.Alpha, n int) *image.Alpha {
	b := m.Rect
	out := image.NewAlpha(image.Rect(b.Min.X, b.Min.Y, b.Max.X+n, b.Max.Y))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X+n; x++ {
			var a uint8
			for k := 0; k <= n; k++ {
				if sx := x - k; sx >= b.Min.X && sx < b.Max.X {
					a = max(a, m.Pix[m.PixOffset(sx, y)])
				}
			}
			out.Pix[out.PixOffset(x, y)] = a
		}
	}
	return out
}

// drawGlyph inks g into dst with its dot at (x, y).
func drawGlyph(dst *image.Gray, g *glyph, x, y int) {
	r := g.mask.Rect.Add(image.Pt(x, y)).Intersect(dst.Rect)
	for py := r.Min.Y; py < r.Max.Y; py++ {
		src := g.mask.Pix[g.mask.PixOffset(r.Min.X-x, py-y):]
		out := dst.Pix[dst.PixOffset(r.Min.X, py):]
		for i := 0; i < r.Dx(); i++ {
			if v := 0xff - src[i]; v < out[i] {
				out[i] = v
			}
		}
	}
}

// drawText draws one laid-out text line with its cell at the top y: each
// character centred in its one or two cells, as the printer places them.
func (r *Renderer) drawText(dst *image.Gray, it *item, top, dots int) error {
	if err := r.load(); err != nil {
		return err
	}
	cell := cellWidth * it.size
	x := 0
	switch it.align {
	case Center:
		x = (dots - it.cols*cell) / 2
	case Right:
		x = dots - it.cols*cell
	}
	baseline := top + baselineTop*it.size
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, ch := range it.text {
		w := runeCols(ch) * cell
		if ch != ' ' {
			g, err := r.glyph(ch, it.size, it.bold)
			if err != nil {
				return err
			}
			drawGlyph(dst, g, x+(w-g.advance)/2, baseline)
		}
		x += w
	}
	return nil
}

// renderers keeps a Renderer per font pair for the package-level functions,
// so callers that pass the same embedded bytes parse them once.
var renderers struct {
	sync.Mutex
	m map[rendererKey]*Renderer
}

type rendererKey struct {
	regular, bold       *byte
	regularLen, boldLen int
}

func rendererFor(f Fonts) *Renderer {
	key := rendererKey{regularLen: len(f.Regular), boldLen: len(f.Bold)}
	if len(f.Regular) > 0 {
		key.regular = &f.Regular[0]
	}
	if len(f.Bold) > 0 {
		key.bold = &f.Bold[0]
	}
	renderers.Lock()
	defer renderers.Unlock()
	if r, ok := renderers.m[key]; ok {
		return r
	}
	// Callers passing fresh bytes every time would grow this without end.
	if renderers.m == nil || len(renderers.m) >= 8 {
		renderers.m = map[rendererKey]*Renderer{}
	}
	r := NewRenderer(f)
	renderers.m[key] = r
	return r
}
