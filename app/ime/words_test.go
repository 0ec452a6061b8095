package ime

import (
	"slices"
	"testing"
)

// Every listed word is spelled by some reading and found by it.
func TestEveryWordIsFound(t *testing.T) {
	idx := theWords()
	if len(idx) < 40000 {
		t.Fatalf("%d word readings; words.txt lists about 50,000 words", len(idx))
	}
	for _, w := range idx[:2000] {
		if got := idx.keyed(w.key); !slices.ContainsFunc(got, func(v wordReading) bool { return v.word == w.word }) {
			t.Fatalf("%s is listed under %q but keyed(%q) does not find it", w.word, w.key, w.key)
		}
		if int(w.last) >= len(w.key) || !IsSyllable(w.key[w.last:]) {
			t.Fatalf("%s under %q: its last syllable %q is no syllable", w.word, w.key, w.key[w.last:])
		}
	}
}

func BenchmarkBuildWords(b *testing.B) {
	for b.Loop() {
		buildWords(wordsText, dictionary())
	}
}
