package cli

import "testing"

func TestDisplayWidth(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"S001", 4},
		{"张三", 4},
		{"不予受理", 8},
		{"中止（特别程序）", 16}, // full-width brackets are wide too
		{"138****8000", 11},
		{"✓ 身份证", 8},   // ✓ is narrow (ambiguous) in most terminals
		{"e\u0301", 1}, // e and a combining accent
	} {
		if got := displayWidth(tt.s); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestPadLinesUpChineseAndLatin(t *testing.T) {
	rows := []string{pad("张三", 10) + "|", pad("Zhang San", 10) + "|", pad("欧阳娜娜", 10) + "|"}
	for _, r := range rows {
		if displayWidth(r) != 11 {
			t.Errorf("pad gives %q, %d columns wide; want 11", r, displayWidth(r))
		}
	}
	if got := pad("一二三四五六", 4); got != "一二三四五六" {
		t.Errorf("pad cut a long value: %q", got)
	}
}
