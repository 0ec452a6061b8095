package client

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/sync/protocol"
)

// savedDirectory reads the device directory a store holds.
func savedDirectory(t testing.TB, st *store.Store) cases.Directory {
	t.Helper()
	var dir cases.Directory
	if err := st.GetJSON(KeyDevices, &dir); err != nil {
		t.Fatalf("the saved device directory: %v", err)
	}
	return dir
}

// TestCounterLearnsAnotherCounter is the audit's finding: a counter that
// only acted on a case (it numbered none) used to stay a hex fragment on
// the other counters. Now the first counter's sync that pulls its event
// fetches the center's directory, which names it C02; later rounds do not
// fetch it again until it is an hour old.
func TestCounterLearnsAnotherCounter(t *testing.T) {
	eachStorage(t, func(t *testing.T, st storage) {
		p := startPlatform(t, st)
		ctx := testContext(t)
		kiosk, _ := p.device(protocol.RoleKiosk, p.URL())
		c01, _ := p.device(protocol.RoleCounter, p.URL())
		if dir := savedDirectory(t, c01); len(dir.Devices) != 2 || dir.Fetched.IsZero() {
			t.Fatalf("C01's directory after enrolling: %+v, want the kiosk and itself", dir)
		}
		ids := addCases(t, kiosk, 1, 1)
		if _, err := New(kiosk, Options{}).Once(ctx); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		log := &statusLog{path: protocol.PathDevices}
		s := New(c01, Options{Transport: log, Now: func() time.Time { return now }})
		if rep, err := s.Once(ctx); err != nil || rep.Pulled != 1 || rep.Devices != 0 || len(log.got) != 0 {
			t.Fatalf("C01's round that pulls the kiosk's case = %+v, %v, %d directory fetches; want no fetch (the kiosk is listed)", rep, err, len(log.got))
		}

		c02, _ := p.device(protocol.RoleCounter, p.URL())
		s2 := New(c02, Options{})
		if _, err := s2.Once(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := c02.Act(ids[0], cases.Action{Kind: cases.KindAccepted, Staff: "S002", Payload: cases.Acceptance{Received: []int{0}}}); err != nil {
			t.Fatal(err)
		}
		if rep, err := s2.Once(ctx); err != nil || rep.Pushed != 1 {
			t.Fatalf("C02 pushing its acceptance = %+v, %v", rep, err)
		}
		id2, _ := c02.Identity()
		if before := savedDirectory(t, c01).Name(id2.DeviceID, nil); before != cases.ShortDevice(id2.DeviceID) {
			t.Fatalf("C01 names C02 %q before syncing, want the end of its ID", before)
		}

		rep, err := s.Once(ctx)
		if err != nil || rep.Pulled != 1 || rep.Devices != 3 || rep.DeviceProblem != "" {
			t.Fatalf("C01's round that pulls C02's acceptance = %+v, %v; want the directory of 3 devices fetched", rep, err)
		}
		if got := savedDirectory(t, c01).Name(id2.DeviceID, nil); got != "C02" {
			t.Errorf("after the sync C01 names C02 %q", got)
		}
		if len(log.got) != 1 || log.last() != http.StatusOK {
			t.Errorf("directory fetches answered %v, want one 200", log.got)
		}

		now = now.Add(59 * time.Minute)
		if rep, _ := s.Once(ctx); rep.Devices != 0 || len(log.got) != 1 {
			t.Errorf("a round with nothing new fetched the directory again (%+v, %d fetches)", rep, len(log.got))
		}
		now = now.Add(2 * time.Minute)
		if rep, _ := s.Once(ctx); rep.Devices != 3 || len(log.got) != 2 {
			t.Errorf("the directory an hour old was not fetched again (%+v, %d fetches)", rep, len(log.got))
		}
	})
}

// TestDirectoryFailureKeepsTheRound: a platform that cannot give the
// directory fails neither the enrollment nor the round; the report says
// why, the device keeps what it had, and asks again only after a pause
// however many unknown devices the feed brings meanwhile. A platform
// from before the directory (404) is asked hourly and says nothing.
func TestDirectoryFailureKeepsTheRound(t *testing.T) {
	f := newFake(t)
	var calls atomic.Int32
	var serve atomic.Int32 // 0: fail with 500, 1: answer, 2: 404
	var list []protocol.CenterDevice
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != protocol.PathDevices {
			return false
		}
		calls.Add(1)
		switch serve.Load() {
		case 0:
			writeJSONTest(w, 500, protocol.Error{Code: protocol.CodeInternal, Message: "the platform failed"})
		case 1:
			writeJSONTest(w, 200, protocol.DevicesResponse{Devices: list})
		default:
			return false // the fake has no such call
		}
		return true
	}
	ctx := testContext(t)
	a, b := openDevice(t, t.TempDir()), openDevice(t, t.TempDir())
	idA, err := Enroll(ctx, f.URL(), "GOOD", "", a)
	if err != nil {
		t.Fatalf("Enroll while the directory fails: %v", err)
	}
	if raw, _ := a.Get(KeyDevices); raw != nil {
		t.Fatalf("a directory was saved from a failed fetch: %s", raw)
	}
	idB, err := Enroll(ctx, f.URL(), "GOOD", "", b)
	if err != nil {
		t.Fatal(err)
	}
	sb := New(b, Options{})
	addCases(t, b, 1, 1)
	if _, err := sb.Once(ctx); err != nil {
		t.Fatal(err)
	}

	now := time.Now()
	s := New(a, Options{Now: func() time.Time { return now }})
	calls.Store(0)
	rep, err := s.Once(ctx)
	if err != nil || rep.Pulled != 1 || rep.DeviceProblem == "" || rep.Devices != 0 || calls.Load() != 1 {
		t.Fatalf("a round whose directory fetch fails = %+v, %v (%d fetches); want the round done and the problem said", rep, err, calls.Load())
	}
	addCases(t, b, 1, 1)
	sb.Once(ctx)
	now = now.Add(4 * time.Minute)
	if rep, err := s.Once(ctx); err != nil || rep.Pulled != 1 || calls.Load() != 1 {
		t.Fatalf("a round within the pause = %+v, %v, %d fetches; want no new fetch", rep, err, calls.Load())
	}

	list = []protocol.CenterDevice{{ID: idA.DeviceID, Role: "kiosk", ShortCode: idA.ShortCode}, {ID: idB.DeviceID, Role: "kiosk", ShortCode: idB.ShortCode}}
	serve.Store(1)
	now = now.Add(2 * time.Minute)
	if rep, err := s.Once(ctx); err != nil || rep.Devices != 2 || rep.DeviceProblem != "" || calls.Load() != 2 {
		t.Fatalf("the round after the pause = %+v, %v, %d fetches; want the directory", rep, err, calls.Load())
	}
	if got := savedDirectory(t, a).Name(idB.DeviceID, nil); got != idB.ShortCode {
		t.Errorf("the other device is named %q, want %q", got, idB.ShortCode)
	}

	serve.Store(2)
	now = now.Add(time.Hour)
	if rep, err := s.Once(ctx); err != nil || rep.DeviceProblem != "" || calls.Load() != 3 {
		t.Fatalf("a round on a platform without the directory = %+v, %v, %d fetches; want it asked once, quietly", rep, err, calls.Load())
	}
	if got := savedDirectory(t, a).Name(idB.DeviceID, nil); got != idB.ShortCode {
		t.Errorf("after a 404 the other device is named %q, want the saved %q", got, idB.ShortCode)
	}
	addCases(t, b, 1, 1)
	sb.Once(ctx)
	now = now.Add(30 * time.Minute)
	if _, err := s.Once(ctx); err != nil || calls.Load() != 3 {
		t.Fatalf("within the hour after a 404: %v, %d fetches; want none", err, calls.Load())
	}
}

// TestEnrollSavesTheDirectory: enrolling saves the center's devices; moving
// to another platform replaces them, and drops them when the new platform
// has none to give.
func TestEnrollSavesTheDirectory(t *testing.T) {
	f := newFake(t)
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != protocol.PathDevices {
			return false
		}
		writeJSONTest(w, 200, protocol.DevicesResponse{Devices: []protocol.CenterDevice{{ID: "dev-c02", Role: "counter", ShortCode: "C02"}}})
		return true
	}
	st := openDevice(t, t.TempDir())
	if _, err := Enroll(context.Background(), f.URL(), "GOOD", "", st); err != nil {
		t.Fatal(err)
	}
	if got := savedDirectory(t, st).Name("dev-c02", nil); got != "C02" {
		t.Fatalf("after enrolling, dev-c02 is named %q, want C02", got)
	}
	other := newFake(t) // another platform, without the directory
	if e, err := EnrollDevice(context.Background(), other.URL(), "GOOD", "", st); err != nil || !e.Moved {
		t.Fatalf("enrolling with another platform: %+v, %v; want a move", e, err)
	}
	if raw, _ := st.Get(KeyDevices); raw != nil {
		t.Errorf("the old platform's directory stayed after the move: %s", raw)
	}
}

// BenchmarkDirectoryNote is what the pull pays per page for noticing
// devices the directory lacks: a full page (protocol.MaxPull events) of a
// center whose 20 devices are all listed, in runs of 5 events each.
func BenchmarkDirectoryNote(b *testing.B) {
	d := directory{loaded: true, known: map[string]bool{}}
	devices := make([]string, 20)
	for i := range devices {
		devices[i] = cases.NewID()
		d.known[devices[i]] = true
	}
	page := make([]cases.Event, protocol.MaxPull)
	for i := range page {
		page[i].Device = devices[(i/5)%len(devices)]
	}
	for b.Loop() {
		d.note(page)
	}
	if len(d.unknown) != 0 {
		b.Fatalf("listed devices noted as unknown: %v", d.unknown)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(page)), "ns/event")
}
