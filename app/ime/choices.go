package ime

import "slices"

// Choice is a candidate — a word or a character — and how many of the
// typed letters it takes: the letters of its syllables.
type Choice struct {
	Text    string
	Letters int
}

// Choices returns the candidates for the typed letters, each with the
// letters it takes. In Common order words come first (see
// wordIndex.words: 石家庄 for shijiaz), a few of each kind, then the
// characters of the first syllable as Lookup ranks them, with the words
// of another split among them (xian: 现, 先, 县, then 西安). Names
// are typed a character at a time, so the Names order offers no words:
// a given name is rarely a dictionary word, and words would push the
// family names off the first page.
func Choices(pinyin string, o Order) []Choice {
	s := fold(pinyin)
	segs := Segment(s)
	if len(segs) == 0 {
		return nil
	}
	t := loadTable()
	var words wordChoices
	if o == Common {
		words = theWords().words(s, segs, t.incomplete(segs))
	}
	out := words.first
	for i, c := range t.characters(s, segs, o) {
		if i == otherSplitsAfter {
			out = append(out, words.otherSplit...)
			words.otherSplit = nil
		}
		out = append(out, Choice{string(c.r), c.letters})
	}
	return append(out, words.otherSplit...)
}

// letteredRune is a candidate character with the letters it takes.
type letteredRune struct {
	r       rune
	letters int
}

// characters returns the characters of the first syllable of s (segs[0]).
// Where another split into as many syllables starts with another whole
// syllable (lina: li'na and lin'a; changan: chan'gan and chang'an), that
// syllable's characters come too, in turns with the first's, so that both
// readings are on the first page: pinyin typed without apostrophes does
// not say which is meant.
func (t *table) characters(s string, segs []string, o Order) []letteredRune {
	var out []letteredRune
	// A syllable followed by more takes only its own characters: lin's
	// would take li's letters.
	for _, r := range t.lookup(segs[0], o, len(segs) == 1) {
		out = append(out, letteredRune{r, len(segs[0])})
	}
	for v, u := range umlautAsU {
		if segs[0] != u || len(out) < otherSplitsAfter {
			continue
		}
		var umlauts []letteredRune
		for _, c := range t.bySyllable[v] {
			if !slices.ContainsFunc(out, func(x letteredRune) bool { return x.r == c.r }) {
				umlauts = append(umlauts, letteredRune{c.r, len(u)})
			}
		}
		out = append(out[:otherSplitsAfter:otherSplitsAfter], alternate(out[otherSplitsAfter:], umlauts)...)
	}
	splits := t.splits(s)
	if splits[0] == nil {
		return out
	}
	for n := min(len(s), 6); n > 0; n-- {
		first := s[:n]
		if _, whole := t.bySyllable[first]; !whole || first == segs[0] || splits[n] == nil || len(splits[n])+1 != len(segs) {
			continue
		}
		var other []letteredRune
		for _, c := range t.bySyllable[first] { // read exactly so: the prefixed ones would crowd the page
			if !slices.ContainsFunc(out, func(x letteredRune) bool { return x.r == c.r }) {
				other = append(other, letteredRune{c.r, n})
			}
		}
		out = alternate(out, other)
	}
	return out
}

// alternate takes a's and b's items in turns, a first, then the rest of
// the longer.
func alternate[T any](a, b []T) []T {
	out := make([]T, 0, len(a)+len(b))
	for i := 0; i < max(len(a), len(b)); i++ {
		if i < len(a) {
			out = append(out, a[i])
		}
		if i < len(b) {
			out = append(out, b[i])
		}
	}
	return out
}
