package ime

import (
	"cmp"
	_ "embed"
	"slices"
	"strings"
	"sync"
)

// wordsText lists words of two to four hanzi from the most to the least
// frequent, one a line (build/freqgen makes it from cppjieba's word
// frequencies, MIT; see freq-LICENSE): about 50,000 common words and the
// place names that end as address parts do (新华区, 中山东路).
//
//go:embed words.txt
var wordsText string

// maxWordReadings bounds the readings a word is listed under. The list
// has no pinyin of its own, so a word is listed under the readings of its
// characters, fewest other-than-first readings first: 银行 under yinhang
// and yinxing, 长安 under chang'an and zhang'an. A wrong reading only adds
// a candidate to letters nobody types for that word.
const maxWordReadings = 4

// wordReading is a word under one of its readings.
type wordReading struct {
	key  string // the syllables run together, as typed: xian for 西安
	last uint8  // where the last syllable starts in key
	odd  uint8  // syllables not read as the character's first reading (readingPlace)
	n    uint8  // syllables
	rank uint32 // the word's place in words.txt
	word string
}

// compare orders by key, then reading, then frequency.
func (w wordReading) compare(v wordReading) int {
	if c := strings.Compare(w.key, v.key); c != 0 {
		return c
	}
	return byReadingThenRank(w, v)
}

func byReadingThenRank(w, v wordReading) int {
	if w.odd != v.odd {
		return cmp.Compare(w.odd, v.odd)
	}
	return cmp.Compare(w.rank, v.rank)
}

// wordIndex is every word under each of its readings, by key.
type wordIndex []wordReading

var theWords = sync.OnceValue(func() wordIndex { return buildWords(wordsText, dictionary()) })

func buildWords(text string, dict map[int]string) wordIndex {
	idx := make(wordIndex, 0, 80000)
	spell := speller(dict)
	var rank uint32
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		rank++
		idx = spell(idx, line, rank)
	}
	slices.SortFunc(idx, wordReading.compare)
	return idx
}

// syllable is one reading of a character, as words use it.
type syllable struct {
	s   string
	odd uint8 // 1 when not the character's first reading (readingPlace)
}

// speller returns a function that adds the readings of a word to idx
// (none when a character is outside GBK or has no reading), looking up
// each character's readings once.
func speller(dict map[int]string) func(idx wordIndex, word string, rank uint32) wordIndex {
	cache := map[rune][]syllable{}
	var chars [][]syllable
	return func(idx wordIndex, word string, rank uint32) wordIndex {
		chars = chars[:0]
		for _, r := range word {
			syls, ok := cache[r]
			if !ok {
				syls = wordSyllables(dict, r)
				cache[r] = syls
			}
			if len(syls) == 0 {
				return idx
			}
			chars = append(chars, syls)
		}
		return appendReadings(idx, word, rank, chars)
	}
}

// wordSyllables are the readings of r that words are listed under, as
// typed: its first three, each also as lue, nue, lu and nu where it is
// lüe, nüe, lü or nü. None when r is outside GBK.
func wordSyllables(dict map[int]string, r rune) []syllable {
	if _, _, gb := gbLevel(r); !gb {
		return nil
	}
	var syls []syllable
	for place, s := range syllables(dict[int(r)]) {
		if place == 3 { // the fourth reading of a character is never the one a word needs first
			break
		}
		odd := min(readingPlace(r, s, place), 1)
		syls = append(syls, syllable{s, odd})
		if u, ok := umlautSpellings[s]; ok {
			syls = append(syls, syllable{u, odd})
		}
		if u, ok := umlautAsU[s]; ok {
			syls = append(syls, syllable{u, odd})
		}
	}
	return syls
}

// SplitAs splits typed letters into the syllables of word's characters,
// as the word reads them: chang'an'qu for 长安区, where Segment, knowing
// no word, says chan'gan'qu. The last piece may be a syllable still being
// typed (shi'jia'z for 石家庄). Nil when the letters do not spell the word.
func SplitAs(letters, word string) []string {
	dict := dictionary()
	chars := []rune(word)
	var out []string
	var spell func(i int, rest string) bool
	spell = func(i int, rest string) bool {
		if i == len(chars) {
			return rest == ""
		}
		for _, syl := range wordSyllables(dict, chars[i]) {
			switch {
			case strings.HasPrefix(rest, syl.s):
				out = append(out, syl.s)
				if spell(i+1, rest[len(syl.s):]) {
					return true
				}
				out = out[:len(out)-1]
			case i == len(chars)-1 && rest != "" && strings.HasPrefix(syl.s, rest):
				out = append(out, rest)
				return true
			}
		}
		return false
	}
	if spell(0, fold(letters)) {
		return out
	}
	return nil
}

// appendReadings adds word to idx under the readings its characters'
// syllables spell, the fewest odd ones first, at most maxWordReadings.
func appendReadings(idx wordIndex, word string, rank uint32, chars [][]syllable) wordIndex {
	var readings []wordReading
	var spell func(i int, key string, last int, odd uint8)
	spell = func(i int, key string, last int, odd uint8) {
		if i == len(chars) {
			readings = append(readings, wordReading{key: key, last: uint8(last), odd: odd, n: uint8(len(chars)), rank: rank, word: word})
			return
		}
		for _, s := range chars[i] {
			spell(i+1, key+s.s, len(key), odd+s.odd)
		}
	}
	spell(0, "", 0, 0)
	slices.SortStableFunc(readings, func(a, b wordReading) int { return cmp.Compare(a.odd, b.odd) })
	return append(idx, readings[:min(len(readings), maxWordReadings)]...)
}

// From is the first place in idx whose key is at least s.
func (idx wordIndex) from(s string) int {
	i, _ := slices.BinarySearchFunc(idx, s, func(w wordReading, s string) int { return cmp.Compare(w.key, s) })
	return i
}

// How many words of each kind Choices offers: the words are the quick
// way, the characters the sure one, and both belong on the first page.
const (
	wholeWords   = 4 // words spelled by all the letters as Segment splits them
	typingWords  = 2 // words whose last syllable is being typed
	shorterWords = 2 // words spelled by the first syllables, per length
	otherSplits  = 2 // words spelled by all the letters split another way
	// otherSplitsAfter is how many characters come before the words of
	// another split: yue is one syllable, and 月 comes before 余额 (yu'e),
	// xian before 西安 (xi'an), yet both stay on the first page.
	otherSplitsAfter = 3
)

// wordChoices are the words Choices offers for the letters s: first, the
// words to put before the characters; then, the words of another split,
// to put among them (after otherSplitsAfter).
type wordChoices struct {
	first, otherSplit []Choice
}

// words returns the words the letters s spell, as Choices offers them.
// First come words spelled by all of s as Segment splits it, in as many
// syllables (yinhang: 银行; fangan both 方案 and 反感); then words whose
// last syllable s is still typing (shijiaz: 石家庄), when s ends so; then
// words spelled by the first syllables of s, longest first
// (zhongshandonglu: 中山). The words all of s spells in more syllables
// than Segment's split (xian: 西安, yue: 余额) are kept apart: they only
// join the characters, and only when each syllable is its character's
// first reading. Each kind is ranked by reading, then frequency; each
// word comes once.
func (idx wordIndex) words(s string, segs []string, incomplete bool) wordChoices {
	var out wordChoices
	seen := map[string]bool{}
	add := func(to *[]Choice, ws []wordReading, most int, letters func(wordReading) int) {
		for _, w := range ws {
			if len(*to) >= most {
				return
			}
			// A word read only through a character's other reading is
			// offered for letters nobody types for it (探路 for xianlu).
			if w.odd == 0 && !seen[w.word] {
				seen[w.word] = true
				*to = append(*to, Choice{Text: w.word, Letters: letters(w)})
			}
		}
	}
	whole := func(w wordReading) int { return len(w.key) }
	var asSplit, other []wordReading
	for _, w := range idx.keyed(s) {
		if int(w.n) == len(segs) {
			asSplit = append(asSplit, w)
		} else {
			other = append(other, w)
		}
	}
	add(&out.first, asSplit, wholeWords, whole)
	if incomplete {
		var typing []wordReading
		for i := idx.from(s); i < len(idx) && strings.HasPrefix(idx[i].key, s); i++ {
			if w := idx[i]; len(w.key) > len(s) && int(w.last) < len(s) {
				typing = append(typing, w)
			}
		}
		slices.SortFunc(typing, byReadingThenRank)
		add(&out.first, typing, len(out.first)+typingWords, func(wordReading) int { return len(s) })
	}
	// The first syllables: only where the segmentation of s puts a
	// boundary, so that shiji of shijiazhuang does not offer 世纪.
	n := len(s) - len(segs[len(segs)-1])
	for i := len(segs) - 1; i >= 2; i-- {
		add(&out.first, idx.keyed(s[:n]), len(out.first)+shorterWords, whole)
		n -= len(segs[i-1])
	}
	add(&out.otherSplit, other, otherSplits, whole)
	return out
}

// keyed returns the readings whose key is s, by reading then frequency.
func (idx wordIndex) keyed(s string) []wordReading {
	i := idx.from(s)
	j := i
	for j < len(idx) && idx[j].key == s {
		j++
	}
	return idx[i:j]
}
