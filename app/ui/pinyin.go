package ui

import (
	"strings"
	"unicode/utf8"

	"tongban/app/ime"
)

// PinyinInput is the state of the pinyin keyboard, apart from drawing:
// the letters typed, their candidates (words, then the characters of the
// first syllable, of both readings where the letters split two ways:
// ime.Choices) and the page of them on show. Choosing a candidate takes
// its syllables off the letters, so zhangsan gives 张, then the
// candidates of san, and youxiangongsi gives 有限公司 at once.
type PinyinInput struct {
	order   ime.Order
	perPage int
	letters string
	cands   []ime.Choice
	page    int
}

// NewPinyinInput returns an empty input showing perPage candidates a page.
func NewPinyinInput(o ime.Order, perPage int) *PinyinInput {
	return &PinyinInput{order: o, perPage: max(perPage, 1)}
}

// Type adds a letter (a–z, either case). It reports false, changing
// nothing, for anything else or when the input is full.
func (in *PinyinInput) Type(r rune) bool {
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	if r < 'a' || r > 'z' || len(in.letters) >= ime.MaxInput {
		return false
	}
	in.letters += string(r)
	in.update()
	return true
}

// Backspace removes the last letter; false when there was none, so the
// caller deletes from the field instead.
func (in *PinyinInput) Backspace() bool {
	if in.letters == "" {
		return false
	}
	in.letters = in.letters[:len(in.letters)-1]
	in.update()
	return true
}

// Clear drops every letter.
func (in *PinyinInput) Clear() {
	in.letters = ""
	in.update()
}

// FirstTakesAll reports whether the first candidate takes every letter
// pending: a word or character that ends what was typed.
func (in *PinyinInput) FirstTakesAll() bool {
	return len(in.cands) > 0 && in.cands[0].Letters == len(in.letters)
}

// Pending reports whether letters wait for a candidate.
func (in *PinyinInput) Pending() bool { return in.letters != "" }

// Letters returns the letters split into syllables with apostrophes, as
// IMEs show them: zhang'san (see Syllables).
func (in *PinyinInput) Letters() string { return strings.Join(in.Syllables(), "'") }

// Syllables returns the letters split into syllables. Where the first
// candidate is a word, its letters are split as it reads them (chang'an'qu
// for 长安区), the rest as Segment splits it, so the line agrees with what
// a tap on it takes.
func (in *PinyinInput) Syllables() []string {
	if len(in.cands) > 0 && utf8.RuneCountInString(in.cands[0].Text) > 1 {
		first := in.cands[0]
		if split := ime.SplitAs(in.letters[:first.Letters], first.Text); split != nil {
			if rest := in.letters[first.Letters:]; rest != "" {
				split = append(split, ime.Segment(rest)...)
			}
			return split
		}
	}
	return ime.Segment(in.letters)
}

// Shown returns the candidates of the page on show.
func (in *PinyinInput) Shown() []string {
	var out []string
	for _, c := range in.shown() {
		out = append(out, c.Text)
	}
	return out
}

// shown is the page on show.
func (in *PinyinInput) shown() []ime.Choice {
	from := min(in.page*in.perPage, len(in.cands))
	to := min(from+in.perPage, len(in.cands))
	return in.cands[from:to]
}

// Page returns the page on show (from 1) and the number of pages (at least
// 1).
func (in *PinyinInput) Page() (page, pages int) {
	return in.page + 1, max(1, (len(in.cands)+in.perPage-1)/in.perPage)
}

// Turn moves by delta pages; false at either end.
func (in *PinyinInput) Turn(delta int) bool {
	_, pages := in.Page()
	p := in.page + delta
	if p < 0 || p >= pages {
		return false
	}
	in.page = p
	return true
}

// Choose returns the i-th shown candidate and takes its syllables off the
// letters; "" when there is no such candidate.
func (in *PinyinInput) Choose(i int) string {
	shown := in.shown()
	if i < 0 || i >= len(shown) {
		return ""
	}
	c := shown[i]
	in.letters = in.letters[min(c.Letters, len(in.letters)):]
	in.update()
	return c.Text
}

func (in *PinyinInput) update() {
	in.page = 0
	in.cands = ime.Choices(in.letters, in.order)
}
