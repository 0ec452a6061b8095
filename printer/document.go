package printer

// Align is the horizontal placement of a text line on the paper.
type Align int

// The alignments of a text line.
const (
	Left Align = iota
	Center
	Right
)

// MaxTextSize is the largest Text.Size: beyond triple size a 58 mm line holds
// fewer than ten columns, which is no longer a receipt.
const MaxTextSize = 3

// Document is a receipt: blocks printed top to bottom.
type Document struct {
	Blocks []Block
}

// Block is one element of a Document: Text, QR, Divider, Feed or Cut.
type Block interface {
	block()
}

// Text is a paragraph. It wraps at the paper width, where a hanzi or other
// non-ASCII character takes two columns and an ASCII character one (32
// columns on 58 mm paper at size 1, 48 on 80 mm); "\n" starts a new line.
type Text struct {
	Text string
	// Size multiplies width and height: 1 (or 0) normal, 2 double, 3 triple.
	Size  int
	Bold  bool
	Align Align
}

// QR is a QR code at error correction level M, centred on the line.
type QR struct {
	Payload string
	// Module is the number of dots per module; 0 takes the profile default.
	// It is a maximum: a code too wide for the paper gets smaller modules.
	Module int
}

// Divider is a line across the paper.
type Divider struct{}

// Feed advances the paper by Lines blank text lines.
type Feed struct {
	Lines int
}

// Cut feeds the paper past the cutter and cuts it, leaving a tab.
type Cut struct{}

func (Text) block()    {}
func (QR) block()      {}
func (Divider) block() {}
func (Feed) block()    {}
func (Cut) block()     {}

// Builder assembles a Document with one call per block, which reads closer
// to the printed receipt than a literal slice of blocks.
type Builder struct {
	doc Document
}

// Add appends blocks as they are.
func (b *Builder) Add(blocks ...Block) *Builder {
	b.doc.Blocks = append(b.doc.Blocks, blocks...)
	return b
}

// Title appends a double-size, bold, centred line.
func (b *Builder) Title(s string) *Builder {
	return b.Add(Text{Text: s, Size: 2, Bold: true, Align: Center})
}

// Line appends normal left-aligned text.
func (b *Builder) Line(s string) *Builder {
	return b.Add(Text{Text: s})
}

// Bold appends bold left-aligned text.
func (b *Builder) Bold(s string) *Builder {
	return b.Add(Text{Text: s, Bold: true})
}

// Centered appends normal centred text.
func (b *Builder) Centered(s string) *Builder {
	return b.Add(Text{Text: s, Align: Center})
}

// QR appends a QR code of payload with the profile's module size.
func (b *Builder) QR(payload string) *Builder {
	return b.Add(QR{Payload: payload})
}

// Divider appends a line across the paper.
func (b *Builder) Divider() *Builder {
	return b.Add(Divider{})
}

// Feed appends n blank lines.
func (b *Builder) Feed(n int) *Builder {
	return b.Add(Feed{Lines: n})
}

// Cut appends a cut.
func (b *Builder) Cut() *Builder {
	return b.Add(Cut{})
}

// Document returns the document built so far.
func (b *Builder) Document() Document {
	return Document{Blocks: append([]Block(nil), b.doc.Blocks...)}
}

// QRPayload returns the payload of the document's first QR code, or ""
// when it has none: what a receipt carries, to show beside its image.
func (d Document) QRPayload() string {
	for _, b := range d.Blocks {
		if q, ok := b.(QR); ok {
			return q.Payload
		}
	}
	return ""
}
