package printer

import (
	"fmt"
	"strings"
)

// The geometry shared by the ESC/POS and PNG backends, in printer dots.
// The ESC/POS backend sets the line spacing explicitly (ESC 3) so that the
// paper comes out as tall as the PNG.
const (
	cellWidth    = 12 // font A: an ASCII character is 12 × 24 dots, a hanzi 24 × 24
	cellHeight   = 24
	lineGap      = 6
	lineHeight   = cellHeight + lineGap // a size-1 line, a feed line, a divider
	quietModules = 4                    // the QR quiet zone the standard asks for
	cutFeedLines = 3                    // fed before a cut: cheap printers ignore the feed in GS V 66
)

// textLineHeight is the height of a text line at a size.
func textLineHeight(size int) int { return cellHeight*size + lineGap }

type itemKind uint8

const (
	itemText itemKind = iota
	itemDivider
	itemFeed
	itemQR
	itemCut
)

// item is one printed line or object after layout: a wrapped text line, a
// divider, a feed, a QR code or a cut.
type item struct {
	kind itemKind

	// itemText
	text  string
	cols  int
	size  int
	bold  bool
	align Align
	// raster means the line goes as an image: it has a character with a
	// four-byte GB18030 code, or the printer has no Chinese mode.
	raster bool
	gb     []byte

	lines int       // itemFeed
	qr    *qrSymbol // itemQR
}

// height is how far the item advances the paper, in dots.
func (it *item) height() int {
	switch it.kind {
	case itemText:
		return textLineHeight(it.size)
	case itemDivider:
		return lineHeight
	case itemFeed:
		return it.lines * lineHeight
	case itemQR:
		return it.qr.height()
	case itemCut:
		return cutFeedLines * lineHeight
	}
	return 0
}

// layout wraps the text of doc for the profile and checks every block, so
// the backends only place what it returns.
func layout(doc Document, p Profile) ([]item, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	items := make([]item, 0, len(doc.Blocks)+8)
	for i, b := range doc.Blocks {
		bad := func(format string, args ...any) error {
			return wrap(ErrBadDocument, fmt.Errorf("block %d: "+format, append([]any{i}, args...)...))
		}
		switch b := deref(b).(type) {
		case Text:
			size := b.Size
			if size == 0 {
				size = 1
			}
			if size < 1 || size > MaxTextSize {
				return nil, bad("text size %d is not between 1 and %d", b.Size, MaxTextSize)
			}
			if b.Align < Left || b.Align > Right {
				return nil, bad("alignment %d is not Left, Center or Right", b.Align)
			}
			for _, line := range wrapText(cleanText(b.Text), p.Columns()/size) {
				it := item{kind: itemText, text: line, cols: textCols(line), size: size, bold: b.Bold, align: b.Align}
				if p.Chinese {
					gb, fourByte, err := encodeGB(line)
					if err != nil {
						return nil, bad("encoding %q as GB18030: %v", line, err)
					}
					it.gb, it.raster = gb, fourByte
				} else if isASCII(line) {
					it.gb = []byte(line)
				} else {
					it.raster = true
				}
				items = append(items, it)
			}
		case QR:
			sym, err := newQRSymbol(b.Payload, b.Module, p)
			if err != nil {
				return nil, bad("%v", err)
			}
			items = append(items, item{kind: itemQR, qr: sym})
		case Divider:
			// Dashes print on every printer and need no image.
			dashes := strings.Repeat("-", p.Columns())
			items = append(items, item{kind: itemDivider, text: dashes, gb: []byte(dashes), cols: len(dashes), size: 1})
		case Feed:
			if b.Lines < 0 || b.Lines > 100 {
				return nil, bad("feed of %d lines is not between 0 and 100", b.Lines)
			}
			if b.Lines > 0 {
				items = append(items, item{kind: itemFeed, lines: b.Lines})
			}
		case Cut:
			items = append(items, item{kind: itemCut})
		default:
			return nil, bad("unknown block %T", b)
		}
	}
	return items, nil
}

// deref accepts pointers to blocks too: they satisfy Block through the
// value methods, so callers may well pass them.
func deref(b Block) Block {
	switch b := b.(type) {
	case *Text:
		if b != nil {
			return *b
		}
	case *QR:
		if b != nil {
			return *b
		}
	case *Divider:
		if b != nil {
			return *b
		}
	case *Feed:
		if b != nil {
			return *b
		}
	case *Cut:
		if b != nil {
			return *b
		}
	}
	return b
}
