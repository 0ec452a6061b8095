package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"testing"

	"tongban/app/cases"
	"tongban/sync/faultproxy"
	"tongban/sync/protocol"
)

// pageLog wraps a device store and records every page it applied.
type pageLog struct {
	Store
	applied []string // event IDs, in the order their pages were applied
	pages   int
	after   func() // called after each applied page
}

func (l *pageLog) ApplyPage(events []cases.Event, cursor string) ([]*cases.Case, int, error) {
	changed, added, err := l.Store.ApplyPage(events, cursor)
	if err == nil {
		l.pages++
		for _, e := range events {
			l.applied = append(l.applied, e.ID)
		}
		if l.after != nil {
			l.after()
		}
	}
	return changed, added, err
}

// TestPullInterruptedAfterEveryPage: a counter pulls a kiosk's 1,000
// events in pages of 100 while every page's successor request is dropped,
// or every page's reply is lost after the platform served it, or the round
// is cancelled after each applied page. The pages applied, put together,
// must be the platform's feed exactly: no gap, no repeat.
func TestPullInterruptedAfterEveryPage(t *testing.T) {
	eachStorage(t, func(t *testing.T, st storage) {
		p := startPlatform(t, st)
		kiosk, _ := p.device(protocol.RoleKiosk, p.URL())
		addCases(t, kiosk, 500, 2)
		if _, err := New(kiosk, Options{}).Once(testContext(t)); err != nil {
			t.Fatal(err)
		}
		_, feed := p.stored()
		isPull := func(r *http.Request) bool { return r.Method == http.MethodGet && r.URL.Path == protocol.PathEvents }

		for _, tt := range []struct {
			name  string
			fault faultproxy.Fault
		}{
			{"drop before the next page", faultproxy.Drop},
			{"reply lost after each page", faultproxy.LostReply},
			{"cut off mid-page", faultproxy.Reset},
			{"cancelled after each page", faultproxy.Pass},
		} {
			t.Run(tt.name, func(t *testing.T) {
				proxy, err := faultproxy.Start(p.URL(), faultproxy.Config{Match: isPull})
				if err != nil {
					t.Fatal(err)
				}
				defer proxy.Close()
				counter, _ := p.device(protocol.RoleCounter, proxy.URL)
				log := &pageLog{Store: counter}
				for range 40 { // a good page, then a fault, over and over
					proxy.Script(faultproxy.Pass, tt.fault)
				}
				s := New(log, Options{PullLimit: 100})
				rounds := 0
				for ; rounds < 100; rounds++ {
					ctx, cancel := context.WithCancel(context.Background())
					if tt.fault == faultproxy.Pass {
						log.after = cancel
					}
					_, err := s.Once(ctx)
					cancel()
					if err == nil {
						break
					}
					if !errors.Is(err, ErrUnreachable) && !errors.Is(err, context.Canceled) {
						t.Fatalf("round %d: %v", rounds, err)
					}
				}
				if !slices.Equal(log.applied, feed) {
					t.Fatalf("applied %d events in %d pages over %d rounds; the platform's feed has %d: %s",
						len(log.applied), log.pages, rounds, len(feed), firstDifference(log.applied, feed))
				}
				// (Go's transport retries an idempotent GET once by itself
				// when a reused connection breaks, so not every fault ends a
				// round; each must still have met a request.)
				if met := proxy.Counts()[tt.fault]; tt.fault != faultproxy.Pass && met < 5 {
					t.Errorf("only %d requests met %v; the faults did not bite", met, tt.fault)
				}
				if tt.fault == faultproxy.Pass && log.pages != rounds {
					t.Errorf("%d pages applied in %d rounds cancelled after each page", log.pages, rounds)
				}
				for _, id := range feed[:3] {
					if _, err := counter.Case(id); err == nil {
						return // submitted events are cases on the counter now
					}
				}
				t.Errorf("none of the first feed events is a case on the counter")
			})
		}
	})
}

func firstDifference(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return "first difference at " + itoa(i) + ": got " + got[i] + ", want " + want[i]
		}
	}
	return "one is a prefix of the other"
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }
