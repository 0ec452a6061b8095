package linebreak

import "testing"

func TestHeld(t *testing.T) {
	tests := []struct {
		before, after string
		want          bool
	}{
		{"一二", "三", false},
		{"一二", "。", true},  // a full stop never starts a line
		{"一二", "）四", true}, // nor a closing bracket
		{"一（", "二", true},  // an opening bracket never ends one
		{"价格￥", "5", true}, // nor a currency sign before its amount
		{"word", "word", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := Held(tt.before, tt.after); got != tt.want {
			t.Errorf("Held(%q, %q) = %v, want %v", tt.before, tt.after, got, tt.want)
		}
	}
}
