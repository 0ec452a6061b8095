package ime

import (
	"slices"
	"strings"
)

// Segment splits toneless pinyin into syllables: as few as cover it all;
// among those, a split whose last piece is a whole syllable before one
// still being typed (nver is nv'er, not nve'r); then the one with fewer
// syllables after the first that start with a, o or e, as written pinyin
// puts an apostrophe before those (lina is li'na, not lin'a; bangongsi is
// ban'gong'si, not bang'o'ng'si over the lone syllables o and ng); then
// the longer first syllable (xian is one syllable, not xi'an). The last
// piece may be the start of a syllable still being typed (zhangs → zhang,
// s). Input that no split covers is cut greedily, each syllable the
// longest that fits from the left, and the rest no syllable starts with
// is returned as one segment, which has no candidates. Upper case is
// folded; input longer than MaxInput is cut. Choices offers the other
// readings of a tie (lin'a beside li'na).
func Segment(pinyin string) []string {
	s := fold(pinyin)
	t := loadTable()
	if splits := t.splits(s); splits[0] != nil {
		return splits[0]
	}
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

// fold is the input as Segment reads it: lower case, at most MaxInput.
func fold(pinyin string) string {
	s := strings.ToLower(pinyin)
	if len(s) > MaxInput {
		s = s[:MaxInput]
	}
	return s
}

// splits returns, for every i, the best split of s[i:] by Segment's rules,
// or nil where there is none; splits[len(s)] is the empty split.
func (t *table) splits(s string) [][]string {
	best := make([][]string, len(s)+1)
	best[len(s)] = []string{}
	for i := len(s) - 1; i >= 0; i-- {
		if t.startsSyllable(s[i:]) {
			best[i] = []string{s[i:]}
		}
		for n := min(len(s)-i, 6); n > 0; n-- { // the longest first: it wins a full tie
			rest := best[i+n]
			if _, ok := t.bySyllable[s[i:i+n]]; !ok || rest == nil {
				continue
			}
			if split := append([]string{s[i : i+n]}, rest...); best[i] == nil || t.better(split, best[i]) {
				best[i] = split
			}
		}
	}
	return best
}

// better reports whether split a beats split b by Segment's rules, the
// longer first syllable aside (splits tries those first).
func (t *table) better(a, b []string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	if ia, ib := t.incomplete(a), t.incomplete(b); ia != ib {
		return !ia
	}
	return vowelStarts(a) < vowelStarts(b)
}

// incomplete reports whether a split ends in a syllable still being typed.
func (t *table) incomplete(split []string) bool {
	_, whole := t.bySyllable[split[len(split)-1]]
	return !whole
}

// vowelStarts counts the syllables after the first that start with a, o
// or e: written pinyin marks each with an apostrophe (Xi'an).
func vowelStarts(split []string) int {
	n := 0
	for _, syl := range split[1:] {
		if strings.IndexByte("aoe", syl[0]) >= 0 {
			n++
		}
	}
	return n
}

// startsSyllable reports whether s is the start of a syllable but not a
// whole one (zh, sh, zhua).
func (t *table) startsSyllable(s string) bool {
	i, found := slices.BinarySearch(t.syllables, s)
	return !found && i < len(t.syllables) && strings.HasPrefix(t.syllables[i], s)
}
