// Package linebreak holds the rules of Chinese line breaking (禁则) that
// both the printer (receipts in columns, printer/wrap.go) and the screen
// (measured text, app/ui) follow: closing punctuation never starts a line,
// opening punctuation never ends one, and no hanzi is left alone on a line
// by a break (lone.go).
package linebreak

import (
	"strings"
	"unicode/utf8"
)

// The characters a line may not start with, and may not end with.
const (
	NoLineStart = "，。、；：？！）》」』】〕〉〗”’…—～％·,.;:?!)]}%"
	NoLineEnd   = "（《「『【〔〈〖“‘([{￥"
)

// Held reports whether a line may not break between before and after:
// after starts with closing punctuation, or before ends with opening
// punctuation.
func Held(before, after string) bool {
	return strings.ContainsRune(NoLineStart, First(after)) || strings.ContainsRune(NoLineEnd, Last(before))
}

// First returns the first rune of s, or 0.
func First(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// Last returns the last rune of s, or 0.
func Last(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
