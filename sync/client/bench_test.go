package client

import (
	"context"
	"fmt"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// The sync benchmarks run the real platform on loopback, once per storage
// (PostgreSQL when TONGBAN_TEST_POSTGRES is set):
//
//	go test -run '^$' -bench . -benchtime 3x ./sync/client
//
// Targets: push at least 20,000 events/s end to end (outbox read → gzip
// → HTTP → platform storage → answers → acknowledge, fsync on both
// sides); pull 100,000 events into an empty device in at most 5 s. The CPU
// time used (device and platform together, the whole process) is reported
// beside the wall time, since a shared machine makes wall time wander.

// cpuTime is the CPU time this process (device and platform both) used so
// far: on a shared machine it tells cost apart from waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// syntheticDays counts the calls of syntheticEvents.
var syntheticDays atomic.Int64

// syntheticEvents makes n submitted events of center 130102, each a new
// case, as a kiosk would have made them: numbered with its short code,
// which the platform holds a submission's number to.
func syntheticEvents(n int, device, shortCode string) []cases.Event {
	// Each call's cases are of a day of their own: the platform holds a
	// case number to one case of the center, so a benchmark's later
	// batches must not reuse the numbers of its first. The days are past
	// ones: the platform refuses stamps more than an hour ahead of its clock.
	day := time.Date(2025, 1, 1, 9, 0, 0, 0, cases.Zone).AddDate(0, 0, int(syntheticDays.Add(1)))
	evs := make([]cases.Event, n)
	for i := range evs {
		sub := cases.Submission{ItemCode: "130102-SCJG-001", CatalogVersion: 1, Channel: cases.ChannelKiosk,
			Number: cases.FormatNumber(day, shortCode, i+1),
			Fields: map[string]string{"name": fmt.Sprintf("申请人%d", i), "phone": fmt.Sprintf("138%08d", i),
				"id_number": "130102199003071233"}, Materials: []int{0, 1}}
		e, err := cases.Submitted(sub, "130102", device, cases.Stamp{Wall: day.UnixMilli() + int64(i)})
		if err != nil {
			panic(err)
		}
		evs[i] = e
	}
	return evs
}

// BenchmarkPush pushes 10,000 events an iteration from one device's outbox
// to the platform. The events are put in the outbox (as cases rebuilt from
// receipts, which go out like any other) outside the timer.
func BenchmarkPush(b *testing.B) {
	for _, st := range storages(b) {
		b.Run(st.name, func(b *testing.B) {
			const perOp = 10_000
			p := startPlatform(b, st)
			dev, _ := p.device(protocol.RoleKiosk, p.URL())
			id, _ := dev.Identity()
			s := New(dev, Options{})
			a, err := s.client()
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			var total, cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				fillOutbox(b, dev, syntheticEvents(perOp, id.DeviceID, id.ShortCode))
				b.StartTimer()
				t0, c0 := time.Now(), cpuTime()
				var rep Report
				if err := s.push(ctx, a, &rep); err != nil || rep.Pushed != perOp {
					b.Fatalf("push: %+v, %v", rep, err)
				}
				total += time.Since(t0)
				cpu += cpuTime() - c0
			}
			b.ReportMetric(float64(perOp*b.N)/total.Seconds(), "events/s")
			b.ReportMetric(float64(cpu.Microseconds())/float64(perOp*b.N), "cpu-µs/event")
		})
	}
}

func fillOutbox(b testing.TB, dev *store.Store, evs []cases.Event) {
	dev.SetNoSync(true)
	defer dev.SetNoSync(false)
	for i := 0; i < len(evs); i += 5000 {
		if _, err := dev.Import(evs[i:min(i+5000, len(evs))], true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPull100k pulls a center's feed of 100,000 events (each a new
// case) into an empty device store: the first sync of a new counter.
func BenchmarkPull100k(b *testing.B) {
	for _, st := range storages(b) {
		b.Run(st.name, func(b *testing.B) {
			const n = 100_000
			p := startPlatform(b, st)
			loader, _ := p.device(protocol.RoleKiosk, p.URL())
			lid, _ := loader.Identity()
			preload(b, p.storage, lid.DeviceID, syntheticEvents(n, lid.DeviceID, lid.ShortCode))
			ctx := context.Background()
			var total, cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				dev, _ := p.device(protocol.RoleCounter, p.URL())
				s := New(dev, Options{})
				a, err := s.client()
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				t0, c0 := time.Now(), cpuTime()
				var rep Report
				if err := s.pull(ctx, a, &rep); err != nil || rep.Pulled != n {
					b.Fatalf("pull: %+v, %v", rep, err)
				}
				total += time.Since(t0)
				cpu += cpuTime() - c0
				b.StopTimer()
				dev.Close()
				b.StartTimer()
			}
			b.ReportMetric(total.Seconds()/float64(b.N), "s/pull")
			b.ReportMetric(float64(n*b.N)/total.Seconds(), "events/s")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/pull")
		})
	}
}

// preload stores events straight into the platform's storage.
func preload(b *testing.B, s platform.Storage, device string, evs []cases.Event) {
	for i := 0; i < len(evs); i += protocol.MaxPull {
		var in []platform.Incoming
		for _, e := range evs[i:min(i+protocol.MaxPull, len(evs))] {
			x, err := platform.NewIncoming(e.ID, e)
			if err != nil {
				b.Fatal(err)
			}
			in = append(in, x)
		}
		if _, err := s.Push(context.Background(), "130102", device, time.Now(), in); err != nil {
			b.Fatal(err)
		}
	}
}
