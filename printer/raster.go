package printer

import "image"

// bitImage is a 1-bit image in the order GS v 0 sends it: rows of width/8
// bytes, the leftmost dot in the high bit, 1 for black.
type bitImage struct {
	width, height int
	bits          []byte
}

// newBitImage returns a white image; width must be a multiple of 8.
func newBitImage(width, height int) *bitImage {
	return &bitImage{width: width, height: height, bits: make([]byte, width/8*height)}
}

func (b *bitImage) stride() int { return b.width / 8 }

func (b *bitImage) row(y int) []byte {
	s := b.stride()
	return b.bits[y*s : (y+1)*s]
}

// setSpan blackens n dots of a row from x.
func (b *bitImage) setSpan(row []byte, x, n int) {
	for i := x; i < x+n; i++ {
		if i >= 0 && i < b.width {
			row[i>>3] |= 0x80 >> (i & 7)
		}
	}
}

// grayBits thresholds a grayscale image: darker than mid-grey prints.
func grayBits(g *image.Gray) *bitImage {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	img := newBitImage(w, h)
	for y := 0; y < h; y++ {
		off := g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y)
		src := g.Pix[off : off+w]
		dst := img.row(y)
		for x, v := range src {
			if v < 0x80 {
				dst[x>>3] |= 0x80 >> (x & 7)
			}
		}
	}
	return img
}
