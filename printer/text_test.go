package printer

import "testing"

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
