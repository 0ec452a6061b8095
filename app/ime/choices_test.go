package ime

import (
	"slices"
	"strings"
	"testing"
)

// Pinyin typed without apostrophes can be read two ways with as many
// syllables: both readings' characters are on the first page, each taking
// its own letters; a split into fewer syllables has no rival.
func TestChoicesOfATie(t *testing.T) {
	find := func(cs []Choice, r rune) (Choice, int) {
		for i, c := range cs {
			if c.Text == string(r) {
				return c, i
			}
		}
		return Choice{}, -1
	}
	for _, tt := range []struct {
		in      string
		want    rune
		letters int
	}{
		{"lina", '李', 2},
		{"lina", '林', 3},
		{"changan", '长', 5},
		{"changan", '产', 4},
	} {
		cs := Choices(tt.in, Names)
		if c, i := find(cs, tt.want); i < 0 || i >= 10 || c.Letters != tt.letters {
			t.Errorf("Choices(%q): %c at %d taking %d letters; want it on the first page taking %d", tt.in, tt.want, i, c.Letters, tt.letters)
		}
	}
	if _, i := find(Choices("xian", Common), '西'); i >= 0 && i < 20 {
		t.Errorf("Choices(\"xian\") offers 西 at %d: xi'an takes two syllables, xian one", i)
	}
}

// Words come before characters, a few of each kind, each taking the
// letters of its syllables; the first characters stay on the first page.
func TestChoicesOfferWords(t *testing.T) {
	for _, tt := range []struct {
		in      string
		want    string
		letters int
	}{
		{"youxiangongsi", "有限公司", 13},
		{"xian", "西安", 4},      // xi'an, though xian alone is one syllable
		{"shijiaz", "石家庄", 7},  // the last syllable still being typed
		{"fangan", "方案", 6},    // fang'an
		{"fangan", "反感", 6},    // fan'gan
		{"yinhang", "银行", 7},   // 行 read hang
		{"xinhuaqu", "新华区", 8}, // a rare district name, listed as an address part
		{"zhongshanlu", "中山路", 11},
		{"zhongshannanlu", "中山", 9}, // the first syllables, when all of them spell no word
		{"gongjijinti", "公积金", 9},   // and the rest typed on
		{"zhanlue", "战略", 7},        // lüe typed as lue, as people do
		{"nushi", "女士", 5},          // and nü as nu
		{"hukouben", "户口本", 8},      // the service center's own words (build/freqgen/lobby.txt)
		{"erdanyuan", "二单元", 9},
		{"tongban", "通办", 7},
	} {
		cs := Choices(tt.in, Common)
		i := slices.IndexFunc(cs, func(c Choice) bool { return c.Text == tt.want })
		if i < 0 || i >= 7 || cs[i].Letters != tt.letters {
			t.Errorf("Choices(%q): %s at %d of %q; want it on the first page of 7 taking %d letters", tt.in, tt.want, i, texts(cs, 10), tt.letters)
		}
	}
	for _, in := range []string{"youxiangongsi", "shijiaz", "xian"} {
		cs := Choices(in, Common)
		first := Lookup(in, Common)[0]
		if i := slices.IndexFunc(cs, func(c Choice) bool { return c.Text == string(first) }); i < 0 || i >= 7 {
			t.Errorf("Choices(%q): the first character %c is at %d of %q; want it on the first page", in, first, i, texts(cs, 10))
		}
	}
	// A word of another split never comes first: yue is one syllable (月),
	// not yu'e (余额); xian is 现 before it is 西安.
	if cs := Choices("nu", Common); !slices.ContainsFunc(cs[:7], func(c Choice) bool { return c.Text == "女" }) || cs[0].Text != "怒" {
		t.Errorf("Choices(\"nu\") = %q; want 怒 first and 女 on the first page", texts(cs, 7))
	}
	for in, first := range map[string]string{"yue": "月", "xian": "现", "jue": "决", "jiang": "将", "qian": "前", "lue": "略", "nue": "虐"} {
		if cs := Choices(in, Common); cs[0].Text != first {
			t.Errorf("Choices(%q) = %q; want %s first", in, texts(cs, 7), first)
		}
	}
	if cs := Choices("xianlu", Common); slices.ContainsFunc(cs, func(c Choice) bool { return c.Text == "探路" }) {
		t.Errorf("Choices(\"xianlu\") = %q offers 探路, read xian only by a rare reading of 探", texts(cs, 7))
	}
	for _, in := range []string{"nvshi", "nushi", "nanshi", "jiangshi"} {
		if cs := Choices(in, Common); slices.ContainsFunc(cs, func(c Choice) bool { return strings.ContainsRune(c.Text, '尸') }) {
			t.Errorf("Choices(%q) = %q offers a word of 尸: build/freqgen leaves out unwelcome words", in, texts(cs, 7))
		}
	}
	if cs := Choices("shiji", Common); slices.ContainsFunc(cs[:7], func(c Choice) bool { return c.Text == "石家" }) {
		t.Errorf("Choices(\"shiji\") = %q: ji is a whole syllable, not the start of jia", texts(cs, 7))
	}
	for _, c := range Choices("lina", Names) {
		if len([]rune(c.Text)) != 1 {
			t.Fatalf("Choices(\"lina\", Names) offers the word %s: names are typed a character at a time", c.Text)
		}
	}
}

// texts is the first n candidates, for messages.
func texts(cs []Choice, n int) []string {
	var out []string
	for _, c := range cs[:min(n, len(cs))] {
		out = append(out, c.Text)
	}
	return out
}

func BenchmarkChoices(b *testing.B) {
	theWords()
	for _, in := range []string{"s", "gongsi", "shijiaz", "youxiangongsi", "zhongshandonglu"} {
		b.Run(in, func(b *testing.B) {
			for b.Loop() {
				if len(Choices(in, Common)) == 0 {
					b.Fatal("no candidates")
				}
			}
		})
	}
}
