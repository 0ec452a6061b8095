package printer

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"tongban/app/linebreak"
)

func TestWrapText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"fits", "申请人：张三", 32, []string{"申请人：张三"}},
		{"empty", "", 32, []string{""}},
		{"newline", "一\n\n二", 32, []string{"一", "", "二"}},
		{"hanzi break anywhere", "一二三四五六", 8, []string{"一二三四", "五六"}},
		{"ascii words stay whole", "Printer test page", 10, []string{"Printer", "test page"}},
		{"long word is split", "ABCDEFGHIJKL", 5, []string{"ABCDE", "FGHIJ", "KL"}},
		{"word longer than a line fills it", "编号TB-2025-0001", 10, []string{"编号TB-202", "5-0001"}},
		{"word moves down whole", "编号 TB-2025", 10, []string{"编号", "TB-2025"}},
		{"number moves down whole", "电话0311-85012345", 16, []string{"电话", "0311-85012345"}},
		{"closing punctuation not at line start", "一二三四。五", 8, []string{"一二三", "四。五"}},
		{"enumeration comma not at line start", "一二三四、五", 8, []string{"一二三", "四、五"}},
		{"opening punctuation not at line end", "一二三“四”", 8, []string{"一二三", "“四”"}},
		{"opening bracket not at line end", "一二三（四五六七", 8, []string{"一二三", "（四五", "六七"}}, // and 七 not alone
		// The audit's receipt: the promised days and a material's form
		// move down whole instead of leaving 日） or 份） alone.
		{"working days kept together", "预计办结：2026-11-30（1个工作日）", 32,
			[]string{"预计办结：2026-11-30", "（1个工作日）"}},
		{"material form kept together, under the name", "  1. 公司变更登记申请书（原件，1份）", 32,
			[]string{"  1. 公司变更登记申请书", "     （原件，1份）"}},
		{"list item hangs under its text", "2、一二三四五六七八九十", 12,
			[]string{"2、一二三四", "   五六七八", "   九十"}},
		{"a lone marker stays", "  3. ", 32, []string{"  3."}},
		{"group that fits stays on the line", "  2. 变更决议或决定（原件，1份）", 32,
			[]string{"  2. 变更决议或决定（原件，1份）"}},
		{"group wider than two thirds of the line breaks by the rules", "一二三四五（原件，1份）", 16,
			[]string{"一二三四五（原", "件，1份）"}},
		{"group wider than eight characters breaks by the rules", "一二三四五六七八九十（甲乙丙丁戊己庚辛壬）", 32,
			[]string{"一二三四五六七八九十（甲乙丙丁戊", "己庚辛壬）"}},
		{"nested group", "办理：一二三四五六七八（见《指南》）", 32,
			[]string{"办理：一二三四五六七八", "（见《指南》）"}},
		{"wide char on a one-column line", "一", 1, []string{"一"}},
		{"trailing spaces dropped", "ab   cd", 4, []string{"ab", "cd"}},
		{"continuation line starts with no space", "ab     cd", 4, []string{"ab", "cd"}},
		{"indent kept", "  一二三四五", 8, []string{"  一二三", "四五"}},

		// No hanzi alone on the last line: the line before gives it one.
		// The audit's 58 mm receipt (32 columns) and its 80 mm ones (48
		// columns at 203 dpi, 42 at 180 dpi).
		{"orphan: 口 takes 窗", "办理地点：一楼 A 区 A04、A05 窗口", 32,
			[]string{"办理地点：一楼 A 区 A04、A05", "窗口"}},
		{"orphan: 口 takes 窗, 42 columns", "办理地点：一楼 B 区 B01、B02、B03、B04 窗口", 42,
			[]string{"办理地点：一楼 B 区 B01、B02、B03、B04", "窗口"}},
		{"orphan: 口 takes 窗, then 号 that would be stranded", "一楼 A 区，A01、A02、A03 号窗口", 30,
			[]string{"一楼 A 区，A01、A02、A03", "号窗口"}},
		{"orphan: 记 takes 登", "事项：城乡居民基本养老保险参保登记", 32,
			[]string{"事项：城乡居民基本养老保险参保", "登记"}},
		{"orphan with its full stop", "一二三四五。", 8, []string{"一二三", "四五。"}},
		{"orphan takes a hanzi and its comma", "一二三，四", 8, []string{"一二", "三，四"}},
		{"orphan in a hanging list item", "  1. 一二三四五六七八九十甲", 15,
			[]string{"  1. 一二三四五", "     六七八九", "     十甲"}},
		{"no orphan, no change", "办理地点：一楼 A 区 A01、A02、A03 窗口", 32,
			[]string{"办理地点：一楼 A 区 A01、A02、", "A03 窗口"}},
		{"orphan stays when the line before ends in a word", "编号 TB-2025-0001 一", 17, []string{"编号 TB-2025-0001", "一"}},
		{"orphan stays when one hanzi would be left", "一二三", 4, []string{"一二", "三"}},
		{"orphan stays when the two do not fit", "一二", 2, []string{"一", "二"}},
		{"orphan stays rather than split a group", "材料：一二三四（原件，1份）等", 28,
			[]string{"材料：一二三四（原件，1份）", "等"}},
		{"orphan stays rather than end a line with an opening bracket", "一二（三四", 8, []string{"一二（三", "四"}},
		// No hanzi alone at the end of a line when it starts a phrase the
		// next line goes on with: the audit's test page (32 columns) and
		// 80 mm receipt (48 columns).
		{"stranded after a space: 原 goes down", "模式 Mode: 中文模式 GB18030, 原生二维码 native QR", 32,
			[]string{"模式 Mode: 中文模式 GB18030,", "原生二维码 native QR"}},
		{"stranded after a space: 图 goes down", "模式 Mode: 中文模式 GB18030, 图像二维码 raster QR", 32,
			[]string{"模式 Mode: 中文模式 GB18030,", "图像二维码 raster QR"}},
		{"stranded after 、: 自 goes down", "查询进度：扫描上方二维码或凭编号到本中心窗口、自助机查询", 48,
			[]string{"查询进度：扫描上方二维码或凭编号到本中心窗口、", "自助机查询"}},
		{"a one-hanzi word at a line's end stays", "甲 乙 丙 丁", 5, []string{"甲 乙", "丙 丁"}},
		{"a hanzi after a hanzi is not stranded", "一二三四五六七八", 8, []string{"一二三四", "五六七八"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapText(tt.text, tt.width)
			if !slices.Equal(got, tt.want) {
				t.Errorf("wrapText(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
			for _, line := range got {
				if textCols(line) > max(tt.width, 2) {
					t.Errorf("line %q is %d columns, wider than %d", line, textCols(line), tt.width)
				}
			}
			if joined := strings.Join(got, ""); strings.ReplaceAll(joined, " ", "") != strings.NewReplacer(" ", "", "\n", "").Replace(tt.text) {
				t.Errorf("wrapping lost or added text: %q from %q", joined, tt.text)
			}
		})
	}
}

// At every width from a few characters to a wide receipt, the texts of
// receipts keep the rules: no closing punctuation starts a line, no
// opening punctuation ends one, no hanzi is left alone on the last line
// when the line before could give it one, none is stranded at the end of a
// line, and nothing is lost.
func TestWrapTextNeverLeavesAHanziAlone(t *testing.T) {
	texts := []string{
		"办理地点：一楼 A 区 A04、A05 窗口",
		"一楼 A 区，A01、A02、A03 号窗口",
		"办理地点：二楼 D 区 D01、D02、D03、D04、D05、D06 窗口",
		"事项：城乡居民基本养老保险参保登记",
		"模式 Mode: 中文模式 GB18030, 原生二维码 native QR",
		"查询进度：扫描上方二维码或凭编号到本中心窗口、自助机查询",
		"补齐后请携带本告知单到窗口办理，受理时间自材料补齐之日起计算。",
		"如不服本决定，可自收到本通知书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。",
		"  1. 公司变更登记申请书（原件，1份）",
		"预计办结：2026-11-30（1个工作日）",
		"买买提·艾力……（原件，1份）——￥12.00",
	}
	for _, s := range texts {
		for width := 8; width <= 64; width++ {
			lines := wrapText(s, width)
			for i, l := range lines {
				if i > 0 && strings.ContainsRune(linebreak.NoLineStart, linebreak.First(l)) {
					t.Errorf("width %d: line %d starts with %q: %q", width, i, linebreak.First(l), lines)
				}
				if i < len(lines)-1 && strings.ContainsRune(linebreak.NoLineEnd, linebreak.Last(l)) {
					t.Errorf("width %d: line %d ends with %q: %q", width, i, linebreak.Last(l), lines)
				}
				if i < len(lines)-1 && linebreak.Stranded(l, lines[i+1]) {
					t.Errorf("width %d: line %d ends with a stranded hanzi: %q", width, i, lines)
				}
			}
			again := slices.Clone(lines)
			linebreak.AvoidOrphan(again, func(l string) bool { return textCols(l) <= width })
			if !slices.Equal(again, lines) {
				t.Errorf("width %d: %q ends with a hanzi alone that the line before could take", width, lines)
			}
			if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(s, " ", "") {
				t.Errorf("width %d: %q lost text: %q", width, s, lines)
			}
		}
	}
}

// FuzzWrapText checks that any text wraps into lines no wider than asked
// and keeps every character but the spaces it breaks on.
func FuzzWrapText(f *testing.F) {
	f.Add("预计办结：2026-11-30（1个工作日）", 32)
	f.Add("  1. 公司变更登记申请书（原件，1份）", 16)
	f.Add("（（（（））））。。。", 4)
	f.Fuzz(func(t *testing.T, s string, width int) {
		if width < 2 || width > 64 {
			return
		}
		s = strings.ReplaceAll(cleanText(s), "\n", "")
		lines := wrapText(s, width)
		for _, line := range lines {
			if textCols(line) > width {
				t.Fatalf("line %q is %d columns, wider than %d", line, textCols(line), width)
			}
		}
		if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(s, " ", ""); got != want {
			t.Fatalf("wrapText(%q, %d) = %q: text changed", s, width, lines)
		}
	})
}

// BenchmarkWrapText wraps the text lines of an acceptance receipt, with a
// long notice paragraph, at the widths of 58 mm and 80 mm paper: the part
// of printing a receipt that the line-breaking rules cost.
func BenchmarkWrapText(b *testing.B) {
	texts := []string{
		"受理回执", "石家庄市长安区政务服务中心", "事项：城乡居民基本养老保险参保登记", "编号：261127-K01-0042",
		"申请人：张三", "证件号：1301**********1233", "提交时间：2026-11-27 09:30", "状态：已提交，请到窗口受理",
		"预计办结：2026-12-01（3个工作日）", "办理地点：一楼 A 区 A04、A05 窗口", "已交材料：",
		"  1. 公司变更登记申请书（原件，1份）", "  2. 变更决议或决定（原件，1份）", "  3. 营业执照正副本（原件，1份）",
		"查询进度：扫描上方二维码或凭编号到本中心窗口、自助机查询", "咨询电话：0311-85012345",
		"如不服本决定，可自收到本通知书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。",
	}
	for _, width := range []int{32, 48} {
		b.Run(strconv.Itoa(width), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range texts {
					wrapText(s, width)
				}
			}
		})
	}
}
