package printer

import (
	"slices"
	"strings"
	"testing"
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
		{"opening bracket not at line end", "一二三（四五六七", 8, []string{"一二三", "（四五六", "七"}},
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
