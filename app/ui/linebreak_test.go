package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"tongban/app/linebreak"
)

// cols measures like a terminal: a wide character 2, anything else 1.
func cols(s string) float32 {
	n := float32(0)
	for _, r := range s {
		if r >= 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func TestWrapLinesFollowsChineseRules(t *testing.T) {
	tests := []struct {
		text  string
		width float32
		want  []string
	}{
		// "。" would be alone at the start of the second line, and "次。"
		// would be one hanzi alone on the last: 一 goes down with it.
		{"请再试一次。", 10, []string{"请再试", "一次。"}},
		// "）" would start a line.
		{"原件（1份）", 10, []string{"原件（1", "份）"}},
		// "（" would end a line.
		{"办理时限（承诺）", 10, []string{"办理时限", "（承诺）"}},
		// Latin words stay whole and the space between goes.
		{"Try again, or ask at the help desk.", 12, []string{"Try again,", "or ask at", "the help", "desk."}},
		// A number stays whole beside hanzi, and 请 goes down with 核对
		// rather than end the line alone after the comma.
		{"编号形如 261127-K01-0042，请核对", 20, []string{"编号形如", "261127-K01-0042，", "请核对"}},
		// No hanzi alone on the last line: the audit's kiosk receipt
		// screen, which left 口 alone under 号窗. 口 takes 窗, and 号,
		// which would then be alone after the space, follows.
		{"一楼 A 区，A01、A02、A03 号窗口", 30, []string{"一楼 A 区，A01、A02、A03", "号窗口"}},
		{"办理地点：一楼 A 区 A04、A05 窗口", 32, []string{"办理地点：一楼 A 区 A04、A05", "窗口"}},
		// Nor at the end of a line when it starts a phrase the next line
		// goes on with (after a space, after 、).
		{"模式 Mode: 中文模式 GB18030, 原生二维码 native QR", 32, []string{"模式 Mode: 中文模式 GB18030,", "原生二维码 native", "QR"}},
		{"查询进度：扫描上方二维码或凭编号到本中心窗口、自助机查询", 48, []string{"查询进度：扫描上方二维码或凭编号到本中心窗口、", "自助机查询"}},
		// Unless the line is too narrow for the two.
		{"一二三", 4, []string{"一二", "三"}},
		// A code wider than a line is cut between characters.
		{"TB1:ABCDEFGHIJKLMNOP", 8, []string{"TB1:ABCD", "EFGHIJKL", "MNOP"}},
		// Line breaks in the text are kept, blank lines too.
		{"甲\n\n乙", 10, []string{"甲", "", "乙"}},
		{"", 10, []string{""}},
		// Narrower than a character: one character a line, never none.
		{"一二", 1, []string{"一", "二"}},
	}
	for _, tt := range tests {
		got := wrapLines(tt.text, tt.width, cols)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("wrapLines(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

// The messages the kiosk shows, at every width from a few characters to
// a line: no line starts with closing punctuation or ends with opening
// punctuation, no line is wider than asked (unless one character is),
// and nothing is lost but the spaces where lines break.
func TestWrapLinesNeverBreaksTheRules(t *testing.T) {
	texts := []string{
		"保存失败，您填写的内容仍在。请再试一次，或到服务台求助。",
		"这不是申请编号或本中心的回执。编号形如 261127-K01-0042，请核对后重试。",
		"统一社会信用代码的校验位不符（可能是早期试点代码），请核对；如确认无误可继续提交。",
		"没有找到“QQQQ”，请减少字母或按类别查找",
		"打印机缺纸，请装入新纸卷后点“重新打印”。 申请已保存。",
		"Saving failed; what you entered is kept. Try again, or ask at the help desk.",
		"买买提·艾力……（原件，1份）——￥12.00",
		"一楼 A 区，A01、A02、A03 号窗口",
		"查询进度：扫描上方二维码或凭编号到本中心窗口、自助机查询",
	}
	for _, s := range texts {
		for width := float32(8); width <= 60; width++ { // from four hanzi a line
			lines := wrapLines(s, width, cols)
			for i, l := range lines {
				if i > 0 && l != "" && strings.ContainsRune(linebreak.NoLineStart, linebreak.First(l)) {
					t.Errorf("width %v: line %d of %q starts with %q: %q", width, i, s, linebreak.First(l), lines)
				}
				if i < len(lines)-1 && l != "" && strings.ContainsRune(linebreak.NoLineEnd, linebreak.Last(l)) {
					t.Errorf("width %v: line %d of %q ends with %q: %q", width, i, s, linebreak.Last(l), lines)
				}
				if i < len(lines)-1 && linebreak.Stranded(l, lines[i+1]) {
					t.Errorf("width %v: line %d of %q ends with a stranded hanzi: %q", width, i, s, lines)
				}
				// Holding punctuation to a character may take a character
				// or two past the width where a piece is cut.
				if cols(l) > width && len([]rune(l)) > 3 {
					t.Errorf("width %v: line %q of %q is %v wide", width, l, s, cols(l))
				}
			}
			if strip(strings.Join(lines, "")) != strip(s) {
				t.Errorf("width %v: %q lost text: %q", width, s, lines)
			}
			again := slices.Clone(lines)
			linebreak.AvoidOrphan(again, func(l string) bool { return cols(l) <= width })
			if !slices.Equal(again, lines) {
				t.Errorf("width %v: %q ends with a hanzi alone that the line before could take", width, lines)
			}
		}
	}
}

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// On screen: a sentence whose full stop would start a line with Fyne's
// own wrapping keeps it on the line before.
func TestTextWrapsWithoutOrphanedPunctuation(t *testing.T) {
	themed(t, Kiosk)
	s := "保存失败，您填写的内容仍在。请再试一次，或到服务台求助。"
	tx := NewText(s)
	col := Column(tx)
	w := show(t, col)
	pad := NewTheme(Kiosk).Size("innerPadding")
	for n := 3; n < len([]rune(s))-2; n++ {
		// Room for exactly n characters of the sentence and a bit.
		width := fyne.MeasureText(string([]rune(s)[:n]), NewTheme(Kiosk).Size("text"), fyne.TextStyle{}).Width + 2*pad + 1
		w.Resize(fyne.NewSize(width, 1000))
		col.Resize(fyne.NewSize(width, 1000))
		lines := shownLines(tx)
		for i, l := range lines {
			if i > 0 && strings.ContainsRune(linebreak.NoLineStart, linebreak.First(l)) {
				t.Fatalf("%d characters wide: line %d starts with punctuation: %q", n, i, lines)
			}
		}
		if strings.Join(lines, "") != s || len(lines) < 2 {
			t.Fatalf("%d characters wide: lines %q", n, lines)
		}
		if h := tx.MinSize().Height; len(lines) > 1 && h < float32(len(lines))*24 {
			t.Errorf("%d characters wide: %d lines but %v high", n, len(lines), h)
		}
	}
}

// shownLines returns the lines a Text draws.
func shownLines(tx *Text) []string {
	var out []string
	for _, o := range test.WidgetRenderer(tx).Objects() {
		out = append(out, o.(*canvas.Text).Text)
	}
	return out
}

// Tiles (service names) wrap by the same rules.
func TestTileTitleWrapsByTheRules(t *testing.T) {
	themed(t, Kiosk)
	name := "残疾人生活补贴和重度残疾人护理补贴（两项补贴）"
	tile := NewTile(name, "长安区民政局 · 承诺 20 个工作日", nil)
	w := show(t, tile)
	multi := 0
	for width := float32(200); width <= 700; width += 10 {
		w.Resize(fyne.NewSize(width, 600))
		title := test.WidgetRenderer(tile).Objects()[2].(*Text)
		lines := shownLines(title)
		if len(lines) > 1 {
			multi++
		}
		for i, l := range lines {
			if i > 0 && strings.ContainsRune(linebreak.NoLineStart, linebreak.First(l)) || i < len(lines)-1 && strings.ContainsRune(linebreak.NoLineEnd, linebreak.Last(l)) {
				t.Errorf("%v wide: the title breaks as %q", width, lines)
			}
		}
		if strings.Join(lines, "") != name {
			t.Errorf("%v wide: the title shows %q", width, lines)
		}
	}
	if multi == 0 {
		t.Error("the title never wrapped; the test tried no narrow width")
	}
}
