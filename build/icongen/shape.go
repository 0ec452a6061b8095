package main

import (
	"image"

	"golang.org/x/image/vector"
)

// kappa places cubic Bézier control points so that a quarter circle is
// matched to within 0.03% of its radius.
const kappa = 0.5522847

// roundedRectMask is an anti-aliased alpha mask of a rectangle with
// circular corners of radius r.
func roundedRectMask(size int, x0, y0, x1, y1, r float32) *image.Alpha {
	z := vector.NewRasterizer(size, size)
	k := r * kappa
	z.MoveTo(x0+r, y0)
	z.LineTo(x1-r, y0)
	z.CubeTo(x1-r+k, y0, x1, y0+r-k, x1, y0+r)
	z.LineTo(x1, y1-r)
	z.CubeTo(x1, y1-r+k, x1-r+k, y1, x1-r, y1)
	z.LineTo(x0+r, y1)
	z.CubeTo(x0+r-k, y1, x0, y1-r+k, x0, y1-r)
	z.LineTo(x0, y0+r)
	z.CubeTo(x0, y0+r-k, x0+r-k, y0, x0+r, y0)
	z.ClosePath()
	mask := image.NewAlpha(image.Rect(0, 0, size, size))
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return mask
}
