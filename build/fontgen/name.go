package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Name IDs this tool rewrites (OpenType 'name' table).
const (
	nameFamily         = 1
	nameSubfamily      = 2
	nameUniqueID       = 3
	nameFull           = 4
	namePostScript     = 6
	nameDescription    = 10
	nameTypoSubfamily  = 17
	platformUnicode    = 0
	platformMac        = 1
	platformWindows    = 3
	nameRecordSize     = 12
	nameHeaderFormat0  = 6
	macEncodingRoman   = 0
	maxNameStorageSize = 0xFFFF
)

// nameRecord is one string of the name table, still encoded.
type nameRecord struct {
	platform, encoding, language, id uint16
	value                            []byte
}

// readNames parses a format 0 name table.
func readNames(b []byte) ([]nameRecord, error) {
	if len(b) < nameHeaderFormat0 {
		return nil, errors.New("name: table too short")
	}
	if f := binary.BigEndian.Uint16(b); f != 0 {
		return nil, fmt.Errorf("name: format %d not supported, only 0", f)
	}
	n := int(binary.BigEndian.Uint16(b[2:]))
	storage := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < nameHeaderFormat0+n*nameRecordSize || storage > len(b) {
		return nil, errors.New("name: truncated records")
	}
	recs := make([]nameRecord, n)
	for i := range recs {
		r := b[nameHeaderFormat0+i*nameRecordSize:]
		length, off := int(binary.BigEndian.Uint16(r[8:])), int(binary.BigEndian.Uint16(r[10:]))
		if storage+off+length > len(b) {
			return nil, fmt.Errorf("name: record %d string lies outside the table", i)
		}
		recs[i] = nameRecord{
			platform: binary.BigEndian.Uint16(r),
			encoding: binary.BigEndian.Uint16(r[2:]),
			language: binary.BigEndian.Uint16(r[4:]),
			id:       binary.BigEndian.Uint16(r[6:]),
			value:    b[storage+off : storage+off+length],
		}
	}
	return recs, nil
}

// writeNames lays out a format 0 name table, records in the given order.
func writeNames(recs []nameRecord) ([]byte, error) {
	storage := nameHeaderFormat0 + len(recs)*nameRecordSize
	out := make([]byte, storage)
	binary.BigEndian.PutUint16(out[2:], uint16(len(recs)))
	binary.BigEndian.PutUint16(out[4:], uint16(storage))
	var strs []byte
	for i, r := range recs {
		if len(strs)+len(r.value) > maxNameStorageSize {
			return nil, errors.New("name: strings exceed 64 KiB")
		}
		rec := out[nameHeaderFormat0+i*nameRecordSize:]
		binary.BigEndian.PutUint16(rec, r.platform)
		binary.BigEndian.PutUint16(rec[2:], r.encoding)
		binary.BigEndian.PutUint16(rec[4:], r.language)
		binary.BigEndian.PutUint16(rec[6:], r.id)
		binary.BigEndian.PutUint16(rec[8:], uint16(len(r.value)))
		binary.BigEndian.PutUint16(rec[10:], uint16(len(strs)))
		strs = append(strs, r.value...)
	}
	return append(out, strs...), nil
}

// decodeName returns a record's text, or false for encodings it cannot
// read (only Unicode, Windows and ASCII Mac Roman strings are handled).
func decodeName(r nameRecord) (string, bool) {
	switch {
	case r.platform == platformUnicode || r.platform == platformWindows:
		if len(r.value)%2 != 0 {
			return "", false
		}
		u := make([]uint16, len(r.value)/2)
		for i := range u {
			u[i] = binary.BigEndian.Uint16(r.value[2*i:])
		}
		return string(utf16.Decode(u)), true
	case r.platform == platformMac && r.encoding == macEncodingRoman:
		for _, c := range r.value {
			if c >= 0x80 {
				return "", false
			}
		}
		return string(r.value), true
	}
	return "", false
}

// encodeName encodes text for a record's platform, or false if it cannot.
func encodeName(r nameRecord, s string) ([]byte, bool) {
	switch {
	case r.platform == platformUnicode || r.platform == platformWindows:
		var out []byte
		for _, u := range utf16.Encode([]rune(s)) {
			out = binary.BigEndian.AppendUint16(out, u)
		}
		return out, true
	case r.platform == platformMac && r.encoding == macEncodingRoman:
		for _, c := range s {
			if c >= 0x80 {
				return nil, false
			}
		}
		return []byte(s), true
	}
	return nil, false
}

// boldNames returns the name table with the style names turned to Bold.
// Every readable record of a rewritten ID changes, in every language,
// because a style-linked family is matched on these strings: a face still
// called "Regular" would be taken for the regular one.
func boldNames(b []byte) ([]byte, error) {
	recs, err := readNames(b)
	if err != nil {
		return nil, err
	}
	var family string
	for _, r := range recs {
		if r.id == nameFamily {
			if s, ok := decodeName(r); ok {
				family = s
				break
			}
		}
	}
	if family == "" {
		return nil, errors.New("name: no readable family name")
	}
	full := family + " Bold"
	rewrite := map[uint16]func(old string) string{
		nameSubfamily:     func(string) string { return "Bold" },
		nameTypoSubfamily: func(string) string { return "Bold" },
		nameFull:          func(string) string { return full },
		nameUniqueID:      func(string) string { return full + "; synthetic bold by tongban build/fontgen" },
		namePostScript:    func(old string) string { return strings.TrimSuffix(old, "-Regular") + "-Bold" },
		// Apache-2.0 section 4(b): modified files carry a notice saying so.
		nameDescription: func(old string) string {
			return old + " This Bold face is a modified version: its outlines were emboldened from the regular face by tongban build/fontgen."
		},
	}
	for i, r := range recs {
		f, ok := rewrite[r.id]
		if !ok {
			continue
		}
		old, ok := decodeName(r)
		if !ok {
			continue
		}
		if v, ok := encodeName(r, f(old)); ok {
			recs[i].value = v
		}
	}
	return writeNames(recs)
}
