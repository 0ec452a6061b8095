package catalog

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Length returns how much of a field's limit s takes: one for each
// character, two for each that GB18030 writes in four bytes (the rare hanzi
// of the CJK extensions, emoji). The receipt's QR budget is in bytes and a
// common hanzi takes two, so a limit counted this way bounds the bytes of
// any value, rare characters in names included, not only of common ones.
func Length(s string) int {
	ascii := 0
	for i := range len(s) {
		if s[i] < utf8.RuneSelf {
			ascii++
		}
	}
	if ascii == len(s) {
		return ascii
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil { // invalid UTF-8: count the worst
		return 2 * utf8.RuneCountInString(s)
	}
	return ascii + (len(gb)-ascii)/2
}

// Wide reports whether Length counts s as more than its characters: it
// holds a character counted twice.
func Wide(s string) bool {
	return Length(s) != utf8.RuneCountInString(s)
}
