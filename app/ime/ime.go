// Package ime turns toneless pinyin typed on the kiosk's on-screen keyboard
// into hanzi candidates, so a citizen can type a Chinese name by touch
// alone: the desktop driver has no on-screen keyboard and places the system
// IME's candidate window badly (fyne#618).
//
// Candidates come from the character dictionary of
// github.com/mozillazg/go-pinyin, restricted to characters GBK encodes (the
// bundled font draws them and receipt printers print them in two-byte
// GB18030), ordered so common characters come first: characters whose
// first (primary) reading is the syllable before those that only have it
// as another reading, then by how often they occur (freq.txt, near ties
// going to the words of government services, see freq.go), then GB2312
// level 1 before level 2 before the rest of GBK. Before the characters
// come words (words.go): 有限公司 for youxiangongsi, 石家庄 for shijiaz,
// so a company name or an address takes a few taps instead of one per
// character; names are typed one character at a time, as Segment splits
// them.
package ime

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// Order says how candidates are ranked.
type Order int

// The orders.
const (
	// Common ranks by how common a character is in general text.
	Common Order = iota
	// Names puts the most common family names first, for name fields,
	// each under the reading it has as a name (see surnameReadings), then
	// the characters common in given names (givenNames).
	Names
)

// MaxInput bounds the pinyin input in bytes: a four-character name spelled
// out is at most 24 letters.
const MaxInput = 32

// Candidates returns the hanzi for a toneless pinyin syllable (zhang) or
// the start of one (zh), common characters first. Characters read exactly
// as the input come before those whose reading only starts with it. The
// input is the first syllable of what Segment returns; for longer input
// only that first syllable counts (and the other reading's, Choices). Letters other than a–z give nothing;
// ü is typed as v (lv, nv). The slice is the caller's.
func Candidates(pinyin string) []rune { return Lookup(pinyin, Common) }

// NameCandidates is Candidates with the common family names first.
func NameCandidates(pinyin string) []rune { return Lookup(pinyin, Names) }

// Lookup returns the characters Choices offers for pinyin, in the given
// order, without the words and the letters each takes.
func Lookup(pinyin string, o Order) []rune {
	s := fold(pinyin)
	segs := Segment(s)
	if len(segs) == 0 {
		return nil
	}
	var out []rune
	for _, c := range loadTable().characters(s, segs, o) {
		out = append(out, c.r)
	}
	return out
}

// Warm builds the character and word tables, which the first letter
// typed would otherwise wait for (about a quarter of a second; see
// BenchmarkBuild and BenchmarkBuildWords). Windows call it in the
// background at start.
func Warm() {
	loadTable()
	theWords()
}

// IsSyllable reports whether s is a whole toneless syllable (zhang, lv).
func IsSyllable(s string) bool {
	_, ok := loadTable().bySyllable[s]
	return ok
}

// candidate is one character under one reading, with its rank key.
type candidate struct {
	r rune
	// reading is the place of the syllable among the character's readings
	// (toneless, each once): 0 for its primary reading. A character comes
	// under the syllables of its other readings only after every character
	// read so first, whatever its frequency: heteronym lists hold rare
	// readings (以 and 已 si, 方 wang, 位 li, 红 gong) that would otherwise
	// put a very common character on the first page of a syllable it is
	// almost never read as.
	reading uint8
	rank    uint32 // by frequency (freq.go)
	level   uint8  // 1, 2: GB2312 levels; 3: the rest of GBK
	code    uint16
}

func (c candidate) less(d candidate) bool {
	if c.reading != d.reading {
		return c.reading < d.reading
	}
	if c.rank != d.rank {
		return c.rank < d.rank
	}
	if c.level != d.level {
		return c.level < d.level
	}
	return c.code < d.code
}

// table is the reverse dictionary: syllable → candidates in Common order.
type table struct {
	bySyllable map[string][]candidate
	syllables  []string // sorted, for prefix ranges
}

var (
	tableOnce sync.Once
	theTable  *table
)

// loadTable builds the reverse dictionary on first use (about 40,000
// dictionary entries; see BenchmarkBuild).
func loadTable() *table {
	tableOnce.Do(func() { theTable = buildTable(dictionary()) })
	return theTable
}

func buildTable(dict map[int]string) *table {
	t := &table{bySyllable: make(map[string][]candidate, 420)}
	for cp, readings := range dict {
		r := rune(cp)
		level, code, ok := gbLevel(r)
		if !ok {
			continue
		}
		rank := frequencyRank(r)
		for place, syl := range syllables(readings) {
			c := candidate{r: r, reading: readingPlace(r, syl, place), rank: rank, level: level, code: code}
			t.bySyllable[syl] = append(t.bySyllable[syl], c)
		}
	}
	for v, u := range umlautSpellings {
		t.bySyllable[u] = t.bySyllable[v]
	}
	for syl, cs := range t.bySyllable {
		sort.Slice(cs, func(i, j int) bool { return cs[i].less(cs[j]) })
		t.syllables = append(t.syllables, syl)
	}
	slices.Sort(t.syllables)
	return t
}

// longestSyllable returns the length of the longest syllable s starts
// with, or 0.
func (t *table) longestSyllable(s string) int {
	for n := min(len(s), 6); n > 0; n-- { // the longest syllables (zhuang, shuang) have 6 letters
		if _, ok := t.bySyllable[s[:n]]; ok {
			return n
		}
	}
	return 0
}

// lookup ranks the characters of the syllable syl, then, with
// withPrefixed, those of the syllables syl only starts (without it when
// syl is followed by more letters), each character once at its best
// place.
func (t *table) lookup(syl string, o Order, withPrefixed bool) []rune {
	exact := t.bySyllable[syl]
	var prefixed []candidate
	lo, _ := slices.BinarySearch(t.syllables, syl)
	for _, s := range t.syllables[lo:] {
		if !withPrefixed {
			break
		}
		if !strings.HasPrefix(s, syl) {
			break
		}
		if s != syl {
			prefixed = append(prefixed, t.bySyllable[s]...)
		}
	}
	if len(exact) == 0 && len(prefixed) == 0 {
		return nil
	}
	sort.Slice(prefixed, func(i, j int) bool { return prefixed[i].less(prefixed[j]) })
	out := make([]rune, 0, len(exact)+len(prefixed))
	seen := make(map[rune]bool, cap(out))
	add := func(r rune) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	if o == Names {
		for _, r := range surnames {
			if i := slices.IndexFunc(exact, func(c candidate) bool { return c.r == r }); i >= 0 && readAsSurname(exact[i], syl) {
				add(r)
			}
		}
		for _, c := range exact {
			if c.reading == 0 && slices.Contains(givenNames, c.r) {
				add(c.r)
			}
		}
	}
	for _, c := range exact {
		add(c.r)
	}
	for _, c := range prefixed {
		add(c.r)
	}
	return out
}

// umlautSpellings are the other spellings of the syllables with ü that
// people type: lüe and nüe as lue and nue (no syllable lue or nue has
// u), beside lve and nve. lü and nü stay lv and nv: lu and nu are
// syllables of their own.
var umlautSpellings = map[string]string{"lve": "lue", "nve": "nue"}

// umlautAsU are lü and nü as people often type them, lu and nu: syllables
// of their own, whose characters come first, with lü's and nü's among
// them (lu: 路 陆 录, then 绿 旅 … in turns; nushi: 女士).
var umlautAsU = map[string]string{"lv": "lu", "nv": "nu"}

// syllables returns the toneless readings of a dictionary entry
// ("cháng,zhǎng"), each once, in the dictionary's order.
func syllables(readings string) []string {
	var out []string
	for _, reading := range strings.Split(readings, ",") {
		if syl := toneless(reading); syl != "" && !slices.Contains(out, syl) {
			out = append(out, syl)
		}
	}
	return out
}

// toneless strips tone marks from a dictionary reading and writes ü as v;
// readings with letters outside pinyin give "".
func toneless(reading string) string {
	var b strings.Builder
	for _, r := range reading {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r >= 0x0300 && r <= 0x036F: // combining marks (m̀)
		default:
			base, ok := plain[r]
			if !ok {
				return ""
			}
			b.WriteByte(base)
		}
	}
	return b.String()
}

// plain maps the marked vowels and consonants of the dictionary to the
// letters typed for them.
var plain = map[rune]byte{
	'ā': 'a', 'á': 'a', 'ǎ': 'a', 'à': 'a',
	'ē': 'e', 'é': 'e', 'ě': 'e', 'è': 'e', 'ê': 'e', 'ế': 'e', 'ề': 'e',
	'ī': 'i', 'í': 'i', 'ǐ': 'i', 'ì': 'i',
	'ō': 'o', 'ó': 'o', 'ǒ': 'o', 'ò': 'o',
	'ū': 'u', 'ú': 'u', 'ǔ': 'u', 'ù': 'u',
	'ü': 'v', 'ǖ': 'v', 'ǘ': 'v', 'ǚ': 'v', 'ǜ': 'v',
	'ń': 'n', 'ň': 'n', 'ǹ': 'n',
	'ḿ': 'm',
}
