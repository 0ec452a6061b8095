package platform_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// TestPushRefusesBadCaseNumber: a submission without a case number, or
// with one not written as devices print it, fails the whole push with a
// 422 naming the event, and nothing of the push is stored.
func TestPushRefusesBadCaseNumber(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	dev := h.enroll(centerA, protocol.RoleKiosk)
	tests := []struct {
		name, payload string
		says          []string
	}{
		{"no number", `{"item_code":"X","fields":{},"channel":"kiosk"}`, []string{"no case number"}},
		{"empty number", `{"number":"","item_code":"X"}`, []string{"no case number"}},
		{"null number", `{"number":null,"item_code":"X"}`, []string{"no case number"}},
		{"not a number", `{"number":"HELLO","item_code":"X"}`, []string{`"HELLO"`, "not a case number", "261127-K01-0042"}},
		{"number in another letter case", `{"NUMBER":"HELLO"}`, []string{`"HELLO"`, "not a case number"}},
		{"lower case", `{"number":"260302-k01-0001"}`, []string{`"260302-k01-0001"`, "send it as 260302-K01-0001"}},
		{"spaces", `{"number":" 260302-K01-0001"}`, []string{`" 260302-K01-0001"`, "send it as 260302-K01-0001"}},
		{"no dashes", `{"number":"260302K010001"}`, []string{`"260302K010001"`, "send it as 260302-K01-0001"}},
		{"escaped", `{"number":"260302\u002dK01-0001 "}`, []string{`"260302-K01-0001 "`, "send it as 260302-K01-0001"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			good, bad := newEvent(centerA, dev.DeviceID, 1), newEvent(centerA, dev.DeviceID, 2)
			bad.Payload = json.RawMessage(tt.payload)
			resp, data := h.request("POST", protocol.PathEvents, dev.Token, pushBody(good, bad))
			e := errorBody(t, data)
			if resp.StatusCode != http.StatusUnprocessableEntity || e.Code != protocol.CodeBadEvent || e.EventID != bad.ID {
				t.Fatalf("%d %+v, want 422 %s naming %s", resp.StatusCode, e, protocol.CodeBadEvent, bad.ID)
			}
			for _, w := range append(tt.says, "index 1", bad.ID) {
				if !strings.Contains(e.Message, w) {
					t.Errorf("sentence %q does not mention %q", e.Message, w)
				}
			}
			if n := h.feedCount(centerA); n != 0 {
				t.Fatalf("a refused push stored %d events", n)
			}
		})
	}
}

// TestPushNumberTaken: a second case with a number the center has given
// already is rejected with a reason naming the number and the case that
// holds it; the rest of the push is stored. A number with another
// device's short code is taken as it is: a device that moved platform
// pushes its old cases with their old numbers.
func TestPushNumberTaken(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		kiosk := h.enroll(centerA, protocol.RoleKiosk)
		first := newEvent(centerA, kiosk.DeviceID, 1)
		moved := newEvent(centerA, kiosk.DeviceID, 2)
		moved.Payload = json.RawMessage(`{"number":"250101-K77-0001","item_code":"X","catalog_version":1,"fields":{},"channel":"kiosk"}`)
		if got := h.push(kiosk.Token, []cases.Event{first, moved}).Results; got[0].Status != protocol.Stored || got[1].Status != protocol.Stored {
			t.Fatalf("first push: %+v, want both stored", got)
		}
		var sub cases.Submission
		if err := json.Unmarshal(first.Payload, &sub); err != nil {
			t.Fatal(err)
		}
		twin, next := newEvent(centerA, kiosk.DeviceID, 3), newEvent(centerA, kiosk.DeviceID, 4)
		twin.Payload = first.Payload
		got := h.push(kiosk.Token, []cases.Event{twin, next, first}).Results
		if got[0].Status != protocol.Rejected || got[1].Status != protocol.Stored || got[2].Status != protocol.Duplicate {
			t.Fatalf("second push: %+v, want rejected, stored, duplicate", got)
		}
		for _, w := range []string{sub.Number, first.ID} {
			if !strings.Contains(got[0].Reason, w) {
				t.Errorf("reason %q does not mention %q", got[0].Reason, w)
			}
		}
		if n := h.feedCount(centerA); n != 3 {
			t.Fatalf("the feed holds %d events, want 3", n)
		}
	})
}
