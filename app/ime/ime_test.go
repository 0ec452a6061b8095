package ime

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"tongban/app/catalog"
	"tongban/assets"
)

func TestCandidatesOffersCommonCharactersEarly(t *testing.T) {
	tests := []struct {
		input  string
		order  Order
		want   rune
		within int // want is among the first within candidates
	}{
		{"zhang", Common, '张', 8}, // one page of the candidate bar
		{"zhang", Names, '张', 1},
		{"li", Common, '李', 12},
		{"li", Names, '李', 1},
		{"wang", Common, '王', 8},
		{"wang", Names, '王', 1},
		{"chen", Names, '陈', 1},
		{"liu", Names, '刘', 1},
		{"ming", Common, '明', 8},
		{"hua", Common, '华', 8},
		{"lv", Names, '吕', 1},       // ü typed as v
		{"zhangsan", Names, '张', 1}, // only the first syllable counts
		{"ZHANG", Names, '张', 1},    // capitals from the keypad fold
		{"na", Names, '娜', 2},       // after 那, a surname, before 拿
		{"ting", Names, '婷', 1},
		{"wei", Names, '伟', 3}, // after the surnames 魏 and 韦
		{"xin", Names, '欣', 2},
		{"zh", Common, '张', 200},  // a prefix offers the syllables it starts
		{"xian", Common, '先', 30}, // xian is one syllable, not xi'an
		{"nv", Common, '女', 3},
		// The audit's words: common characters on the first page.
		{"ban", Common, '办', 1},
		{"gong", Common, '公', 1},
		{"si", Common, '司', 8},
		{"san", Common, '三', 1},
		{"wang", Common, '王', 1},
		{"li", Common, '里', 1},
	}
	for _, tt := range tests {
		got := Lookup(tt.input, tt.order)
		i := slices.Index(got, tt.want)
		if i < 0 || i >= tt.within {
			t.Errorf("Lookup(%q, %v): %c is at %d of %d, want among the first %d; first ten: %s",
				tt.input, tt.order, tt.want, i, len(got), tt.within, string(got[:min(10, len(got))]))
		}
	}
}

// The audit's orders: a character comes under a syllable it is only
// rarely read as (以 and 已 si, 方 wang, 位 li, 红 gong) after every
// character read so first, and 办 and 公, the service center's own words,
// come before 半 and 工.
func TestCandidatesPutPrimaryReadingsFirst(t *testing.T) {
	tests := []struct {
		input string
		want  string // the first candidates, exactly
	}{
		{"ban", "办半"},
		{"gong", "公工共"},
		{"si", "司四"},
		{"wang", "王往"},
		{"li", "里理力"},
	}
	for _, tt := range tests {
		got := Candidates(tt.input)
		if head := string(got[:min(len(got), len([]rune(tt.want)))]); head != tt.want {
			t.Errorf("Candidates(%q) starts %s, want %s; first ten: %s", tt.input, head, tt.want, string(got[:min(10, len(got))]))
		}
	}
	secondary := []struct {
		input string
		r     rune
	}{
		{"si", '以'}, {"si", '已'}, {"wang", '方'}, {"li", '位'}, {"gong", '红'},
		{"pan", '半'},
	}
	for _, tt := range secondary {
		got := Candidates(tt.input)
		primaries := 0
		for _, c := range loadTable().bySyllable[tt.input] {
			if c.reading == 0 {
				primaries++
			}
		}
		i := slices.Index(got, tt.r)
		if i < primaries {
			t.Errorf("Candidates(%q): %c, not read %s first, is at %d, before some of the %d characters that are; first ten: %s",
				tt.input, tt.r, tt.input, i, primaries, string(got[:min(10, len(got))]))
		}
		if i < 0 || i >= len(loadTable().bySyllable[tt.input]) {
			t.Errorf("Candidates(%q): %c is at %d; a secondary reading must still offer it among the syllable's own %d characters",
				tt.input, tt.r, i, len(loadTable().bySyllable[tt.input]))
		}
	}
}

// A second reading as common as the first (commonReadings) ranks like a
// first one: 银行, 长安区 and 重新 are typed on the first page.
func TestCommonSecondReadingsComeEarly(t *testing.T) {
	for _, tt := range []struct {
		input string
		r     rune
	}{{"hang", '行'}, {"chang", '长'}, {"chong", '重'}, {"huan", '还'}, {"xing", '行'}, {"zhang", '长'}} {
		if i := slices.Index(Candidates(tt.input), tt.r); i < 0 || i >= 8 {
			t.Errorf("Candidates(%q): %c at %d, want it on the first page (before 8)", tt.input, tt.r, i)
		}
	}
}

// For names, family names come first only under the reading they have as
// names: 方 (fāng) is not a surname read wang, 邓 not one read shan, 叶 not
// one read xie; 曾 is read zeng as a name though céng comes first. The
// characters common in given names follow them (丹, 琴, 芳).
func TestNameCandidatesPutSurnamesFirstByTheirNameReading(t *testing.T) {
	tests := []struct {
		input string
		want  string // the first candidates, exactly
	}{
		{"wang", "王汪往"},
		{"shan", "山善"}, // not 邓
		{"dan", "丹但"},  // not 石; 丹 is common in given names
		{"xie", "谢些"},
		{"zeng", "曾增"},
		{"qin", "秦覃琴"},
		{"tan", "谭覃谈"},
		{"fang", "方芳放"},
	}
	for _, tt := range tests {
		got := NameCandidates(tt.input)
		if head := string(got[:min(len(got), len([]rune(tt.want)))]); head != tt.want {
			t.Errorf("NameCandidates(%q) starts %s, want %s; first ten: %s", tt.input, head, tt.want, string(got[:min(10, len(got))]))
		}
	}
}

func TestCandidatesNothing(t *testing.T) {
	for _, in := range []string{"", "v", "vvv", "iu", "1", "张", "zhangx!"} {
		if got := Candidates(in); in != "zhangx!" && len(got) != 0 {
			t.Errorf("Candidates(%q) = %q, want none", in, string(got[:min(10, len(got))]))
		}
	}
	// zhangx! segments as zhang, then x! which no syllable starts: the
	// first syllable still has its candidates.
	if got := Candidates("zhangx!"); !slices.Contains(got, '张') {
		t.Errorf("Candidates(zhangx!) lacks 张")
	}
}

func TestExactReadingsComeBeforeLongerOnes(t *testing.T) {
	got := Candidates("zha")
	firstLonger := -1
	for i, r := range got {
		if !slices.ContainsFunc(loadTable().bySyllable["zha"], func(c candidate) bool { return c.r == r }) {
			firstLonger = i
			break
		}
	}
	if firstLonger < 1 {
		t.Fatalf("Candidates(zha): the first candidate not read zha is at %d; zha's own characters must come first", firstLonger)
	}
	for _, r := range got[firstLonger:] {
		if slices.ContainsFunc(loadTable().bySyllable["zha"], func(c candidate) bool { return c.r == r }) {
			t.Fatalf("Candidates(zha): %c, read zha, comes after a character read longer", r)
		}
	}
}

func TestCandidatesAreUniqueAndOrderedByReadingThenFrequency(t *testing.T) {
	for syl, cands := range loadTable().bySyllable {
		if syl == umlautAsU["lv"] || syl == umlautAsU["nv"] {
			continue // lu and nu take lü's and nü's characters in turns with their own
		}
		got := Candidates(syl)
		key := map[rune]candidate{}
		for _, c := range cands {
			key[c.r] = c
		}
		seen := map[rune]bool{}
		for i, r := range got {
			if seen[r] {
				t.Fatalf("Candidates(%q) lists %c twice", syl, r)
			}
			seen[r] = true
			if i == 0 || i >= len(cands) {
				continue
			}
			a, b := key[got[i-1]], key[r]
			if b.reading < a.reading || b.reading == a.reading && b.rank < a.rank {
				t.Fatalf("Candidates(%q): %c (reading %d, rank %d) after %c (reading %d, rank %d)",
					syl, r, b.reading, b.rank, got[i-1], a.reading, a.rank)
			}
		}
	}
}

// The service boost settles near ties and no more: every rank stays
// between 90% and 100% of the character's place in freq.txt, so no
// character passes one that freq.txt ranks more than 10% ahead of it.
func TestServiceBoostOnlySettlesNearTies(t *testing.T) {
	for r, place := range ranks() {
		got := frequencyRank(r)
		if got > place*rankScale || got < place*(rankScale-serviceBoost) {
			t.Fatalf("%c: rank %d, outside 90–100%% of its place %d in freq.txt", r, got, place)
		}
	}
	for _, tt := range []struct{ before, after rune }{{'办', '半'}, {'公', '工'}} {
		if frequencyRank(tt.before) >= frequencyRank(tt.after) {
			t.Errorf("%c (rank %d) is not ahead of %c (rank %d)", tt.before, frequencyRank(tt.before), tt.after, frequencyRank(tt.after))
		}
	}
	for _, tt := range []struct{ before, after rune }{{'等', '登'}, {'张', '章'}, {'里', '理'}} {
		if frequencyRank(tt.before) >= frequencyRank(tt.after) {
			t.Errorf("%c (rank %d) fell behind %c (rank %d), far less common in general text",
				tt.before, frequencyRank(tt.before), tt.after, frequencyRank(tt.after))
		}
	}
}

func TestToneless(t *testing.T) {
	tests := map[string]string{
		"zhāng": "zhang", "lǚ": "lv", "nǚ": "nv", "lüè": "lve", "m̀": "m", "ḿ": "m",
		"ǹg": "ng", "ê̄": "e", "ế": "e", "hm": "hm", "a1": "", "Zhāng": "",
	}
	for in, want := range tests {
		if got := toneless(in); got != want {
			t.Errorf("toneless(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSyllablesAreLowercaseLetters(t *testing.T) {
	tb := loadTable()
	if n := len(tb.syllables); n < 380 || n > 450 {
		t.Errorf("%d syllables; toneless Mandarin has about 410", n)
	}
	for _, s := range tb.syllables {
		if len(s) > 6 || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Errorf("syllable %q is not 1–6 letters a–z", s)
		}
	}
	for _, s := range []string{"zhang", "lv", "a", "zhuang", "er"} {
		if !IsSyllable(s) {
			t.Errorf("IsSyllable(%q) = false", s)
		}
	}
}

func TestGBLevel(t *testing.T) {
	tests := []struct {
		r     rune
		level uint8
		ok    bool
	}{
		{'张', 1, true}, {'啊', 1, true}, {'座', 1, true},
		{'亍', 2, true}, {'齄', 2, true},
		{'丂', 3, true}, {'龥', 3, true},
		{0x9FA6, 0, false}, // after GBK's last hanzi
		{'〇', 0, false}, {'A', 0, false}, {'々', 0, false}, {0x3400, 0, false},
	}
	for _, tt := range tests {
		lv, _, ok := gbLevel(tt.r)
		if lv != tt.level || ok != tt.ok {
			t.Errorf("gbLevel(%c U+%04X) = %d, %v; want %d, %v", tt.r, tt.r, lv, ok, tt.level, tt.ok)
		}
	}
}

func TestSurnames(t *testing.T) {
	seen := map[rune]bool{}
	for _, r := range surnames {
		if seen[r] {
			t.Errorf("surname %c listed twice", r)
		}
		seen[r] = true
		lv, _, ok := gbLevel(r)
		if !ok || lv > 2 {
			t.Errorf("surname %c is not a GB2312 character", r)
		}
	}
	for i, r := range givenNames {
		if lv, _, ok := gbLevel(r); !ok || lv > 2 {
			t.Errorf("given-name character %c is not a GB2312 character", r)
		}
		if slices.Index(givenNames, r) != i {
			t.Errorf("given-name character %c listed twice", r)
		}
	}
	if len(surnames) < 100 {
		t.Errorf("%d surnames, want at least 100", len(surnames))
	}
}

// Every candidate must be drawn by the bundled fonts (regular and bold), or
// a name would show as boxes.
func TestEveryCandidateHasAGlyph(t *testing.T) {
	for name, data := range map[string][]byte{"regular": assets.FontRegular(), "bold": assets.FontBold()} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("parse %s font: %v", name, err)
		}
		var buf sfnt.Buffer
		missing := []rune{}
		for _, cs := range loadTable().bySyllable {
			for _, c := range cs {
				if g, err := f.GlyphIndex(&buf, c.r); err != nil || g == 0 {
					missing = append(missing, c.r)
				}
			}
		}
		if len(missing) > 0 {
			t.Errorf("the %s font has no glyph for %d candidates, e.g. %q", name, len(missing), string(missing[:min(20, len(missing))]))
		}
	}
}

// Every hanzi in the sample catalog's field labels is typeable: a citizen
// can type any word the kiosk itself shows.
func TestCatalogHanziAreCandidates(t *testing.T) {
	cat, err := catalog.Parse(assets.SampleCatalog())
	if err != nil {
		t.Fatal(err)
	}
	all := map[rune]bool{}
	for _, cs := range loadTable().bySyllable {
		for _, c := range cs {
			all[c.r] = true
		}
	}
	for _, it := range cat.Items {
		for _, f := range it.Fields {
			for _, r := range f.LabelZH {
				if r >= 0x4E00 && r <= 0x9FFF && !all[r] {
					t.Errorf("%c in label %q of %s is no candidate of any syllable", r, f.LabelZH, it.Code)
				}
			}
		}
	}
}

func BenchmarkCandidates(b *testing.B) {
	loadTable()
	for _, in := range []string{"zhang", "li", "z", "zhangsan"} {
		b.Run(in, func(b *testing.B) {
			for b.Loop() {
				if len(NameCandidates(in)) == 0 {
					b.Fatal("no candidates")
				}
			}
		})
	}
}

func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		buildTable(dictionary())
	}
}
