package main

import (
	"image/color"
	"math"
	"testing"

	"tongban/assets"
)

func TestIconLayout(t *testing.T) {
	const size = 256 // smaller than the real icon to keep the test quick
	img, err := drawIcon(assets.FontBold(), size)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
		t.Fatalf("icon is %v, want %dx%d", b, size, size)
	}
	if c := img.RGBAAt(1, 1); c.A != 0 {
		t.Errorf("corner pixel %v is not transparent: the square's corners must be rounded", c)
	}
	if c := img.RGBAAt(size/2, size/20); c != background {
		t.Errorf("pixel near the top edge is %v, want the background %v", c, background)
	}

	// The glyph's white ink must be centred: its bounding box's middle
	// within a few pixels of the icon's.
	minX, minY, maxX, maxY := size, size, -1, -1
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			if img.RGBAAt(x, y) == white {
				minX, minY = min(minX, x), min(minY, y)
				maxX, maxY = max(maxX, x), max(maxY, y)
			}
		}
	}
	if maxX < 0 {
		t.Fatal("no white ink drawn")
	}
	cx, cy := float64(minX+maxX)/2, float64(minY+maxY)/2
	if math.Abs(cx-size/2) > 2 || math.Abs(cy-size/2) > 2 {
		t.Errorf("ink spans (%d,%d)-(%d,%d), centred at (%.1f, %.1f); want about (%d, %d)",
			minX, minY, maxX, maxY, cx, cy, size/2, size/2)
	}
	if ink := float64(max(maxX-minX, maxY-minY)) / size; math.Abs(ink-inkFrac) > 0.02 {
		t.Errorf("ink covers %.2f of the icon, want %.2f", ink, inkFrac)
	}
}
