package main

import (
	"fmt"
	"image"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// glyphMask is an anti-aliased alpha mask of one character, scaled so the
// larger side of its ink is ink pixels and centred on the ink's own bounds
// rather than on the advance box, which for hanzi is not centred exactly.
func glyphMask(fontData []byte, r rune, size int, ink float32) (*image.Alpha, error) {
	f, err := sfnt.Parse(fontData)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	gid, err := f.GlyphIndex(&buf, r)
	if err != nil || gid == 0 {
		return nil, fmt.Errorf("font has no glyph for %q (err %v)", r, err)
	}
	// Load once at the font's own scale to learn the ink's proportions.
	upem := fixed.Int26_6(f.UnitsPerEm()) << 6
	segs, err := f.LoadGlyph(&buf, gid, upem, nil)
	if err != nil {
		return nil, err
	}
	b := segs.Bounds()
	w, h := fix(b.Max.X-b.Min.X), fix(b.Max.Y-b.Min.Y)
	scale := ink / max(w, h)

	ppem := fixed.Int26_6(float32(upem) * scale)
	segs, err = f.LoadGlyph(&buf, gid, ppem, nil)
	if err != nil {
		return nil, err
	}
	b = segs.Bounds()
	dx := float32(size)/2 - fix(b.Min.X+b.Max.X)/2
	dy := float32(size)/2 - fix(b.Min.Y+b.Max.Y)/2

	z := vector.NewRasterizer(size, size)
	for _, s := range segs {
		p := func(i int) (float32, float32) { return fix(s.Args[i].X) + dx, fix(s.Args[i].Y) + dy }
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			z.ClosePath() // contours from sfnt end on their start; this only makes sure
			z.MoveTo(p(0))
		case sfnt.SegmentOpLineTo:
			z.LineTo(p(0))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := p(0)
			x2, y2 := p(1)
			z.QuadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := p(0)
			x2, y2 := p(1)
			x3, y3 := p(2)
			z.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	z.ClosePath()
	mask := image.NewAlpha(image.Rect(0, 0, size, size))
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return mask, nil
}

// fix converts a 26.6 fixed-point value to float.
func fix(v fixed.Int26_6) float32 { return float32(v) / 64 }
