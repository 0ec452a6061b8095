package ime

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"tongban/assets"
)

// freqText lists hanzi from the most to the least frequent (build/freqgen
// makes it from cppjieba's word frequencies, MIT; see freq-LICENSE).
//
//go:embed freq.txt
var freqText string

// unranked is the rank of a character freq.txt does not list: after all
// that it does.
const unranked = 1 << 20

var ranks = sync.OnceValue(func() map[rune]uint32 {
	m := make(map[rune]uint32, 8000)
	var n uint32
	for _, line := range strings.Split(freqText, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, r := range line {
			if _, dup := m[r]; !dup {
				m[r] = n
				n++
			}
		}
	}
	return m
})

// Ranks are kept in thousandths, so that the service boost below can move
// a character by less than one place.
const rankScale = 1000

// The characters of government services win near ties in general
// frequency. freq.txt is general text, where some pairs that the kiosk
// meets all day are all but equal: in cppjieba's counts 半 is 3% ahead of
// 办 and 工 0.5% ahead of 公, so ban would offer 半 first and gong 工, on a
// keyboard used to type 办理, 公司 and 公积金. A character's share of the
// hanzi in the sample catalog (item names, keywords, materials, legal
// bases: the language of the service center) moves it ahead by up to
// serviceBoost of its rank, the whole of it from serviceShare on (办 is
// 0.8% of that text, 公 1.1%, 工 0.4%, 半 0.03%): enough to settle a near
// tie, never enough to pass a character clearly more common.
const (
	serviceBoost = 100 // thousandths of the rank, at most
	serviceShare = 200 // the share (1 in serviceShare) that earns all of it
)

// serviceBoosts maps a hanzi of the sample catalog to its boost in
// thousandths of its rank.
var serviceBoosts = sync.OnceValue(func() map[rune]uint32 {
	counts := map[rune]int{}
	total := 0
	for b := assets.SampleCatalog(); len(b) > 0; {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		if r >= 0x4E00 && r <= 0x9FFF {
			counts[r]++
			total++
		}
	}
	boosts := make(map[rune]uint32, len(counts))
	for r, n := range counts {
		boosts[r] = uint32(min(serviceBoost, n*serviceShare*serviceBoost/total))
	}
	return boosts
})

// frequencyRank is a character's place in freq.txt (0 the most frequent)
// times rankScale, less its service boost.
func frequencyRank(r rune) uint32 {
	n, ok := ranks()[r]
	if !ok {
		return unranked * rankScale
	}
	return n * (rankScale - serviceBoosts()[r])
}
