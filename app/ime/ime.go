// Package ime turns toneless pinyin typed on the kiosk's on-screen keyboard
// into hanzi candidates, so a citizen can type a Chinese name by touch
// alone: the desktop driver has no on-screen keyboard and places the system
// IME's candidate window badly (fyne#618).
//
// Candidates come from the character dictionary of
// github.com/mozillazg/go-pinyin, restricted to characters GBK encodes (the
// bundled font draws them and receipt printers print them in two-byte
// GB18030), ordered so common characters come first: by how often they
// occur (freq.txt), then GB2312 level 1 before level 2 before the rest of
// GBK. There is no word dictionary; a name is typed one syllable at a
// time, as Segment splits it.
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
	// Names puts the most common family names first, for name fields.
	Names
)

// MaxInput bounds the pinyin input in bytes: a four-character name spelled
// out is at most 24 letters.
const MaxInput = 32

// Candidates returns the hanzi for a toneless pinyin syllable (zhang) or
// the start of one (zh), common characters first. Characters read exactly
// as the input come before those whose reading only starts with it. The
// input is the first syllable of what Segment returns; for longer input
// only that first syllable counts. Letters other than a–z give nothing;
// ü is typed as v (lv, nv). The slice is the caller's.
func Candidates(pinyin string) []rune { return Lookup(pinyin, Common) }

// NameCandidates is Candidates with the common family names first.
func NameCandidates(pinyin string) []rune { return Lookup(pinyin, Names) }

// Lookup returns the candidates of the first syllable of pinyin in the
// given order.
func Lookup(pinyin string, o Order) []rune {
	segs := Segment(pinyin)
	if len(segs) == 0 {
		return nil
	}
	return loadTable().lookup(segs[0], o)
}

// Segment splits toneless pinyin into syllables, each the longest that
// fits from the left (xian is one syllable, not xi'an); the last may be the
// start of a syllable still being typed (zhangs → zhang, s). Input that no
// syllable starts with ends the split: the rest is returned as one
// segment, which has no candidates. Upper case is folded; input longer
// than MaxInput is cut.
func Segment(pinyin string) []string {
	s := strings.ToLower(pinyin)
	if len(s) > MaxInput {
		s = s[:MaxInput]
	}
	t := loadTable()
	var out []string
	for s != "" {
		n := t.longestSyllable(s)
		if n == 0 {
			out = append(out, s) // a prefix still being typed, or nothing valid
			break
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// IsSyllable reports whether s is a whole toneless syllable (zhang, lv).
func IsSyllable(s string) bool {
	_, ok := loadTable().bySyllable[s]
	return ok
}

// candidate is one character under one reading, with its rank key.
type candidate struct {
	r     rune
	rank  uint32 // by frequency (freq.go), a reading other than the first weighed down
	level uint8  // 1, 2: GB2312 levels; 3: the rest of GBK
	code  uint16
}

// altPenalty weighs down a character under a reading other than its
// first: 行 stays first for hang (银行), but 长 does not beat 常 for chang.
const altPenalty = 4

func (c candidate) less(d candidate) bool {
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
		seen := map[string]bool{}
		for i, reading := range strings.Split(readings, ",") {
			syl := toneless(reading)
			if syl == "" || seen[syl] {
				continue
			}
			seen[syl] = true
			rank := frequencyRank(r)
			if i > 0 {
				rank *= altPenalty
			}
			t.bySyllable[syl] = append(t.bySyllable[syl], candidate{r: r, rank: rank, level: level, code: code})
		}
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

// lookup ranks the characters of the syllable syl, then of the syllables
// syl only starts, each character once at its best place.
func (t *table) lookup(syl string, o Order) []rune {
	exact := t.bySyllable[syl]
	var prefixed []candidate
	lo, _ := slices.BinarySearch(t.syllables, syl)
	for _, s := range t.syllables[lo:] {
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
			if containsRune(exact, r) {
				add(r)
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

func containsRune(cs []candidate, r rune) bool {
	return slices.ContainsFunc(cs, func(c candidate) bool { return c.r == r })
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
