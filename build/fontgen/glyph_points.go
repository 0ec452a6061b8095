package main

import (
	"fmt"
	"math"
)

// compScaledOffset marks a component whose offset is transformed along with
// its points (Apple's convention); without it the offset is applied as is,
// which is Microsoft's and FreeType's default.
const compScaledOffset = 0x0800

// maxCompositeDepth bounds composite nesting so a malformed font that
// refers to itself cannot recurse forever.
const maxCompositeDepth = 16

// glyphSet holds every glyph of a font decoded, so that composite glyphs can
// be resolved to the points of their (emboldened) components.
type glyphSet struct {
	simple    []*simpleGlyph    // non-nil for glyphs with contours
	composite []*compositeGlyph // non-nil for composite glyphs
}

// points returns a glyph's outline points in its own coordinates, with
// composites resolved through their components' transforms and offsets.
func (s *glyphSet) points(gid, depth int) ([]vec, error) {
	if depth > maxCompositeDepth {
		return nil, fmt.Errorf("glyph %d: composite nesting deeper than %d", gid, maxCompositeDepth)
	}
	if gid < 0 || gid >= len(s.simple) {
		return nil, fmt.Errorf("component glyph %d does not exist", gid)
	}
	if g := s.simple[gid]; g != nil {
		pts := make([]vec, len(g.x))
		for i := range g.x {
			pts[i] = vec{float64(g.x[i]), float64(g.y[i])}
		}
		return pts, nil
	}
	cg := s.composite[gid]
	if cg == nil {
		return nil, nil // an empty glyph, such as a space
	}
	var all []vec
	for _, c := range cg.components {
		pts, err := s.points(c.glyph, depth+1)
		if err != nil {
			return nil, fmt.Errorf("glyph %d: %w", gid, err)
		}
		for i, p := range pts {
			pts[i] = vec{c.m[0]*p.x + c.m[2]*p.y, c.m[1]*p.x + c.m[3]*p.y}
		}
		var off vec
		switch {
		case c.flags&compArgsAreXY == 0:
			// Place the component so that its point arg2 lands on point
			// arg1 of what has been assembled so far.
			if c.arg1 >= len(all) || c.arg2 >= len(pts) {
				return nil, fmt.Errorf("glyph %d: anchor points %d/%d out of range", gid, c.arg1, c.arg2)
			}
			off = all[c.arg1].sub(pts[c.arg2])
		case c.flags&compScaledOffset != 0:
			x, y := float64(c.arg1), float64(c.arg2)
			off = vec{c.m[0]*x + c.m[2]*y, c.m[1]*x + c.m[3]*y}
		default:
			off = vec{float64(c.arg1), float64(c.arg2)}
		}
		for _, p := range pts {
			all = append(all, vec{p.x + off.x, p.y + off.y})
		}
	}
	return all, nil
}

// boxOf is the bounding box of points, rounded outwards to font units, and
// whether there were any points.
func boxOf(pts []vec) (bbox, bool) {
	if len(pts) == 0 {
		return bbox{}, false
	}
	b := bbox{math.MaxInt, math.MaxInt, math.MinInt, math.MinInt}
	for _, p := range pts {
		b = b.union(bbox{
			int(math.Floor(p.x)), int(math.Floor(p.y)),
			int(math.Ceil(p.x)), int(math.Ceil(p.y)),
		})
	}
	return b, true
}
