package printer

import (
	"golang.org/x/text/encoding/simplifiedchinese"
)

// encodeGB encodes a cleaned line as GB18030 and reports whether it needed a
// four-byte sequence, which two-byte Chinese printers cannot print.
func encodeGB(s string) (b []byte, fourByte bool, err error) {
	if isASCII(s) {
		return []byte(s), false, nil
	}
	b, err = simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		return nil, false, err
	}
	for i := 0; i < len(b); i++ {
		if b[i] < 0x80 {
			continue
		}
		// A lead byte: a four-byte sequence has a digit second.
		if i+1 < len(b) && b[i+1] >= 0x30 && b[i+1] <= 0x39 {
			return b, true, nil
		}
		i++
	}
	return b, false, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
