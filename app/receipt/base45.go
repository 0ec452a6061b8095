package receipt

import "strings"

// base45Alphabet is the RFC 9285 alphabet: exactly the characters of QR
// alphanumeric mode, which stores them at 5.5 bits each, and none that a
// keyboard-mode scanner must shift for apart from ` $%*+-./:`.
const base45Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

// base45Value maps a character to its value, or -1.
var base45Value = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := range len(base45Alphabet) {
		v[base45Alphabet[i]] = int8(i)
	}
	return v
}()

// EncodeBase45 returns the RFC 9285 Base45 form of b: every two bytes
// become three characters, a last odd byte two.
func EncodeBase45(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b)/2*3 + 2)
	for i := 0; i+1 < len(b); i += 2 {
		n := int(b[i])<<8 | int(b[i+1])
		sb.WriteByte(base45Alphabet[n%45])
		sb.WriteByte(base45Alphabet[n/45%45])
		sb.WriteByte(base45Alphabet[n/2025])
	}
	if len(b)%2 == 1 {
		n := int(b[len(b)-1])
		sb.WriteByte(base45Alphabet[n%45])
		sb.WriteByte(base45Alphabet[n/45])
	}
	return sb.String()
}

// DecodeBase45 reverses EncodeBase45. It returns ErrBadBase45 for a
// character outside the alphabet, a length that leaves one character over,
// or a group whose value does not fit its bytes; every valid string has
// exactly one encoding, so EncodeBase45(DecodeBase45(s)) == s.
func DecodeBase45(s string) ([]byte, error) {
	if len(s)%3 == 1 {
		return nil, ErrBadBase45
	}
	out := make([]byte, 0, len(s)/3*2+1)
	for i := 0; i < len(s); i += 3 {
		end := min(i+3, len(s))
		n, mult := 0, 1
		for j := i; j < end; j++ {
			v := base45Value[s[j]]
			if v < 0 {
				return nil, ErrBadBase45
			}
			n += int(v) * mult
			mult *= 45
		}
		if end-i == 3 {
			if n > 0xFFFF {
				return nil, ErrBadBase45
			}
			out = append(out, byte(n>>8), byte(n))
		} else {
			if n > 0xFF {
				return nil, ErrBadBase45
			}
			out = append(out, byte(n))
		}
	}
	return out, nil
}
