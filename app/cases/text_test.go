package cases

import "testing"

// One language may leave out an argument the other says: nothing of fmt's
// %!(EXTRA …) shows.
func TestFormatLeavesOutWhatOneLanguageDoesNotSay(t *testing.T) {
	tests := []struct {
		text Text
		args []any
		want Text
	}{
		{Text{ZH: "地址无法使用。", EN: "The URL is not usable (%[1]v)."}, []any{"bad port"},
			Text{ZH: "地址无法使用。", EN: "The URL is not usable (bad port)."}},
		{Text{ZH: "案件 %[1]s。", EN: "Case %[1]s (%[2]v)."}, []any{"K01", "bad port"},
			Text{ZH: "案件 K01。", EN: "Case K01 (bad port)."}},
	}
	for _, tt := range tests {
		if got := tt.text.Format(tt.args...); got != tt.want {
			t.Errorf("%+v.Format(%v) = %+v, want %+v", tt.text, tt.args, got, tt.want)
		}
	}
}
