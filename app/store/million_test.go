package store_test

import (
	"math/rand/v2"
	"testing"

	"tongban/app/store/storetest"
)

// BenchmarkByNumber looks up cases by number in a store of 1,000,000
// cases (built once and kept in the temp folder between runs). Target:
// at most 50 µs a lookup.
func BenchmarkByNumber(b *testing.B) {
	s, numbers := storetest.Million(b)
	b.ResetTimer()
	for b.Loop() {
		n := numbers[rand.IntN(len(numbers))]
		c, err := s.ByNumber(n)
		if err != nil || c.Number != n {
			b.Fatalf("ByNumber(%s) = %v, %v", n, c, err)
		}
	}
}
