package printertest

import (
	"fmt"
	"image"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Decoded is what an ESC/POS job would print.
type Decoded struct {
	// Lines are the text lines, split where the printer prints them (LF,
	// ESC d, ESC J); text in Chinese mode is decoded as GB18030, other text
	// as code page 437, as the printer's default code page.
	Lines []string
	// Styles holds the print mode of each line of Lines.
	Styles []Style
	// QRs are the payloads of the native QR codes printed (GS ( k).
	QRs []string
	// NativeQRs has the settings each native QR code was printed with.
	NativeQRs []NativeQR
	// Images are the raster images (GS v 0), consecutive bands of the same
	// width joined into one image; black is 0, white 255.
	Images []*image.Gray
	// BandHeights are the rows of each GS v 0 command, in order.
	BandHeights []int
	// Cuts counts GS V commands.
	Cuts int
	// FourByte counts four-byte GB18030 sequences in the text, which
	// two-byte Chinese printers garble.
	FourByte int
	// StatusQueries counts DLE EOT commands.
	StatusQueries int
}

// Style is the print mode a text line was printed in.
type Style struct {
	Align         byte // 0 left, 1 centre, 2 right
	Bold          bool
	Width, Height int // character magnification, 1 to 8
	Chinese       bool
}

// NativeQR is a QR code the printer draws itself.
type NativeQR struct {
	Payload string
	Model   byte // 49 model 1, 50 model 2
	Module  int  // dots per module
	Level   byte // 48 L, 49 M, 50 Q, 51 H
}

// Decode reads an ESC/POS job. It knows the commands receipts use and
// returns an error for any other command, a truncated command, a malformed
// GS ( k length or an invalid GB18030 sequence, since a printer would print
// garbage for those.
func Decode(b []byte) (Decoded, error) {
	d := decoder{b: b, style: Style{Width: 1, Height: 1}, qr: NativeQR{Model: 50, Module: 3, Level: 48}}
	if err := d.run(); err != nil {
		return d.out, fmt.Errorf("ESC/POS offset %d: %w", d.at, err)
	}
	return d.out, nil
}

type decoder struct {
	b   []byte
	i   int // next byte
	at  int // start of the current command, for errors
	out Decoded

	style   Style
	chinese bool
	text    []byte // undecoded text of the current line, in the current mode
	line    strings.Builder
	started bool // the line has text

	qr     NativeQR
	stored []byte // GS ( k function 80 data
	hasQR  bool

	img *imageBuild
}

type imageBuild struct {
	stride, scaleX, scaleY int
	rows                   [][]byte
}

// need returns the next n bytes of the command.
func (d *decoder) need(n int) ([]byte, error) {
	if n < 0 || len(d.b)-d.i < n {
		return nil, fmt.Errorf("command truncated: %d more bytes needed, %d left", n, len(d.b)-d.i)
	}
	p := d.b[d.i : d.i+n]
	d.i += n
	return p, nil
}

func (d *decoder) arg() (byte, error) {
	p, err := d.need(1)
	if err != nil {
		return 0, err
	}
	return p[0], nil
}

func (d *decoder) run() error {
	for d.i < len(d.b) {
		d.at = d.i
		c := d.b[d.i]
		if !(c == 0x1d && d.i+1 < len(d.b) && d.b[d.i+1] == 'v') {
			d.endImage()
		}
		var err error
		switch {
		case c == 0x0a:
			d.i++
			d.endLine(true)
		case c == 0x0d:
			d.i++
		case c == 0x1b:
			d.i++
			err = d.esc()
		case c == 0x1c:
			d.i++
			err = d.fs()
		case c == 0x1d:
			d.i++
			err = d.gs()
		case c == 0x10:
			d.i++
			err = d.dle()
		case c == 0x09 || (c >= 0x20 && c < 0x7f):
			d.i++
			d.text = append(d.text, c)
			d.started = true
		case c >= 0x80:
			err = d.highByte()
		default:
			err = fmt.Errorf("unexpected control byte %#02x", c)
		}
		if err != nil {
			return err
		}
	}
	d.endImage()
	d.endLine(false)
	return nil
}

// highByte takes a non-ASCII character: a whole GB18030 sequence in Chinese
// mode, one byte otherwise.
func (d *decoder) highByte() error {
	c := d.b[d.i]
	if !d.chinese {
		d.i++
		d.text = append(d.text, c)
		d.started = true
		return nil
	}
	if c == 0x80 || c == 0xff {
		return fmt.Errorf("byte %#02x cannot start a GB18030 character", c)
	}
	if d.i+1 >= len(d.b) {
		return fmt.Errorf("GB18030 character truncated")
	}
	c2 := d.b[d.i+1]
	n := 2
	switch {
	case c2 >= 0x30 && c2 <= 0x39:
		n = 4
		if d.i+3 >= len(d.b) {
			return fmt.Errorf("four-byte GB18030 character truncated")
		}
		if c3, c4 := d.b[d.i+2], d.b[d.i+3]; c3 < 0x81 || c3 > 0xfe || c4 < 0x30 || c4 > 0x39 {
			return fmt.Errorf("invalid four-byte GB18030 sequence % X", d.b[d.i:d.i+4])
		}
		d.out.FourByte++
	case c2 >= 0x40 && c2 <= 0xfe && c2 != 0x7f:
	default:
		return fmt.Errorf("invalid GB18030 sequence % X", d.b[d.i:d.i+2])
	}
	d.text = append(d.text, d.b[d.i:d.i+n]...)
	d.i += n
	d.started = true
	return nil
}

// flushText decodes the pending bytes in the mode they were sent in.
func (d *decoder) flushText() {
	if len(d.text) == 0 {
		return
	}
	dec := charmap.CodePage437.NewDecoder()
	if d.chinese {
		dec = simplifiedchinese.GB18030.NewDecoder()
	}
	s, err := dec.Bytes(d.text)
	if err != nil {
		s = []byte(strings.ToValidUTF8(string(d.text), "\uFFFD"))
	}
	d.line.Write(s)
	d.text = d.text[:0]
}

// endLine prints the line buffer; a line feed prints even an empty line.
func (d *decoder) endLine(always bool) {
	d.flushText()
	if !always && !d.started {
		return
	}
	st := d.style
	st.Chinese = d.chinese
	d.out.Lines = append(d.out.Lines, d.line.String())
	d.out.Styles = append(d.out.Styles, st)
	d.line.Reset()
	d.started = false
}

func (d *decoder) setChinese(on bool) {
	d.flushText()
	d.chinese = on
}

func (d *decoder) esc() error {
	cmd, err := d.arg()
	if err != nil {
		return err
	}
	switch cmd {
	case '@':
		// Initialise: the print buffer and every mode are cleared.
		d.text, d.started = d.text[:0], false
		d.line.Reset()
		d.chinese = false
		d.style = Style{Width: 1, Height: 1}
		return nil
	case '2':
		return nil
	case 'd', 'J':
		_, err := d.arg()
		d.endLine(false)
		return err
	case 'a':
		n, err := d.arg()
		if err != nil {
			return err
		}
		if n >= 48 {
			n -= 48
		}
		if n > 2 {
			return fmt.Errorf("ESC a %d: alignment must be 0 to 2", n)
		}
		d.style.Align = n
		return nil
	case 'E':
		n, err := d.arg()
		d.style.Bold = n&1 == 1
		return err
	case '!':
		n, err := d.arg()
		d.style.Bold = n&0x08 != 0
		d.style.Width, d.style.Height = 1+int(n>>5&1), 1+int(n>>4&1)
		return err
	case '3', '-', 'G', 'M', 't', 'R', '{', 'V', ' ', 'r':
		_, err := d.arg()
		return err
	case 'p':
		_, err := d.need(3)
		return err
	}
	return fmt.Errorf("unknown command ESC %#02x", cmd)
}

func (d *decoder) fs() error {
	cmd, err := d.arg()
	if err != nil {
		return err
	}
	switch cmd {
	case '&':
		d.setChinese(true)
		return nil
	case '.':
		d.setChinese(false)
		return nil
	case '!', '-', 'W', 'C':
		_, err := d.arg()
		return err
	}
	return fmt.Errorf("unknown command FS %#02x", cmd)
}

func (d *decoder) dle() error {
	p, err := d.need(2)
	if err != nil {
		return err
	}
	if p[0] != 0x04 || p[1] < 1 || p[1] > 4 {
		return fmt.Errorf("unknown command DLE % X", p)
	}
	d.out.StatusQueries++
	return nil
}

func (d *decoder) gs() error {
	cmd, err := d.arg()
	if err != nil {
		return err
	}
	switch cmd {
	case '!':
		n, err := d.arg()
		w, h := int(n>>4&7)+1, int(n&7)+1
		d.style.Width, d.style.Height = w, h
		return err
	case 'V':
		m, err := d.arg()
		if err != nil {
			return err
		}
		switch m {
		case 0, 1, 48, 49:
		case 65, 66:
			if _, err := d.arg(); err != nil {
				return err
			}
		default:
			return fmt.Errorf("GS V %d: unknown cut mode", m)
		}
		d.endLine(false)
		d.out.Cuts++
		return nil
	case 'v':
		return d.raster()
	case '(':
		return d.gsParen()
	case 'B', 'a', 'H', 'h', 'w', 'f':
		_, err := d.arg()
		return err
	case 'L', 'W':
		_, err := d.need(2)
		return err
	}
	return fmt.Errorf("unknown command GS %#02x", cmd)
}

// raster reads GS v 0 m xL xH yL yH and its data.
func (d *decoder) raster() error {
	p, err := d.need(6)
	if err != nil {
		return err
	}
	if p[0] != '0' {
		return fmt.Errorf("unknown command GS v %#02x", p[0])
	}
	if d.started || len(d.text) > 0 {
		return fmt.Errorf("GS v 0 in the middle of a text line")
	}
	m := p[1]
	if m >= 48 {
		m -= 48
	}
	if m > 3 {
		return fmt.Errorf("GS v 0: mode %d must be 0 to 3", p[1])
	}
	stride, rows := int(p[2])|int(p[3])<<8, int(p[4])|int(p[5])<<8
	if stride == 0 || rows == 0 {
		return fmt.Errorf("GS v 0: empty image %d × %d", stride, rows)
	}
	data, err := d.need(stride * rows)
	if err != nil {
		return err
	}
	d.out.BandHeights = append(d.out.BandHeights, rows)
	sx, sy := 1+int(m&1), 1+int(m>>1)
	if d.img != nil && (d.img.stride != stride || d.img.scaleX != sx || d.img.scaleY != sy) {
		d.endImage()
	}
	if d.img == nil {
		d.img = &imageBuild{stride: stride, scaleX: sx, scaleY: sy}
	}
	for y := 0; y < rows; y++ {
		d.img.rows = append(d.img.rows, data[y*stride:(y+1)*stride])
	}
	return nil
}

func (d *decoder) endImage() {
	b := d.img
	if b == nil {
		return
	}
	d.img = nil
	w, h := b.stride*8*b.scaleX, len(b.rows)*b.scaleY
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		row := b.rows[y/b.scaleY]
		out := img.Pix[y*img.Stride : y*img.Stride+w]
		for x := range out {
			sx := x / b.scaleX
			if row[sx>>3]&(0x80>>(sx&7)) != 0 {
				out[x] = 0
			} else {
				out[x] = 0xff
			}
		}
	}
	d.out.Images = append(d.out.Images, img)
}

// gsParen reads GS ( k for QR codes. pL pH count the bytes after them, and
// each function's length is checked, because a wrong length makes a printer
// swallow the commands that follow.
func (d *decoder) gsParen() error {
	p, err := d.need(3)
	if err != nil {
		return err
	}
	if p[0] != 'k' {
		return fmt.Errorf("unknown command GS ( %#02x", p[0])
	}
	n := int(p[1]) | int(p[2])<<8
	if n < 2 {
		return fmt.Errorf("GS ( k: pL pH = %d, less than cn and fn", n)
	}
	body, err := d.need(n)
	if err != nil {
		return err
	}
	cn, fn, params := body[0], body[1], body[2:]
	if cn != 49 {
		return fmt.Errorf("GS ( k cn %d: only QR codes (49) are known", cn)
	}
	want := map[byte]int{65: 2, 67: 1, 69: 1, 81: 1, 82: 1}
	if w, ok := want[fn]; ok && len(params) != w {
		return fmt.Errorf("GS ( k fn %d: pL pH = %d, want %d", fn, n, w+2)
	}
	switch fn {
	case 65:
		if params[0] != 49 && params[0] != 50 || params[1] != 0 {
			return fmt.Errorf("GS ( k fn 65: model % X is not 49 or 50 followed by 0", params)
		}
		d.qr.Model = params[0]
	case 67:
		if params[0] < 1 || params[0] > 16 {
			return fmt.Errorf("GS ( k fn 67: module size %d is not 1 to 16", params[0])
		}
		d.qr.Module = int(params[0])
	case 69:
		if params[0] < 48 || params[0] > 51 {
			return fmt.Errorf("GS ( k fn 69: error correction %d is not 48 to 51 (L M Q H)", params[0])
		}
		d.qr.Level = params[0]
	case 80:
		if len(params) < 2 || params[0] != 48 {
			return fmt.Errorf("GS ( k fn 80: want m = 48 and at least one data byte, pL pH = %d", n)
		}
		d.stored = append(d.stored[:0], params[1:]...)
		d.hasQR = true
	case 81:
		if params[0] != 48 {
			return fmt.Errorf("GS ( k fn 81: m = %d, want 48", params[0])
		}
		if !d.hasQR {
			return fmt.Errorf("GS ( k fn 81: print with no data stored")
		}
		if d.started || len(d.text) > 0 {
			return fmt.Errorf("GS ( k fn 81 in the middle of a text line")
		}
		q := d.qr
		q.Payload = string(d.stored)
		d.out.QRs = append(d.out.QRs, q.Payload)
		d.out.NativeQRs = append(d.out.NativeQRs, q)
	case 82:
	default:
		return fmt.Errorf("GS ( k fn %d: unknown QR function", fn)
	}
	return nil
}
