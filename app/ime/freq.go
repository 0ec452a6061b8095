package ime

import (
	_ "embed"
	"strings"
	"sync"
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

// frequencyRank is a character's place in freq.txt, 0 the most frequent.
func frequencyRank(r rune) uint32 {
	if n, ok := ranks()[r]; ok {
		return n
	}
	return unranked
}
