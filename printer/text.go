package printer

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// substitutes replaces characters whose GB18030 form is four bytes, which
// two-byte Chinese printers garble, with a two-byte look-alike. The rest of
// the four-byte characters (rare name characters, emoji) make their line go
// as an image instead.
var substitutes = map[rune]rune{
	'\u00a5': '￥', // yen/yuan sign → fullwidth yuan sign A3 A4
	'\u00a0': ' ', // no-break space
	'\u2022': '·', // bullet, as typed in minority names
	'\u2027': '·', // hyphenation point
	'\u30fb': '·', // katakana middle dot, from Japanese input methods
	'\uff65': '·', // halfwidth katakana middle dot
	'\u301c': '～', // wave dash; GB18030 maps A1 AB to the fullwidth tilde
	'\u2010': '-', // hyphen
	'\u2011': '-', // non-breaking hyphen
}

// cleanText makes user text safe and printable: NFC, so a decomposed
// character is one two-byte code rather than four-byte combining marks; no
// control characters, so a name cannot smuggle ESC/POS commands; and the
// look-alike substitutions.
func cleanText(s string) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// C0 and C1 controls: dropped.
		case r == '\u00ad' || r == '\u200b' || r == '\u200d' || r == '\ufeff':
			// Invisible characters: dropped.
		default:
			if sub, ok := substitutes[r]; ok {
				r = sub
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// runeCols is the columns a character takes on the printer: ASCII prints in
// the 12-dot half-width cell, every GB18030 two-byte character (and every
// character we draw instead) in a 24-dot full-width cell.
func runeCols(r rune) int {
	if r < 0x80 {
		return 1
	}
	return 2
}

// textCols is the columns a line takes.
func textCols(s string) int {
	n := 0
	for _, r := range s {
		n += runeCols(r)
	}
	return n
}
