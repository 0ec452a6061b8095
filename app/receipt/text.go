package receipt

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A text is written as a uvarint header, length<<2 | mode, then its bytes.
// The mode that gives the fewest bytes wins, so the common hanzi of names
// and addresses cost two bytes (GB18030) instead of three (UTF-8), and ID
// numbers, phones and dates half a byte a character.
const (
	textUTF8    = 0 // length is bytes
	textGB18030 = 1 // length is bytes
	textNibbles = 2 // length is characters of nibbleAlphabet, two a byte
	textBase40  = 3 // length is characters of base40Alphabet, three in two bytes
)

// nibbleAlphabet holds what ID numbers, phones, dates, amounts and bank
// cards are made of.
const nibbleAlphabet = "0123456789-.X /:"

// base40Alphabet holds case numbers, item codes and credit codes.
const base40Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-./ "

var nibbleValue, base40Value = alphabetIndex(nibbleAlphabet), alphabetIndex(base40Alphabet)

func alphabetIndex(alphabet string) (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := range len(alphabet) {
		v[alphabet[i]] = int8(i)
	}
	return v
}

// inAlphabet reports whether every byte of s has a value in index.
func inAlphabet(s string, index *[256]int8) bool {
	for i := range len(s) {
		if index[s[i]] < 0 {
			return false
		}
	}
	return true
}

// appendText writes s in its shortest mode. s must be valid UTF-8 (it
// comes from JSON, which guarantees it).
func appendText(b []byte, s string) []byte {
	n := len(s)
	switch {
	case inAlphabet(s, &nibbleValue):
		b = binary.AppendUvarint(b, uint64(n)<<2|textNibbles)
		for i := 0; i < n; i += 2 {
			v := byte(nibbleValue[s[i]]) << 4
			if i+1 < n {
				v |= byte(nibbleValue[s[i+1]])
			}
			b = append(b, v)
		}
		return b
	case inAlphabet(s, &base40Value):
		b = binary.AppendUvarint(b, uint64(n)<<2|textBase40)
		return appendBase40(b, s, &base40Value)
	}
	if gb, ok := toGB18030(s); ok && len(gb) < n {
		b = binary.AppendUvarint(b, uint64(len(gb))<<2|textGB18030)
		return append(b, gb...)
	}
	b = binary.AppendUvarint(b, uint64(n)<<2|textUTF8)
	return append(b, s...)
}

// appendBase40 packs three characters of an alphabet of at most 40 into
// two bytes (40³ = 64000 < 65536).
func appendBase40(b []byte, s string, index *[256]int8) []byte {
	for i := 0; i < len(s); i += 3 {
		v := 0
		for j := i; j < i+3; j++ {
			v *= 40
			if j < len(s) {
				v += int(index[s[j]])
			}
		}
		b = append(b, byte(v>>8), byte(v))
	}
	return b
}

// toGB18030 encodes s, and reports false when s is plain ASCII (no gain)
// or does not come back unchanged, so a mapping quirk can never alter text.
func toGB18030(s string) ([]byte, bool) {
	ascii := true
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return nil, false
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		return nil, false
	}
	back, err := simplifiedchinese.GB18030.NewDecoder().String(gb)
	if err != nil || back != s {
		return nil, false
	}
	return []byte(gb), true
}

// text reads what appendText wrote.
func (r *reader) text() string {
	h := r.uvarint()
	if r.err != nil {
		return ""
	}
	mode, n := h&3, h>>2
	switch mode {
	case textUTF8, textGB18030:
		raw := r.bytes(n)
		if r.err != nil {
			return ""
		}
		if mode == textUTF8 {
			if !utf8.Valid(raw) {
				r.fail("text is not UTF-8")
			}
			return string(raw)
		}
		s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		if err != nil {
			r.fail("text is not GB18030")
		}
		return string(s)
	case textNibbles:
		raw := r.bytes((n + 1) / 2)
		if r.err != nil {
			return ""
		}
		var sb strings.Builder
		sb.Grow(int(n))
		for i := range int(n) {
			v := raw[i/2] >> 4
			if i%2 == 1 {
				v = raw[i/2] & 0xF
			}
			sb.WriteByte(nibbleAlphabet[v])
		}
		return sb.String()
	default: // textBase40
		return r.base40(n, base40Alphabet)
	}
}

// base40 reads n characters appendBase40 packed.
func (r *reader) base40(n uint64, alphabet string) string {
	raw := r.bytes((n + 2) / 3 * 2)
	if r.err != nil {
		return ""
	}
	var sb strings.Builder
	sb.Grow(int(n))
	for g := 0; g < len(raw); g += 2 {
		v := int(raw[g])<<8 | int(raw[g+1])
		if v >= 40*40*40 {
			r.fail("text group out of range")
			return ""
		}
		group := [3]int{v / 1600, v / 40 % 40, v % 40}
		for _, c := range group[:min(3, int(n)-sb.Len())] {
			if c >= len(alphabet) {
				r.fail("character out of range")
				return ""
			}
			sb.WriteByte(alphabet[c])
		}
	}
	return sb.String()
}
