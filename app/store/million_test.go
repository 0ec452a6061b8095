package store_test

import (
	"math/rand/v2"
	"testing"

	"tongban/app/store/storetest"
)

// BenchmarkByNumber looks up cases by number — the case folded from its
// events, ready to show — in a store of 1,000,000 cases (built once and
// kept in the temp folder between runs). Target: at most 50 µs a lookup.
//
// "random" draws a new case from the whole million each time, so most
// lookups touch pages this process has not read yet (the store is a
// memory-mapped 2 GB file); "recent" repeats a working set of 1,000
// cases already looked up once, as a counter does over a day.
func BenchmarkByNumber(b *testing.B) {
	s, numbers := storetest.Million(b)
	b.Run("random", func(b *testing.B) {
		for b.Loop() {
			n := storetest.Number(rand.IntN(storetest.Cases))
			if c, err := s.ByNumber(n); err != nil || c.Number != n {
				b.Fatalf("ByNumber(%s) = %v, %v", n, c, err)
			}
		}
	})
	b.Run("recent", func(b *testing.B) {
		set := numbers[:1000]
		for _, n := range set {
			s.ByNumber(n)
		}
		for i := 0; b.Loop(); i++ {
			n := set[i%len(set)]
			if c, err := s.ByNumber(n); err != nil || c.Number != n {
				b.Fatalf("ByNumber(%s) = %v, %v", n, c, err)
			}
		}
	})
}
