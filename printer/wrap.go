package printer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"tongban/app/linebreak"
)

// Line breaking follows the usual Chinese rules (禁则): closing punctuation
// never starts a line and opening punctuation never ends one; a short
// bracketed group such as （1个工作日） or （原件，1份） moves to the next line
// whole rather than being split; an ASCII word or number (a case number,
// a date, 0311-85012345) stays whole when it fits on a line; and no hanzi
// is left alone (app/linebreak/lone.go): not on the last line of a
// paragraph (窗 goes down to 口), nor at the end of a line when it starts a
// phrase that the next line goes on with (原 goes down to 生二维码).

// groupPairs are the brackets whose content is kept together.
var groupPairs = map[rune]rune{
	'（': '）', '【': '】', '《': '》', '「': '」', '『': '』', '〔': '〕',
	'〈': '〉', '〖': '〗', '“': '”', '‘': '’', '(': ')', '[': ']',
}

// groupMaxCols is the widest bracketed group kept together: eight
// full-width characters, brackets included. A group also never takes more
// than two thirds of a line (a list item's hanging lines are narrower), so
// moving it down never leaves most of a line empty.
const groupMaxCols = 16

// wrapText breaks cleaned text into lines of at most width columns: at "\n",
// at spaces, and between wide characters where the rules above allow.
func wrapText(s string, width int) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = wrapItem(para, width, lines)
	}
	return lines
}

// listMarker is the start of a numbered or bulleted line ("  1. ", "2、").
var listMarker = regexp.MustCompile(`^ *(\d{1,2}[.、] *|[·•] *)`)

// wrapItem wraps a paragraph; a list item's later lines hang under its
// text rather than under its number, so a wrapped material lines up with
// its name.
func wrapItem(para string, width int, lines []string) []string {
	marker := listMarker.FindString(para)
	hang := textCols(marker)
	if marker == "" || hang > width/3 || strings.TrimSpace(para[len(marker):]) == "" {
		return wrapParagraph(para, width, lines)
	}
	for i, l := range wrapParagraph(para[len(marker):], width-hang, nil) {
		if i == 0 {
			lines = append(lines, marker+l)
		} else {
			lines = append(lines, strings.Repeat(" ", hang)+l)
		}
	}
	return lines
}

// token is a piece of a paragraph that is never split when it fits on a
// line: one wide character, one space, or an ASCII word.
type token struct {
	text string
	cols int
}

func (t token) space() bool { return t.text == " " }

func tokenize(para string) []token {
	var toks []token
	runes := []rune(para)
	for i := 0; i < len(runes); {
		j := i + 1
		if isWordRune(runes[i]) {
			for j < len(runes) && isWordRune(runes[j]) {
				j++
			}
		}
		s := string(runes[i:j])
		toks = append(toks, token{text: s, cols: textCols(s)})
		i = j
	}
	return toks
}

func isWordRune(r rune) bool { return r < 0x80 && r != ' ' }

// How strictly tokens are held together. A unit wider than a line is
// split again at the next level down.
const (
	keepChars  = iota // every token its own unit
	keepPunct         // punctuation held to its neighbour
	keepGroups        // and short bracketed groups held whole
)

// units groups toks into the pieces that lines break between, at a level.
func units(toks []token, level, width int) [][]token {
	if len(toks) == 0 {
		return nil
	}
	// joined[k]: no break between toks[k] and toks[k+1].
	joined := make([]bool, len(toks)-1)
	if level >= keepPunct {
		for k := range joined {
			a, b := toks[k], toks[k+1]
			if a.space() || b.space() {
				continue
			}
			joined[k] = linebreak.Held(a.text, b.text)
		}
	}
	if level >= keepGroups {
		limit := min(groupMaxCols, width*2/3)
		for k := 0; k < len(toks); k++ {
			if end := groupEnd(toks, k, limit); end > k {
				for m := k; m < end; m++ {
					joined[m] = true
				}
				k = end
			}
		}
	}
	var out [][]token
	start := 0
	for k := range toks {
		if k == len(toks)-1 || !joined[k] {
			out = append(out, toks[start:k+1])
			start = k + 1
		}
	}
	return out
}

// groupEnd returns the index of the token that closes the bracket opened at
// toks[k] if the group is at most limit columns, else -1.
func groupEnd(toks []token, k, limit int) int {
	open := toks[k].text
	if len([]rune(open)) != 1 {
		return -1
	}
	o := linebreak.First(open)
	closing, ok := groupPairs[o]
	if !ok {
		return -1
	}
	cols, depth := 0, 0
	for m := k; m < len(toks); m++ {
		cols += toks[m].cols
		if cols > limit {
			return -1
		}
		switch linebreak.First(toks[m].text) {
		case o:
			depth++
		case closing:
			depth--
			if depth == 0 {
				return m
			}
		}
	}
	return -1
}

// wrapper fills lines one unit at a time.
type wrapper struct {
	width int
	lines []string
	start int // lines before this paragraph
	cur   strings.Builder
	cols  int
}

func (w *wrapper) flush() {
	w.lines = append(w.lines, strings.TrimRight(w.cur.String(), " "))
	w.cur.Reset()
	w.cols = 0
}

func (w *wrapper) add(u []token) {
	for _, t := range u {
		w.cur.WriteString(t.text)
		w.cols += t.cols
	}
}

// place puts a unit on the current line, on the next, or, when it is wider
// than a line, splits it at the next level down.
func (w *wrapper) place(u []token, level int) {
	cols := 0
	for _, t := range u {
		cols += t.cols
	}
	switch {
	case len(u) == 1 && u[0].space():
		// A break on a space takes the space; a continuation line does
		// not start with one (the paragraph's indent stays).
		switch {
		case w.cols+1 > w.width:
			w.flush()
		case w.cols > 0 || len(w.lines) == w.start:
			w.add(u)
		}
	case w.cols+cols <= w.width:
		w.add(u)
	case cols <= w.width:
		lone := w.takeStranded(u, cols)
		w.flush()
		w.cur.WriteString(lone)
		w.cols += textCols(lone)
		w.add(u)
	case level > keepChars:
		for _, v := range units(u, level-1, w.width) {
			w.place(v, level-1)
		}
	default:
		// One word longer than any line: fill this line and go on.
		for _, r := range u[0].text {
			c := runeCols(r)
			if w.cols > 0 && w.cols+c > w.width {
				w.flush()
			}
			w.cur.WriteRune(r)
			w.cols += c
		}
	}
}

// takeStranded takes the last hanzi off the line being filled, and
// returns it, when breaking before u would leave it alone at the end of the
// line (linebreak.Stranded) and it fits on the next line with u.
func (w *wrapper) takeStranded(u []token, cols int) string {
	if w.cols == 0 || cols+2 > w.width {
		return ""
	}
	line := w.cur.String()
	if !linebreak.Stranded(line, u[0].text) {
		return ""
	}
	_, n := utf8.DecodeLastRuneInString(line)
	w.cur.Reset()
	w.cur.WriteString(line[:len(line)-n])
	w.cols -= 2
	return line[len(line)-n:]
}

func wrapParagraph(para string, width int, lines []string) []string {
	w := wrapper{width: width, lines: lines, start: len(lines)}
	for _, u := range units(tokenize(para), keepGroups, width) {
		w.place(u, keepGroups)
	}
	if w.cols > 0 || len(w.lines) == w.start {
		// The last line, or the one empty line of an empty paragraph.
		w.flush()
	}
	linebreak.AvoidOrphan(w.lines[w.start:], func(l string) bool { return textCols(l) <= width })
	return w.lines
}
