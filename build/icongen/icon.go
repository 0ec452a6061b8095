package main

import (
	"image"
	"image/color"
	"image/draw"
)

// Icon proportions, as fractions of its size. The square leaves a small
// transparent margin, as desktop icon themes expect, and the glyph's ink is
// sized to sit well inside the corners' curves.
const (
	marginFrac = 1.0 / 32
	radiusFrac = 0.2
	inkFrac    = 0.6 // the larger of the glyph's ink width and height
	iconRune   = '通'
)

// Colours: a calm government blue, and white for the hanzi.
var (
	background = color.RGBA{0x1f, 0x5a, 0xa6, 0xff}
	foreground = color.White
)

// drawIcon renders the icon at size x size pixels with the given font.
func drawIcon(fontData []byte, size int) (*image.RGBA, error) {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	s := float32(size)
	m := s * marginFrac
	square := roundedRectMask(size, m, m, s-m, s-m, s*radiusFrac)
	draw.DrawMask(img, img.Bounds(), image.NewUniform(background), image.Point{}, square, image.Point{}, draw.Over)

	glyph, err := glyphMask(fontData, iconRune, size, s*inkFrac)
	if err != nil {
		return nil, err
	}
	draw.DrawMask(img, img.Bounds(), image.NewUniform(foreground), image.Point{}, glyph, image.Point{}, draw.Over)
	return img, nil
}
