package cases

import (
	"strings"
	"testing"
	"time"

	"tongban/app/catalog"
)

func TestCheckDateField(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, Zone)
	booked := catalog.Field{Key: "wed_on", Kind: catalog.KindDate, Required: true}
	past := catalog.Field{Key: "born_on", Kind: catalog.KindDate, Required: true, Past: true}
	tests := []struct {
		f     catalog.Field
		value string
		want  string // a word of the Chinese sentence, "" for none
	}{
		{booked, "2026-03-01", ""},
		{booked, "2030-01-01", ""}, // a booked day may be in the future
		{past, "2026-11-27", ""},   // today is not the future
		{past, "2026-11-28", "还没到"},
		{past, "2030-01-01", "还没到"},
		{booked, "2026-02-30", "没有2026-02-30这一天"},
		{booked, "2026-13-01", "没有2026-13-01这一天"},
		{booked, "2026/03/01", "年-月-日"},
		{booked, "20260301", "年-月-日"},
	}
	for _, tt := range tests {
		_, p := CheckField(tt.f, tt.value, now)
		switch {
		case tt.want == "" && p != nil:
			t.Errorf("%s %q: %s, want no problem", tt.f.Key, tt.value, p.ZH)
		case tt.want != "" && (p == nil || !strings.Contains(p.ZH, tt.want) || p.EN == ""):
			t.Errorf("%s %q: %+v, want a sentence with %q in both languages", tt.f.Key, tt.value, p, tt.want)
		}
	}
}
