package storetest

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"tongban/sync/platform"
)

// clerks reads a center's staff list and fails on an error.
func clerks(t *testing.T, s platform.Storage, center string, since int) (int, []string) {
	t.Helper()
	v, data, err := s.Clerks(ctx, center, since)
	if err != nil {
		t.Fatalf("Clerks(%s, since %d): %v", center, since, err)
	}
	var out []string
	for _, d := range data {
		out = append(out, string(d))
	}
	return v, out
}

func testStaff(t *testing.T, s platform.Storage) {
	if v, list := clerks(t, s, centerA, 0); v != 0 || list != nil {
		t.Fatalf("a center without clerks: version %d, list %q; want 0 and nothing", v, list)
	}
	if v, list := clerks(t, s, centerA, -1); v != 0 || len(list) != 0 {
		t.Fatalf("a center without clerks, since -1: version %d, list %q; want 0 and empty", v, list)
	}
	put := func(center, id, data string, want int) {
		t.Helper()
		v, err := s.PutClerk(ctx, center, id, []byte(data))
		if err != nil || v != want {
			t.Fatalf("PutClerk(%s, %s) = %d, %v; want version %d", center, id, v, err, want)
		}
	}
	put(centerA, "S002", `{"id":"S002","name":"李四"}`, 1)
	put(centerA, "S001", `{"id":"S001","name":"王芳"}`, 2)
	put(centerB, "S001", `{"id":"S001","name":"赵六"}`, 1) // versions are per center

	want := []string{`{"id":"S001","name":"王芳"}`, `{"id":"S002","name":"李四"}`} // by staff ID
	for _, since := range []int{0, 1, 3, -1} {
		if v, list := clerks(t, s, centerA, since); v != 2 || !slices.Equal(list, want) {
			t.Fatalf("Clerks(A, since %d) = %d %q, want 2 %q", since, v, list, want)
		}
	}
	if v, list := clerks(t, s, centerA, 2); v != 2 || list != nil {
		t.Fatalf("Clerks(A, since 2) = %d %q; want version 2 and no copy", v, list)
	}

	// Replacing a clerk (disabling, say) keeps one record and raises the version.
	put(centerA, "S001", `{"id":"S001","name":"王芳","disabled":true}`, 3)
	want[0] = `{"id":"S001","name":"王芳","disabled":true}`
	if v, list := clerks(t, s, centerA, 2); v != 3 || !slices.Equal(list, want) {
		t.Fatalf("after replacing S001: %d %q, want 3 %q", v, list, want)
	}
	if v, list := clerks(t, s, centerB, 0); v != 1 || !slices.Equal(list, []string{`{"id":"S001","name":"赵六"}`}) {
		t.Fatalf("center B: %d %q, want only its own clerk", v, list)
	}
	if v, _ := clerks(t, s, "130199", 0); v != 0 {
		t.Fatalf("an untouched center has staff version %d, want 0", v)
	}

	// The returned data is the caller's to keep.
	_, data, _ := s.Clerks(ctx, centerA, 0)
	data[0][0] = 'X'
	if _, list := clerks(t, s, centerA, 0); list[0] != want[0] {
		t.Fatalf("changing a returned slice changed the store: %q", list[0])
	}
}

// testConcurrentStaff changes one center's clerks from several goroutines:
// every change gets a version of its own, and the last one counts them all.
func testConcurrentStaff(t *testing.T, s platform.Storage) {
	const writers, each = 4, 10
	var mu sync.Mutex
	seen := map[int]bool{}
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				id := fmt.Sprintf("S%d", w*each+i%3) // some IDs change more than once
				v, err := s.PutClerk(ctx, centerA, id, []byte(fmt.Sprintf(`{"id":%q,"n":%d}`, id, i)))
				if err != nil {
					t.Errorf("writer %d: %v", w, err)
					return
				}
				mu.Lock()
				if seen[v] {
					t.Errorf("version %d handed out twice", v)
				}
				seen[v] = true
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	v, list := clerks(t, s, centerA, 0)
	if v != writers*each || len(seen) != writers*each {
		t.Fatalf("after %d changes the staff version is %d (%d distinct answers)", writers*each, v, len(seen))
	}
	if len(list) != writers*3 {
		t.Fatalf("%d clerks listed, want %d", len(list), writers*3)
	}
}
