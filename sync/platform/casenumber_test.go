package platform_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

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
// holds it; the rest of the push is stored. A device that declared K01 its
// former short code while a device of this center numbers with K01 takes
// no K01 number at all: the declaration alone would let it take the
// numbers K01 gives (the audit's forged enrollment), and a moved device's
// old K01 numbers would clash with this platform's K01's.
func TestPushNumberTaken(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		kiosk := h.enroll(centerA, protocol.RoleKiosk)
		first := newEvent(centerA, kiosk.DeviceID, 1)
		own := numberedBy(kiosk.DeviceID, "250101-K01-0001")
		if got := h.push(kiosk.Token, []cases.Event{first, own}).Results; got[0].Status != protocol.Stored || got[1].Status != protocol.Stored {
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
		moved := h.enrollWith(centerA, protocol.RoleKiosk, protocol.EnrollRequest{FormerCodes: []string{"K01"}})
		for _, number := range []string{"250101-K01-0002", time.Now().In(cases.Zone).Format("060102") + "-K01-0007"} {
			body, _ := json.Marshal(protocol.PushRequest{Events: []cases.Event{numberedBy(moved.DeviceID, number)}})
			resp, data := h.request("POST", protocol.PathEvents, moved.Token, body)
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(data), "declared its former short code") {
				t.Fatalf("%s from a device that declared K01 former while K01 is here: %d %s, want 422 naming the clash", number, resp.StatusCode, data)
			}
		}
		if n := h.feedCount(centerA); n != 3 {
			t.Fatalf("the feed holds %d events, want 3", n)
		}
	})
}

// numberedBy makes a submission of a new case by device with a number.
func numberedBy(device, number string) cases.Event {
	e := newEvent(centerA, device, 1)
	e.Payload = json.RawMessage(`{"number":"` + number + `","item_code":"X","catalog_version":1,"fields":{},"channel":"kiosk"}`)
	return e
}

// TestPushRefusesAnotherDevicesNumber: a submission's number carries the
// short code of the device that made it (for a submission a counter
// relays, the kiosk), or one of the former short codes it declared at
// enrollment for a case dated on or before the day it enrolled here; else
// the push fails with a 422 naming the event and the short codes, and
// nothing is stored. Another device's code is refused on any date, as is
// an undeclared demo code: K01 and C01 are on every platform.
func TestPushRefusesAnotherDevicesNumber(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		k1 := h.enroll(centerA, protocol.RoleKiosk)
		h.enroll(centerA, protocol.RoleKiosk)
		k3 := h.enrollWith(centerA, protocol.RoleKiosk, protocol.EnrollRequest{FormerCodes: []string{"X7KQ", "K77"}})
		counter := h.enroll(centerA, protocol.RoleCounter)
		if k1.ShortCode != "K01" || k3.ShortCode != "K03" || counter.ShortCode != "C01" {
			t.Fatalf("short codes %s, %s, %s; want K01, K03, C01", k1.ShortCode, k3.ShortCode, counter.ShortCode)
		}
		refused := []struct {
			name, token string
			event       cases.Event
			says        []string
		}{
			{"K03 numbering with K01", k3.Token, numberedBy(k3.DeviceID, "260302-K01-9999"), []string{"260302-K01-9999", "(short code K03)", "carries K01, another device's short code"}},
			{"K03 with K01, dated before it enrolled", k3.Token, numberedBy(k3.DeviceID, "250101-K01-0001"), []string{"carries K01, another device's short code"}},
			{"K03 with an undeclared demo code", k3.Token, numberedBy(k3.DeviceID, "260302-X9ZZ-0001"), []string{"carries X9ZZ, another device's short code"}},
			{"K03 with a former code, dated after it enrolled", k3.Token, numberedBy(k3.DeviceID, "260303-K77-0001"),
				[]string{"carries K77, a short code the device had before it enrolled here on 2026-03-02", "dated after that day"}},
			{"a relayed kiosk case numbered with the counter's code", counter.Token, numberedBy(k1.DeviceID, "260302-C01-0001"), []string{k1.DeviceID + " (short code K01)", "carries C01, another device's short code"}},
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
			for _, w := range append(tt.says, "index 1", "a device numbers") {
				if !strings.Contains(e.Message, w) {
					t.Errorf("%s: sentence %q does not mention %q", tt.name, e.Message, w)
				}
			}
			if n := h.feedCount(centerA); n != 0 {
				t.Fatalf("%s: a refused push stored %d events", tt.name, n)
			}
		}
		// Its own number on any date; its former codes up to the day it
		// enrolled (that day included), its demo code among them; a relayed
		// kiosk case with the kiosk's number, or the kiosk's former code.
		h.push(k3.Token, []cases.Event{numberedBy(k3.DeviceID, "260302-K03-10000"), numberedBy(k3.DeviceID, "270101-K03-0001"),
			numberedBy(k3.DeviceID, "250101-K77-0001"), numberedBy(k3.DeviceID, "260302-K77-0002"), numberedBy(k3.DeviceID, "260302-X7KQ-0001")})
		h.push(counter.Token, []cases.Event{numberedBy(k1.DeviceID, "260302-K01-0001"), numberedBy(k3.DeviceID, "260301-X7KQ-0002")})
		if n := h.feedCount(centerA); n != 7 {
			t.Fatalf("the feed holds %d events, want the 7 numbered by their makers", n)
		}
	})
}
