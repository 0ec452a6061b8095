package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// sfntFont is a font file split into its tables. Tables are kept as raw
// bytes: the tool only rewrites the few it needs and copies the rest.
type sfntFont struct {
	version uint32            // sfnt version: 0x00010000 for TrueType outlines
	tables  map[string][]byte // table data by tag, without padding
	order   []string          // tags in the order their data appeared in the file
}

// tableRecordSize is the size of one entry of the table directory.
const tableRecordSize = 16

// parseSFNT splits a TrueType file into its tables, checking that every
// table lies inside the file.
func parseSFNT(b []byte) (*sfntFont, error) {
	if len(b) < 12 {
		return nil, errors.New("sfnt: file too short for the offset table")
	}
	f := &sfntFont{
		version: binary.BigEndian.Uint32(b),
		tables:  map[string][]byte{},
	}
	if f.version != 0x00010000 && f.version != 0x74727565 { // 'true' is Apple's TrueType tag
		return nil, fmt.Errorf("sfnt: version %#08x is not TrueType outlines", f.version)
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+n*tableRecordSize {
		return nil, errors.New("sfnt: file too short for its table directory")
	}
	type located struct {
		tag    string
		offset uint32
	}
	var locs []located
	for i := 0; i < n; i++ {
		rec := b[12+i*tableRecordSize:]
		tag := string(rec[:4])
		off := binary.BigEndian.Uint32(rec[8:])
		length := binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(b)) {
			return nil, fmt.Errorf("sfnt: table %q [%d, +%d) lies outside the %d-byte file", tag, off, length, len(b))
		}
		if _, dup := f.tables[tag]; dup {
			return nil, fmt.Errorf("sfnt: table %q appears twice", tag)
		}
		f.tables[tag] = b[off : off+length : off+length]
		locs = append(locs, located{tag, off})
	}
	// Keep the original data order so the output is laid out like the input
	// (head, hhea, maxp first; glyf near the end), as readers expect.
	sort.SliceStable(locs, func(i, j int) bool { return locs[i].offset < locs[j].offset })
	for _, l := range locs {
		f.order = append(f.order, l.tag)
	}
	return f, nil
}

// table returns the data of a table that must exist.
func (f *sfntFont) table(tag string) ([]byte, error) {
	t, ok := f.tables[tag]
	if !ok {
		return nil, fmt.Errorf("sfnt: no %q table", tag)
	}
	return t, nil
}

// drop removes a table, if present.
func (f *sfntFont) drop(tag string) {
	if _, ok := f.tables[tag]; !ok {
		return
	}
	delete(f.tables, tag)
	for i, t := range f.order {
		if t == tag {
			f.order = append(f.order[:i], f.order[i+1:]...)
			break
		}
	}
}

// bytes lays the font out as a file: a sorted table directory, each table
// 4-byte aligned, table checksums recomputed and head.checksumAdjustment set
// so that the whole file sums to checksumMagic.
func (f *sfntFont) bytes() []byte {
	n := len(f.order)
	dirSize := 12 + n*tableRecordSize
	size := dirSize
	for _, tag := range f.order {
		size += pad4(len(f.tables[tag]))
	}
	out := make([]byte, size)

	binary.BigEndian.PutUint32(out, f.version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * tableRecordSize
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(n*tableRecordSize-searchRange))

	offsets := map[string]int{}
	pos := dirSize
	for _, tag := range f.order {
		data := f.tables[tag]
		if tag == "head" && len(data) >= 12 {
			// The adjustment is computed over the file with it zeroed.
			data = append([]byte(nil), data...)
			binary.BigEndian.PutUint32(data[8:], 0)
		}
		copy(out[pos:], data)
		offsets[tag] = pos
		pos += pad4(len(data))
	}

	// The directory must be sorted by tag so readers can binary-search it.
	tags := append([]string(nil), f.order...)
	sort.Strings(tags)
	for i, tag := range tags {
		rec := out[12+i*tableRecordSize:]
		off, length := offsets[tag], len(f.tables[tag])
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(out[off:off+length]))
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(length))
	}

	if off, ok := offsets["head"]; ok && len(f.tables["head"]) >= 12 {
		binary.BigEndian.PutUint32(out[off+8:], checksumMagic-checksum(out))
	}
	return out
}

// pad4 rounds n up to a multiple of four.
func pad4(n int) int { return (n + 3) &^ 3 }
