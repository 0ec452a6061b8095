package ui

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	qrcode "github.com/skip2/go-qrcode"
)

// QRImage returns payload as a QR code (level M) about px units square.
// Modules are whole pixels of the bitmap (Image(size) of go-qrcode makes
// them uneven) and the image is drawn without smoothing, so a phone or the
// counter's scanner reads it off the screen.
func QRImage(payload string, px float32) (*canvas.Image, error) {
	q, err := qrcode.New(payload, qrcode.Medium)
	if err != nil {
		return nil, err
	}
	bits := q.Bitmap() // with its 4-module quiet zone
	n := len(bits)
	scale := max(1, int(px)/n)
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for y, row := range bits {
		for x, dark := range row {
			c := color.Gray{Y: 0xFF}
			if dark {
				c = color.Gray{}
			}
			for dy := range scale {
				for dx := range scale {
					img.SetGray(x*scale+dx, y*scale+dy, c)
				}
			}
		}
	}
	ci := canvas.NewImageFromImage(img)
	ci.FillMode = canvas.ImageFillContain
	ci.ScaleMode = canvas.ImageScalePixels
	ci.SetMinSize(fyne.NewSquareSize(px))
	return ci, nil
}
