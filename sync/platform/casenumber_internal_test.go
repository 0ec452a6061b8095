package platform

import "testing"

// TestPlatformShortCode holds platformShortCode to NextShortCode: every
// code it gives, and nothing else, is a platform short code.
func TestPlatformShortCode(t *testing.T) {
	given := map[string]bool{}
	for _, role := range []string{"kiosk", "counter"} {
		for n := 1; n <= MaxShortCodes; n++ {
			c, err := NextShortCode(role, n)
			if err != nil {
				t.Fatal(err)
			}
			given[c] = true
			if !platformShortCode(c) {
				t.Errorf("platformShortCode(%q) = false for a code NextShortCode gives", c)
			}
		}
	}
	for _, c := range []string{"K00", "K000", "K001", "K012", "C1", "X7K", "B1", "K1000", "KA1", "k01", "", "K"} {
		if platformShortCode(c) && !given[c] {
			t.Errorf("platformShortCode(%q) = true for a code NextShortCode never gives", c)
		}
	}
}
