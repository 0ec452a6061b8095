package printer

import (
	"errors"
	"fmt"

	"github.com/skip2/go-qrcode"
)

// minQRModule is the smallest module we print: one dot (0.125 mm) is below
// what counter scanners read reliably.
const minQRModule = 2

// qrSymbol is a QR code laid out for a profile: error correction M, whole
// dots per module, the quiet zone included in its height.
type qrSymbol struct {
	payload string
	module  int // dots per module
	modules int // width of the symbol in modules, without the quiet zone
	code    *qrcode.QRCode
}

func newQRSymbol(payload string, module int, p Profile) (*qrSymbol, error) {
	if payload == "" {
		return nil, errors.New("empty QR payload")
	}
	if module < 0 || module > 16 {
		return nil, fmt.Errorf("QR module %d is not between 0 and 16", module)
	}
	// qrcode.New only picks the version; the costly masking waits for
	// Bitmap, which a native-QR printer never needs.
	code, err := qrcode.New(payload, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("QR payload of %d bytes: %v", len(payload), err)
	}
	modules := 17 + 4*code.VersionNumber
	if module == 0 {
		module = p.qrModule()
	}
	module = min(module, p.Dots/(modules+2*quietModules))
	if module < minQRModule {
		return nil, fmt.Errorf("QR version %d (%d bytes) is too wide for %d dots", code.VersionNumber, len(payload), p.Dots)
	}
	return &qrSymbol{payload: payload, module: module, modules: modules, code: code}, nil
}

// height includes the quiet zone above and below.
func (q *qrSymbol) height() int { return (q.modules + 2*quietModules) * q.module }

// left is the x of the bitmap's left edge when centred on a line of dots.
func (q *qrSymbol) left(dots int) int {
	return (dots - (q.modules+2*quietModules)*q.module) / 2
}

// qrCacheSize is how many QR bitmaps a Renderer keeps: a receipt is
// usually previewed, printed and sometimes printed again, and masking a
// version 15 symbol costs milliseconds each time.
const qrCacheSize = 8

// qrBitmap is the symbol with a quiet zone of quietModules on every side,
// bitmap[y][x] true for a dark module. The result is shared: read only.
func (r *Renderer) qrBitmap(q *qrSymbol) [][]bool {
	r.qrMu.Lock()
	for _, e := range r.qrCache {
		if e.payload == q.payload {
			r.qrMu.Unlock()
			return e.bits
		}
	}
	r.qrMu.Unlock()
	// go-qrcode's border is fixed at 4 modules, the quiet zone we want.
	bits := q.code.Bitmap()
	r.qrMu.Lock()
	defer r.qrMu.Unlock()
	if len(r.qrCache) == qrCacheSize {
		r.qrCache = r.qrCache[1:]
	}
	r.qrCache = append(r.qrCache, qrCacheEntry{q.payload, bits})
	return bits
}

type qrCacheEntry struct {
	payload string
	bits    [][]bool
}

// rasterBits is the symbol without its top and bottom quiet zone (the
// ESC/POS backend feeds those) as a full-width raster, so the printer's
// alignment setting cannot move it.
func (q *qrSymbol) rasterBits(bm [][]bool, dots int) *bitImage {
	m := q.module
	img := newBitImage(dots, q.modules*m)
	x0 := q.left(dots)
	for my := quietModules; my < quietModules+q.modules; my++ {
		y0 := (my - quietModules) * m
		row := img.row(y0)
		for mx, dark := range bm[my] {
			if dark {
				img.setSpan(row, x0+mx*m, m)
			}
		}
		for k := 1; k < m; k++ {
			copy(img.row(y0+k), row)
		}
	}
	return img
}
