package main

import (
	"encoding/binary"
	"fmt"
)

// metrics is an hmtx or vmtx table expanded to one advance and one side
// bearing per glyph. Both tables share a layout: nLong (advance, bearing)
// pairs, then bare bearings for glyphs that repeat the last advance.
type metrics struct {
	adv, side []int
	nLong     int
}

// readMetrics expands an hmtx/vmtx table.
func readMetrics(b []byte, nLong, numGlyphs int) (*metrics, error) {
	if nLong < 1 || nLong > numGlyphs || len(b) < 4*nLong+2*(numGlyphs-nLong) {
		return nil, fmt.Errorf("metrics: %d bytes do not hold %d long metrics for %d glyphs", len(b), nLong, numGlyphs)
	}
	m := &metrics{adv: make([]int, numGlyphs), side: make([]int, numGlyphs), nLong: nLong}
	for i := 0; i < numGlyphs; i++ {
		if i < nLong {
			m.adv[i] = int(binary.BigEndian.Uint16(b[4*i:]))
			m.side[i] = int(int16(binary.BigEndian.Uint16(b[4*i+2:])))
		} else {
			m.adv[i] = m.adv[nLong-1]
			m.side[i] = int(int16(binary.BigEndian.Uint16(b[4*nLong+2*(i-nLong):])))
		}
	}
	return m, nil
}

// bytes writes the table back with the same number of long metrics, which
// holds because emboldening changes every equal advance the same way.
func (m *metrics) bytes() ([]byte, error) {
	out := make([]byte, 0, 4*m.nLong+2*(len(m.adv)-m.nLong))
	for i := range m.adv {
		if m.adv[i] < 0 || m.adv[i] > 0xFFFF {
			return nil, fmt.Errorf("metrics: glyph %d advance %d does not fit 16 bits", i, m.adv[i])
		}
		if i < m.nLong {
			out = binary.BigEndian.AppendUint16(out, uint16(m.adv[i]))
		} else if m.adv[i] != m.adv[m.nLong-1] {
			return nil, fmt.Errorf("metrics: glyph %d advance %d differs from the shared %d", i, m.adv[i], m.adv[m.nLong-1])
		}
		out = binary.BigEndian.AppendUint16(out, uint16(int16(m.side[i])))
	}
	return out, nil
}

// extent is where a glyph's ink lies along one axis, measured from the
// leading edge of its advance: lead is the side bearing, size the ink size.
type extent struct {
	lead, size int
	ink        bool // false for glyphs with no outline, which the header ignores
}

// updateMetricsHeader recomputes the summary fields that hhea and vhea
// share (advance max, min leading and trailing bearings, max extent) from
// the glyphs' metrics and ink extents.
func updateMetricsHeader(hdr []byte, m *metrics, ext []extent) error {
	if len(hdr) < 36 {
		return fmt.Errorf("metrics header: %d bytes, want 36", len(hdr))
	}
	maxAdv := 0
	minLead, minTrail, maxExt := 0x7FFF, 0x7FFF, -0x8000
	for i, a := range m.adv {
		maxAdv = max(maxAdv, a)
		if !ext[i].ink {
			continue
		}
		e := ext[i].lead + ext[i].size
		minLead = min(minLead, ext[i].lead)
		minTrail = min(minTrail, a-e)
		maxExt = max(maxExt, e)
	}
	if maxExt == -0x8000 {
		minLead, minTrail, maxExt = 0, 0, 0 // no glyph has ink
	}
	binary.BigEndian.PutUint16(hdr[10:], uint16(maxAdv))
	binary.BigEndian.PutUint16(hdr[12:], uint16(int16(minLead)))
	binary.BigEndian.PutUint16(hdr[14:], uint16(int16(minTrail)))
	binary.BigEndian.PutUint16(hdr[16:], uint16(int16(maxExt)))
	return nil
}
