package printer

import (
	"slices"
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
		{"closing punctuation not at line start", "一二三四。五", 8, []string{"一二三", "四。五"}},
		{"opening punctuation not at line end", "一二三“四”", 8, []string{"一二三", "“四”"}},
		{"wide char on a one-column line", "一", 1, []string{"一"}},
		{"trailing spaces dropped", "ab   cd", 4, []string{"ab", "cd"}},
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
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"¥12", "￥12"},
		{"阿依古丽•买买提", "阿依古丽·买买提"},
		{"a\tb", "a b"},
		{"name\x1b@\x1d!\x10", "name@!"}, // commands in user text are dropped
		{"e\u0301", "é"},                 // NFC: one GB18030 code, not a combining mark
		{"x\u00a0y\u200b", "x y"},
		{"\xff", "\uFFFD"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEncodeGBFourByte(t *testing.T) {
	tests := []struct {
		in       string
		fourByte bool
	}{
		{"ASCII only", false},
		{"金额￥12.50", false},
		{"¥", true},
		{"王㛃", true},
		{"𠮷", true},
		{"€·—…“”", false},
	}
	for _, tt := range tests {
		_, got, err := encodeGB(tt.in)
		if err != nil || got != tt.fourByte {
			t.Errorf("encodeGB(%q) four-byte = %v, %v; want %v", tt.in, got, err, tt.fourByte)
		}
	}
}
