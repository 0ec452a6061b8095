package printer

import (
	"image"
)

// ESC/POS control bytes.
const (
	asciiESC = 0x1b
	asciiFS  = 0x1c
	asciiGS  = 0x1d
	asciiLF  = 0x0a
)

// QR error correction level M in GS ( k function 69 (48 L, 49 M, 50 Q, 51 H).
const qrLevelM = 49

// EncodeESCPOS returns the ESC/POS job that prints doc on a printer of
// profile p. fonts are needed only for lines sent as images: every line with
// a character outside two-byte GB18030, and every non-ASCII line on a
// printer without Chinese mode.
func EncodeESCPOS(doc Document, p Profile, fonts Fonts) ([]byte, error) {
	return rendererFor(fonts).ESCPOS(doc, p)
}

// ESCPOS is EncodeESCPOS with the renderer's fonts.
func (r *Renderer) ESCPOS(doc Document, p Profile) ([]byte, error) {
	items, err := layout(doc, p)
	if err != nil {
		return nil, err
	}
	return r.escpos(items, p)
}

func (r *Renderer) escpos(items []item, p Profile) ([]byte, error) {
	w := escWriter{buf: make([]byte, 0, 4096), size: 1, spacing: -1}
	// ESC @ clears what an earlier job left (size, bold, alignment).
	w.buf = append(w.buf, asciiESC, '@')
	if p.Chinese {
		// All our text is GB18030, where ASCII stays ASCII, so Chinese
		// mode is set once for the whole job (FS &) ...
		w.buf = append(w.buf, asciiFS, '&')
	}
	var scratch *image.Gray
	for i := range items {
		it := &items[i]
		switch it.kind {
		case itemText, itemDivider:
			if it.raster {
				h := textLineHeight(it.size)
				if scratch == nil || scratch.Rect.Dy() != h {
					scratch = image.NewGray(image.Rect(0, 0, p.Dots, h))
				}
				fillWhite(scratch)
				if err := r.drawText(scratch, it, 0, p.Dots); err != nil {
					return nil, err
				}
				w.raster(grayBits(scratch), p.bandHeight())
				continue
			}
			w.setAlign(it.align)
			w.setBold(it.bold)
			w.setSize(it.size)
			w.setSpacing(textLineHeight(it.size))
			w.buf = append(w.buf, it.gb...)
			w.buf = append(w.buf, asciiLF)
		case itemFeed:
			w.setSpacing(lineHeight)
			w.feedLines(it.lines)
		case itemQR:
			quiet := quietModules * it.qr.module
			w.feedDots(quiet)
			if p.NativeQR {
				w.setAlign(Center)
				w.nativeQR(it.qr.payload, it.qr.module)
			} else {
				w.raster(it.qr.rasterBits(r.qrBitmap(it.qr), p.Dots), p.bandHeight())
			}
			w.feedDots(quiet)
		case itemCut:
			w.setSpacing(lineHeight)
			w.feedLines(cutFeedLines)
			// GS V 66 0: feed to the cutter and cut, leaving a tab.
			w.buf = append(w.buf, asciiGS, 'V', 66, 0)
		}
	}
	if p.Chinese {
		// ... and left at its end (FS .): on many Chinese printers ESC @
		// does not reset the mode, and a program that prints after us in
		// the printer's code page must find it as it was.
		w.buf = append(w.buf, asciiFS, '.')
	}
	return w.buf, nil
}

// escWriter appends commands and skips those that would not change the
// printer's state.
type escWriter struct {
	buf     []byte
	align   Align
	bold    bool
	size    int
	spacing int
}

func (w *escWriter) setAlign(a Align) {
	if w.align != a {
		w.buf = append(w.buf, asciiESC, 'a', byte(a))
		w.align = a
	}
}

func (w *escWriter) setBold(b bool) {
	if w.bold != b {
		v := byte(0)
		if b {
			v = 1
		}
		w.buf = append(w.buf, asciiESC, 'E', v)
		w.bold = b
	}
}

// setSize sets GS ! to the same multiple of width and height.
func (w *escWriter) setSize(s int) {
	if w.size != s {
		n := byte(s - 1)
		w.buf = append(w.buf, asciiGS, '!', n<<4|n)
		w.size = s
	}
}

// setSpacing sets the line spacing in dots (ESC 3), so a line is as tall as
// on the PNG rather than the model's default.
func (w *escWriter) setSpacing(n int) {
	if w.spacing != n {
		w.buf = append(w.buf, asciiESC, '3', byte(n))
		w.spacing = n
	}
}

// feedLines prints and feeds n lines (ESC d).
func (w *escWriter) feedLines(n int) {
	for ; n > 0; n -= 255 {
		w.buf = append(w.buf, asciiESC, 'd', byte(min(n, 255)))
	}
}

// feedDots prints and feeds n dots (ESC J).
func (w *escWriter) feedDots(n int) {
	for ; n > 0; n -= 255 {
		w.buf = append(w.buf, asciiESC, 'J', byte(min(n, 255)))
	}
}

// qrFunction writes GS ( k for the QR symbology (cn 49): pL pH count the
// bytes after themselves, that is cn, fn and the parameters.
func (w *escWriter) qrFunction(fn byte, params ...byte) {
	n := len(params) + 2
	w.buf = append(w.buf, asciiGS, '(', 'k', byte(n), byte(n>>8), 49, fn)
	w.buf = append(w.buf, params...)
}

// nativeQR has the printer encode and print payload: model 2, the module
// size, level M, store (pL pH = data length + 3), print.
func (w *escWriter) nativeQR(payload string, module int) {
	w.qrFunction(65, 50, 0)
	w.qrFunction(67, byte(module))
	w.qrFunction(69, qrLevelM)
	n := len(payload) + 3
	w.buf = append(w.buf, asciiGS, '(', 'k', byte(n), byte(n>>8), 49, 80, 48)
	w.buf = append(w.buf, payload...)
	w.qrFunction(81, 48)
}

// raster sends img with GS v 0 in bands of at most band rows, because some
// printers garble tall images.
func (w *escWriter) raster(img *bitImage, band int) {
	stride := img.stride()
	for y := 0; y < img.height; y += band {
		h := min(band, img.height-y)
		w.buf = append(w.buf, asciiGS, 'v', '0', 0, byte(stride), byte(stride>>8), byte(h), byte(h>>8))
		w.buf = append(w.buf, img.bits[y*stride:(y+h)*stride]...)
	}
}

// fillWhite paints g white, doubling copies rather than a byte loop,
// since a receipt image is the better part of a megabyte.
func fillWhite(g *image.Gray) {
	if len(g.Pix) == 0 {
		return
	}
	g.Pix[0] = 0xff
	for n := 1; n < len(g.Pix); n *= 2 {
		copy(g.Pix[n:], g.Pix[:n])
	}
}
