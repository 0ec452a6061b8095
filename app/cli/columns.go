package cli

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// A terminal shows a Chinese character two columns wide. Tables of the
// command line pad by these display columns, not by bytes or runes, so
// their columns line up when names and statuses are in Chinese.

// displayWidth is how many terminal columns s takes: two for a wide or
// full-width character (East Asian Width W or F), none for a combining
// mark, one for anything else.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		case wide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

func wide(r rune) bool {
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

// pad fills s with spaces to cols display columns; a longer s is left as
// it is, so no text is lost.
func pad(s string, cols int) string {
	if w := displayWidth(s); w < cols {
		return s + strings.Repeat(" ", cols-w)
	}
	return s
}

// listOrNone writes a short list for a table cell: "A01,A02", or — when
// it is empty, so an empty cell is never mistaken for a missing column.
func listOrNone(items []string) string {
	if len(items) == 0 {
		return "—"
	}
	return strings.Join(items, ",")
}
