package linebreak

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A lone character is one hanzi cut off from the words it belongs to by a
// line break, which a reader takes for a word of its own: 口 alone on the
// last line under "…A04、A05 窗", or 原 at the end of a line whose next
// starts 生二维码. Two rules keep it with its neighbours:
//
//   - Orphan: the last line of a paragraph is never one hanzi alone (with
//     the closing punctuation after it, "口。" or "记）"); the line before
//     gives it its last hanzi, as OrphanCut finds, when that line stays
//     valid and the longer last line still fits.
//   - Stranded: a line never ends with the first hanzi of a phrase (after
//     a space or punctuation) whose next hanzi starts the next line; that
//     hanzi goes down with the rest of its phrase.
//
// Both only ever move a hanzi down to the next line, never a closing mark
// to the start of a line nor an opening one to the end of one.

// brackets open and close a group that OrphanCut does not take a hanzi out
// of when the group is complete on the line.
const (
	openBrackets  = "（《「『【〔〈〖“‘([{"
	closeBrackets = "）》」』】〕〉〗”’)]}"
)

// isHanzi reports whether r is a CJK ideograph, the characters a lone line
// is made of (punctuation, kana and Latin letters are not).
func isHanzi(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

// Orphan reports whether line, the last line of a paragraph, is one hanzi
// alone, or one hanzi followed by closing punctuation (口, 口。, 记）。);
// spaces around it do not count.
func Orphan(line string) bool {
	line = strings.TrimSpace(line)
	r, n := utf8.DecodeRuneInString(line)
	if !isHanzi(r) {
		return false
	}
	for _, c := range line[n:] {
		if !strings.ContainsRune(NoLineStart, c) {
			return false
		}
	}
	return true
}

// OrphanCut returns where to cut line, the line before an orphan, so that
// its last hanzi (with the closing punctuation after it) joins the orphan
// on the last line: a byte offset into line, or -1 when the line cannot
// give one. It cannot when it does not end in a hanzi and closing
// punctuation, when under two characters would stay, when the rules would
// hold the two pieces together (an opening bracket would end the line),
// or when the hanzi would leave a bracketed group that is complete on the
// line (（原件，1份）). What stays before the cut may end in spaces, which
// the caller drops.
func OrphanCut(line string) int {
	s := strings.TrimRightFunc(line, unicode.IsSpace)
	i := len(s)
	closesGroup := false
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !strings.ContainsRune(NoLineStart, r) {
			break
		}
		closesGroup = closesGroup || strings.ContainsRune(closeBrackets, r)
		i -= n
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if !isHanzi(r) {
		return -1
	}
	i -= n
	rest := strings.TrimRightFunc(s[:i], unicode.IsSpace)
	if utf8.RuneCountInString(strings.TrimSpace(rest)) < 2 || Held(rest, s[i:]) {
		return -1
	}
	if closesGroup && openGroup(rest) {
		return -1
	}
	return i
}

// openGroup reports whether s has a bracket it does not close.
func openGroup(s string) bool {
	depth := 0
	for _, r := range s {
		switch {
		case strings.ContainsRune(openBrackets, r):
			depth++
		case strings.ContainsRune(closeBrackets, r) && depth > 0:
			depth--
		}
	}
	return depth > 0
}

// Stranded reports whether breaking between line and next would leave a
// lone hanzi at the end of line: line ends with a hanzi that starts a
// phrase (a space or punctuation is before it, and something that may end
// a line before that) and next, which follows line directly, starts with a
// hanzi, the rest of the phrase. (A break at a space is not inside a
// phrase: the caller asks only about breaks between two pieces of text.)
// The caller moves that hanzi, the last rune of line, down to the next
// line.
func Stranded(line, next string) bool {
	if r, _ := utf8.DecodeRuneInString(next); !isHanzi(r) {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(line)
	if !isHanzi(r) {
		return false
	}
	rest := line[:len(line)-n]
	before, _ := utf8.DecodeLastRuneInString(rest)
	if !unicode.IsSpace(before) && !unicode.IsPunct(before) {
		return false
	}
	rest = strings.TrimRightFunc(rest, unicode.IsSpace)
	return strings.TrimSpace(rest) != "" && !strings.ContainsRune(NoLineEnd, Last(rest))
}

// AvoidOrphan applies the orphan rule to lines, the lines of one paragraph
// as a wrapper made them: when the last is an Orphan and the line before
// can give it a hanzi (OrphanCut), it moves that hanzi down, and then the
// one before it if that one would be Stranded, provided fits accepts the
// longer last line (the caller's width: columns on paper, pixels on
// screen). It changes lines in place.
func AvoidOrphan(lines []string, fits func(string) bool) {
	n := len(lines)
	if n < 2 || !Orphan(lines[n-1]) {
		return
	}
	prev := lines[n-2]
	cut := OrphanCut(prev)
	if cut < 0 {
		return
	}
	last := strings.TrimRightFunc(prev[cut:], unicode.IsSpace) + strings.TrimLeftFunc(lines[n-1], unicode.IsSpace)
	if !fits(last) {
		return
	}
	prev = strings.TrimRightFunc(prev[:cut], unicode.IsSpace)
	// What stays may now end with the first hanzi of the phrase that went
	// down (号 before 窗口 in "A03 号窗口"): it follows.
	if Stranded(prev, last) {
		_, k := utf8.DecodeLastRuneInString(prev)
		if l := prev[len(prev)-k:] + last; fits(l) {
			prev, last = strings.TrimRightFunc(prev[:len(prev)-k], unicode.IsSpace), l
		}
	}
	lines[n-2], lines[n-1] = prev, last
}
