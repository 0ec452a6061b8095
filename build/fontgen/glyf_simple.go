package main

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Simple-glyph point flag bits (OpenType 'glyf' table).
const (
	flagOnCurve     = 0x01
	flagXShort      = 0x02
	flagYShort      = 0x04
	flagRepeat      = 0x08
	flagXSameOrPos  = 0x10 // with flagXShort: positive; without: x unchanged
	flagYSameOrPos  = 0x20
	flagOverlap     = 0x40
	flagsEncoding   = flagXShort | flagYShort | flagRepeat | flagXSameOrPos | flagYSameOrPos
	glyphHeaderSize = 10
)

// bbox is a glyph bounding box in font units.
type bbox struct{ xMin, yMin, xMax, yMax int }

// simpleGlyph is a decoded glyph made of contours. Coordinates are absolute.
type simpleGlyph struct {
	box          bbox
	endPts       []int  // index of the last point of each contour
	instructions []byte // TrueType hinting bytecode
	flags        []byte // per point, only the bits that are not about encoding
	x, y         []int
}

// decodeSimpleGlyph parses a glyph whose numberOfContours is >= 0.
func decodeSimpleGlyph(b []byte) (*simpleGlyph, error) {
	if len(b) < glyphHeaderSize {
		return nil, errors.New("glyf: glyph shorter than its header")
	}
	nc := int(int16(binary.BigEndian.Uint16(b)))
	if nc < 0 {
		return nil, errors.New("glyf: composite glyph passed as simple")
	}
	g := &simpleGlyph{box: readBBox(b)}
	p := glyphHeaderSize
	if len(b) < p+2*nc+2 {
		return nil, errors.New("glyf: truncated contour end points")
	}
	nPoints := 0
	for i := 0; i < nc; i++ {
		e := int(binary.BigEndian.Uint16(b[p:]))
		if i > 0 && e < g.endPts[i-1] {
			return nil, fmt.Errorf("glyf: contour %d ends before the one before it", i)
		}
		g.endPts = append(g.endPts, e)
		nPoints = e + 1
		p += 2
	}
	il := int(binary.BigEndian.Uint16(b[p:]))
	p += 2
	if len(b) < p+il {
		return nil, errors.New("glyf: truncated instructions")
	}
	g.instructions = b[p : p+il : p+il]
	p += il

	// Flags come first, run-length encoded, then all x deltas, then all y.
	raw := make([]byte, 0, nPoints)
	for len(raw) < nPoints {
		if p >= len(b) {
			return nil, errors.New("glyf: truncated flags")
		}
		fl := b[p]
		p++
		raw = append(raw, fl)
		if fl&flagRepeat != 0 {
			if p >= len(b) {
				return nil, errors.New("glyf: truncated flag repeat count")
			}
			for n := int(b[p]); n > 0; n-- {
				raw = append(raw, fl)
			}
			p++
		}
	}
	if len(raw) > nPoints {
		return nil, errors.New("glyf: flag repeat runs past the last point")
	}
	var err error
	if g.x, p, err = decodeCoords(b, p, raw, flagXShort, flagXSameOrPos); err != nil {
		return nil, fmt.Errorf("glyf: x coordinates: %w", err)
	}
	if g.y, _, err = decodeCoords(b, p, raw, flagYShort, flagYSameOrPos); err != nil {
		return nil, fmt.Errorf("glyf: y coordinates: %w", err)
	}
	g.flags = make([]byte, nPoints)
	for i, fl := range raw {
		g.flags[i] = fl &^ flagsEncoding
	}
	return g, nil
}

// decodeCoords reads one axis of delta-encoded coordinates starting at p and
// returns the absolute values and the position after them.
func decodeCoords(b []byte, p int, flags []byte, short, sameOrPos byte) ([]int, int, error) {
	out := make([]int, len(flags))
	v := 0
	for i, fl := range flags {
		switch {
		case fl&short != 0:
			if p >= len(b) {
				return nil, p, errors.New("truncated")
			}
			d := int(b[p])
			p++
			if fl&sameOrPos == 0 {
				d = -d
			}
			v += d
		case fl&sameOrPos == 0:
			if p+2 > len(b) {
				return nil, p, errors.New("truncated")
			}
			v += int(int16(binary.BigEndian.Uint16(b[p:])))
			p += 2
		}
		out[i] = v
	}
	return out, p, nil
}

// encode writes the glyph in the compact form font compilers use: each
// delta as "same" (0), one byte (|d| < 256) or two bytes, and runs of equal
// flags folded with the repeat bit once a run is longer than two.
func (g *simpleGlyph) encode() []byte {
	n := len(g.x)
	flags := make([]byte, n)
	var xs, ys []byte
	px, py := 0, 0
	for i := 0; i < n; i++ {
		fl := g.flags[i] &^ flagsEncoding
		var bits byte
		bits, xs = encodeDelta(xs, g.x[i]-px, flagXShort, flagXSameOrPos)
		fl |= bits
		bits, ys = encodeDelta(ys, g.y[i]-py, flagYShort, flagYSameOrPos)
		fl |= bits
		flags[i] = fl
		px, py = g.x[i], g.y[i]
	}

	out := make([]byte, glyphHeaderSize, glyphHeaderSize+2*len(g.endPts)+2+len(g.instructions)+n+len(xs)+len(ys))
	binary.BigEndian.PutUint16(out, uint16(len(g.endPts)))
	writeBBox(out, g.box)
	for _, e := range g.endPts {
		out = binary.BigEndian.AppendUint16(out, uint16(e))
	}
	out = binary.BigEndian.AppendUint16(out, uint16(len(g.instructions)))
	out = append(out, g.instructions...)
	out = appendFlags(out, flags)
	out = append(out, xs...)
	return append(out, ys...)
}

// encodeDelta appends one coordinate delta and returns the flag bits for it.
func encodeDelta(buf []byte, d int, short, sameOrPos byte) (byte, []byte) {
	switch {
	case d == 0:
		return sameOrPos, buf
	case d > 0 && d < 256:
		return short | sameOrPos, append(buf, byte(d))
	case d < 0 && d > -256:
		return short, append(buf, byte(-d))
	default:
		return 0, binary.BigEndian.AppendUint16(buf, uint16(int16(d)))
	}
}

// appendFlags run-length encodes point flags. A run of two costs the same
// either way and is written plainly, as FontForge and fontTools do.
func appendFlags(out, flags []byte) []byte {
	for i := 0; i < len(flags); {
		run := 1
		for i+run < len(flags) && flags[i+run] == flags[i] && run < 256 {
			run++
		}
		if run > 2 {
			out = append(out, flags[i]|flagRepeat, byte(run-1))
		} else {
			out = append(out, flags[i:i+run]...)
		}
		i += run
	}
	return out
}

// computeBBox sets the bounding box from the points, as the spec defines
// it: over every point, on- and off-curve.
func (g *simpleGlyph) computeBBox() {
	if len(g.x) == 0 {
		g.box = bbox{}
		return
	}
	b := bbox{g.x[0], g.y[0], g.x[0], g.y[0]}
	for i := range g.x {
		b = b.add(g.x[i], g.y[i])
	}
	g.box = b
}

// add grows the box to include a point.
func (b bbox) add(x, y int) bbox {
	return bbox{min(b.xMin, x), min(b.yMin, y), max(b.xMax, x), max(b.yMax, y)}
}

// union is the smallest box holding both.
func (b bbox) union(o bbox) bbox {
	return bbox{min(b.xMin, o.xMin), min(b.yMin, o.yMin), max(b.xMax, o.xMax), max(b.yMax, o.yMax)}
}

// readBBox reads xMin..yMax from a glyph header.
func readBBox(b []byte) bbox {
	return bbox{
		int(int16(binary.BigEndian.Uint16(b[2:]))),
		int(int16(binary.BigEndian.Uint16(b[4:]))),
		int(int16(binary.BigEndian.Uint16(b[6:]))),
		int(int16(binary.BigEndian.Uint16(b[8:]))),
	}
}

// writeBBox writes xMin..yMax into a glyph header.
func writeBBox(b []byte, box bbox) {
	binary.BigEndian.PutUint16(b[2:], uint16(int16(box.xMin)))
	binary.BigEndian.PutUint16(b[4:], uint16(int16(box.yMin)))
	binary.BigEndian.PutUint16(b[6:], uint16(int16(box.xMax)))
	binary.BigEndian.PutUint16(b[8:], uint16(int16(box.yMax)))
}
