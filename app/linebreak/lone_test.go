package linebreak

import (
	"slices"
	"strings"
	"testing"
)

func TestOrphan(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"口", true},
		{"口。", true},
		{"记）。", true},
		{" 口 ", true},
		{"窗口", false},
		{"。", false}, // punctuation alone is the rules' business, not this one's
		{"A", false},
		{"A03", false},
		{"ア", false}, // kana
		{"", false},
		{"口A", false},
	}
	for _, tt := range tests {
		if got := Orphan(tt.line); got != tt.want {
			t.Errorf("Orphan(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestOrphanCut(t *testing.T) {
	tests := []struct {
		line string
		keep string // what stays on the line; "" when it cannot give a hanzi
	}{
		{"办理地点：一楼 A 区 A04、A05 窗", "办理地点：一楼 A 区 A04、A05 "},
		{"一楼 A 区，A01、A02、A03 号窗", "一楼 A 区，A01、A02、A03 号"},
		{"事项：城乡居民基本养老保险参保登", "事项：城乡居民基本养老保险参保"},
		{"一二三，", "一二"},      // the hanzi goes with its comma
		{"一二（三四）", ""},      // would split a group complete on the line
		{"一二（原件，1份）", ""},   // would leave a complete group
		{"一二（三", ""},        // would end the line with （
		{"编号 TB-2025", ""},  // ends in a word
		{"一二", ""},          // one hanzi would stay
		{"A 窗", ""},         // one character would stay
		{"一二三 ", "一二"},      // trailing spaces do not count
		{"“一二”三四", "“一二”三"}, // closed quotes are no group to keep
		{"（甲乙丙丁戊", "（甲乙丙丁"}, // a long group the wrapper already split
		{"", ""},
	}
	for _, tt := range tests {
		cut := OrphanCut(tt.line)
		got := ""
		if cut >= 0 {
			got = tt.line[:cut]
		}
		if got != tt.keep || (cut < 0) != (tt.keep == "") {
			t.Errorf("OrphanCut(%q) = %d (keeps %q), want it to keep %q", tt.line, cut, got, tt.keep)
		}
	}
}

func TestStranded(t *testing.T) {
	tests := []struct {
		line, next string
		want       bool
	}{
		{"模式 Mode: 中文模式 GB18030, 原", "生二维码 native QR", true},
		{"查询进度：扫描上方二维码或凭编号到本中心窗口、自", "助机查询", true},
		{"办理地点：一楼 A 区 A04、A05 窗", "口", true},
		{"买买提·艾", "力", true},
		{"一二三四", "五六", false}, // a hanzi after a hanzi: an ordinary break
		{"一二（三", "四", false},  // （ may not end the line
		{" 自", "助机", false},   // nothing would stay
		{"GB18030, 原", "native", false},
		{"窗口、自", "", false},
		{"ABC", "一", false},
	}
	for _, tt := range tests {
		if got := Stranded(tt.line, tt.next); got != tt.want {
			t.Errorf("Stranded(%q, %q) = %v, want %v", tt.line, tt.next, got, tt.want)
		}
	}
}

// kioskWidth measures as the kiosk's proportional font roughly does, in
// pixels: hanzi and full-width punctuation 28, capitals 17, other ASCII
// 14, a space 7.
func kioskWidth(s string) float32 {
	w := float32(0)
	for _, r := range s {
		switch {
		case r >= 0x2E80:
			w += 28
		case r == ' ':
			w += 7
		case r >= 'A' && r <= 'Z':
			w += 17
		default:
			w += 14
		}
	}
	return w
}

// cols measures as the printer does: a wide character 2 columns.
func cols(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x80 {
			n++
		} else {
			n += 2
		}
	}
	return n
}

func TestAvoidOrphan(t *testing.T) {
	colsFit := func(width int) func(string) bool {
		return func(l string) bool { return cols(l) <= width }
	}
	pixelsFit := func(width float32) func(string) bool {
		return func(l string) bool { return kioskWidth(l) <= width }
	}
	tests := []struct {
		name  string
		lines []string
		fits  func(string) bool
		want  []string
	}{
		// The audit's kiosk receipt screen, at the pixel width its lines
		// were broken for: 口 takes 窗, and then 号, which would be left
		// alone after the space.
		{"kiosk: 口 takes 窗 and 号",
			[]string{"一楼 A 区，A01、A02、A03 号窗", "口"}, pixelsFit(kioskWidth("一楼 A 区，A01、A02、A03 号窗")),
			[]string{"一楼 A 区，A01、A02、A03", "号窗口"}},
		{"kiosk: 口 takes 窗, no room for 号",
			[]string{"一楼 A 区，A01、A02、A03 号窗", "口"}, pixelsFit(56),
			[]string{"一楼 A 区，A01、A02、A03 号", "窗口"}},
		{"kiosk: too narrow for two",
			[]string{"一二", "三"}, pixelsFit(40),
			[]string{"一二", "三"}},
		// The audit's 58 mm receipt, 32 columns.
		{"paper: 口 takes 窗",
			[]string{"办理地点：一楼 A 区 A04、A05 窗", "口"}, colsFit(32),
			[]string{"办理地点：一楼 A 区 A04、A05", "窗口"}},
		{"paper: with its full stop",
			[]string{"一二三四", "五。"}, colsFit(8),
			[]string{"一二三", "四五。"}},
		{"only the paragraph's last line",
			[]string{"一二三", "四", "五六七"}, colsFit(8),
			[]string{"一二三", "四", "五六七"}},
		{"one line", []string{"口"}, colsFit(8), []string{"口"}},
		{"no lines", nil, colsFit(8), nil},
	}
	for _, tt := range tests {
		got := slices.Clone(tt.lines)
		AvoidOrphan(got, tt.fits)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: AvoidOrphan(%q) = %q, want %q", tt.name, tt.lines, got, tt.want)
		}
	}
}

// FuzzAvoidOrphan checks that moving a hanzi down keeps every character
// but spaces, changes only a last line that is an orphan, and never makes
// a line the caller says does not fit.
func FuzzAvoidOrphan(f *testing.F) {
	f.Add("办理地点：一楼 A 区 A04、A05 窗", "口", 32)
	f.Add("一楼 A 区，A01、A02、A03 号窗", "口", 8)
	f.Add("一二（原件，1份）", "等", 40)
	f.Fuzz(func(t *testing.T, prev, last string, width int) {
		fits := func(l string) bool { return cols(l) <= width }
		got := []string{prev, last}
		AvoidOrphan(got, fits)
		if got[0] == prev && got[1] == last {
			return
		}
		if !Orphan(last) {
			t.Fatalf("AvoidOrphan changed %q, %q, whose last line is no orphan, to %q", prev, last, got)
		}
		if !fits(got[1]) {
			t.Fatalf("AvoidOrphan(%q, %q) made a last line %q wider than %d", prev, last, got[1], width)
		}
		noSpace := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if noSpace(got[0]+got[1]) != noSpace(prev+last) {
			t.Fatalf("AvoidOrphan(%q, %q) = %q: text changed", prev, last, got)
		}
	})
}
