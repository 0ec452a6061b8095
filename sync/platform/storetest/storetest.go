// Package storetest is the conformance suite every platform.Storage must
// pass: boltstore and pgstore run it from their tests, so the two behave
// the same for enrollment, the feed, case numbers, catalogs and staff.
package storetest

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// Opener makes a fresh, empty storage for one test; the suite closes it.
type Opener func(t testing.TB) platform.Storage

// Run runs every conformance test against storages made by open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, platform.Storage)
	}{
		{"EnrollNewDevices", testEnrollNewDevices},
		{"EnrollCodeRules", testEnrollCodeRules},
		{"Reenroll", testReenroll},
		{"RedeemAgain", testRedeemAgain},
		{"FormerCodes", testFormerCodes},
		{"Unavailable", testUnavailable},
		{"RevokeAndDevices", testRevokeAndDevices},
		{"Centers", testCenters},
		{"Touch", testTouch},
		{"Ping", testPing},
		{"PushOutcomes", testPushOutcomes},
		{"NumberTakenByStored", testNumberTakenByStored},
		{"NumberTakenInBatch", testNumberTakenInBatch},
		{"NumberSameCase", testNumberSameCase},
		{"NumbersCentersApart", testNumbersCentersApart},
		{"NumberRace", testNumberRace},
		{"PullPages", testPullPages},
		{"CursorAhead", testCursorAhead},
		{"CentersApart", testCentersApart},
		{"Catalogs", testCatalogs},
		{"ConcurrentEnroll", testConcurrentEnroll},
		{"ConcurrentPushPull", testConcurrentPushPull},
		{"Staff", testStaff},
		{"ConcurrentStaff", testConcurrentStaff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tt.fn(t, s)
		})
	}
}

var (
	ctx = context.Background()
	// t0 is the suite's clock: whole milliseconds in UTC, so times survive
	// every storage's round trip and compare with ==.
	t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
)

const (
	centerA = "130102"
	centerB = "130104"
)

// addCode saves a code valid for a day from t0 and returns its hash.
func addCode(t *testing.T, s platform.Storage, name, center, role string) string {
	t.Helper()
	h := platform.HashSecret(name)
	if err := s.AddCode(ctx, platform.Code{Hash: h, Center: center, Role: role, Created: t0, Expires: t0.Add(24 * time.Hour)}); err != nil {
		t.Fatalf("AddCode(%s): %v", name, err)
	}
	return h
}

// key returns a receipt key candidate whose ID says which enrollment made it.
func key(id string) protocol.ReceiptKey {
	k := sha256.Sum256([]byte(id))
	return protocol.ReceiptKey{ID: id, Key: k[:], Created: t0}
}

// enroll enrolls a device with a new code and returns it.
func enroll(t *testing.T, s platform.Storage, center, role, deviceID, token string) platform.Enrolled {
	t.Helper()
	code := addCode(t, s, "code-"+token, center, role)
	got, err := s.Enroll(ctx, platform.Enrollment{
		CodeHash: code, DeviceID: deviceID, Name: "device " + token,
		TokenHash: platform.HashSecret(token), At: t0.Add(time.Minute), Key: key("K" + token),
	})
	if err != nil {
		t.Fatalf("Enroll(%s, %s): %v", center, role, err)
	}
	return got
}

// event makes the canonical form of an event of a case in a center.
func event(t testing.TB, center, device, note string) platform.Incoming {
	t.Helper()
	id := cases.NewID()
	e := cases.Event{ID: id, CaseID: id, Center: center, Kind: cases.KindSubmitted, Device: device,
		Stamp: cases.Stamp{Wall: t0.UnixMilli()}, Payload: []byte(fmt.Sprintf(`{"note":%q}`, note))}
	in, err := platform.NewIncoming(id, e)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// pullAll reads a center's whole feed in pages of n and returns the event
// JSON in order, failing on a page that breaks the paging contract.
func pullAll(t *testing.T, s platform.Storage, center string, n int) []string {
	t.Helper()
	var out []string
	var after uint64
	for {
		p, err := s.Pull(ctx, center, after, n)
		if err != nil {
			t.Fatalf("Pull(%s, %d): %v", center, after, err)
		}
		if len(p.Events) > n {
			t.Fatalf("Pull(limit %d) returned %d events", n, len(p.Events))
		}
		if len(p.Events) == 0 && p.Next != after {
			t.Fatalf("empty page moved the cursor from %d to %d", after, p.Next)
		}
		if len(p.Events) > 0 && p.Next <= after {
			t.Fatalf("page of %d events left the cursor at %d (was %d)", len(p.Events), p.Next, after)
		}
		for _, e := range p.Events {
			out = append(out, string(e))
		}
		if !p.More {
			return out
		}
		if len(p.Events) == 0 {
			t.Fatalf("empty page says more events wait after %d", after)
		}
		after = p.Next
	}
}

func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("%s: error %v, want %v", what, err, want)
	}
}

// testPing: an open storage answers; a closed one says so.
func testPing(t *testing.T, s platform.Storage) {
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping of an open storage: %v", err)
	}
	s.Close()
	if err := s.Ping(ctx); err == nil {
		t.Fatal("Ping of a closed storage = nil, want an error")
	}
}
