package client

import (
	"context"
	"fmt"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
)

// openDevice opens a device store in dir, as a kiosk of center 130102
// until it enrolls.
func openDevice(t testing.TB, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(dir, store.Options{Center: "130102", Role: "kiosk"})
	if err != nil {
		t.Fatalf("store.Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// addCases makes n cases through the store's own Submit and Act, each
// with perCase events (1: submitted; 2: + printed; 3: + accepted; 4: +
// completed), without fsync to keep big tests quick. It returns the IDs of
// the events in the order they were made.
func addCases(t testing.TB, st *store.Store, n, perCase int) []string {
	t.Helper()
	st.SetNoSync(true)
	defer st.SetNoSync(false)
	actions := []cases.Action{
		{Kind: cases.KindPrinted, Payload: cases.Printing{Document: "receipt"}},
		{Kind: cases.KindAccepted, Staff: "clerk-1", Payload: cases.Acceptance{Received: []int{0}}},
		{Kind: cases.KindCompleted, Staff: "clerk-1", Payload: cases.Completion{Approved: true}},
	}
	ids := make([]string, 0, n*perCase)
	for i := range n {
		c, err := st.Submit(cases.Submission{ItemCode: "130102-SCJG-001", CatalogVersion: 1, Channel: cases.ChannelKiosk,
			Fields: map[string]string{"name": fmt.Sprintf("申请人%d", i), "phone": fmt.Sprintf("138%08d", i)}})
		if err != nil {
			t.Fatalf("Submit #%d: %v", i, err)
		}
		ids = append(ids, c.ID)
		for _, a := range actions[:perCase-1] {
			if c, err = st.Act(c.ID, a); err != nil {
				t.Fatalf("Act %s on case #%d: %v", a.Kind, i, err)
			}
			ids = append(ids, c.Events[len(c.Events)-1].ID)
		}
	}
	return ids
}

// instant is a sleeper for tests: every wait ends at once, and the
// durations asked for are recorded.
type instant struct {
	waits chan time.Duration
}

func newInstant() *instant { return &instant{waits: make(chan time.Duration, 1<<16)} }

func (s *instant) After(d time.Duration) <-chan time.Time {
	select {
	case s.waits <- d:
	default:
	}
	ch := make(chan time.Time, 1)
	ch <- time.Time{}
	return ch
}

// testContext is a context that ends with the test (or after a minute).
func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func mustPending(t testing.TB, st *store.Store, want int) {
	t.Helper()
	if n, err := st.Pending(); err != nil || n != want {
		t.Fatalf("pending = %d (%v), want %d", n, err, want)
	}
}
