package cases

import (
	"slices"
	"testing"
)

func TestReasons(t *testing.T) {
	for _, tt := range []struct{ in, want []string }{
		{nil, nil},
		{[]string{" ", ""}, nil},
		{[]string{"材料不全", " 材料不全 ", "不属于本中心", "材料不全"}, []string{"材料不全", "不属于本中心"}},
	} {
		if got := Reasons(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Reasons(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
