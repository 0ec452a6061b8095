package main

import "math"

// vec is a point or direction in font units.
type vec struct{ x, y float64 }

func (a vec) sub(b vec) vec { return vec{a.x - b.x, a.y - b.y} }
func (a vec) len() float64  { return math.Hypot(a.x, a.y) }

// sharpTurnCos is FreeType's -0xF000/0x10000: at a turn sharper than about
// 160 degrees the bisector shift would shoot out a long spike, so such a
// point is not shifted at all.
const sharpTurnCos = -0.9375

// offsetOutline moves every edge of every contour away from the ink by dx
// horizontally and dy vertically, so a stroke grows by 2*dx by 2*dy. It is
// FreeType's FT_Outline_EmboldenXY without its final translation: each point
// moves along the bisector of the normals of its two edges, scaled so both
// edges move by the full distance (a miter), except that the move is capped
// at the length of the shorter edge where an inner corner would otherwise
// fold a short segment over itself, and dropped at very sharp turns.
// Off-curve points are treated as polygon vertices, as FreeType does, which
// keeps a curve's control polygon parallel to the original.
func offsetOutline(contours [][]vec, dx, dy float64) [][]vec {
	o := outlineOrientation(contours)
	out := make([][]vec, len(contours))
	for ci, c := range contours {
		out[ci] = append([]vec(nil), c...)
		if o == orientNone {
			continue
		}
		offsetContour(out[ci], c, dx, dy, o)
	}
	return out
}

// offsetContour writes the moved points of contour c into dst.
func offsetContour(dst, c []vec, dx, dy float64, o orientation) {
	runs := distinctRuns(c)
	if len(runs) < 2 {
		return // a lone point (or a repeated one) has no edges to move
	}
	for r := range runs {
		prev := c[runs[(r+len(runs)-1)%len(runs)].start]
		cur := c[runs[r].start]
		next := c[runs[(r+1)%len(runs)].start]
		s := cornerShift(cur.sub(prev), next.sub(cur), dx, dy, o)
		for i := runs[r].start; i < runs[r].start+runs[r].n; i++ {
			j := i % len(c)
			dst[j] = vec{c[j].x + s.x, c[j].y + s.y}
		}
	}
}

// cornerShift is the move of the point between an incoming and an outgoing
// edge (both non-zero). It follows FreeType's arithmetic.
func cornerShift(in, out vec, dx, dy float64, o orientation) vec {
	lIn, lOut := in.len(), out.len()
	in = vec{in.x / lIn, in.y / lIn}
	out = vec{out.x / lOut, out.y / lOut}

	d := in.x*out.x + in.y*out.y // cosine of the turn
	if d <= sharpTurnCos {
		return vec{}
	}
	d++ // 1+cos: dividing the summed normals by it gives the miter length

	// Sum of the two edge normals pointing away from the ink: left of
	// travel for TrueType (ink on the right), right for PostScript.
	shift := vec{-(in.y + out.y), in.x + out.x}
	q := out.x*in.y - out.y*in.x // sine of the turn; > 0 at an inner corner
	if o == orientPostScript {
		shift = vec{-shift.x, -shift.y}
	} else {
		q = -q
	}

	// At an inner corner the point moves into the notch and the adjacent
	// edges get shorter; cap the move so the shorter edge does not invert.
	l := math.Min(lIn, lOut)
	if dx*q <= l*d {
		shift.x = shift.x * dx / d
	} else {
		shift.x = shift.x * l / q
	}
	if dy*q <= l*d {
		shift.y = shift.y * dy / d
	} else {
		shift.y = shift.y * l / q
	}
	return shift
}

// run is a stretch of consecutive equal points in a contour; start+n may
// wrap past the end when the last points equal the first.
type run struct{ start, n int }

// distinctRuns groups equal neighbouring points so that zero-length edges,
// which have no direction, are skipped and duplicates move together.
func distinctRuns(c []vec) []run {
	if len(c) == 0 {
		return nil
	}
	// Start on a point that differs from its predecessor, so that a run
	// never straddles the wrap-around; if none does, all points are equal.
	first := -1
	for i := range c {
		if c[i] != c[(i+len(c)-1)%len(c)] {
			first = i
			break
		}
	}
	if first < 0 {
		return []run{{0, len(c)}}
	}
	var runs []run
	for k := 0; k < len(c); k++ {
		i := (first + k) % len(c)
		if k > 0 && c[i] == c[(i+len(c)-1)%len(c)] {
			runs[len(runs)-1].n++
			continue
		}
		runs = append(runs, run{i, 1})
	}
	return runs
}
