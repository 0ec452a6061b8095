package main

import (
	"encoding/binary"
	"fmt"
)

// OS/2 values for a bold face.
const (
	weightBold       = 700    // usWeightClass
	fsSelectionBold  = 1 << 5 // fsSelection BOLD
	fsSelectionReg   = 1 << 6 // fsSelection REGULAR, exclusive with BOLD
	panoseLatinText  = 2      // bFamilyType whose bWeight scale is below
	panoseWeightBold = 8      // bWeight "Bold"
)

// updateOS2 declares the face bold (weight class, selection bits, PANOSE
// weight) and recomputes the average advance, which matchers use to pick
// a fallback's width.
func updateOS2(os2 []byte, m *metrics, xStrength int) error {
	if len(os2) < 78 {
		return fmt.Errorf("OS/2: %d bytes, too short", len(os2))
	}
	version := binary.BigEndian.Uint16(os2)
	if version >= 3 {
		// Since version 3 the value is the mean of all non-zero advances.
		sum, n := 0, 0
		for _, a := range m.adv {
			if a != 0 {
				sum += a
				n++
			}
		}
		if n > 0 {
			binary.BigEndian.PutUint16(os2[2:], uint16(int16((sum+n/2)/n)))
		}
	} else {
		// Earlier versions weight lowercase letters; each grew by the same
		// amount, so their weighted mean does too.
		avg := int(int16(binary.BigEndian.Uint16(os2[2:])))
		binary.BigEndian.PutUint16(os2[2:], uint16(int16(avg+xStrength)))
	}
	binary.BigEndian.PutUint16(os2[4:], weightBold)
	if os2[32] == panoseLatinText {
		os2[34] = panoseWeightBold
	}
	sel := binary.BigEndian.Uint16(os2[62:])
	binary.BigEndian.PutUint16(os2[62:], sel&^fsSelectionReg|fsSelectionBold)
	return nil
}
