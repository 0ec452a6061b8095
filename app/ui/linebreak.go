package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tongban/app/linebreak"
)

// Line breaking on screen follows the usual Chinese rules (禁则), which
// Fyne's own wrapping does not know (it breaks at spaces, else anywhere,
// so a "。" can start a line): closing punctuation never starts a line,
// opening punctuation never ends one, a Latin word or number stays whole
// when it fits a line, no hanzi is left alone (on the last line, or at the
// end of a line when it starts a phrase the next line goes on with: see
// app/linebreak/lone.go), and otherwise a line breaks at a space or
// between two hanzi. The printer applies the same rules to columns of a
// receipt (printer/wrap.go); this is the version for measured,
// proportional text.

// wrapLines breaks s into lines no wider than width, as measure reports
// the width of a string. Every "\n" starts a new line; spaces where a line
// breaks are dropped. A piece wider than a whole line (a long code) is cut
// between characters, so no line is ever wider than width unless a single
// character is.
func wrapLines(s string, width float32, measure func(string) float32) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapParagraph(para, width, measure)...)
	}
	return out
}

func wrapParagraph(para string, width float32, measure func(string) float32) []string {
	b := lineBuilder{width: width, measure: measure}
	for _, u := range breakUnits(para) {
		switch {
		case isSpaceUnit(u):
			if b.line != "" { // a line never starts with a space
				b.line += u
			}
		case b.line == "" || measure(b.line+u) <= width:
			b.add(u)
		default:
			lone := b.takeStranded(u)
			b.flush()
			b.line = lone
			b.add(u)
		}
	}
	if b.line != "" || len(b.lines) == 0 {
		b.flush()
	}
	linebreak.AvoidOrphan(b.lines, func(l string) bool { return measure(l) <= width })
	return b.lines
}

// lineBuilder collects the lines of a paragraph.
type lineBuilder struct {
	width   float32
	measure func(string) float32
	lines   []string
	line    string // the line being filled
}

// add puts a unit on the line being filled, which has room for it or is
// empty. A unit wider than a whole line is cut between characters.
func (b *lineBuilder) add(u string) {
	if b.line != "" || b.measure(u) <= b.width {
		b.line += u
		return
	}
	for _, r := range u {
		c := string(r)
		if b.line != "" && b.measure(b.line+c) > b.width {
			b.cut(c)
		}
		b.line += c
	}
}

// cut ends the line being filled before next, a character that does not
// fit; characters the rules hold to next (an opening bracket before it, a
// closing one that next is) go down with it while the line keeps one.
// When the line cannot give them, next hangs past the end of the line
// instead, as closing punctuation does in Chinese typesetting.
func (b *lineBuilder) cut(next string) {
	rs := []rune(b.line)
	carry := ""
	held := func() bool {
		return linebreak.Held(string(rs), carry+next)
	}
	for len(rs) > 1 && held() {
		carry = string(rs[len(rs)-1]) + carry
		rs = rs[:len(rs)-1]
	}
	if held() {
		return
	}
	b.line = string(rs)
	b.flush()
	b.line = carry
}

// takeStranded takes the last hanzi off the line being filled, and
// returns it, when breaking before u would leave it alone at the end of
// the line (linebreak.Stranded) and it fits on the next line with u.
func (b *lineBuilder) takeStranded(u string) string {
	if !linebreak.Stranded(b.line, u) {
		return ""
	}
	_, n := utf8.DecodeLastRuneInString(b.line)
	lone := b.line[len(b.line)-n:]
	if b.measure(lone+u) > b.width {
		return ""
	}
	b.line = b.line[:len(b.line)-n]
	return lone
}

// flush ends the line being filled; spaces at its end go.
func (b *lineBuilder) flush() {
	b.lines = append(b.lines, strings.TrimRightFunc(b.line, unicode.IsSpace))
	b.line = ""
}

// breakUnits splits a paragraph into the pieces a line may break between:
// a run of spaces, a Latin word (letters, digits and ASCII punctuation
// together, so "2026-03-01" or "licence," stays whole), or one wide
// character; punctuation that may not start (end) a line is joined to
// the piece before (after) it.
func breakUnits(para string) []string {
	runes := []rune(para)
	var units []string
	prevSpace := true
	for i := 0; i < len(runes); {
		j := i + 1
		space := unicode.IsSpace(runes[i])
		switch {
		case space:
			for j < len(runes) && unicode.IsSpace(runes[j]) {
				j++
			}
		case isWordRune(runes[i]):
			for j < len(runes) && isWordRune(runes[j]) {
				j++
			}
		}
		tok := string(runes[i:j])
		i = j
		if !space && !prevSpace && len(units) > 0 {
			prev := units[len(units)-1]
			if linebreak.Held(prev, tok) {
				units[len(units)-1] = prev + tok
				continue
			}
		}
		units = append(units, tok)
		prevSpace = space
	}
	return units
}

// isWordRune reports whether r belongs to a Latin word: anything narrow
// that is not a space. Wide characters (hanzi, kana, hangul, full-width
// forms and CJK punctuation) stand alone.
func isWordRune(r rune) bool { return r < 0x2E80 && !unicode.IsSpace(r) }

func isSpaceUnit(u string) bool {
	for _, r := range u {
		return unicode.IsSpace(r)
	}
	return false
}
