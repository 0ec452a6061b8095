package storetest

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

func testPushOutcomes(t *testing.T, s platform.Storage) {
	dev := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "k").Device
	a, b := event(t, centerA, dev.ID, "a"), event(t, centerA, dev.ID, "b")
	got, err := s.Push(ctx, centerA, dev.ID, t0, []platform.Incoming{a, b})
	if err != nil || fmt.Sprint(got) != "[stored stored]" {
		t.Fatalf("first push = %v, %v; want [stored stored]", got, err)
	}
	// Same ID, other content: refused, the original kept.
	forged := event(t, centerA, dev.ID, "forged")
	forged.ID = a.ID
	c := event(t, centerA, dev.ID, "c")
	// Repeats inside one batch count like repeats across batches.
	cOther := event(t, centerA, dev.ID, "c2")
	cOther.ID = c.ID
	got, err = s.Push(ctx, centerA, dev.ID, t0, []platform.Incoming{b, forged, c, c, cOther, a})
	want := "[duplicate conflict stored duplicate conflict duplicate]"
	if err != nil || fmt.Sprint(got) != want {
		t.Fatalf("second push = %v, %v; want %s", got, err, want)
	}
	feed := pullAll(t, s, centerA, 10)
	wantFeed := []string{string(a.Data), string(b.Data), string(c.Data)}
	if !slices.Equal(feed, wantFeed) {
		t.Fatalf("feed =\n%v\nwant\n%v", feed, wantFeed)
	}
	if got, err := s.Push(ctx, centerA, dev.ID, t0, nil); err != nil || len(got) != 0 {
		t.Fatalf("empty push = %v, %v", got, err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Events[centerA] != 3 || len(st.Events) != 1 {
		t.Fatalf("Stats = %+v, %v; want 3 events in %s only", st, err, centerA)
	}
}

func testPullPages(t *testing.T, s platform.Storage) {
	dev := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "k").Device
	p, err := s.Pull(ctx, centerA, 0, 10)
	if err != nil || len(p.Events) != 0 || p.More || p.Next != 0 {
		t.Fatalf("Pull of an empty feed = %+v, %v", p, err)
	}
	var want []string
	for batch := range 5 {
		var in []platform.Incoming
		for i := range 7 {
			e := event(t, centerA, dev.ID, fmt.Sprint(batch, "/", i))
			in = append(in, e)
			want = append(want, string(e.Data))
		}
		if _, err := s.Push(ctx, centerA, dev.ID, t0, in); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []int{1, 3, 7, 35, 100} {
		if got := pullAll(t, s, centerA, n); !slices.Equal(got, want) {
			t.Fatalf("paging by %d: %d events, want the %d pushed, in push order", n, len(got), len(want))
		}
	}
	// Each event comes with its sequence number, the last one the cursor.
	p, err = s.Pull(ctx, centerA, 0, 10)
	if err != nil || len(p.Seqs) != len(p.Events) || p.Seqs[len(p.Seqs)-1] != p.Next || !slices.IsSorted(p.Seqs) {
		t.Fatalf("page of 10: sequence numbers %v for %d events, next %d (%v)", p.Seqs, len(p.Events), p.Next, err)
	}
	// The last page's cursor asks for nothing more.
	p, err = s.Pull(ctx, centerA, 0, 35)
	if err != nil || p.More || len(p.Events) != 35 {
		t.Fatalf("page of exactly all events = %d events, more %v, %v", len(p.Events), p.More, err)
	}
	tail, err := s.Pull(ctx, centerA, p.Next, 10)
	if err != nil || len(tail.Events) != 0 || tail.More || tail.Next != p.Next {
		t.Fatalf("Pull after the end = %+v, %v; want empty with the same cursor", tail, err)
	}
	// A cursor from the middle resumes with no gap and no repeat.
	p, _ = s.Pull(ctx, centerA, 0, 10)
	rest, _ := s.Pull(ctx, centerA, p.Next, 100)
	if len(rest.Events) != 25 || string(rest.Events[0]) != want[10] {
		t.Fatalf("resuming after 10 gave %d events starting %.60s, want 25 starting with the 11th", len(rest.Events), rest.Events)
	}
}

func testCentersApart(t *testing.T, s platform.Storage) {
	k := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "k").Device
	c := enroll(t, s, centerA, protocol.RoleCounter, cases.NewID(), "c").Device
	o := enroll(t, s, centerB, protocol.RoleKiosk, cases.NewID(), "o").Device
	ek, ec, eo := event(t, centerA, k.ID, "kiosk"), event(t, centerA, c.ID, "counter"), event(t, centerB, o.ID, "other")
	for _, p := range []struct {
		center, dev string
		e           platform.Incoming
	}{{centerA, k.ID, ek}, {centerB, o.ID, eo}, {centerA, c.ID, ec}} {
		if _, err := s.Push(ctx, p.center, p.dev, t0, []platform.Incoming{p.e}); err != nil {
			t.Fatal(err)
		}
	}
	if got := pullAll(t, s, centerA, 10); !slices.Equal(got, []string{string(ek.Data), string(ec.Data)}) {
		t.Fatalf("center A's feed = %v, want the kiosk's then the counter's event", got)
	}
	if got := pullAll(t, s, centerB, 10); !slices.Equal(got, []string{string(eo.Data)}) {
		t.Fatalf("center B's feed = %v, want only its own event", got)
	}
	if got := pullAll(t, s, "999999", 10); len(got) != 0 {
		t.Fatalf("a center with no events has %d", len(got))
	}
}

// testConcurrentPushPull pushes from several goroutines while a reader
// follows the feed with its cursor, as a device does. The reader must end
// with every stored event exactly once: a feed whose numbers became
// visible out of order would make it skip one for good.
func testConcurrentPushPull(t *testing.T, s platform.Storage) {
	const writers, batches, size = 4, 25, 20
	dev := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "k").Device
	stored := make(chan string, writers*batches*size)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for b := range batches {
				in := make([]platform.Incoming, size)
				for i := range in {
					in[i] = event(t, centerA, dev.ID, fmt.Sprint(w, "/", b, "/", i))
				}
				got, err := s.Push(ctx, centerA, dev.ID, t0, in)
				if err != nil {
					t.Errorf("writer %d: %v", w, err)
					return
				}
				for i, o := range got {
					if o.Outcome == platform.Stored {
						stored <- string(in[i].Data)
					}
				}
			}
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	seen := map[string]int{}
	var after uint64
	read := func() {
		p, err := s.Pull(ctx, centerA, after, 37)
		if err != nil {
			t.Fatalf("reader: %v", err)
		}
		for _, e := range p.Events {
			seen[string(e)]++
		}
		after = p.Next
	}
	for finished := false; !finished; {
		select {
		case <-done:
			finished = true
		default:
			read()
			time.Sleep(time.Millisecond)
		}
	}
	for { // drain what is left after the writers stopped
		before := after
		read()
		if after == before {
			break
		}
	}
	close(stored)
	n := 0
	for e := range stored {
		n++
		if seen[e] != 1 {
			t.Fatalf("the reader saw a stored event %d times, want once (n=%d)", seen[e], n)
		}
	}
	if n != writers*batches*size || len(seen) != n {
		t.Fatalf("stored %d, reader saw %d distinct, want %d", n, len(seen), writers*batches*size)
	}
}

// testCursorAhead: a cursor beyond the last number a center's feed handed
// out (a platform restored from an older backup) is refused with the
// feed's end, not answered with an empty page the device would wait on;
// the end is each center's own.
func testCursorAhead(t *testing.T, s platform.Storage) {
	dev := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "k").Device
	if p, err := s.Pull(ctx, centerA, 0, 10); err != nil || len(p.Events) != 0 {
		t.Fatalf("Pull from the start of an empty feed = %+v, %v; want an empty page", p, err)
	}
	wantAhead(t, s, centerA, 1, 0)
	var in []platform.Incoming
	for i := range 3 {
		in = append(in, event(t, centerA, dev.ID, fmt.Sprint("ahead/", i)))
	}
	if _, err := s.Push(ctx, centerA, dev.ID, t0, in); err != nil {
		t.Fatal(err)
	}
	if p, err := s.Pull(ctx, centerA, 3, 10); err != nil || len(p.Events) != 0 || p.Next != 3 {
		t.Fatalf("Pull at the feed's end = %+v, %v; want an empty page at 3", p, err)
	}
	wantAhead(t, s, centerA, 99999999, 3)
	wantAhead(t, s, centerB, 3, 0)
	// Once the feed grows past the cursor, it is a cursor like any other.
	if _, err := s.Push(ctx, centerA, dev.ID, t0, []platform.Incoming{event(t, centerA, dev.ID, "ahead/3")}); err != nil {
		t.Fatal(err)
	}
	if p, err := s.Pull(ctx, centerA, 3, 10); err != nil || len(p.Events) != 1 || p.Next != 4 {
		t.Fatalf("Pull after 3 once the feed has 4 = %d events, next %d, %v; want the 4th", len(p.Events), p.Next, err)
	}
}

// wantAhead fails unless Pull after a cursor returns a *CursorError with
// the feed's end.
func wantAhead(t *testing.T, s platform.Storage, center string, after, end uint64) {
	t.Helper()
	p, err := s.Pull(ctx, center, after, 10)
	var ce *platform.CursorError
	if !errors.As(err, &ce) || !errors.Is(err, platform.ErrCursorAhead) || ce.After != after || ce.End != end {
		t.Fatalf("Pull(%s) after %d = %d events, %v; want a CursorError at end %d", center, after, len(p.Events), err, end)
	}
}
