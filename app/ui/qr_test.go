package ui

import (
	"image"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

func TestQRImageReadsBack(t *testing.T) {
	const number = "261127-X7K-0001"
	ci, err := QRImage(number, 240)
	if err != nil {
		t.Fatal(err)
	}
	img := ci.Image
	if b := img.Bounds(); b.Dx() > 240 || b.Dx() < 120 || b.Dx() != b.Dy() {
		t.Errorf("QR bitmap %v, want a square of whole modules up to 240 px", b)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the QR code does not decode: %v", err)
	}
	if res.GetText() != number {
		t.Errorf("decoded %q, want %q", res.GetText(), number)
	}
	if _, ok := img.(*image.Gray); !ok {
		t.Errorf("QR image is %T, want *image.Gray", img)
	}
}
