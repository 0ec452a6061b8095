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
		{"sequence zero", `{"number":"260302-K01-0000"}`, []string{`"260302-K01-0000"`, "sequence 0000", "never print"}},
		{"five digits, leading zero", `{"number":"260302-K01-00042"}`, []string{"sequence 00042", "never print"}},
		{"six digits, leading zero", `{"number":"260302-K01-012345"}`, []string{"sequence 012345", "never print"}},
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
// holds it; the rest of the push is stored. A number with a short code
// no device here holds, dated before the device enrolled, is taken as it
// is: a device that moved platform pushes its old cases with their old
// numbers (TestPushRefusesAnotherDevicesNumber has the rest).
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

// TestPushRefusesAnotherDevicesNumber: a submission's number carries the
// short code of the device that made it (for a submission a counter
// relays, the kiosk), else the push fails with a 422 naming the event and
// both short codes, and nothing is stored. A number dated before the
// device enrolled here, with a short code no device of the center holds,
// is one it gave on an earlier platform or role, and is taken; so is one
// with a short code the platform never gives (a demo identity's X7K).
func TestPushRefusesAnotherDevicesNumber(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		k1 := h.enroll(centerA, protocol.RoleKiosk)
		h.enroll(centerA, protocol.RoleKiosk)
		k3 := h.enroll(centerA, protocol.RoleKiosk)
		counter := h.enroll(centerA, protocol.RoleCounter)
		if k1.ShortCode != "K01" || k3.ShortCode != "K03" || counter.ShortCode != "C01" {
			t.Fatalf("short codes %s, %s, %s; want K01, K03, C01", k1.ShortCode, k3.ShortCode, counter.ShortCode)
		}
		numbered := func(device, number string) cases.Event {
			e := newEvent(centerA, device, 1)
			e.Payload = json.RawMessage(`{"number":"` + number + `","item_code":"X","catalog_version":1,"fields":{},"channel":"kiosk"}`)
			return e
		}
		refused := []struct {
			name, token string
			event       cases.Event
			says        []string
		}{
			{"K03 numbering with K01", k3.Token, numbered(k3.DeviceID, "260302-K01-9999"), []string{"260302-K01-9999", "K03", "carries K01, the short code of device " + k1.DeviceID}},
			{"K03 with K01, dated before it enrolled", k3.Token, numbered(k3.DeviceID, "250101-K01-0001"), []string{"carries K01, the short code of device"}},
			{"K03 with a free short code, dated the day it enrolled", k3.Token, numbered(k3.DeviceID, "260302-K77-0001"), []string{"carries K77", "no earlier than the day the device enrolled here with K03"}},
			{"a relayed kiosk case numbered with the counter's code", counter.Token, numbered(k1.DeviceID, "260302-C01-0001"), []string{k1.DeviceID + " (short code K01)", "carries C01, the short code of device " + counter.DeviceID}},
		}
		for _, tt := range refused {
			good := newEvent(centerA, k3.DeviceID, 2)
			token := tt.token
			if token == counter.Token {
				good = newEvent(centerA, k1.DeviceID, 2) // the counter relays K01's cases
			}
			resp, data := h.request("POST", protocol.PathEvents, token, pushBody(good, tt.event))
			e := errorBody(t, data)
			if resp.StatusCode != http.StatusUnprocessableEntity || e.Code != protocol.CodeBadEvent || e.EventID != tt.event.ID {
				t.Fatalf("%s: %d %+v, want 422 %s naming %s", tt.name, resp.StatusCode, e, protocol.CodeBadEvent, tt.event.ID)
			}
			for _, w := range append(tt.says, "index 1") {
				if !strings.Contains(e.Message, w) {
					t.Errorf("%s: sentence %q does not mention %q", tt.name, e.Message, w)
				}
			}
			if n := h.feedCount(centerA); n != 0 {
				t.Fatalf("%s: a refused push stored %d events", tt.name, n)
			}
		}
		// Its own number, an earlier platform's number with a short code no
		// device here holds, a demo identity's number (enroll --keep-cases)
		// and a relayed kiosk case with the kiosk's number.
		h.push(k3.Token, []cases.Event{numbered(k3.DeviceID, "260302-K03-10000"), numbered(k3.DeviceID, "250101-K77-0001"),
			numbered(k3.DeviceID, "260302-X7K-0001")})
		h.push(counter.Token, []cases.Event{numbered(k1.DeviceID, "260302-K01-0001")})
		if n := h.feedCount(centerA); n != 4 {
			t.Fatalf("the feed holds %d events, want the 4 numbered by their makers", n)
		}
	})
}
