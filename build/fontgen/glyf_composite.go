package main

import (
	"encoding/binary"
	"errors"
)

// Composite-glyph component flag bits (OpenType 'glyf' table).
const (
	compArgsAreWords     = 0x0001
	compArgsAreXY        = 0x0002 // offsets; otherwise indices of points to match
	compHaveScale        = 0x0008
	compMoreComponents   = 0x0020
	compHaveXYScale      = 0x0040
	compHave2x2          = 0x0080
	compHaveInstructions = 0x0100
)

// component is one glyph placed inside a composite glyph.
type component struct {
	flags      uint16
	glyph      int
	arg1, arg2 int        // x/y offset, or parent/child point indices to match
	m          [4]float64 // 2x2 transform: x' = m0*x + m2*y, y' = m1*x + m3*y
}

// compositeGlyph is a glyph built from other glyphs. The component records
// are kept as raw bytes so that rewriting one changes nothing but its header
// and the instruction flag.
type compositeGlyph struct {
	box        bbox
	components []component
	records    []byte // all component records, without trailing instructions
}

// decodeCompositeGlyph parses a glyph whose numberOfContours is negative.
func decodeCompositeGlyph(b []byte) (*compositeGlyph, error) {
	if len(b) < glyphHeaderSize {
		return nil, errors.New("glyf: composite shorter than its header")
	}
	g := &compositeGlyph{box: readBBox(b)}
	p := glyphHeaderSize
	for {
		if p+4 > len(b) {
			return nil, errors.New("glyf: truncated component")
		}
		c := component{
			flags: binary.BigEndian.Uint16(b[p:]),
			glyph: int(binary.BigEndian.Uint16(b[p+2:])),
			m:     [4]float64{1, 0, 0, 1},
		}
		p += 4
		need := 2
		if c.flags&compArgsAreWords != 0 {
			need = 4
		}
		switch {
		case c.flags&compHaveScale != 0:
			need += 2
		case c.flags&compHaveXYScale != 0:
			need += 4
		case c.flags&compHave2x2 != 0:
			need += 8
		}
		if p+need > len(b) {
			return nil, errors.New("glyf: truncated component arguments")
		}
		// Offsets are signed; point indices are not.
		xy := c.flags&compArgsAreXY != 0
		if c.flags&compArgsAreWords != 0 {
			c.arg1, c.arg2 = word(b[p:], xy), word(b[p+2:], xy)
			p += 4
		} else {
			c.arg1, c.arg2 = byteArg(b[p], xy), byteArg(b[p+1], xy)
			p += 2
		}
		switch {
		case c.flags&compHaveScale != 0:
			s := f2dot14(b[p:])
			c.m = [4]float64{s, 0, 0, s}
			p += 2
		case c.flags&compHaveXYScale != 0:
			c.m = [4]float64{f2dot14(b[p:]), 0, 0, f2dot14(b[p+2:])}
			p += 4
		case c.flags&compHave2x2 != 0:
			c.m = [4]float64{f2dot14(b[p:]), f2dot14(b[p+2:]), f2dot14(b[p+4:]), f2dot14(b[p+6:])}
			p += 8
		}
		g.components = append(g.components, c)
		if c.flags&compMoreComponents == 0 {
			break
		}
	}
	g.records = b[glyphHeaderSize:p:p]
	return g, nil
}

// encodeWithoutInstructions writes the composite with its current bounding
// box and no hinting: the instructions were written for the outlines as they
// were, and the components' points have moved.
func (g *compositeGlyph) encodeWithoutInstructions() []byte {
	out := make([]byte, glyphHeaderSize+len(g.records))
	binary.BigEndian.PutUint16(out, 0xFFFF) // numberOfContours = -1
	writeBBox(out, g.box)
	copy(out[glyphHeaderSize:], g.records)
	p := glyphHeaderSize
	for _, c := range g.components {
		binary.BigEndian.PutUint16(out[p:], c.flags&^compHaveInstructions)
		p += 4
		if c.flags&compArgsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case c.flags&compHaveScale != 0:
			p += 2
		case c.flags&compHaveXYScale != 0:
			p += 4
		case c.flags&compHave2x2 != 0:
			p += 8
		}
	}
	return out
}

// word reads a 16-bit component argument.
func word(b []byte, signed bool) int {
	v := binary.BigEndian.Uint16(b)
	if signed {
		return int(int16(v))
	}
	return int(v)
}

// byteArg reads an 8-bit component argument.
func byteArg(v byte, signed bool) int {
	if signed {
		return int(int8(v))
	}
	return int(v)
}

// f2dot14 reads a 2.14 fixed-point number.
func f2dot14(b []byte) float64 {
	return float64(int16(binary.BigEndian.Uint16(b))) / (1 << 14)
}
