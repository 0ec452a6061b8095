package main

import (
	"fmt"
	"math"
)

// strength is how much emboldening widens every stroke, in font units: each
// side of a stem moves out by half of it. The outline is then moved right
// and up by half of it as well, as FreeType's FT_GlyphSlot_Embolden does,
// so the left side bearing and the baseline stay put and the advance grows
// by x.
type strength struct{ x, y int }

// emboldenSimple returns the glyph with its outline grown by s, its bounding
// box recomputed and its hinting instructions dropped: they were written for
// the original point positions and would now pull points to wrong places.
func emboldenSimple(g *simpleGlyph, s strength) (*simpleGlyph, error) {
	contours := g.contours()
	hx, hy := float64(s.x)/2, float64(s.y)/2
	moved := offsetOutline(contours, hx, hy)

	out := &simpleGlyph{
		endPts: g.endPts,
		flags:  g.flags,
		x:      make([]int, len(g.x)),
		y:      make([]int, len(g.y)),
	}
	i := 0
	for _, c := range moved {
		for _, p := range c {
			out.x[i] = int(math.Round(p.x + hx))
			out.y[i] = int(math.Round(p.y + hy))
			if out.x[i] != int(int16(out.x[i])) || out.y[i] != int(int16(out.y[i])) {
				return nil, fmt.Errorf("point %d moved to (%d, %d), outside 16-bit coordinates", i, out.x[i], out.y[i])
			}
			i++
		}
	}
	out.computeBBox()
	return out, nil
}

// contours splits the points into contours, as float vectors.
func (g *simpleGlyph) contours() [][]vec {
	cs := make([][]vec, 0, len(g.endPts))
	start := 0
	for _, end := range g.endPts {
		c := make([]vec, 0, end+1-start)
		for i := start; i <= end; i++ {
			c = append(c, vec{float64(g.x[i]), float64(g.y[i])})
		}
		cs = append(cs, c)
		start = end + 1
	}
	return cs
}
