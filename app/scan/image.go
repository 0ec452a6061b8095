package scan

import (
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // camera frames
	_ "image/png"
	"os"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
	xdraw "golang.org/x/image/draw"
)

// ErrNoCode is returned for an image in which no QR code could be read.
var ErrNoCode = errors.New("图片中没有找到可识别的二维码，请对准回执重新拍摄。 No QR code could be read in the image; hold the receipt flat and try again")

// scales are tried in turn: gozxing's finder-pattern detector misjudges
// some sharp, print-exact images (about one receipt PNG in thirty) that it
// reads at half size, and small camera frames read better enlarged.
var scales = []float64{1, 0.5, 2}

// DecodeImage reads the QR code in an image: a camera frame or a file.
func DecodeImage(img image.Image) (string, error) { return decodeAt(img, scales) }

// decodeAt reads the QR code in img at each scale in turn.
func decodeAt(img image.Image, at []float64) (string, error) {
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	for _, s := range at {
		bmp, err := gozxing.NewBinaryBitmapFromImage(scaled(img, s))
		if err != nil {
			continue
		}
		if res, err := qrcode.NewQRCodeReader().Decode(bmp, hints); err == nil {
			return res.GetText(), nil
		}
	}
	return "", ErrNoCode
}

func scaled(img image.Image, s float64) image.Image {
	if s == 1 {
		return img
	}
	b := img.Bounds()
	w, h := int(float64(b.Dx())*s), int(float64(b.Dy())*s)
	if w < 21 || h < 21 || w > 8000 || h > 8000 {
		return img
	}
	out := image.NewGray(image.Rect(0, 0, w, h))
	xdraw.ApproxBiLinear.Scale(out, out.Bounds(), img, b, draw.Src, nil)
	return out
}

// DecodeFile reads the QR code in a PNG or JPEG file.
func DecodeFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("读不了图片 %[1]s，请检查文件名和权限。 Cannot read the image %[1]s: %[2]w", path, errors.Unwrap(err))
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		return "", fmt.Errorf("%[1]s 不是 PNG 或 JPEG 图片，请给出回执二维码的照片或截图。 %[1]s is not a PNG or JPEG image; give a photo or screenshot of the receipt's QR code", path)
	}
	return DecodeImage(img)
}
