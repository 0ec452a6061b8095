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

func TestSplitAs(t *testing.T) {
	for _, tt := range []struct {
		letters, word string
		want          []string
	}{
		{"changanqu", "长安区", []string{"chang", "an", "qu"}},
		{"xian", "西安", []string{"xi", "an"}},
		{"fangan", "方案", []string{"fang", "an"}},
		{"fangan", "反感", []string{"fan", "gan"}},
		{"shijiaz", "石家庄", []string{"shi", "jia", "z"}},
		{"yinhang", "银行", []string{"yin", "hang"}},
		{"zhanlue", "战略", []string{"zhan", "lue"}},
		{"YouXianGongSi", "有限公司", []string{"you", "xian", "gong", "si"}},
		{"xian", "现在", nil},
		{"xianzaix", "现在", nil},
	} {
		if got := SplitAs(tt.letters, tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("SplitAs(%q, %s) = %q, want %q", tt.letters, tt.word, got, tt.want)
		}
	}
}
