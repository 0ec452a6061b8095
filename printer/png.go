package printer

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// Margins of the image above the first line and below the last, which the
// paper has too (the print head sits below the previous cut).
const (
	pngTopMargin    = 12
	pngBottomMargin = 12
	cutMarkHeight   = 24
)

// PNGSideMargin is the white added left and right of the printed dots in a
// PNG: the paper is wider than the print head (58 mm paper prints 48 mm,
// 384 dots), and a preview whose text touches its edges looks cut off. Two
// millimetres at 203 dpi.
const PNGSideMargin = 16

// RenderImage draws what the print head prints for doc on a printer of
// profile p: p.Dots pixels wide, one pixel per dot, every pixel black (0)
// or white (255) like the dots of a thermal printer.
func RenderImage(doc Document, p Profile, fonts Fonts) (*image.Gray, error) {
	return rendererFor(fonts).Image(doc, p)
}

// EncodePNG is RenderImage encoded as PNG with PNGSideMargin of white paper
// each side, for a preview and for dir:// jobs. An image for a printer
// (one pixel per dot, no margin) is RenderImage's.
func EncodePNG(doc Document, p Profile, fonts Fonts) ([]byte, error) {
	return rendererFor(fonts).PNG(doc, p)
}

// Image is RenderImage with the renderer's fonts.
func (r *Renderer) Image(doc Document, p Profile) (*image.Gray, error) {
	items, err := layout(doc, p)
	if err != nil {
		return nil, err
	}
	return r.image(items, p)
}

// PNG is EncodePNG with the renderer's fonts.
func (r *Renderer) PNG(doc Document, p Profile) ([]byte, error) {
	items, err := layout(doc, p)
	if err != nil {
		return nil, err
	}
	return r.png(items, p)
}

func (r *Renderer) png(items []item, p Profile) ([]byte, error) {
	img, err := r.image(items, p)
	if err != nil {
		return nil, err
	}
	// Two colours make a 1-bit PNG: an eighth of the pixel data to filter
	// and compress, which keeps previews quick on a kiosk's small CPU.
	// White is colour 0, so the margins need no filling.
	w, h := img.Rect.Dx(), img.Rect.Dy()
	pal := image.NewPaletted(image.Rect(0, 0, w+2*PNGSideMargin, h),
		color.Palette{color.Gray{Y: 0xff}, color.Gray{Y: 0}})
	for y := 0; y < h; y++ {
		src := img.Pix[y*img.Stride : y*img.Stride+w]
		dst := pal.Pix[y*pal.Stride+PNGSideMargin:]
		for x, v := range src {
			dst[x] = 1 - v>>7
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, pal); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (r *Renderer) image(items []item, p Profile) (*image.Gray, error) {
	h := pngTopMargin + pngBottomMargin
	for i := range items {
		h += items[i].height()
		if items[i].kind == itemCut {
			h += cutMarkHeight
		}
	}
	img := image.NewGray(image.Rect(0, 0, p.Dots, h))
	fillWhite(img)
	y := pngTopMargin
	for i := range items {
		it := &items[i]
		switch it.kind {
		case itemText:
			if err := r.drawText(img, it, y, p.Dots); err != nil {
				return nil, err
			}
		case itemDivider:
			dashedLine(img, y+lineHeight/2-1, 2, 6, 4)
		case itemQR:
			drawQR(img, r.qrBitmap(it.qr), it.qr, y, p.Dots)
		case itemCut:
			drawCutMark(img, y+it.height()+cutMarkHeight/2)
			y += cutMarkHeight
		}
		y += it.height()
	}
	// The glyphs are drawn with grey edges; the paper has only dots, so
	// the preview shows the same threshold as the raster lines sent.
	for i, v := range img.Pix {
		if v < 0x80 {
			img.Pix[i] = 0
		} else {
			img.Pix[i] = 0xff
		}
	}
	return img, nil
}

// dashedLine draws a horizontal dashed line across img, thick rows from y.
func dashedLine(img *image.Gray, y, thick, on, off int) {
	for row := y; row < y+thick; row++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			if x%(on+off) < on {
				img.Pix[img.PixOffset(x, row)] = 0
			}
		}
	}
}

// drawQR draws the symbol with its quiet zone from y, centred, whole dots
// per module, exactly as the raster backend sends it.
func drawQR(img *image.Gray, bm [][]bool, q *qrSymbol, y, dots int) {
	m := q.module
	x0 := q.left(dots)
	for my, row := range bm {
		for mx, dark := range row {
			if !dark {
				continue
			}
			for dy := 0; dy < m; dy++ {
				off := img.PixOffset(x0+mx*m, y+my*m+dy)
				for dx := 0; dx < m; dx++ {
					img.Pix[off+dx] = 0
				}
			}
		}
	}
}

// drawCutMark draws where the paper is cut: a dashed line with a pair of
// scissors at the left, drawn from circles and lines because neither
// bundled font has ✂.
func drawCutMark(img *image.Gray, y int) {
	dashedLine(img, y, 1, 4, 4)
	for px := 0; px < 30; px++ {
		img.Pix[img.PixOffset(px, y)] = 0xff
	}
	for py := y - 10; py <= y+10; py++ {
		for px := 0; px < 30; px++ {
			if scissors(float64(px)-4, float64(py-y)) {
				img.Pix[img.PixOffset(px, py)] = 0
			}
		}
	}
}

// scissors reports whether (x, y), relative to the hinge side, is on the
// outline of open scissors pointing right: two finger rings at the left and
// two blades crossing towards the right.
func scissors(x, y float64) bool {
	ring := func(cx, cy float64) bool {
		d := (x-cx)*(x-cx) + (y-cy)*(y-cy)
		return d >= 9 && d <= 20
	}
	blade := func(x1, y1, x2, y2 float64) bool {
		// Distance from the segment (x1,y1)–(x2,y2), at most one pixel.
		dx, dy := x2-x1, y2-y1
		t := ((x-x1)*dx + (y-y1)*dy) / (dx*dx + dy*dy)
		if t < 0 || t > 1 {
			return false
		}
		ex, ey := x1+t*dx-x, y1+t*dy-y
		return ex*ex+ey*ey <= 1.1
	}
	return ring(3, -5) || ring(3, 5) ||
		blade(6, -3, 24, 4) || blade(6, 3, 24, -4)
}
