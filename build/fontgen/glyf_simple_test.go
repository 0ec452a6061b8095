package main

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"
)

func TestSimpleGlyphRoundTripSynthetic(t *testing.T) {
	// Deltas of every kind: zero, short positive and negative, long; runs of
	// equal flags both shorter and longer than two.
	g := &simpleGlyph{
		endPts:       []int{5, 8},
		instructions: []byte{0x40, 0x01, 0x02},
		flags:        []byte{1, 1, 1, 0, 1, flagOverlap | 1, 1, 1, 0},
		x:            []int{0, 0, 0, 300, 45, 40, -700, -700, -700},
		y:            []int{10, 10, 265, 9, -300, -300, -300, -299, 1000},
	}
	g.computeBBox()
	enc := g.encode()
	dec, err := decodeSimpleGlyph(enc)
	if err != nil {
		t.Fatalf("decoding what encode wrote: %v", err)
	}
	if !reflect.DeepEqual(dec, g) {
		t.Errorf("round trip changed the glyph:\n got %+v\nwant %+v", dec, g)
	}
	if again := dec.encode(); !bytes.Equal(again, enc) {
		t.Errorf("second encode differs:\n%x\n%x", again, enc)
	}
}

func TestSimpleGlyphRoundTripDroid(t *testing.T) {
	// Every simple glyph of the real font must re-encode to exactly its
	// original bytes: then the only bytes that change in the bold face are
	// those that emboldening changed.
	f := regularFont(t)
	numGlyphs := int(binary.BigEndian.Uint16(f.tables["maxp"][4:]))
	offs, err := readLoca(f.tables["loca"], numGlyphs, true, len(f.tables["glyf"]))
	if err != nil {
		t.Fatal(err)
	}
	checked, differ := 0, 0
	for gid := 0; gid < numGlyphs; gid++ {
		b := f.tables["glyf"][offs[gid]:offs[gid+1]]
		if len(b) < 2 || int16(binary.BigEndian.Uint16(b)) < 0 {
			continue
		}
		g, err := decodeSimpleGlyph(b)
		if err != nil {
			t.Fatalf("glyph %d: %v", gid, err)
		}
		checked++
		if enc := g.encode(); !bytes.Equal(enc, b) {
			if differ++; differ <= 3 {
				t.Errorf("glyph %d re-encodes differently:\n got %x\nwant %x", gid, enc, b)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d simple glyphs re-encode differently", differ, checked)
	}
	if checked < 20000 {
		t.Errorf("only %d simple glyphs checked; expected Droid Sans Fallback's ~23,000", checked)
	}
}

func TestDecodeSimpleGlyphRejectsTruncated(t *testing.T) {
	g := &simpleGlyph{endPts: []int{2}, flags: []byte{1, 1, 1}, x: []int{0, 500, 0}, y: []int{0, 0, 500}}
	enc := g.encode()
	for n := 0; n < len(enc); n++ {
		if _, err := decodeSimpleGlyph(enc[:n]); err == nil {
			t.Errorf("decoding the first %d of %d bytes succeeded; want an error", n, len(enc))
		}
	}
}
