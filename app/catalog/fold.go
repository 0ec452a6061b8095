package catalog

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold brings text and queries to one form so that plain byte search finds
// what a citizen means: lower case; full-width letters, digits and
// punctuation (what a Chinese IME types) made half-width; ü written v as
// pinyin keyboards do; control characters (and so the haystack separator
// NUL) dropped; runs of space made one space.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drops leading space
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII block
			r -= 0xFEE0
		case r == 0x3000: // ideographic space
			r = ' '
		case r == 'ü' || r == 'Ü':
			r = 'v'
		}
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		if unicode.IsControl(r) || r == utf8.RuneError {
			continue
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	out := strings.TrimSuffix(b.String(), " ")
	// British and American spelling both find the item (names use licence).
	return strings.ReplaceAll(out, "license", "licence")
}

// letterBit maps a-z to bits 0–25 and 0-9 to bits 26–35; other bytes to 0.
func letterBit(c byte) uint64 {
	switch {
	case c >= 'a' && c <= 'z':
		return 1 << (c - 'a')
	case c >= '0' && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 0
}

// bitIndex is the position letterBit sets for c, or -1.
func bitIndex(c byte) int {
	switch {
	case c >= 'a' && c <= 'z':
		return int(c - 'a')
	case c >= '0' && c <= '9':
		return 26 + int(c-'0')
	}
	return -1
}

// pinyinWord reports whether a folded query word can be pinyin or
// initials: ASCII letters and digits only.
func pinyinWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if letterBit(w[i]) == 0 {
			return false
		}
	}
	return w != ""
}
