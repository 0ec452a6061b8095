package main

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// derivedTables are dropped from the output: they cache advance widths or
// hinting results per pixel size (hdmx, LTSH, VDMX) computed from the
// original outlines, and a stale cache would make renderers that trust it
// lay out or clip the bold glyphs wrongly. Renderers compute them when absent.
var derivedTables = []string{"hdmx", "LTSH", "VDMX"}

// emboldenFont derives a bold face from a TrueType font: every simple
// glyph's outline grows by s, composites follow their components, and the
// metrics and naming tables are updated to describe a bold face.
//
// maxp needs no change: emboldening moves points but never adds points or
// contours, and it only removes instructions, so every maximum still holds.
func emboldenFont(in []byte, s strength) ([]byte, error) {
	f, err := parseSFNT(in)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "maxp", "loca", "glyf", "hhea", "hmtx", "OS/2", "name"} {
		if _, err := f.table(tag); err != nil {
			return nil, err
		}
	}
	head := clone(f.tables["head"])
	if len(head) < 54 || len(f.tables["maxp"]) < 6 {
		return nil, errors.New("head or maxp too short")
	}
	numGlyphs := int(binary.BigEndian.Uint16(f.tables["maxp"][4:]))
	longLoca := binary.BigEndian.Uint16(head[50:]) != 0
	oldGlyf := f.tables["glyf"]
	offs, err := readLoca(f.tables["loca"], numGlyphs, longLoca, len(oldGlyf))
	if err != nil {
		return nil, err
	}
	oldBoxes, _ := headerBoxes(oldGlyf, offs)

	set, err := decodeGlyphs(oldGlyf, offs)
	if err != nil {
		return nil, err
	}
	for gid, g := range set.simple {
		if g == nil {
			continue
		}
		if set.simple[gid], err = emboldenSimple(g, s); err != nil {
			return nil, fmt.Errorf("glyph %d: %w", gid, err)
		}
	}

	glyphs, boxes, ink, err := encodeGlyphs(set, oldGlyf, offs)
	if err != nil {
		return nil, err
	}
	glyf, loca, long := buildGlyf(glyphs)
	f.tables["glyf"], f.tables["loca"] = glyf, loca

	// Horizontal: the ink's left edge stays where it was drawn, so the left
	// side bearing follows xMin; the advance grows by the strength.
	hmtx, err := boldMetrics(f, "hhea", "hmtx", numGlyphs, s.x,
		func(gid, lsb int) int {
			if !ink[gid] {
				return lsb
			}
			return lsb + boxes[gid].xMin - oldBoxes[gid].xMin
		},
		func(gid, lsb int) extent { return extent{lsb, boxes[gid].xMax - boxes[gid].xMin, ink[gid]} })
	if err != nil {
		return nil, err
	}
	// Vertical: the origin is at yMax+tsb and moves up with the ink's top
	// edge by the strength, so both vertical bearings stay as they were.
	if _, ok := f.tables["vhea"]; ok {
		_, err = boldMetrics(f, "vhea", "vmtx", numGlyphs, s.y,
			func(gid, tsb int) int {
				if !ink[gid] {
					return tsb
				}
				return tsb + oldBoxes[gid].yMax + s.y - boxes[gid].yMax
			},
			func(gid, tsb int) extent { return extent{tsb, boxes[gid].yMax - boxes[gid].yMin, ink[gid]} })
		if err != nil {
			return nil, err
		}
	}

	fontBox, _ := unionBoxes(boxes, ink)
	if err := updateHead(head, fontBox, long); err != nil {
		return nil, err
	}
	f.tables["head"] = head

	os2 := clone(f.tables["OS/2"])
	if err := updateOS2(os2, hmtx, s.x); err != nil {
		return nil, err
	}
	f.tables["OS/2"] = os2

	if f.tables["name"], err = boldNames(f.tables["name"]); err != nil {
		return nil, err
	}
	for _, tag := range derivedTables {
		f.drop(tag)
	}
	return f.bytes(), nil
}

// encodeGlyphs encodes every glyph and returns the glyph data with each
// glyph's new bounding box and whether it has ink. Composites get their box
// from the emboldened points of their components.
func encodeGlyphs(set *glyphSet, oldGlyf []byte, offs []int) ([][]byte, []bbox, []bool, error) {
	n := len(offs) - 1
	glyphs, boxes, ink := make([][]byte, n), make([]bbox, n), make([]bool, n)
	for gid := 0; gid < n; gid++ {
		switch {
		case set.simple[gid] != nil:
			g := set.simple[gid]
			glyphs[gid], boxes[gid], ink[gid] = g.encode(), g.box, len(g.x) > 0
		case set.composite[gid] != nil:
			pts, err := set.points(gid, 0)
			if err != nil {
				return nil, nil, nil, err
			}
			cg := set.composite[gid]
			if b, ok := boxOf(pts); ok {
				cg.box, boxes[gid], ink[gid] = b, b, true
			}
			glyphs[gid] = cg.encodeWithoutInstructions()
		default:
			glyphs[gid] = oldGlyf[offs[gid]:offs[gid+1]] // empty, or without contours
		}
	}
	return glyphs, boxes, ink, nil
}

// boldMetrics rewrites one direction's metrics (hmtx with hhea, or vmtx with
// vhea): non-zero advances grow by str (a zero advance marks a combining
// mark, which must stay zero, as in FreeType), side bearings are mapped by
// side, and the header's summary fields are recomputed.
func boldMetrics(f *sfntFont, hdrTag, mtxTag string, numGlyphs, str int,
	side func(gid, old int) int, ext func(gid, side int) extent) (*metrics, error) {
	hdr, err := f.table(hdrTag)
	if err != nil {
		return nil, err
	}
	mtx, err := f.table(mtxTag)
	if err != nil {
		return nil, err
	}
	if len(hdr) < 36 {
		return nil, fmt.Errorf("%s: %d bytes, want 36", hdrTag, len(hdr))
	}
	m, err := readMetrics(mtx, int(binary.BigEndian.Uint16(hdr[34:])), numGlyphs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", mtxTag, err)
	}
	exts := make([]extent, numGlyphs)
	for gid := range m.adv {
		if m.adv[gid] != 0 {
			m.adv[gid] += str
		}
		m.side[gid] = side(gid, m.side[gid])
		exts[gid] = ext(gid, m.side[gid])
	}
	if f.tables[mtxTag], err = m.bytes(); err != nil {
		return nil, fmt.Errorf("%s: %w", mtxTag, err)
	}
	hdr = clone(hdr)
	if err := updateMetricsHeader(hdr, m, exts); err != nil {
		return nil, fmt.Errorf("%s: %w", hdrTag, err)
	}
	f.tables[hdrTag] = hdr
	return m, nil
}

// unionBoxes is the box around every glyph with ink, and whether any had.
func unionBoxes(boxes []bbox, ink []bool) (bbox, bool) {
	var u bbox
	found := false
	for i, b := range boxes {
		if !ink[i] {
			continue
		}
		if !found {
			u, found = b, true
		}
		u = u.union(b)
	}
	return u, found
}

// clone copies a table so edits never write into the input file's bytes.
func clone(b []byte) []byte { return append([]byte(nil), b...) }
