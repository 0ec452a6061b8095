package main

// orientation says on which side of its contours an outline is filled.
type orientation int

const (
	orientNone       orientation = iota // no area: nothing to embolden
	orientTrueType                      // clockwise outer contours, fill on the right
	orientPostScript                    // counter-clockwise outer contours, fill on the left
)

// outlineOrientation decides the fill side for a whole outline from the sum
// of its contours' signed areas, as FreeType's FT_Outline_Get_Orientation
// does. It is decided once per outline, not per contour: a hole runs the
// other way round from its outer contour, and offsetting every contour
// towards the same side of travel is what grows the ink and shrinks holes.
func outlineOrientation(contours [][]vec) orientation {
	var area float64 // twice the signed area, positive when counter-clockwise (y up)
	for _, c := range contours {
		for i := range c {
			p, q := c[i], c[(i+1)%len(c)]
			area += p.x*q.y - q.x*p.y
		}
	}
	switch {
	case area < 0:
		return orientTrueType
	case area > 0:
		return orientPostScript
	}
	return orientNone
}
