package client

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tongban/sync/protocol"
)

// gated is a sleeper whose waits end (after a millisecond) only when fire
// says so; the others never end. Every wait asked for is recorded.
type gated struct {
	waits chan time.Duration
	fire  func(time.Duration) bool
}

func newGated(fire func(time.Duration) bool) *gated {
	return &gated{waits: make(chan time.Duration, 1<<16), fire: fire}
}

func (g *gated) After(d time.Duration) <-chan time.Time {
	select {
	case g.waits <- d:
	default:
	}
	if !g.fire(d) {
		return nil
	}
	ch := make(chan time.Time, 1)
	go func() { time.Sleep(time.Millisecond); ch <- time.Time{} }()
	return ch
}

// next returns the next recorded wait, or fails after 30 s.
func (g *gated) next(t *testing.T) time.Duration {
	t.Helper()
	select {
	case d := <-g.waits:
		return d
	case <-time.After(30 * time.Second):
		t.Fatal("the syncer asked for no further wait in 30 s")
		return 0
	}
}

// runUntil runs the syncer until cond holds for its status (or 60 s
// pass), then stops it.
func runUntil(t *testing.T, s *Syncer, cond func(Status) bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	stop := s.OnChange(func(st Status) {
		if cond(st) {
			cancel()
		}
	})
	defer stop()
	s.Run(ctx)
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("the condition did not hold within 60 s; status %+v", s.Status())
	}
}

func synced(st Status) bool { return st.Pending == 0 && st.LastError == "" && !st.LastSync.IsZero() }

// TestRunHonoursRetryAfterThenBacksOff: two 429s with Retry-After 7 are
// waited out for exactly 7 s each; three 503s without it back off with
// full jitter, the exponent counting every failure in a row; the queue then goes out without any new
// local write.
func TestRunHonoursRetryAfterThenBacksOff(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	addCases(t, st, 3, 1)
	var pushes atomic.Int64
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPost || r.URL.Path != protocol.PathEvents {
			return false
		}
		switch n := pushes.Add(1); {
		case n <= 2:
			w.Header().Set("Retry-After", "7")
			writeJSONTest(w, 429, protocol.Error{Code: protocol.CodeRateLimited, Message: "slow down"})
			return true
		case n <= 5:
			writeJSONTest(w, 503, protocol.Error{Code: protocol.CodeInternal, Message: "the platform is restarting"})
			return true
		}
		return false
	}
	sl := newGated(func(time.Duration) bool { return true })
	s := New(st, Options{After: sl.After, Backoff: Backoff{Base: 500 * time.Millisecond, Cap: time.Minute, Rand: func() float64 { return 0.5 }}})
	runUntil(t, s, synced)
	// Failures count on through the 429s: the 503s are the 3rd to 5th in
	// a row, so their ceilings are 2, 4 and 8 s, and half of each is waited.
	want := []time.Duration{7 * time.Second, 7 * time.Second, time.Second, 2 * time.Second, 4 * time.Second}
	for i, w := range want {
		if got := sl.next(t); got != w {
			t.Errorf("wait %d = %v, want %v", i, got, w)
		}
	}
	if n := pushes.Load(); n != 6 {
		t.Errorf("%d pushes, want 6 (five refused, then the good one)", n)
	}
	if f.events() == nil || len(f.events()) != 3 {
		t.Errorf("platform holds %d events, want 3", len(f.events()))
	}
}

// TestRunRetriesAtOnceWhenPlatformReturns: while the platform is down the
// backoff timer is set far away (and never fires here); the health probe
// sees the platform back and the queue goes out at once.
func TestRunRetriesAtOnceWhenPlatformReturns(t *testing.T) {
	p := startPlatform(t, storage{"bolt", openBolt})
	dev, _ := p.device(protocol.RoleKiosk, p.URL())
	ids := addCases(t, dev, 10, 1)
	p.stop()
	const probe = 10 * time.Millisecond
	sl := newGated(func(d time.Duration) bool { return d <= probe })
	s := New(dev, Options{After: sl.After, ProbeEvery: probe, Interval: time.Hour,
		Backoff: Backoff{Base: time.Hour, Cap: time.Hour, Rand: func() float64 { return 0.99 }}})
	var probes atomic.Int64
	go func() {
		for d := range sl.waits {
			if d == probe && probes.Add(1) == 5 {
				p.start() // back after a few failed probes
			}
		}
	}()
	var mu sync.Mutex
	var mixed []Status // online, yet still saying the platform cannot be reached
	defer s.OnChange(func(st Status) {
		mu.Lock()
		defer mu.Unlock()
		if st.Online && st.LastError != "" {
			mixed = append(mixed, st)
		}
	})()
	runUntil(t, s, synced)
	if probes.Load() < 5 {
		t.Errorf("only %d probes before the platform came back", probes.Load())
	}
	mu.Lock()
	if len(mixed) > 0 {
		t.Errorf("the status said online with the old error %q", mixed[0].LastError)
	}
	mu.Unlock()
	p.checkExactlyOnce(ids)
}

// TestRunNudge: a new local event goes out at once after a nudge, not at
// the next interval.
func TestRunNudge(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	sl := newGated(func(time.Duration) bool { return false })
	s := New(st, Options{After: sl.After, Interval: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	if d := sl.next(t); d != time.Hour {
		t.Fatalf("first wait %v, want the interval", d)
	}
	addCases(t, st, 1, 1)
	s.Nudge()
	if d := sl.next(t); d != time.Hour {
		t.Fatalf("wait after the nudge %v, want the interval", d)
	}
	if n := len(f.events()); n != 1 {
		t.Errorf("platform holds %d events after the nudge, want 1", n)
	}
}

// TestRunNeedsEnrollmentWaits: after a 401 the syncer keeps waiting the
// interval without calling the platform, and keeps the data.
func TestRunNeedsEnrollmentWaits(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	addCases(t, st, 4, 1)
	f.revokeAll()
	var calls atomic.Int64
	f.Intercept = func(http.ResponseWriter, *http.Request) bool { calls.Add(1); return false }
	sl := newGated(func(time.Duration) bool { return true })
	s := New(st, Options{After: sl.After})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	for i := range 5 {
		if d := sl.next(t); d != 5*time.Second {
			t.Errorf("wait %d after a 401 = %v, want the 5 s interval", i, d)
		}
	}
	cancel()
	<-done
	if n := calls.Load(); n != 1 {
		t.Errorf("%d calls to the platform over 5 rounds, want only the first", n)
	}
	if got := s.Status(); !got.NeedsEnrollment || got.Pending != 4 {
		t.Errorf("status = %+v", got)
	}
	mustPending(t, st, 4)
}

// TestStatusChanges: subscribers hear each change once and can leave.
func TestStatusChanges(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	addCases(t, st, 2, 1)
	s := New(st, Options{})
	if got := s.Status(); got.Pending != 2 || !got.Enrolled || got.Online {
		t.Errorf("status before any round = %+v", got)
	}
	var seen []Status
	stop := s.OnChange(func(st Status) { seen = append(seen, st) })
	s.Once(testContext(t))
	s.Once(testContext(t)) // nothing changes but LastSync
	stop()
	s.Once(testContext(t))
	if len(seen) != 2 || seen[0].Pending != 0 || !seen[0].Online {
		t.Errorf("changes seen = %+v", seen)
	}
	saved, err := ReadStatus(st)
	if err != nil || saved.LastSync.IsZero() || saved.Pending != 0 || !saved.Enrolled {
		t.Errorf("ReadStatus = %+v, %v", saved, err)
	}
}
