package scan

import (
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // camera frames
	_ "image/png"
	"os"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// ErrNoCode is returned for an image in which no QR code could be read.
var ErrNoCode = errors.New("图片中没有找到可识别的二维码，请对准回执重新拍摄。 No QR code could be read in the image; hold the receipt flat and try again")

// DecodeImage reads the QR code in an image: a camera frame or a file.
func DecodeImage(img image.Image) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", ErrNoCode
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return "", ErrNoCode
	}
	return res.GetText(), nil
}

// DecodeFile reads the QR code in a PNG or JPEG file.
func DecodeFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("cannot read the image %s: %w", path, err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		return "", fmt.Errorf("%s is not a PNG or JPEG image", path)
	}
	return DecodeImage(img)
}
