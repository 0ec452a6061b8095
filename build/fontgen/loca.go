package main

import (
	"encoding/binary"
	"fmt"
)

// readLoca returns the numGlyphs+1 glyph offsets into glyf. Short offsets
// (indexToLocFormat 0) are stored halved.
func readLoca(loca []byte, numGlyphs int, long bool, glyfLen int) ([]int, error) {
	size := 2
	if long {
		size = 4
	}
	if len(loca) < (numGlyphs+1)*size {
		return nil, fmt.Errorf("loca: %d bytes, need %d for %d glyphs", len(loca), (numGlyphs+1)*size, numGlyphs)
	}
	offs := make([]int, numGlyphs+1)
	for i := range offs {
		if long {
			offs[i] = int(binary.BigEndian.Uint32(loca[4*i:]))
		} else {
			offs[i] = 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
		}
		if offs[i] > glyfLen || (i > 0 && offs[i] < offs[i-1]) {
			return nil, fmt.Errorf("loca: offset %d of glyph %d is out of order or past glyf's %d bytes", offs[i], i, glyfLen)
		}
	}
	return offs, nil
}

// buildGlyf concatenates glyph data and returns glyf and loca. The short
// loca format only addresses even offsets up to 128 KiB, so glyphs are padded
// to even lengths when it can be used and the long format is chosen when it
// cannot; a long loca needs no padding, which keeps glyf as compact as the
// input.
func buildGlyf(glyphs [][]byte) (glyf, loca []byte, long bool) {
	total := 0
	for _, g := range glyphs {
		total += len(g) + len(g)%2
	}
	long = total > 0xFFFF*2
	for _, g := range glyphs {
		glyf = append(glyf, g...)
		if !long && len(g)%2 == 1 {
			glyf = append(glyf, 0)
		}
	}
	off := 0
	for i := 0; i <= len(glyphs); i++ {
		if long {
			loca = binary.BigEndian.AppendUint32(loca, uint32(off))
		} else {
			loca = binary.BigEndian.AppendUint16(loca, uint16(off/2))
		}
		if i < len(glyphs) {
			off += len(glyphs[i])
			if !long {
				off += len(glyphs[i]) % 2
			}
		}
	}
	return glyf, loca, long
}
