package cases

import "testing"

func TestShortDevice(t *testing.T) {
	for in, want := range map[string]string{
		"01a21d70-5c1e-7b3a-9f00-3c2d1e0f9a8b": "1e0f9a8b",
		"K01":                                  "K01",
		"":                                     "",
	} {
		if got := ShortDevice(in); got != want {
			t.Errorf("ShortDevice(%q) = %q, want %q", in, got, want)
		}
	}
}
