package main

import "encoding/binary"

// checksumMagic is the value the whole-file checksum must come to once
// head.checksumAdjustment is filled in (OpenType spec, 'head' table).
const checksumMagic = 0xB1B0AFBA

// checksum is the sfnt table checksum: the sum of the data read as big-endian
// uint32 words, the last word padded with zero bytes.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var tail [4]byte
	copy(tail[:], b)
	return sum + binary.BigEndian.Uint32(tail[:])
}
