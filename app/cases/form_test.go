package cases

import (
	"testing"
	"time"

	"tongban/app/catalog"
)

// A choice is stored in Chinese whichever way it was given: as the
// Chinese choice, or by its English label in any letter case.
func TestCheckChoiceFieldStoresTheChineseChoice(t *testing.T) {
	f := catalog.Field{Key: "change", Kind: catalog.KindChoice, Required: true,
		Choices: []string{"名称", "注册资本"}, ChoicesEN: []string{"Name", "Registered capital"}}
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"名称", "名称", true}, {"registered capital", "注册资本", true}, {" Name ", "名称", true}, {"Address", "Address", false},
	} {
		got, p := CheckField(f, tt.in, time.Now())
		if got != tt.want || (p == nil) != tt.ok {
			t.Errorf("CheckField(%q) = %q, %v; want %q, ok %v", tt.in, got, p, tt.want, tt.ok)
		}
	}
}
