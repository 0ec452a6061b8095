package scan

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"sync"
)

// PixelFormat is a V4L2 pixel format code (a fourcc).
type PixelFormat uint32

// The pixel formats a camera frame may come in. YUYV is preferred: its
// luminance bytes are the grey image QR decoding needs, with no JPEG
// artefacts and no decoding cost.
const (
	FormatYUYV  PixelFormat = 'Y' | 'U'<<8 | 'Y'<<16 | 'V'<<24 // 4:2:2, Y0 U Y1 V: two bytes a pixel
	FormatMJPEG PixelFormat = 'M' | 'J'<<8 | 'P'<<16 | 'G'<<24 // each frame a JPEG, often without its Huffman tables
	FormatGrey  PixelFormat = 'G' | 'R'<<8 | 'E'<<16 | 'Y'<<24 // one luminance byte a pixel
)

// String returns the fourcc, e.g. YUYV.
func (f PixelFormat) String() string {
	b := []byte{byte(f), byte(f >> 8), byte(f >> 16), byte(f >> 24)}
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return fmt.Sprintf("0x%08x", uint32(f))
		}
	}
	return string(b)
}

// maxFrameSide bounds a frame's width and height: a 4K camera's frames
// pass, a corrupt header that claims a gigapixel frame does not.
const maxFrameSide = 4096

// Frame is one picture as a camera's driver delivers it.
type Frame struct {
	Format        PixelFormat
	Width, Height int
	// Stride is the bytes from one row to the next of a YUYV or GREY
	// frame (drivers may pad rows); 0 means no padding.
	Stride int
	Data   []byte
}

// Image returns the frame as an image for decoding.
func (f Frame) Image() (image.Image, error) {
	return frameImage(f.Format, f.Width, f.Height, f.Stride, f.Data)
}

// frameImage turns a raw camera frame into an image: the luminance of a
// YUYV or GREY frame as an image.Gray, an MJPEG frame decoded. The data
// comes from a device, so every size is checked: a short or odd buffer is
// an error, never a panic or a read past its end.
func frameImage(format PixelFormat, w, h, stride int, data []byte) (image.Image, error) {
	switch format {
	case FormatYUYV, FormatGrey:
		bpp := 2
		if format == FormatGrey {
			bpp = 1
		}
		if w <= 0 || h <= 0 || w > maxFrameSide || h > maxFrameSide {
			return nil, fmt.Errorf("a %s frame of %d×%d pixels is not a camera frame", format, w, h)
		}
		if stride == 0 {
			stride = bpp * w
		}
		if stride < bpp*w || stride > len(data) || len(data) < stride*(h-1)+bpp*w {
			return nil, fmt.Errorf("a %d×%d %s frame needs %d bytes a row for %d rows; it has %d bytes with rows %d apart",
				w, h, format, bpp*w, h, len(data), stride)
		}
		g := image.NewGray(image.Rect(0, 0, w, h))
		for y := range h {
			row, out := data[y*stride:], g.Pix[y*g.Stride:(y+1)*g.Stride]
			if bpp == 1 {
				copy(out, row)
				continue
			}
			for x := range out {
				out[x] = row[2*x] // Y of Y0 U Y1 V
			}
		}
		return g, nil
	case FormatMJPEG:
		return jpegFrame(data)
	}
	return nil, fmt.Errorf("frames in the %s pixel format cannot be read; use YUYV, MJPEG or GREY", format)
}

// jpegFrame decodes an MJPEG frame to its luminance.
func jpegFrame(data []byte) (image.Image, error) {
	data = withHuffmanTables(data)
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("an MJPEG frame cannot be decoded: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxFrameSide || cfg.Height > maxFrameSide {
		return nil, fmt.Errorf("an MJPEG frame of %d×%d pixels is not a camera frame", cfg.Width, cfg.Height)
	}
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("an MJPEG frame cannot be decoded: %w", err)
	}
	if ycc, ok := img.(*image.YCbCr); ok {
		// The Y plane is the luminance: QR decoding needs nothing else.
		return &image.Gray{Pix: ycc.Y, Stride: ycc.YStride, Rect: ycc.Rect}, nil
	}
	return img, nil
}

// withHuffmanTables returns an MJPEG frame with the standard Huffman
// tables inserted before its scan when it carries none. UVC cameras
// commonly leave them out (the AVI MJPEG convention: the decoder knows
// the tables of JPEG Annex K.3), and image/jpeg then fails with
// "uninitialized Huffman table". Anything it cannot follow is returned as
// it is, for the decoder to reject.
func withHuffmanTables(data []byte) []byte {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return data
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return data
		}
		switch m := data[i+1]; {
		case m == 0xFF: // fill byte
			i++
			continue
		case m == 0xC4: // DHT: the frame has its own tables
			return data
		case m == 0xDA: // SOS with no DHT before it
			dht := standardDHT()
			if dht == nil {
				return data
			}
			out := make([]byte, 0, len(data)+len(dht))
			out = append(out, data[:i]...)
			out = append(out, dht...)
			return append(out, data[i:]...)
		case m == 0x01 || m >= 0xD0 && m <= 0xD8: // markers without a length
			i += 2
			continue
		}
		i += 2 + (int(data[i+2])<<8 | int(data[i+3]))
	}
	return data
}

// standardDHT is a DHT segment holding the four tables of JPEG Annex K.3.
// Go's encoder writes exactly those tables (image/jpeg's theHuffmanSpec),
// so the segment is taken from a tiny colour JPEG it makes rather than
// copied here as 418 numbers.
var standardDHT = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewYCbCr(image.Rect(0, 0, 8, 8), image.YCbCrSubsampleRatio444), nil); err != nil {
		return nil
	}
	b := buf.Bytes()
	for i := 2; i+4 <= len(b) && b[i] == 0xFF; {
		n := int(b[i+2])<<8 | int(b[i+3])
		if b[i+1] == 0xC4 && i+2+n <= len(b) {
			return bytes.Clone(b[i : i+2+n])
		}
		i += 2 + n
	}
	return nil
})
