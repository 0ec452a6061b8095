package printer_test

import (
	"bytes"
	"errors"
	"image"
	"slices"
	"strings"
	"testing"

	"tongban/printer"
	"tongban/printer/printertest"
)

// encodeDecode encodes doc for p and decodes the job back.
func encodeDecode(t *testing.T, doc printer.Document, p printer.Profile) ([]byte, printertest.Decoded) {
	t.Helper()
	job, err := printer.EncodeESCPOS(doc, p, fonts())
	if err != nil {
		t.Fatalf("EncodeESCPOS(%s): %v", p.Name, err)
	}
	d, err := printertest.Decode(job)
	if err != nil {
		t.Fatalf("Decode of the %s job: %v", p.Name, err)
	}
	return job, d
}

func hasLine(lines []string, sub string) bool {
	return slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, sub) })
}

func TestEncodeReceiptEveryProfile(t *testing.T) {
	payload := base45Payload(500)
	for _, name := range printer.ProfileNames() {
		p := printer.Profiles[name]
		t.Run(name, func(t *testing.T) {
			job, d := encodeDecode(t, receipt(payload), p)

			wantStart := []byte{0x1b, '@'}
			if p.Chinese {
				wantStart = append(wantStart, 0x1c, '&')
			}
			if !bytes.HasPrefix(job, wantStart) {
				t.Errorf("job starts % X, want % X", job[:min(len(job), 4)], wantStart)
			}
			if p.Chinese && !bytes.HasSuffix(job, []byte{0x1c, '.'}) {
				t.Errorf("job ends % X, want FS . to leave Chinese mode", job[max(0, len(job)-4):])
			}
			if d.FourByte != 0 {
				t.Errorf("job has %d four-byte GB18030 sequences, want none", d.FourByte)
			}
			if d.Cuts != 1 {
				t.Errorf("job cuts %d times, want 1", d.Cuts)
			}
			band := p.BandHeight
			if band == 0 {
				band = printer.DefaultBandHeight
			}
			for i, h := range d.BandHeights {
				if h > band {
					t.Errorf("GS v 0 band %d is %d rows, more than %d", i, h, band)
				}
			}

			if p.Chinese {
				for _, word := range []string{"受理回执", "个体工商户设立登记", "张三", "11010519491231002X", "￥0.00", "已收材料"} {
					if !hasLine(d.Lines, word) {
						t.Errorf("no text line contains %q; lines: %q", word, d.Lines)
					}
				}
				for i, s := range d.Styles {
					if d.Lines[i] == "受理回执" && (!s.Bold || s.Width != 2 || s.Height != 2 || s.Align != 1 || !s.Chinese) {
						t.Errorf("title printed as %+v, want bold, double size, centred, Chinese mode", s)
					}
				}
			} else {
				// Without Chinese mode every non-ASCII line is an image.
				for _, l := range d.Lines {
					if strings.ContainsFunc(l, func(r rune) bool { return r >= 0x80 }) {
						t.Errorf("text line %q is not ASCII on a printer without Chinese mode", l)
					}
				}
				if len(d.Images) == 0 {
					t.Error("no raster images for the Chinese lines")
				}
			}

			if p.NativeQR {
				if len(d.QRs) != 1 || d.QRs[0] != payload {
					t.Fatalf("native QR payloads = %q, want exactly the %d-character payload", d.QRs, len(payload))
				}
				q := d.NativeQRs[0]
				if q.Model != 50 || q.Level != 49 || q.Module < 2 {
					t.Errorf("native QR model %d level %d module %d, want model 50 (2), level 49 (M), module ≥ 2", q.Model, q.Level, q.Module)
				}
			} else {
				if len(d.QRs) != 0 {
					t.Errorf("raster-QR profile sent native QR codes %q", d.QRs)
				}
				if !slices.ContainsFunc(d.Images, func(img *image.Gray) bool {
					got, err := decodeQR(t, img)
					return err == nil && got == payload
				}) {
					t.Errorf("no raster image decodes to the payload (%d images)", len(d.Images))
				}
			}
		})
	}
}

func TestNativeQRBytes(t *testing.T) {
	doc := printer.Document{Blocks: []printer.Block{printer.QR{Payload: "ABC", Module: 5}}}
	job, err := printer.EncodeESCPOS(doc, printer.Profiles["58"], printer.Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{
		0x1d, '(', 'k', 4, 0, 49, 65, 50, 0, // model 2
		0x1d, '(', 'k', 3, 0, 49, 67, 5, // module size 5
		0x1d, '(', 'k', 3, 0, 49, 69, 49, // error correction M
		0x1d, '(', 'k', 6, 0, 49, 80, 48, 'A', 'B', 'C', // store: pL pH = 3 + 3
		0x1d, '(', 'k', 3, 0, 49, 81, 48, // print
	}
	if !bytes.Contains(job, want) {
		t.Errorf("job % X\ndoes not contain the QR commands % X", job, want)
	}
}

func TestNativeQRLongPayloadLength(t *testing.T) {
	payload := base45Payload(500)
	_, d := encodeDecode(t, printer.Document{Blocks: []printer.Block{printer.QR{Payload: payload}}}, printer.Profiles["58"])
	if len(d.QRs) != 1 || d.QRs[0] != payload {
		t.Fatalf("decoded QR payloads %q, want the 500-character payload", d.QRs)
	}
	if m := d.NativeQRs[0].Module; m != 4 {
		t.Errorf("58 mm module size %d dots, want 4", m)
	}
}

func TestYuanSign(t *testing.T) {
	job, d := encodeDecode(t, printer.Document{Blocks: []printer.Block{printer.Text{Text: "金额 ¥12.50"}}}, printer.Profiles["58"])
	if !slices.Contains(d.Lines, "金额 ￥12.50") {
		t.Errorf("lines %q, want \"金额 ￥12.50\"", d.Lines)
	}
	if bytes.Contains(job, []byte{0x81, 0x30, 0x84, 0x36}) || !bytes.Contains(job, []byte{0xa3, 0xa4, '1', '2'}) {
		t.Errorf("job % X: want ￥ as A3 A4, never ¥ as 81 30 84 36", job)
	}
	if len(d.Images) != 0 {
		t.Errorf("the line went as %d images, want text", len(d.Images))
	}
}

func TestFourByteLineBecomesImage(t *testing.T) {
	doc := printer.Document{Blocks: []printer.Block{
		printer.Text{Text: "受理编号：TB-1"},
		printer.Text{Text: "申请人：王㛃"}, // U+36C3 is a four-byte GB18030 character
		printer.Text{Text: "联系电话：138"},
	}}
	for _, name := range []string{"58", "80"} {
		p := printer.Profiles[name]
		_, d := encodeDecode(t, doc, p)
		if !slices.Equal(d.Lines, []string{"受理编号：TB-1", "联系电话：138"}) {
			t.Errorf("%s: text lines %q, want the two lines around the rare name", name, d.Lines)
		}
		if d.FourByte != 0 {
			t.Errorf("%s: %d four-byte sequences sent", name, d.FourByte)
		}
		if len(d.Images) != 1 {
			t.Fatalf("%s: %d images, want the name line as one image", name, len(d.Images))
		}
		if b := d.Images[0].Bounds(); b.Dx() != p.Dots || b.Dy() != 30 {
			t.Errorf("%s: name line image is %v, want %d × 30", name, b.Size(), p.Dots)
		}
		if ink(d.Images[0]) < 100 {
			t.Errorf("%s: name line image has %d black dots, want a drawn line", name, ink(d.Images[0]))
		}
	}
}

// ink counts the black pixels of a decoded raster.
func ink(img *image.Gray) int {
	n := 0
	for _, v := range img.Pix {
		if v < 0x80 {
			n++
		}
	}
	return n
}

func TestBandHeight(t *testing.T) {
	p := printer.Profiles["58-raster"]
	p.BandHeight = 16
	payload := base45Payload(200)
	_, d := encodeDecode(t, printer.Document{Blocks: []printer.Block{printer.QR{Payload: payload}}}, p)
	if len(d.BandHeights) < 2 {
		t.Fatalf("%d bands, want the QR split into several", len(d.BandHeights))
	}
	for i, h := range d.BandHeights {
		if h > 16 {
			t.Errorf("band %d is %d rows, more than 16", i, h)
		}
	}
	if len(d.Images) != 1 {
		t.Fatalf("bands joined into %d images, want 1", len(d.Images))
	}
	if got, err := decodeQR(t, d.Images[0]); err != nil || got != payload {
		t.Errorf("raster QR decodes to %q, %v; want the payload", got, err)
	}
}

func TestEpsonRasterText(t *testing.T) {
	doc := printer.Document{Blocks: []printer.Block{
		printer.Text{Text: "Printer test"},
		printer.Text{Text: "打印测试", Size: 2, Align: printer.Center},
	}}
	job, d := encodeDecode(t, doc, printer.Profiles["80-epson"])
	if bytes.Contains(job, []byte{0x1c, '&'}) || bytes.Contains(job, []byte{0x1c, '.'}) {
		t.Error("FS & or FS . sent to a printer without Chinese mode")
	}
	if !slices.Equal(d.Lines, []string{"Printer test"}) {
		t.Errorf("text lines %q, want only the ASCII line", d.Lines)
	}
	if len(d.Images) != 1 || d.Images[0].Bounds().Dy() != 54 {
		t.Errorf("want the double-size Chinese line as one 54-row image, got %d images", len(d.Images))
	}
}

func TestTestPage(t *testing.T) {
	for _, name := range printer.ProfileNames() {
		p := printer.Profiles[name]
		t.Run(name, func(t *testing.T) {
			_, d := encodeDecode(t, printer.TestPage(p), p)
			if p.NativeQR && !slices.Equal(d.QRs, []string{printer.TestPagePayload}) {
				t.Errorf("QR payloads %q, want %q", d.QRs, printer.TestPagePayload)
			}
			if d.Cuts != 1 {
				t.Errorf("%d cuts, want 1", d.Cuts)
			}
			if !p.Chinese {
				return
			}
			if !hasLine(d.Lines, "测试") || !hasLine(d.Lines, "Printer test") || !hasLine(d.Lines, p.Name) {
				t.Errorf("lines %q lack 测试, Printer test or the profile name", d.Lines)
			}
			ruler := strings.Repeat("1234567890", 10)[:p.Columns()]
			if !slices.Contains(d.Lines, ruler) {
				t.Errorf("no ruler line of exactly %d columns in %q", p.Columns(), d.Lines)
			}
		})
	}
}

func TestTextSizeOnPaper(t *testing.T) {
	// A title wraps at half the columns at double size.
	p := printer.Profiles["58"]
	_, d := encodeDecode(t, printer.Document{Blocks: []printer.Block{
		printer.Text{Text: strings.Repeat("测", 10), Size: 2},
	}}, p)
	if want := []string{strings.Repeat("测", 8), "测测"}; !slices.Equal(d.Lines, want) {
		t.Errorf("double-size lines %q, want %q", d.Lines, want)
	}
}

func TestBadDocuments(t *testing.T) {
	p := printer.Profiles["58"]
	tests := []struct {
		name string
		doc  printer.Document
	}{
		{"size", printer.Document{Blocks: []printer.Block{printer.Text{Text: "x", Size: 9}}}},
		{"align", printer.Document{Blocks: []printer.Block{printer.Text{Text: "x", Align: 7}}}},
		{"empty QR", printer.Document{Blocks: []printer.Block{printer.QR{}}}},
		{"QR too long", printer.Document{Blocks: []printer.Block{printer.QR{Payload: base45Payload(4000)}}}},
		{"feed", printer.Document{Blocks: []printer.Block{printer.Feed{Lines: -1}}}},
		{"nil block", printer.Document{Blocks: []printer.Block{nil}}},
	}
	for _, tt := range tests {
		_, err := printer.EncodeESCPOS(tt.doc, p, fonts())
		if !errors.Is(err, printer.ErrBadDocument) {
			t.Errorf("%s: error %v, want ErrBadDocument", tt.name, err)
		}
	}
	narrow := printer.Profile{Name: "narrow", Dots: 200, Chinese: true}
	_, err := printer.EncodeESCPOS(printer.Document{Blocks: []printer.Block{printer.QR{Payload: base45Payload(1000)}}}, narrow, fonts())
	if !errors.Is(err, printer.ErrBadDocument) {
		t.Errorf("QR too wide for 200 dots: error %v, want ErrBadDocument", err)
	}
}

func TestPointerBlocks(t *testing.T) {
	_, d := encodeDecode(t, printer.Document{Blocks: []printer.Block{&printer.Text{Text: "一"}, &printer.Cut{}}}, printer.Profiles["58"])
	if !slices.Equal(d.Lines, []string{"一"}) || d.Cuts != 1 {
		t.Errorf("pointer blocks printed %q with %d cuts", d.Lines, d.Cuts)
	}
}
