package pgstore_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/platform/pgstore"
	"tongban/sync/platform/storetest"
)

// BenchmarkPush stores batches of 500 new submissions straight into
// PostgreSQL, without HTTP: the storage's share of a push, and with
// numbers=false (the same events claiming no number) what keeping case
// numbers unique costs. Run with
//
//	go test -run '^$' -bench Push -benchtime 100x ./sync/platform/pgstore
//
// (TONGBAN_TEST_POSTGRES, see Makefile.postgres).
func BenchmarkPush(b *testing.B) {
	for _, numbered := range []bool{true, false} {
		name := "numbers=true"
		if !numbered {
			name = "numbers=false"
		}
		b.Run(name, func(b *testing.B) {
			s, err := pgstore.Open(context.Background(), storetest.FreshSchema(b))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			day, n := time.Date(2026, 3, 2, 12, 0, 0, 0, cases.Zone), 0
			batch := func() []platform.Incoming {
				in := make([]platform.Incoming, 500)
				for i := range in {
					n++
					id := cases.NewID()
					p, _ := json.Marshal(cases.Submission{Number: cases.FormatNumber(day.AddDate(0, 0, n/10000), "K01", n%10000),
						ItemCode: "X", Channel: cases.ChannelKiosk})
					e := cases.Event{ID: id, CaseID: id, Center: "130102", Kind: cases.KindSubmitted, Device: "d",
						Stamp: cases.Stamp{Wall: day.UnixMilli() + int64(n)}, Payload: p}
					if in[i], err = platform.NewIncoming(id, e); err != nil {
						b.Fatal(err)
					}
					if !numbered {
						in[i].Number = ""
					}
				}
				return in
			}
			next := batch()
			b.ResetTimer()
			for range b.N {
				got, err := s.Push(context.Background(), "130102", "d", time.Now(), next)
				if err != nil || got[0].Outcome != platform.Stored {
					b.Fatalf("push: %v, %v", got[0], err)
				}
				b.StopTimer()
				next = batch()
				b.StartTimer()
			}
		})
	}
}
