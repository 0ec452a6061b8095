package main

import (
	"encoding/binary"
	"fmt"
)

// macStyleBold is bit 0 of head.macStyle.
const macStyleBold = 0x0001

// updateHead marks the font bold, stores the font-wide bounding box and the
// loca format. checksumAdjustment is left to sfntFont.bytes, which needs the
// finished file.
func updateHead(head []byte, box bbox, longLoca bool) error {
	if len(head) < 54 {
		return fmt.Errorf("head: %d bytes, want 54", len(head))
	}
	binary.BigEndian.PutUint16(head[36:], uint16(int16(box.xMin)))
	binary.BigEndian.PutUint16(head[38:], uint16(int16(box.yMin)))
	binary.BigEndian.PutUint16(head[40:], uint16(int16(box.xMax)))
	binary.BigEndian.PutUint16(head[42:], uint16(int16(box.yMax)))
	binary.BigEndian.PutUint16(head[44:], binary.BigEndian.Uint16(head[44:])|macStyleBold)
	var format uint16
	if longLoca {
		format = 1
	}
	binary.BigEndian.PutUint16(head[50:], format)
	return nil
}
