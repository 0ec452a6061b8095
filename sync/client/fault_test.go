package client

import (
	"context"
	"sync"
	"testing"
	"time"

	"tongban/sync/faultproxy"
	"tongban/sync/protocol"
)

// TestExactlyOnceThroughFaults pushes 20,000 events (5,000 cases made with
// Submit and Act) through a proxy that drops, resets, delays, answers 5xx
// and 429, and loses replies after the platform committed. Every event
// must be on the platform exactly once and the outbox must end empty.
func TestExactlyOnceThroughFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("20,000 events through the fault proxy; skipped with -short")
	}
	eachStorage(t, func(t *testing.T, st storage) {
		p := startPlatform(t, st)
		proxy, err := faultproxy.Start(p.URL(), faultproxy.Config{Seed: 20_000})
		if err != nil {
			t.Fatal(err)
		}
		defer proxy.Close()
		dev, _ := p.device(protocol.RoleCounter, proxy.URL)
		ids := addCases(t, dev, 5000, 4)
		// Every fault once on the first pushes, then all of them at random.
		proxy.Script(faultproxy.LostReply, faultproxy.Drop, faultproxy.Reset, faultproxy.Unavailable,
			faultproxy.TooMany, faultproxy.BadGateway, faultproxy.Delay, faultproxy.LostReply)
		odds := faultproxy.All(0.05)
		odds.LostReply = 0.15 // the one that tests exactly-once the hardest
		proxy.SetOdds(odds)

		sleeper := newInstant()
		s := New(dev, Options{After: sleeper.After})
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		var once sync.Once
		stop := s.OnChange(func(st Status) {
			if st.Pending == 0 && st.LastError == "" && !st.LastSync.IsZero() {
				once.Do(cancel)
			}
		})
		defer stop()
		s.Run(ctx)
		if ctx.Err() == context.DeadlineExceeded {
			t.Fatalf("the outbox did not empty through the faults in 3 minutes; status %+v", s.Status())
		}
		mustPending(t, dev, 0)
		p.checkExactlyOnce(ids)
		counts := proxy.Counts()
		for f := faultproxy.Drop; f <= faultproxy.BadGateway; f++ {
			if counts[f] == 0 {
				t.Errorf("no request met %v: %v", f, counts)
			}
		}
		if rej, _ := dev.Rejected(); len(rej) != 0 {
			t.Errorf("%d events were parked as rejected, e.g. %+v", len(rej), rej[0])
		}
		t.Logf("faults met: %v", counts)
	})
}
