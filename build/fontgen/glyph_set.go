package main

import (
	"encoding/binary"
	"fmt"
)

// decodeGlyphs decodes every glyph of glyf. Empty glyphs and simple glyphs
// without contours are left nil in both slices and copied through as is.
func decodeGlyphs(glyf []byte, offs []int) (*glyphSet, error) {
	n := len(offs) - 1
	s := &glyphSet{simple: make([]*simpleGlyph, n), composite: make([]*compositeGlyph, n)}
	for gid := 0; gid < n; gid++ {
		b := glyf[offs[gid]:offs[gid+1]]
		if len(b) < 2 {
			continue
		}
		var err error
		switch nc := int16(binary.BigEndian.Uint16(b)); {
		case nc < 0:
			s.composite[gid], err = decodeCompositeGlyph(b)
		case nc > 0:
			s.simple[gid], err = decodeSimpleGlyph(b)
		}
		if err != nil {
			return nil, fmt.Errorf("glyph %d: %w", gid, err)
		}
	}
	return s, nil
}

// headerBoxes reads the bounding box each glyph header declares, and which
// glyphs have one at all.
func headerBoxes(glyf []byte, offs []int) ([]bbox, []bool) {
	n := len(offs) - 1
	boxes, ok := make([]bbox, n), make([]bool, n)
	for gid := 0; gid < n; gid++ {
		if b := glyf[offs[gid]:offs[gid+1]]; len(b) >= glyphHeaderSize {
			boxes[gid], ok[gid] = readBBox(b), true
		}
	}
	return boxes, ok
}
