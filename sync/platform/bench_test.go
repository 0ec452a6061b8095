package platform_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"syscall"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/platform/boltstore"
	"tongban/sync/platform/storetest"
	"tongban/sync/protocol"
)

// The push benchmarks send batches of 500 new events over HTTP on loopback
// into each storage, with fsync on: the throughput of one device whose
// outbox is full. Run with
//
//	go test -run XXX -bench Push -benchtime 100x ./sync/platform/
//
// (PostgreSQL needs TONGBAN_TEST_POSTGRES, see Makefile.postgres).
func BenchmarkPushBolt(b *testing.B) {
	store, err := boltstore.Open(b.TempDir(), boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	benchPush(b, store)
}

func BenchmarkPushPostgres(b *testing.B) { benchPush(b, storetest.Postgres(b)) }

func benchPush(b *testing.B, store platform.Storage) {
	h := newHarness(b, store, platform.Config{})
	dev := h.enroll(centerA, protocol.RoleKiosk)
	n := 0
	nextBody := func() []byte {
		events := make([]cases.Event, protocol.MaxPush)
		for i := range events {
			events[i] = newEvent(centerA, dev.DeviceID, n)
			n++
		}
		return pushBody(events...)
	}
	body := nextBody()
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	start, cpuStart := time.Now(), cpuTime()
	var paused, cpuPaused time.Duration
	for range b.N {
		resp, data := h.request("POST", protocol.PathEvents, dev.Token, body)
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("push: %d %s", resp.StatusCode, data)
		}
		b.StopTimer()
		t, c := time.Now(), cpuTime()
		body = nextBody() // the client's own cost, not the platform's
		paused, cpuPaused = paused+time.Since(t), cpuPaused+cpuTime()-c
		b.StartTimer()
	}
	elapsed := time.Since(start) - paused
	b.ReportMetric(float64(b.N*protocol.MaxPush)/elapsed.Seconds(), "events/s")
	// On a shared machine wall time swings with the load; the CPU this
	// process spent per batch (HTTP both ways, JSON, storage client, but
	// not PostgreSQL's own work) does not.
	b.ReportMetric(float64(cpuTime()-cpuStart-cpuPaused)/float64(b.N)/1e6, "cpu-ms/batch")
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// The pull benchmarks read a center's feed of 100,000 events from the
// start in pages of 5,000 over HTTP on loopback, as a new device does
// (without gzip, and without decoding the events on the reading side):
//
//	go test -run XXX -bench Pull -benchtime 5x ./sync/platform/
func BenchmarkPullBolt(b *testing.B) {
	store, err := boltstore.Open(b.TempDir(), boltstore.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	benchPull(b, store)
}

func BenchmarkPullPostgres(b *testing.B) { benchPull(b, storetest.Postgres(b)) }

func benchPull(b *testing.B, store platform.Storage) {
	const total = 100_000
	h := newHarness(b, store, platform.Config{})
	dev := h.enroll(centerA, protocol.RoleCounter)
	ctx := context.Background()
	for n := 0; n < total; {
		in := make([]platform.Incoming, 0, protocol.MaxPush)
		for range protocol.MaxPush {
			e := newEvent(centerA, dev.DeviceID, n)
			x, err := platform.NewIncoming(e.ID, e)
			if err != nil {
				b.Fatal(err)
			}
			in = append(in, x)
			n++
		}
		if _, err := store.Push(ctx, centerA, dev.DeviceID, time.Now(), in); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	var size int64
	for range b.N {
		after, got := "", 0
		for {
			resp, data := h.request("GET", fmt.Sprintf("%s?after=%s&limit=%d", protocol.PathEvents, after, protocol.MaxPull), dev.Token, nil,
				"Accept-Encoding", "identity")
			if resp.StatusCode != http.StatusOK {
				b.Fatalf("pull: %d %s", resp.StatusCode, data)
			}
			// Only the tail is parsed: the device's decoding is not the
			// platform's cost. Each event's JSON starts with its id.
			var page protocol.PullResponse
			tail := append([]byte("{"), data[bytes.LastIndex(data, []byte(`],"next":`))+2:]...)
			if err := json.Unmarshal(tail, &page); err != nil {
				b.Fatalf("page tail: %v", err)
			}
			got += bytes.Count(data, []byte(`{"id":"`))
			size += int64(len(data))
			if !page.More {
				break
			}
			after = page.Next
		}
		if got != total {
			b.Fatalf("pulled %d events, want %d", got, total)
		}
	}
	b.ReportMetric(float64(total*b.N)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(size)/float64(b.N), "bytes/feed")
}
