package ime

import (
	"strings"
	"testing"
)

func TestSegment(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"zhangsan", "zhang san"},
		{"zhangs", "zhang s"},
		{"xian", "xian"},
		{"bangongsi", "ban gong si"},
		{"xianggang", "xiang gang"},
		{"fangan", "fan gan"},
		{"lina", "li na"},
		{"nver", "nv er"},
		{"tiananmen", "tian an men"},
		{"zhongguoren", "zhong guo ren"},
		{"bangongs", "ban gong s"},
		{"liangzh", "liang zh"},
		{"lvxiaoming", "lv xiao ming"},
		{"ZhangSan", "zhang san"},
		{"zh", "zh"},
		{"vvv", "vvv"},
		{"", ""},
		{strings.Repeat("a", 40), strings.TrimSpace(strings.Repeat("a ", MaxInput))},
	}
	for _, tt := range tests {
		if got := strings.Join(Segment(tt.in), " "); got != tt.want {
			t.Errorf("Segment(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzSegment: whatever is typed, the segments put back together are the
// input as Segment reads it (folded, cut at MaxInput), none empty, and
// every candidate takes some of the letters, never more than there are.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{"bangongsi", "zhangs", "xian", "vvv", "ngng", "Zh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		want := strings.ToLower(in)
		if len(want) > MaxInput {
			want = want[:MaxInput]
		}
		segs := Segment(in)
		if got := strings.Join(segs, ""); got != want {
			t.Fatalf("Segment(%q) = %q, which joins to %q", in, segs, got)
		}
		for _, s := range segs {
			if s == "" {
				t.Fatalf("Segment(%q) = %q has an empty segment", in, segs)
			}
		}
		for _, c := range Choices(in, Common) {
			if c.Letters < 1 || c.Letters > len(want) || c.Text == "" {
				t.Fatalf("Choices(%q) offers %q taking %d of %d letters", in, c.Text, c.Letters, len(want))
			}
		}
	})
}
