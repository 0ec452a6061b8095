package store_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"tongban/app/store"
	"tongban/app/store/storetest"
)

// BenchmarkByNumber looks up cases by number — the case folded from its
// events, ready to show — in a store of 1,000,000 cases (built once and
// kept in the temp folder between runs). Target: at most 50 µs a lookup.
//
// The store is a memory-mapped 2 GB file, so the first read of each page
// in a process costs a page fault (and, after a reboot, a disk read); the
// windows therefore warm the store in the background at start (Warm).
//
//   - "first-touch" draws cases from the whole million before any warming:
//     what a scan costs in the first seconds after start. It measures the
//     machine's page faults more than the store; reported, not a target.
//   - "random" draws cases from the whole million after Warm, as on a
//     counter that has been open a few seconds: the target.
//   - "recent" repeats a working set of 1,000 cases, as a counter does over
//     a day.
func BenchmarkByNumber(b *testing.B) {
	s, numbers := storetest.Million(b)
	lookup := func(b *testing.B, n string) {
		if c, err := s.ByNumber(n); err != nil || c.Number != n {
			b.Fatalf("ByNumber(%s) = %v, %v", n, c, err)
		}
	}
	randomly := func(b *testing.B) {
		for b.Loop() {
			lookup(b, storetest.Number(rand.IntN(storetest.Cases)))
		}
	}
	b.Run("first-touch", randomly)
	b.Run("random", func(b *testing.B) {
		warm(b, s)
		randomly(b)
	})
	b.Run("recent", func(b *testing.B) {
		set := numbers[:1000]
		for _, n := range set {
			lookup(b, n)
		}
		for i := 0; b.Loop(); i++ {
			lookup(b, set[i%len(set)])
		}
	})
}

// warm runs Warm once per process and reports how long it took.
func warm(b *testing.B, s *store.Store) {
	b.Helper()
	if warmed {
		return
	}
	start := time.Now()
	keys, err := s.Warm(context.Background())
	if err != nil {
		b.Fatalf("Warm: %v", err)
	}
	warmed = true
	b.Logf("Warm visited %d keys in %v", keys, time.Since(start).Round(time.Millisecond))
}

var warmed bool
