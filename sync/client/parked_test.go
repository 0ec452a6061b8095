package client

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// TestNamedBadEventsParkedRestArrive runs a kiosk against the real
// platform with two events in the middle of its outbox that the platform
// refuses as a whole push, naming each: a clerk's acceptance the kiosk
// made itself (403, a kiosk does not accept cases) and a submission from
// a "receipt" without a device (422). Both are parked with the platform's
// sentence; every other event arrives, once and in order, in one round.
func TestNamedBadEventsParkedRestArrive(t *testing.T) {
	eachStorage(t, func(t *testing.T, st storage) {
		p := startPlatform(t, st)
		dev, _ := p.device(protocol.RoleKiosk, p.URL())
		good := addCases(t, dev, 4, 2)
		accepted, err := dev.Act(good[0], cases.Action{Kind: cases.KindAccepted, Staff: "S001",
			Payload: cases.Acceptance{Received: []int{0}}})
		if err != nil {
			t.Fatal(err)
		}
		forged := accepted.Events[len(accepted.Events)-1].ID
		good = append(good, addCases(t, dev, 3, 1)...)
		id, _ := dev.Identity()
		noDevice, err := cases.Submitted(cases.Submission{Number: "260302-K09-0001", ItemCode: "X", Channel: cases.ChannelKiosk},
			id.Center, "", cases.Stamp{Wall: 1772413200000})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := dev.Import([]cases.Event{noDevice}, true); err != nil {
			t.Fatal(err)
		}
		good = append(good, addCases(t, dev, 3, 2)...)

		rep, err := New(dev, Options{}).Once(testContext(t))
		if err != nil {
			t.Fatalf("Once: %v", err)
		}
		if rep.Pushed != len(good) || rep.Rejected != 2 || rep.Pending != 0 {
			t.Errorf("report = %+v, want %d pushed, 2 rejected, none pending", rep, len(good))
		}
		rej, err := dev.Rejected()
		if err != nil {
			t.Fatal(err)
		}
		reasons := map[string]string{}
		for _, r := range rej {
			reasons[r.Event.ID] = r.Reason
		}
		want := map[string][]string{
			forged:      {"index", forged, "accepted", "kiosk"},
			noDevice.ID: {"index", noDevice.ID, "no device"},
		}
		if len(reasons) != len(want) {
			t.Errorf("parked %v, want the acceptance and the submission without a device", reasons)
		}
		for id, words := range want {
			if !hasHan(reasons[id]) {
				t.Errorf("event %s parked with %q, want a Chinese sentence first", id, reasons[id])
			}
			for _, w := range words {
				if !strings.Contains(reasons[id], w) {
					t.Errorf("event %s parked with %q, want the platform's sentence mentioning %q", id, reasons[id], w)
				}
			}
		}
		p.checkExactlyOnce(good)
		if _, order := p.stored(); !slices.Equal(order, good) {
			t.Errorf("the platform holds the events in another order than they were made")
		}
	})
}

// TestNamedEventParkedAtOnce: a platform that refuses a push for one
// event it names costs that event and one more request, not a split.
func TestNamedEventParkedAtOnce(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	ids := addCases(t, st, 50, 2)
	bad := ids[61]
	pushes := refuseWhole(t, f, bad, func(w http.ResponseWriter, i int) {
		writeJSONTest(w, http.StatusForbidden, protocol.Error{Code: protocol.CodeForbiddenEvent, EventID: bad,
			Message: "the event at index " + strconv.Itoa(i) + " (ID " + bad + ") is of kind accepted, which a kiosk does not make"})
	})
	rep, err := New(st, Options{PushBatch: 100}).Once(testContext(t))
	if err != nil {
		t.Fatalf("Once: %v", err)
	}
	if rep.Pushed != 99 || rep.Rejected != 1 || rep.Pending != 0 {
		t.Errorf("report = %+v, want 99 pushed, 1 rejected, none pending", rep)
	}
	if n := pushes.Load(); n != 2 {
		t.Errorf("%d pushes, want 2: the refused one and the rest at once", n)
	}
	rej, _ := st.Rejected()
	if len(rej) != 1 || rej[0].Event.ID != bad || !strings.Contains(rej[0].Reason, "which a kiosk does not make") {
		t.Errorf("parked = %+v, want %s with the platform's sentence", rej, bad)
	}
	got := f.events()
	want := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == bad })
	if len(got) != len(want) {
		t.Fatalf("platform holds %d events, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].ID != want[i] {
			t.Fatalf("platform event %d is %s, want %s: parking changed the order", i, got[i].ID, want[i])
		}
	}
}

// TestUnnamedRefusals: a 422 that names no event is split like a 400 to
// the one event it fails on; a 403 naming an event that was not sent or
// none, or a 401 or 429 even with a name, parks nothing and leaves the
// outbox as it was.
func TestUnnamedRefusals(t *testing.T) {
	t.Run("422 without a name is split", func(t *testing.T) {
		f := newFake(t)
		st := enrolled(t, f)
		ids := addCases(t, st, 20, 1)
		bad := ids[13]
		f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
			if r.Method != http.MethodPost || r.URL.Path != protocol.PathEvents {
				return false
			}
			req := decodePush(t, r)
			for _, e := range req.Events {
				if e.ID == bad {
					writeJSONTest(w, http.StatusUnprocessableEntity, protocol.Error{Code: protocol.CodeBadEvent, Message: "an event has no ID"})
					return true
				}
			}
			replay(t, f, w, r, req)
			return true
		}
		rep, err := New(st, Options{}).Once(testContext(t))
		if err != nil || rep.Pushed != 19 || rep.Rejected != 1 || rep.Pending != 0 {
			t.Fatalf("Once = %+v, %v; want 19 pushed and the bad one parked", rep, err)
		}
		if rej, _ := st.Rejected(); len(rej) != 1 || rej[0].Event.ID != bad {
			t.Errorf("parked = %+v, want %s", rej, bad)
		}
	})
	for _, tt := range []struct {
		name   string
		status int
		named  string
	}{
		{"a name that was not sent", http.StatusForbidden, cases.NewID()},
		{"a 403 without a name", http.StatusForbidden, ""},
		{"a 401 with a name", http.StatusUnauthorized, "first"},
		{"a 429 with a name", http.StatusTooManyRequests, "first"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			st := enrolled(t, f)
			ids := addCases(t, st, 5, 1)
			named := tt.named
			if named == "first" {
				named = ids[0]
			}
			f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
				if r.Method != http.MethodPost || r.URL.Path != protocol.PathEvents {
					return false
				}
				writeJSONTest(w, tt.status, protocol.Error{Code: protocol.CodeForbiddenEvent, EventID: named, Message: "refused"})
				return true
			}
			_, err := New(st, Options{}).Once(testContext(t))
			var pe *PlatformError
			switch {
			case tt.status == http.StatusUnauthorized:
				if !errors.Is(err, ErrNeedsEnrollment) {
					t.Fatalf("Once: %v, want %v", err, ErrNeedsEnrollment)
				}
			case !errors.As(err, &pe) || pe.Status != tt.status:
				t.Fatalf("Once: %v, want the platform's %d", err, tt.status)
			}
			if rej, _ := st.Rejected(); len(rej) != 0 {
				t.Errorf("parked %+v, want nothing", rej)
			}
			mustPending(t, st, len(ids))
		})
	}
}

// refuseWhole makes the fake platform answer every push that holds the
// event bad with refuse (given the event's index in the push), as a
// platform refuses a whole request for one event, and replay the others.
// It returns the count of pushes.
func refuseWhole(t *testing.T, f *fakePlatform, bad string, refuse func(w http.ResponseWriter, index int)) *atomic.Int64 {
	var pushes atomic.Int64
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPost || r.URL.Path != protocol.PathEvents {
			return false
		}
		pushes.Add(1)
		req := decodePush(t, r)
		for i, e := range req.Events {
			if e.ID == bad {
				refuse(w, i)
				return true
			}
		}
		replay(t, f, w, r, req)
		return true
	}
	return &pushes
}
