package printertest_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"tongban/printer"
	"tongban/printer/printertest"
)

// cat joins byte strings into one job.
func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

var (
	initCN = []byte{0x1b, '@', 0x1c, '&'}
	zhong  = []byte{0xd6, 0xd0, 0xce, 0xc4} // 中文 in GB18030
)

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name string
		job  []byte
		want []string
	}{
		{"Chinese mode", cat(initCN, zhong, []byte("\n")), []string{"中文"}},
		{"switch to code page", cat(initCN, zhong, []byte{0x1c, '.', 0x82, '\n'}), []string{"中文é"}},
		{"no Chinese mode", cat([]byte{0x1b, '@'}, zhong, []byte("\n")), []string{"╓╨╬─"}},
		{"ESC @ clears the buffer", cat(initCN, zhong, []byte{0x1b, '@', 'a', '\n'}), []string{"a"}},
		{"ESC d prints the line", cat(initCN, []byte("abc\x1bd\x02")), []string{"abc"}},
		{"empty lines count", []byte("\n\n"), []string{"", ""}},
		{"unterminated text", []byte("tail"), []string{"tail"}},
	}
	for _, tt := range tests {
		d, err := printertest.Decode(tt.job)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !slices.Equal(d.Lines, tt.want) {
			t.Errorf("%s: lines %q, want %q", tt.name, d.Lines, tt.want)
		}
	}
}

func TestDecodeFourByte(t *testing.T) {
	d, err := printertest.Decode(cat(initCN, []byte{0x81, 0x30, 0x84, 0x36, '\n'}))
	if err != nil {
		t.Fatal(err)
	}
	if d.FourByte != 1 || !slices.Equal(d.Lines, []string{"¥"}) {
		t.Errorf("four-byte ¥ decoded as %q with FourByte %d", d.Lines, d.FourByte)
	}
}

func qrCmd(fn byte, params ...byte) []byte {
	n := len(params) + 2
	return append([]byte{0x1d, '(', 'k', byte(n), byte(n >> 8), 49, fn}, params...)
}

func TestDecodeNativeQR(t *testing.T) {
	job := cat(initCN, qrCmd(65, 50, 0), qrCmd(67, 6), qrCmd(69, 51), qrCmd(80, 48, 'H', 'I'), qrCmd(81, 48))
	d, err := printertest.Decode(job)
	if err != nil {
		t.Fatal(err)
	}
	want := printertest.NativeQR{Payload: "HI", Model: 50, Module: 6, Level: 51}
	if !slices.Equal(d.QRs, []string{"HI"}) || len(d.NativeQRs) != 1 || d.NativeQRs[0] != want {
		t.Errorf("QRs %q %+v, want %+v", d.QRs, d.NativeQRs, want)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		job  []byte
		want string
	}{
		// hennedo/escpos sends the module size where the level belongs.
		{"size byte as error correction", qrCmd(69, 6), "error correction 6"},
		{"fn 67 length", qrCmd(67, 6, 0), "pL pH = 4, want 3"},
		{"fn 65 length", qrCmd(65, 50), "pL pH = 3, want 4"},
		{"store length beyond the job", []byte{0x1d, '(', 'k', 10, 0, 49, 80, 48, 'A'}, "truncated"},
		{"store without data", qrCmd(80, 48), "at least one data byte"},
		{"print before store", qrCmd(81, 48), "no data stored"},
		{"PDF417", []byte{0x1d, '(', 'k', 3, 0, 48, 67, 3}, "only QR"},
		{"unknown ESC", []byte{0x1b, 'Z'}, "unknown command ESC"},
		{"unknown GS", []byte{0x1d, 'k', 1}, "unknown command GS"},
		{"control byte", []byte{'a', 0x07}, "control byte"},
		{"truncated ESC a", []byte{0x1b, 'a'}, "truncated"},
		{"bad GB18030", cat(initCN, []byte{0xd6, 0x0a}), "invalid GB18030"},
		{"raster truncated", []byte{0x1d, 'v', '0', 0, 1, 0, 4, 0, 0xff}, "truncated"},
		{"raster mid-line", []byte{'a', 0x1d, 'v', '0', 0, 1, 0, 1, 0, 0xff}, "middle of a text line"},
	}
	for _, tt := range tests {
		_, err := printertest.Decode(tt.job)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}

func raster(stride, rows int, fill byte) []byte {
	b := []byte{0x1d, 'v', '0', 0, byte(stride), byte(stride >> 8), byte(rows), byte(rows >> 8)}
	return append(b, bytes.Repeat([]byte{fill}, stride*rows)...)
}

func TestDecodeRasterBands(t *testing.T) {
	tests := []struct {
		name    string
		job     []byte
		heights []int // of the images
		bands   []int
	}{
		{"bands join", cat(raster(2, 24, 0xff), raster(2, 24, 0), raster(2, 5, 0xf0)), []int{53}, []int{24, 24, 5}},
		{"width change splits", cat(raster(2, 4, 0), raster(3, 4, 0)), []int{4, 4}, []int{4, 4}},
		{"a feed splits", cat(raster(2, 4, 0), []byte{0x1b, 'J', 8}, raster(2, 4, 0)), []int{4, 4}, []int{4, 4}},
	}
	for _, tt := range tests {
		d, err := printertest.Decode(tt.job)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var heights []int
		for _, img := range d.Images {
			heights = append(heights, img.Bounds().Dy())
		}
		if !slices.Equal(heights, tt.heights) || !slices.Equal(d.BandHeights, tt.bands) {
			t.Errorf("%s: image heights %v bands %v, want %v and %v", tt.name, heights, d.BandHeights, tt.heights, tt.bands)
		}
	}
	d, _ := printertest.Decode(raster(1, 1, 0xa0))
	img := d.Images[0]
	if img.Bounds().Dx() != 8 || img.GrayAt(0, 0).Y != 0 || img.GrayAt(1, 0).Y != 0xff || img.GrayAt(2, 0).Y != 0 {
		t.Errorf("raster byte A0 decoded as %v, want black, white, black, …", img.Pix)
	}
}

func TestFakePrinterStatus(t *testing.T) {
	fake, err := printertest.NewFakePrinter()
	if err != nil {
		t.Fatal(err)
	}
	defer fake.Close()
	tr, err := printer.Open(fake.URL())
	if err != nil {
		t.Fatal(err)
	}
	want := printer.Status{CoverOpen: true, PaperNearEnd: true}
	fake.SetStatus(want)
	if got, err := tr.Status(); err != nil || got != want {
		t.Errorf("Status = %+v, %v; want %+v", got, err, want)
	}
	if err := tr.Write([]byte("job\n")); err != nil {
		t.Fatal(err)
	}
	jobs, err := fake.WaitJobs(1)
	if err != nil || len(jobs) != 1 || string(jobs[0]) != "job\n" {
		t.Errorf("jobs %q, %v; want the one job", jobs, err)
	}
	fake.Close() // waits for the connections to end
	if fake.StatusQueries() != 1 {
		t.Errorf("%d status queries recorded, want 1", fake.StatusQueries())
	}
}

func TestFakePrinterMute(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the status read timeout")
	}
	fake, err := printertest.NewFakePrinter()
	if err != nil {
		t.Fatal(err)
	}
	defer fake.Close()
	fake.SetMute(true)
	pr, err := printer.OpenPrinter(fake.URL(), printer.Profiles["58"], printer.Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pr.Status(); !errors.Is(err, printer.ErrNoAnswer) {
		t.Errorf("Status of a mute printer = %v, want ErrNoAnswer", err)
	}
	// A printer that does not answer still prints.
	if err := pr.Print(printer.TestPage(printer.Profiles["58"])); err != nil {
		t.Fatalf("Print to a mute printer: %v", err)
	}
	if _, err := fake.WaitJobs(1); err != nil {
		t.Error(err)
	}
}

func FuzzDecode(f *testing.F) {
	for _, name := range []string{"58", "58-raster", "80-epson"} {
		p := printer.Profiles[name]
		doc := printer.Document{Blocks: []printer.Block{
			printer.Text{Text: "受理回执 ¥1", Size: 2, Bold: true, Align: printer.Center},
			printer.Divider{}, printer.QR{Payload: "TB1:ABC"}, printer.Feed{Lines: 1}, printer.Cut{},
		}}
		job, err := printer.EncodeESCPOS(doc, p, printer.Fonts{})
		if err == nil {
			f.Add(job)
		}
	}
	f.Add(qrCmd(69, 6))
	f.Add(raster(2, 3, 0x55))
	f.Add(cat(initCN, zhong, []byte{0x1c, '.', 0x82, 0x10, 0x04, 0x01, '\n'}))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := printertest.Decode(b)
		if err != nil {
			return
		}
		if len(d.Lines) != len(d.Styles) || len(d.QRs) != len(d.NativeQRs) {
			t.Fatalf("%d lines with %d styles, %d QRs with %d settings", len(d.Lines), len(d.Styles), len(d.QRs), len(d.NativeQRs))
		}
		for _, img := range d.Images {
			if b := img.Bounds(); b.Dx()%8 != 0 || b.Dy() < 1 {
				t.Fatalf("image of %v from whole bytes of rows", b.Size())
			}
		}
	})
}
