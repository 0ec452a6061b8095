package main

import (
	"math"
	"testing"
)

// square returns a 100-unit square at the origin, clockwise (TrueType's
// direction for an outer contour) or counter-clockwise.
func square(x0, y0, size float64, clockwise bool) []vec {
	c := []vec{{x0, y0}, {x0, y0 + size}, {x0 + size, y0 + size}, {x0 + size, y0}}
	if !clockwise {
		c = []vec{c[0], c[3], c[2], c[1]}
	}
	return c
}

// boundsOf is the exact float bounding box of a contour.
func boundsOf(c []vec) (xMin, yMin, xMax, yMax float64) {
	xMin, yMin, xMax, yMax = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range c {
		xMin, yMin = math.Min(xMin, p.x), math.Min(yMin, p.y)
		xMax, yMax = math.Max(xMax, p.x), math.Max(yMax, p.y)
	}
	return
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestOffsetSquareGrowsOnEachSideAndKeepsOrientation(t *testing.T) {
	for _, tc := range []struct {
		name      string
		clockwise bool
		want      orientation
	}{
		{"TrueType clockwise", true, orientTrueType},
		{"PostScript counter-clockwise", false, orientPostScript},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const dx, dy = 7, 3
			in := [][]vec{square(0, 0, 100, tc.clockwise)}
			out := offsetOutline(in, dx, dy)
			xMin, yMin, xMax, yMax := boundsOf(out[0])
			if !near(xMin, -dx) || !near(xMax, 100+dx) || !near(yMin, -dy) || !near(yMax, 100+dy) {
				t.Errorf("offset square spans x [%v, %v] y [%v, %v], want x [%v, %v] y [%v, %v]",
					xMin, xMax, yMin, yMax, -dx, 100+dx, -dy, 100+dy)
			}
			if got := outlineOrientation(out); got != tc.want {
				t.Errorf("orientation after offset = %v, want %v (unchanged)", got, tc.want)
			}
		})
	}
}

func TestOffsetShrinksHoles(t *testing.T) {
	// A clockwise outer square with a counter-clockwise hole: the ink ring
	// must get wider on both its outer and its inner edge.
	outer := square(0, 0, 100, true)
	hole := square(30, 30, 40, false)
	out := offsetOutline([][]vec{outer, hole}, 5, 5)
	xMin, yMin, xMax, yMax := boundsOf(out[1])
	if !near(xMin, 35) || !near(yMin, 35) || !near(xMax, 65) || !near(yMax, 65) {
		t.Errorf("hole spans [%v, %v]x[%v, %v] after offset 5, want [35, 65]x[35, 65]", xMin, xMax, yMin, yMax)
	}
}

func TestOffsetLeavesSpikeTipsInPlace(t *testing.T) {
	// A needle whose tip turns by more than 160 degrees: FreeType does not
	// move such a point, since the miter would shoot far out.
	needle := []vec{{0, 0}, {0, 10}, {1000, 5}}
	if outlineOrientation([][]vec{needle}) != orientTrueType {
		t.Fatal("test needle is not clockwise")
	}
	out := offsetOutline([][]vec{needle}, 4, 4)
	if out[0][2] != needle[2] {
		t.Errorf("needle tip moved from %v to %v; a turn sharper than 160 degrees must not move", needle[2], out[0][2])
	}
}

func TestOffsetCapsInnerCornersAtShortEdges(t *testing.T) {
	// A clockwise block with a 2-unit-deep notch in its top: moving the
	// notch's inner corners by the full 10-unit miter would fold its short
	// sides over. FreeType caps the move by the shorter edge's length.
	c := []vec{{0, 0}, {0, 100}, {40, 100}, {40, 98}, {60, 98}, {60, 100}, {100, 100}, {100, 0}}
	out := offsetOutline([][]vec{c}, 10, 10)
	if got, want := out[0][3], (vec{42, 100}); !near(got.x, want.x) || !near(got.y, want.y) {
		t.Errorf("notch corner (40, 98) moved to %v, want %v (capped at the 2-unit side)", got, want)
	}
	// A convex corner is never capped: it gets the full miter.
	if got, want := out[0][1], (vec{-10, 110}); !near(got.x, want.x) || !near(got.y, want.y) {
		t.Errorf("outer corner (0, 100) moved to %v, want %v", got, want)
	}
}

func TestOffsetKeepsDuplicatePointsTogether(t *testing.T) {
	c := square(0, 0, 100, true)
	c = []vec{c[0], c[1], c[1], c[2], c[3], c[0]} // doubled point, and a closing duplicate
	out := offsetOutline([][]vec{c}, 5, 5)
	if out[0][1] != out[0][2] || out[0][0] != out[0][5] {
		t.Errorf("duplicate points split apart: %v", out[0])
	}
	if want := (vec{-5, 105}); out[0][1] != want {
		t.Errorf("doubled corner moved to %v, want %v", out[0][1], want)
	}
}

func TestEmboldenSimpleKeepsLeftEdgeAndBaseline(t *testing.T) {
	// FreeType moves the grown outline right and up by half the strength,
	// so the left bearing and the baseline are unchanged and the advance
	// can simply grow by the strength.
	g := &simpleGlyph{
		endPts:       []int{3},
		instructions: []byte{0xb0, 0x01},
		flags:        []byte{flagOnCurve, flagOnCurve, flagOnCurve, flagOnCurve},
		x:            []int{20, 20, 120, 120},
		y:            []int{0, 100, 100, 0},
	}
	g.computeBBox()
	b, err := emboldenSimple(g, strength{9, 5})
	if err != nil {
		t.Fatal(err)
	}
	if want := (bbox{20, 0, 129, 105}); b.box != want {
		t.Errorf("bold box = %+v, want %+v", b.box, want)
	}
	if len(b.instructions) != 0 {
		t.Errorf("bold glyph kept %d bytes of hinting written for the old points", len(b.instructions))
	}
	if got := outlineOrientation(b.contours()); got != orientTrueType {
		t.Errorf("bold orientation = %v, want TrueType", got)
	}
	if g.x[2] != 120 {
		t.Error("emboldenSimple modified its input")
	}
}
