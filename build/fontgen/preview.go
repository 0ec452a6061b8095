package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// previewLines are what the kiosk shows most, plus hanzi whose many
// close strokes are the first to fill in when emboldening is too strong.
var previewLines = []string{
	"通办 政务服务中心 营业执照变更登记 受理回执 Tongban 0123456789",
	"警 赢 攀 餐 疆 融 罐 藏 戴 颤 编 靠 — 请携带身份证原件",
}

// previewSizes are pixel sizes from body text up to a zoom where the
// shape of the emboldened strokes can be judged.
var previewSizes = []float64{14, 18, 24, 40}

// fallbackFace draws text with a CJK face and, like Fyne, falls back to a
// Latin face for characters the CJK face lacks (Droid Sans Fallback has no
// Basic Latin letters or digits).
type fallbackFace struct {
	cjk      *sfnt.Font
	primary  font.Face
	fallback font.Face
}

// faceFor picks the face that has r.
func (f *fallbackFace) faceFor(r rune) font.Face {
	var buf sfnt.Buffer
	if g, err := f.cjk.GlyphIndex(&buf, r); err == nil && g != 0 {
		return f.primary
	}
	return f.fallback
}

// draw writes s at dot and returns the dot after it.
func (f *fallbackFace) draw(dst draw.Image, dot fixed.Point26_6, s string) fixed.Point26_6 {
	d := &font.Drawer{Dst: dst, Src: image.NewUniform(color.Black), Dot: dot}
	for _, r := range s {
		d.Face = f.faceFor(r)
		d.DrawString(string(r))
	}
	return d.Dot
}

// width measures s.
func (f *fallbackFace) width(s string) fixed.Int26_6 {
	var w fixed.Int26_6
	for _, r := range s {
		w += font.MeasureString(f.faceFor(r), string(r))
	}
	return w
}

// writePreview renders each line at each size, regular above bold, to a
// PNG, so a strength can be judged by eye.
func writePreview(path string, regular, bold []byte) error {
	type row struct {
		face *fallbackFace
		size float64
		text string
	}
	var rows []row
	for _, size := range previewSizes {
		for _, text := range previewLines {
			reg, err := newFallbackFace(regular, goregular.TTF, size)
			if err != nil {
				return err
			}
			bld, err := newFallbackFace(bold, gobold.TTF, size)
			if err != nil {
				return err
			}
			rows = append(rows, row{reg, size, text}, row{bld, size, text})
		}
	}
	const margin = 10
	width, height := 0, margin
	for _, r := range rows {
		width = max(width, r.face.width(r.text).Ceil())
		height += int(r.size*1.4) + 2
	}
	img := image.NewRGBA(image.Rect(0, 0, width+2*margin, height+margin))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	y := margin
	for i, r := range rows {
		y += int(r.size * 1.4)
		r.face.draw(img, fixed.P(margin, y-int(r.size*0.3)), r.text)
		y += 2
		if i%2 == 1 { // a faint rule under each regular/bold pair
			draw.Draw(img, image.Rect(0, y-1, img.Bounds().Dx(), y), image.NewUniform(color.Gray{0xdd}), image.Point{}, draw.Src)
		}
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(out, img); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// newFallbackFace opens a CJK face and its Latin fallback at a pixel size,
// unhinted as Fyne draws them.
func newFallbackFace(cjk, latin []byte, size float64) (*fallbackFace, error) {
	c, err := opentype.Parse(cjk)
	if err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	l, err := opentype.Parse(latin)
	if err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	opts := &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone}
	primary, err := opentype.NewFace(c, opts)
	if err != nil {
		return nil, err
	}
	fallback, err := opentype.NewFace(l, opts)
	if err != nil {
		return nil, err
	}
	return &fallbackFace{cjk: c, primary: primary, fallback: fallback}, nil
}
