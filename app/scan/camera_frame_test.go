package scan

import (
	"bytes"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"strings"
	"testing"

	qrcode "github.com/skip2/go-qrcode"
)

// receiptPayload is a real sealed receipt (a 营业执照 case, sealed by
// receipt.SealCase), kept fixed: a freshly sealed one is a new QR code
// each run, and gozxing misreads one or two exact, noise-free renderings
// in a hundred at a given scale. These tests are about frames, not about
// gozxing.
const receiptPayload = "TB1:Z50IA7L1B7Q1W.Q/42YTN.7QX4LB48TQ4**N.SFNI253U$SDXDWQA4UZOW 33U02A4ZV5URIH+19EC+GRBCD8KVQY0TNJM9S7R3:7B FV76LXNS4TH WJZSRGR25XNI*R9GLAY5LT70S0S90DEH5 CR.8/7AN-JQ/HAB0SP8I70H5TSI7740ZKG7Y8ZSBT%G2D7FER2F4NFTRBDFU5*WI5:HD7KX-L/*QA.2KI0J-DGH9Y$AP9QW4D*UI*95OM7VAL-8CPBSV3KZEQ:4"

// scene is a w×h grey camera view of a desk with payload's QR code held
// in the middle at px pixels a module, printed dark grey on off-white, with
// sensor noise; an empty payload is the desk alone.
func scene(t testing.TB, payload string, w, h, px int) *image.Gray {
	t.Helper()
	g := image.NewGray(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range g.Pix {
		g.Pix[i] = uint8(110 + rng.IntN(20))
	}
	if payload == "" {
		return g
	}
	q, err := qrcode.New(payload, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	bm := q.Bitmap()
	x0, y0 := (w-len(bm)*px)/2, (h-len(bm)*px)/2
	if x0 < 0 || y0 < 0 {
		t.Fatalf("a %d-module code at %d px a module does not fit %d×%d", len(bm), px, w, h)
	}
	for y := range len(bm) * px {
		for x := range len(bm) * px {
			v := 205 + rng.IntN(16)
			if bm[y/px][x/px] {
				v = 35 + rng.IntN(16)
			}
			g.Pix[(y0+y)*g.Stride+x0+x] = uint8(v)
		}
	}
	return g
}

// packYUYV packs a grey image as a YUYV frame with rows stride bytes
// apart (0: no padding) and neutral chroma.
func packYUYV(g *image.Gray, stride int) []byte {
	w, h := g.Bounds().Dx(), g.Bounds().Dy()
	if stride == 0 {
		stride = 2 * w
	}
	out := bytes.Repeat([]byte{0x55}, stride*h) // padding filled with junk
	for y := range h {
		for x := range w {
			out[y*stride+2*x] = g.Pix[y*g.Stride+x]
			out[y*stride+2*x+1] = 128
		}
	}
	return out
}

// mjpeg encodes a grey image as a colour JPEG, as a camera's MJPEG stream
// carries it.
func mjpeg(t testing.TB, g *image.Gray) []byte {
	t.Helper()
	b := g.Bounds()
	ycc := image.NewYCbCr(b, image.YCbCrSubsampleRatio422)
	copy(ycc.Y, g.Pix)
	for i := range ycc.Cb {
		ycc.Cb[i], ycc.Cr[i] = 128, 128
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, ycc, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withoutHuffmanTables removes a JPEG's DHT segments, as UVC cameras send
// MJPEG frames.
func withoutHuffmanTables(t testing.TB, data []byte) []byte {
	t.Helper()
	out := bytes.Clone(data[:2])
	for i := 2; ; {
		if data[i] != 0xFF {
			t.Fatalf("no marker at byte %d", i)
		}
		if data[i+1] == 0xDA {
			return append(out, data[i:]...)
		}
		n := 2 + (int(data[i+2])<<8 | int(data[i+3]))
		if data[i+1] != 0xC4 {
			out = append(out, data[i:i+n]...)
		}
		i += n
	}
}

// A receipt's QR code in each kind of camera frame reads back to its payload.
func TestFrameImageReadsAReceipt(t *testing.T) {
	payload := receiptPayload
	g := scene(t, payload, 640, 480, 4)
	jpg := mjpeg(t, g)
	bare := withoutHuffmanTables(t, jpg)
	if _, err := jpeg.Decode(bytes.NewReader(bare)); err == nil {
		t.Fatal("image/jpeg decodes a frame without Huffman tables; the test frame is not what cameras send")
	}
	tests := []struct {
		name   string
		format PixelFormat
		stride int
		data   []byte
	}{
		{"YUYV", FormatYUYV, 0, packYUYV(g, 0)},
		{"YUYV with padded rows", FormatYUYV, 2*640 + 64, packYUYV(g, 2*640+64)},
		{"GREY", FormatGrey, 0, bytes.Clone(g.Pix)},
		{"MJPEG", FormatMJPEG, 0, jpg},
		{"MJPEG without Huffman tables", FormatMJPEG, 0, bare},
	}
	for _, tt := range tests {
		img, err := frameImage(tt.format, 640, 480, tt.stride, tt.data)
		if err != nil {
			t.Errorf("%s: frameImage: %v", tt.name, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != 640 || b.Dy() != 480 {
			t.Errorf("%s: a %v image, want 640×480", tt.name, b)
		}
		if got, err := DecodeImage(img); got != payload {
			t.Errorf("%s: DecodeImage = %q, %v; want the receipt's payload", tt.name, got, err)
		}
		if got, err := decodeFrame(img); got != payload {
			t.Errorf("%s: decodeFrame = %q, %v; want the receipt's payload", tt.name, got, err)
		}
	}
}

// A YUYV frame's image is its Y bytes, row by row, whatever the padding.
func TestFrameImageTakesTheLuminance(t *testing.T) {
	data := []byte{
		10, 1, 20, 2, 30, 3, 40, 4, 0xEE, 0xEE, // a row of four pixels and two bytes of padding
		50, 5, 60, 6, 70, 7, 80, 8, 0xEE, 0xEE,
	}
	img, err := frameImage(FormatYUYV, 4, 2, 10, data)
	if err != nil {
		t.Fatal(err)
	}
	g := img.(*image.Gray)
	if want := []byte{10, 20, 30, 40, 50, 60, 70, 80}; !bytes.Equal(g.Pix, want) {
		t.Fatalf("Y = %v, want %v", g.Pix, want)
	}
}

func TestFrameImageRejectsBadFrames(t *testing.T) {
	jpg := mjpeg(t, scene(t, "", 64, 48, 1))
	tests := []struct {
		name         string
		format       PixelFormat
		w, h, stride int
		data         []byte
		want         string
	}{
		{"a short YUYV frame", FormatYUYV, 4, 2, 0, make([]byte, 15), "needs 8 bytes a row for 2 rows; it has 15"},
		{"rows narrower than the width", FormatYUYV, 4, 2, 6, make([]byte, 16), "rows 6 apart"},
		{"a stride past the data", FormatGrey, 4, 2, 100, make([]byte, 8), "rows 100 apart"},
		{"no width", FormatYUYV, 0, 2, 0, make([]byte, 16), "0×2 pixels"},
		{"a negative height", FormatGrey, 4, -2, 0, make([]byte, 16), "4×-2 pixels"},
		{"a gigapixel claim", FormatGrey, 1 << 20, 1 << 20, 0, make([]byte, 16), "pixels is not a camera frame"},
		{"an unknown format", PixelFormat('R' | 'G'<<8 | 'B'<<16 | '3'<<24), 4, 2, 0, make([]byte, 24), "RGB3 pixel format cannot be read"},
		{"an MJPEG frame of noise", FormatMJPEG, 64, 48, 0, []byte("not a jpeg at all"), "cannot be decoded: invalid JPEG format"},
		{"a cut-off MJPEG frame", FormatMJPEG, 64, 48, 0, jpg[:len(jpg)-20], "cannot be decoded"},
		{"an empty MJPEG frame", FormatMJPEG, 64, 48, 0, nil, "cannot be decoded"},
	}
	for _, tt := range tests {
		img, err := frameImage(tt.format, tt.w, tt.h, tt.stride, tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: frameImage = %v, %v; want an error saying %q", tt.name, img, err, tt.want)
		}
	}
}

// The inserted tables are the standard ones: the segment every MJPEG
// decoder inserts starts FF C4 01 A2.
func TestStandardDHT(t *testing.T) {
	dht := standardDHT()
	if len(dht) != 420 || !bytes.HasPrefix(dht, []byte{0xFF, 0xC4, 0x01, 0xA2}) {
		t.Fatalf("standardDHT is %d bytes starting % x; want 420 starting ff c4 01 a2", len(dht), dht[:min(4, len(dht))])
	}
	jpg := mjpeg(t, scene(t, "", 64, 48, 1))
	if got := withHuffmanTables(jpg); !bytes.Equal(got, jpg) {
		t.Fatal("a JPEG with its own tables was changed")
	}
}

func TestPixelFormatString(t *testing.T) {
	for f, want := range map[PixelFormat]string{FormatYUYV: "YUYV", FormatMJPEG: "MJPG", FormatGrey: "GREY", 7: "0x00000007"} {
		if got := f.String(); got != want {
			t.Errorf("PixelFormat(%#x).String() = %q, want %q", uint32(f), got, want)
		}
	}
}

// frameImage reads what a device hands it: whatever the sizes and bytes,
// it returns an image of the frame's size or an error, and never panics.
func FuzzFrameImage(f *testing.F) {
	jpg := mjpeg(f, scene(f, "TB1:FUZZ", 96, 96, 2))
	f.Add(uint8(0), 4, 2, 0, packYUYV(scene(f, "", 4, 2, 1), 0))
	f.Add(uint8(0), 4, 2, 10, make([]byte, 19))
	f.Add(uint8(2), 3, 3, 0, make([]byte, 9))
	f.Add(uint8(1), 0, 0, 0, jpg)
	f.Add(uint8(1), 0, 0, 0, withoutHuffmanTables(f, jpg))
	f.Add(uint8(1), 0, 0, 0, []byte{0xFF, 0xD8, 0xFF, 0xDA, 0x00})
	formats := []PixelFormat{FormatYUYV, FormatMJPEG, FormatGrey, 0}
	f.Fuzz(func(t *testing.T, which uint8, w, h, stride int, data []byte) {
		format := formats[int(which)%len(formats)]
		img, err := frameImage(format, w, h, stride, data)
		if err != nil {
			return
		}
		b := img.Bounds()
		if b.Dx() <= 0 || b.Dy() <= 0 || b.Dx() > maxFrameSide || b.Dy() > maxFrameSide {
			t.Fatalf("a %v image from a %s frame", b, format)
		}
		if format != FormatMJPEG && (b.Dx() != w || b.Dy() != h) {
			t.Fatalf("a %v image from a %d×%d %s frame", b, w, h, format)
		}
	})
}
