package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tongban/sync/protocol"
)

// loseFirstEnrollReply is a transport whose first enrollment reaches the
// platform but whose reply is lost, as when the device is killed or the
// network drops after the platform committed.
type loseFirstEnrollReply struct{ lost atomic.Bool }

func (l *loseFirstEnrollReply) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil && r.URL.Path == protocol.PathEnroll && l.lost.CompareAndSwap(false, true) {
		resp.Body.Close()
		return nil, errors.New("connection reset by peer (the test lost the reply)")
	}
	return resp, err
}

// TestEnrollLostReplyRedeemsAgain: a device whose enrollment reply was
// lost enrolls again with the same code and gets its identity (its
// redemption proof matches); someone who knows the code and the device's
// ID (public in its center) but not its secret is refused.
func TestEnrollLostReplyRedeemsAgain(t *testing.T) {
	eachStorage(t, func(t *testing.T, s storage) {
		p := startPlatform(t, s)
		st := openDevice(t, t.TempDir())
		before, _ := st.Identity()
		code := p.code(protocol.RoleKiosk)
		if _, err := enroll(testContext(t), p.URL(), code, "", st, &loseFirstEnrollReply{}); !errors.Is(err, ErrUnreachable) {
			t.Fatalf("enrollment with its reply lost: %v, want unreachable", err)
		}
		if secret, _ := st.Get(KeyDeviceSecret); len(secret) != 64 {
			t.Fatalf("the device secret after the first attempt = %q, want 64 hex digits saved before the request", secret)
		}
		e, err := EnrollDevice(testContext(t), p.URL(), strings.ToLower(code), "", st)
		if err != nil {
			t.Fatalf("enrolling again with the code whose reply was lost: %v", err)
		}
		if e.Identity.DeviceID != before.DeviceID || e.Identity.ShortCode != "K01" {
			t.Fatalf("identity after redeeming again = %+v, want device %s as K01", e.Identity, before.DeviceID)
		}
		for _, forged := range []protocol.EnrollRequest{
			{Code: code, DeviceID: before.DeviceID},
			{Code: code, DeviceID: before.DeviceID, RedemptionProof: redemptionProof(make([]byte, 32), code)},
		} {
			body, _ := json.Marshal(forged)
			resp, err := http.Post(p.URL()+protocol.PathEnroll, "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden || !bytes.Contains(raw, []byte("already been used")) {
				t.Fatalf("a forged redeem %s: %d %s, want 403 already used", body, resp.StatusCode, raw)
			}
		}
		if _, err := New(st, Options{}).Once(testContext(t)); err != nil {
			t.Fatalf("the device after the forged redeems: %v; want its token working", err)
		}
	})
}

// TestMovedDeviceSendsItsCases: a kiosk that numbered cases as K01 on one
// platform moves to another, where another kiosk is K01 already. Its old
// cases are refused there, each with the reason: their numbers would
// clash with that K01's (a declared former code is taken only while no
// device of the center numbers with it); its new cases carry its new
// short code and are stored. A demo kiosk that keeps its cases sends them.
func TestMovedDeviceSendsItsCases(t *testing.T) {
	eachStorage(t, func(t *testing.T, s storage) {
		old, next := startPlatform(t, s), startPlatform(t, s)
		st, _ := old.device(protocol.RoleKiosk, old.URL())
		made := addCases(t, st, 3, 1)
		if rep, err := New(st, Options{}).Once(testContext(t)); err != nil || rep.Pushed != 3 {
			t.Fatalf("on the old platform: %+v, %v", rep, err)
		}
		local, _ := next.device(protocol.RoleKiosk, next.URL()) // K01 of the new platform
		theirs := addCases(t, local, 1, 1)
		if _, err := New(local, Options{}).Once(testContext(t)); err != nil {
			t.Fatal(err)
		}

		e, err := EnrollDevice(testContext(t), next.URL(), next.code(protocol.RoleKiosk), "", st)
		if err != nil || !e.Moved || e.Requeued != 3 || e.Identity.ShortCode != "K02" {
			t.Fatalf("moving: %+v, %v; want moved as K02 with 3 requeued", e, err)
		}
		var former []string
		if err := st.GetJSON(KeyFormerCodes, &former); err != nil || !slices.Equal(former, []string{"K01"}) {
			t.Fatalf("former codes saved = %q, %v; want [K01]", former, err)
		}
		made = append(made, addCases(t, st, 1, 1)...) // numbered K02
		rep, err := New(st, Options{}).Once(testContext(t))
		if err != nil || rep.Pushed != 1 || rep.Rejected != 3 || rep.Pending != 0 {
			t.Fatalf("the moved device's sync: %+v, %v; want its new case stored and its 3 K01 cases refused", rep, err)
		}
		parked, err := st.Rejected()
		if err != nil || len(parked) != 3 || !strings.Contains(parked[0].Reason, "declared its former short code") {
			t.Fatalf("parked = %+v, %v; want the 3 old cases refused as clashing with this platform's K01", parked, err)
		}
		count, _ := next.stored()
		for _, id := range append(made[3:], theirs...) {
			if count[id] != 1 {
				t.Errorf("the new platform holds event %s %d times, want once", id, count[id])
			}
		}

		demo := openDevice(t, t.TempDir())
		if id, _ := demo.Identity(); len(id.ShortCode) != 4 || id.ShortCode[0] != 'X' {
			t.Fatalf("a demo identity has short code %q, want X and 3 characters", id.ShortCode)
		}
		kept := addCases(t, demo, 2, 1)
		if _, err := EnrollDevice(testContext(t), next.URL(), next.code(protocol.RoleKiosk), "", demo); err != nil {
			t.Fatal(err)
		}
		if rep, err := New(demo, Options{}).Once(testContext(t)); err != nil || rep.Pushed != 2 || rep.Rejected != 0 {
			t.Fatalf("the demo kiosk's kept cases: %+v, %v; want both stored", rep, err)
		}
		count, _ = next.stored()
		if count[kept[0]] != 1 || count[kept[1]] != 1 {
			t.Errorf("the new platform lacks the demo kiosk's cases: %v", count)
		}
	})
}

// TestStorageDownWaits: a platform whose database does not answer
// (503 storage_unavailable) fails a round with a sentence that says so;
// the status keeps its code, the queue stays, and the syncer probes the
// platform's health to send the queue as soon as the database answers.
func TestStorageDownWaits(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	addCases(t, st, 2, 1)
	var down atomic.Bool
	down.Store(true)
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if !down.Load() {
			return false
		}
		writeJSONTest(w, 503, protocol.Error{Code: protocol.CodeStorageDown,
			Message: "the platform runs but its database does not answer; tell the platform administrator, and try again later (a device tries again by itself and loses nothing)"})
		return true
	}
	s := New(st, Options{})
	_, err := s.Once(testContext(t))
	if !errors.Is(err, ErrStorageDown) || !strings.Contains(err.Error(), "数据库没有应答") || !strings.Contains(err.Error(), "database does not answer") {
		t.Fatalf("a round with the platform's database down: %v, want ErrStorageDown saying the database does not answer", err)
	}
	if got := s.Status(); got.LastErrorCode != protocol.CodeStorageDown || got.Online || got.Pending != 2 {
		t.Fatalf("status = %+v, want the code %s, offline, 2 pending", got, protocol.CodeStorageDown)
	}
	if saved, _ := ReadStatus(st); saved.LastErrorCode != protocol.CodeStorageDown {
		t.Fatalf("saved status = %+v, want the code %s for tongban status", saved, protocol.CodeStorageDown)
	}

	const probe = 10 * time.Millisecond
	sl := newGated(func(d time.Duration) bool { return d <= probe })
	s = New(st, Options{After: sl.After, ProbeEvery: probe, Interval: time.Hour,
		Backoff: Backoff{Base: time.Hour, Cap: time.Hour, Rand: func() float64 { return 0.99 }}})
	var probes atomic.Int64
	go func() {
		for d := range sl.waits {
			if d == probe && probes.Add(1) == 3 {
				down.Store(false) // the database answers again
			}
		}
	}()
	runUntil(t, s, synced)
	if got := s.Status(); got.LastErrorCode != "" || len(f.events()) != 2 {
		t.Fatalf("after the database came back: status %+v, platform holds %d events; want no error code and 2 events", got, len(f.events()))
	}

}

// TestEnrollMayHaveArrived: a command that made a store for a failed
// enrollment may remove it only when the request surely did not reach the
// platform; a lost reply keeps it, so the retry redeems the code.
func TestEnrollMayHaveArrived(t *testing.T) {
	f := newFake(t)
	lost := func() error {
		st := openDevice(t, t.TempDir())
		_, err := enroll(testContext(t), f.URL(), "GOOD", "", st, &loseFirstEnrollReply{})
		return err
	}
	refused := func() error {
		_, err := Enroll(testContext(t), f.URL(), "  ", "", openDevice(t, t.TempDir()))
		return err
	}
	nobody := func() error {
		_, err := Enroll(testContext(t), "http://127.0.0.1:1", "GOOD", "", openDevice(t, t.TempDir()))
		return err
	}
	for _, tt := range []struct {
		name string
		err  error
		want bool
	}{
		{"the reply lost", lost(), true},
		{"no code typed", refused(), false},
		{"nobody listening", nobody(), false},
		{"the platform refused", &PlatformError{Status: 403, Code: protocol.CodeBadCode, Message: "used"}, false},
		{"a proxy's 502", &PlatformError{Status: 502}, true},
	} {
		if tt.err == nil {
			t.Fatalf("%s: the enrollment did not fail", tt.name)
		}
		if got := EnrollMayHaveArrived(tt.err); got != tt.want {
			t.Errorf("%s (%v): EnrollMayHaveArrived = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}
