package platform_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// payloads are valid payloads of every kind, as the devices write them.
var payloads = map[cases.Kind]string{
	cases.KindAccepted:            `{"received":[0,1]}`,
	cases.KindSupplementRequested: `{"missing":[2]}`,
	cases.KindSupplementReceived:  `{"received":[2]}`,
	cases.KindRefused:             `{"reasons":["不属于本中心办理范围"]}`,
	cases.KindSuspended:           `{"reason":"现场核查"}`,
	cases.KindResumed:             `{"reason":"核查完毕"}`,
	cases.KindCompleted:           `{"approved":true}`,
	cases.KindWithdrawn:           `{"reason":"申请人撤回"}`,
	cases.KindResolved:            `{"chosen":"01900000-0000-7000-8000-000000000001"}`,
	cases.KindRated:               `{"level":5,"channel":"kiosk"}`,
	cases.KindPrinted:             `{"document":"receipt"}`,
	cases.KindRevealed:            `{"field":"id_number"}`,
	cases.KindCalled:              `{"ticket":"A001","window":"3"}`,
}

// eventOf makes a valid event of a kind on a case, by a device; a
// submitted event starts a new case.
func eventOf(kind cases.Kind, center, device, caseID string, n int) cases.Event {
	if kind == cases.KindSubmitted {
		return newEvent(center, device, n)
	}
	return cases.Event{ID: cases.NewID(), CaseID: caseID, Center: center, Kind: kind, Device: device,
		Staff: "S001", Stamp: cases.Stamp{Wall: 1772413200000 + int64(n)}, Parent: caseID,
		Payload: json.RawMessage(payloads[kind])}
}

// TestPushRules sends, from kiosks and counters, events an honest device
// makes and events it never makes (the audit's forgeries among them). A
// good push is stored; a push with one bad event fails as a whole with
// the status and code of its rule, a sentence naming the event by index
// and ID, the event's ID in event_id, and stores nothing.
func TestPushRules(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		k01 := h.enroll(centerA, protocol.RoleKiosk)
		k02 := h.enroll(centerA, protocol.RoleKiosk)
		c01 := h.enroll(centerA, protocol.RoleCounter)
		c02 := h.enroll(centerA, protocol.RoleCounter)
		kb := h.enroll(centerB, protocol.RoleKiosk)
		revoked := h.enroll(centerA, protocol.RoleKiosk)
		if _, err := h.admin.Revoke(t.Context(), revoked.DeviceID); err != nil {
			t.Fatal(err)
		}
		n := 0
		ev := func(kind cases.Kind, device string, change func(*cases.Event)) cases.Event {
			n++
			e := eventOf(kind, centerA, device, cases.NewID(), n)
			if change != nil {
				change(&e)
			}
			return e
		}
		by := func(who protocol.EnrollResponse) string { return who.DeviceID }

		const ok, bad, forbidden = http.StatusOK, http.StatusUnprocessableEntity, http.StatusForbidden
		tests := []struct {
			name   string
			from   protocol.EnrollResponse
			event  cases.Event
			status int
			says   string // a word the sentence must hold
		}{
			// What each role makes.
			{"kiosk submits", k01, ev(cases.KindSubmitted, by(k01), nil), ok, ""},
			{"kiosk rates", k01, ev(cases.KindRated, by(k01), nil), ok, ""},
			{"kiosk prints", k01, ev(cases.KindPrinted, by(k01), nil), ok, ""},
			{"counter accepts", c02, ev(cases.KindAccepted, by(c02), nil), ok, ""},
			{"counter asks for materials", c02, ev(cases.KindSupplementRequested, by(c02), nil), ok, ""},
			{"counter takes materials", c02, ev(cases.KindSupplementReceived, by(c02), nil), ok, ""},
			{"counter refuses", c02, ev(cases.KindRefused, by(c02), nil), ok, ""},
			{"counter suspends", c02, ev(cases.KindSuspended, by(c02), nil), ok, ""},
			{"counter resumes", c02, ev(cases.KindResumed, by(c02), nil), ok, ""},
			{"counter completes", c02, ev(cases.KindCompleted, by(c02), nil), ok, ""},
			{"counter withdraws", c02, ev(cases.KindWithdrawn, by(c02), nil), ok, ""},
			{"counter resolves", c02, ev(cases.KindResolved, by(c02), nil), ok, ""},
			{"counter rates", c02, ev(cases.KindRated, by(c02), nil), ok, ""},
			{"counter prints", c02, ev(cases.KindPrinted, by(c02), nil), ok, ""},
			{"counter reveals", c02, ev(cases.KindRevealed, by(c02), nil), ok, ""},
			{"counter calls", c02, ev(cases.KindCalled, by(c02), nil), ok, ""},
			{"counter submits by script", c02, ev(cases.KindSubmitted, by(c02), nil), ok, ""},
			// A counter passes on the submission of a scanned receipt.
			{"counter relays a kiosk's submission", c02, ev(cases.KindSubmitted, by(k01), nil), ok, ""},
			{"counter relays another counter's submission", c02, ev(cases.KindSubmitted, by(c01), nil), ok, ""},
			{"counter relays a revoked kiosk's submission", c02, ev(cases.KindSubmitted, by(revoked), nil), ok, ""},

			// The audit's forgeries.
			{"kiosk accepts as a counter", k01, ev(cases.KindAccepted, by(c01), nil), forbidden, by(c01)},
			{"kiosk completes as a counter", k01, ev(cases.KindCompleted, by(c01), nil), forbidden, by(c01)},
			{"kiosk accepts as itself", k01, ev(cases.KindAccepted, by(k01), nil), forbidden, "accepted"},
			{"kiosk completes as itself", k01, ev(cases.KindCompleted, by(k01), nil), forbidden, "completed"},
			{"kiosk reveals", k01, ev(cases.KindRevealed, by(k01), nil), forbidden, "revealed"},
			{"counter prints as a kiosk", c02, ev(cases.KindPrinted, by(k01), nil), forbidden, by(k01)},
			{"counter rates as a kiosk", c02, ev(cases.KindRated, by(k01), nil), forbidden, by(k01)},
			{"counter relays another center's kiosk", c02, ev(cases.KindSubmitted, by(kb), nil), forbidden, centerA},
			{"counter relays an unknown device", c02, ev(cases.KindSubmitted, cases.NewID(), nil), forbidden, "not a device"},
			{"kiosk relays", k01, ev(cases.KindSubmitted, by(k02), nil), forbidden, by(k02)},
			{"another center", k01, ev(cases.KindSubmitted, by(k01), func(e *cases.Event) { e.Center = centerB }), forbidden, centerB},
			{"no device", k01, ev(cases.KindSubmitted, "", nil), bad, "device"},
			{"no stamp", k01, ev(cases.KindSubmitted, by(k01), func(e *cases.Event) { e.Stamp = cases.Stamp{} }), bad, "stamp"},
			{"stamp before 1970", k01, ev(cases.KindSubmitted, by(k01), func(e *cases.Event) { e.Stamp.Wall = -5 }), bad, "stamp"},
			{"no payload", k01, ev(cases.KindSubmitted, by(k01), func(e *cases.Event) { e.Payload = nil }), bad, "payload"},
			{"null payload", k01, ev(cases.KindRated, by(k01), func(e *cases.Event) { e.Payload = json.RawMessage(`null`) }), bad, "payload"},
			{"nothing but an ID", k01, cases.Event{ID: cases.NewID(), CaseID: cases.NewID(), Center: centerA, Kind: cases.KindAccepted}, bad, "device"},

			// Malformed events.
			{"upper-case ID", k01, ev(cases.KindSubmitted, by(k01), func(e *cases.Event) { e.ID = strings.ToUpper(e.ID); e.CaseID = e.ID }), bad, "UUID"},
			{"no ID", k01, ev(cases.KindRated, by(k01), func(e *cases.Event) { e.ID = "" }), bad, "no id"},
			{"no case_id", k01, ev(cases.KindRated, by(k01), func(e *cases.Event) { e.CaseID = "" }), bad, "case_id"},
			{"case_id not a UUID", k01, ev(cases.KindRated, by(k01), func(e *cases.Event) { e.CaseID = "case-1" }), bad, "case-1"},
			{"no center", k01, ev(cases.KindRated, by(k01), func(e *cases.Event) { e.Center = "" }), bad, "center"},
			{"unknown kind", k01, ev(cases.KindRated, by(k01), func(e *cases.Event) { e.Kind = "teleported" }), bad, "teleported"},
			{"submission of another case", k01, ev(cases.KindSubmitted, by(k01), func(e *cases.Event) { e.CaseID = cases.NewID() }), bad, "case_id"},
			{"payload of another shape", c02, ev(cases.KindAccepted, by(c02), func(e *cases.Event) { e.Payload = json.RawMessage(`{"received":"all"}`) }), bad, "received"},
			{"payload not an object", k01, ev(cases.KindRated, by(k01), func(e *cases.Event) { e.Payload = json.RawMessage(`"five stars"`) }), bad, "object"},
			{"rating level not a number", k01, ev(cases.KindRated, by(k01), func(e *cases.Event) { e.Payload = json.RawMessage(`{"level":"good"}`) }), bad, "level"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := h.feedCount(centerA)
				// The event under test sits between two good ones of the device.
				first := eventOf(cases.KindPrinted, centerA, tt.from.DeviceID, cases.NewID(), 0)
				last := eventOf(cases.KindPrinted, centerA, tt.from.DeviceID, cases.NewID(), 0)
				resp, data := h.request("POST", protocol.PathEvents, tt.from.Token, pushBody(first, tt.event, last))
				if resp.StatusCode != tt.status {
					t.Fatalf("status %d, want %d (%s)", resp.StatusCode, tt.status, data)
				}
				if tt.status == ok {
					var got protocol.PushResponse
					if err := json.Unmarshal(data, &got); err != nil || len(got.Results) != 3 {
						t.Fatalf("answer %s, want three results", data)
					}
					for i, r := range got.Results {
						if r.Status != protocol.Stored {
							t.Errorf("result %d = %+v, want stored", i, r)
						}
					}
					if n := h.feedCount(centerA); n != before+3 {
						t.Errorf("the feed grew by %d, want 3", n-before)
					}
					return
				}
				e := errorBody(t, data)
				wantCode := protocol.CodeBadEvent
				if tt.status == forbidden {
					wantCode = protocol.CodeForbiddenEvent
				}
				if e.Code != wantCode || e.EventID != tt.event.ID {
					t.Errorf("error %+v, want code %s and event_id %q", e, wantCode, tt.event.ID)
				}
				if !strings.Contains(e.Message, "index 1") || !strings.Contains(e.Message, tt.event.ID) || !strings.Contains(e.Message, tt.says) {
					t.Errorf("sentence %q does not name index 1, the ID %q and %q", e.Message, tt.event.ID, tt.says)
				}
				if strings.Count(strings.TrimSuffix(e.Message, "."), ". ") > 0 {
					t.Errorf("error %q is more than one sentence", e.Message)
				}
				if n := h.feedCount(centerA); n != before {
					t.Errorf("a refused push stored %d events", n-before)
				}
				if n := h.feedCount(centerB); n != 0 {
					t.Errorf("a refused push stored %d events in the other center", n)
				}
			})
		}

		// What an honest device sends afterwards is stored as before.
		if got := h.push(k01.Token, []cases.Event{ev(cases.KindSubmitted, by(k01), nil)}); got.Results[0].Status != protocol.Stored {
			t.Fatalf("a good push after refused ones: %+v", got.Results)
		}
	})
}

// TestPushRelayBatch: a counter passing on many receipts' submissions of
// several kiosks in one push gets them all stored; one of a device the
// center does not have refuses the push.
func TestPushRelayBatch(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		var kiosks []protocol.EnrollResponse
		for range 3 {
			kiosks = append(kiosks, h.enroll(centerA, protocol.RoleKiosk))
		}
		counter := h.enroll(centerA, protocol.RoleCounter)
		var events []cases.Event
		for i := range 30 {
			events = append(events, newEvent(centerA, kiosks[i%3].DeviceID, i))
		}
		for i, r := range h.push(counter.Token, events).Results {
			if r.Status != protocol.Stored {
				t.Fatalf("relayed event %d: %+v, want stored", i, r)
			}
		}
		stranger := newEvent(centerA, cases.NewID(), 99)
		more := append([]cases.Event{newEvent(centerA, kiosks[0].DeviceID, 100)}, stranger)
		resp, data := h.request("POST", protocol.PathEvents, counter.Token, pushBody(more...))
		if e := errorBody(t, data); resp.StatusCode != http.StatusForbidden || e.EventID != stranger.ID {
			t.Fatalf("relay of an unknown device's event: %d %s, want 403 naming %s", resp.StatusCode, data, stranger.ID)
		}
		if n := h.feedCount(centerA); n != int64(len(events)) {
			t.Fatalf("the feed holds %d events, want %d", n, len(events))
		}
	})
}

// TestPushNamesBadJSONEvent: a JSON mistake inside an event (an unknown
// field, a value of the wrong type) is a 400 naming the event by index
// and, when it has one, by ID.
func TestPushNamesBadJSONEvent(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	dev := h.enroll(centerA, protocol.RoleKiosk)
	good := newEvent(centerA, dev.DeviceID, 1)
	id := cases.NewID()
	tests := []struct {
		name, event, eventID string
		says                 []string
	}{
		{"unknown field", `{"id":"` + id + `","colour":"red"}`, id, []string{"index 1", id, `"colour"`}},
		{"wall as text", `{"id":"` + id + `","stamp":{"wall":"noon"}}`, id, []string{"index 1", id, "stamp.wall", "whole number"}},
		{"ID as a number", `{"id":7}`, "", []string{"index 1", "the field id", "a text"}},
		{"event as a list", `[]`, "", []string{"index 1", "object"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `{"events":[` + string(mustJSON(t, good)) + `,` + tt.event + `]}`
			resp, data := h.request("POST", protocol.PathEvents, dev.Token, []byte(body))
			e := errorBody(t, data)
			if resp.StatusCode != http.StatusBadRequest || e.Code != protocol.CodeBadRequest || e.EventID != tt.eventID {
				t.Fatalf("%d %+v, want 400 bad_request with event_id %q", resp.StatusCode, e, tt.eventID)
			}
			for _, w := range tt.says {
				if !strings.Contains(e.Message, w) {
					t.Errorf("sentence %q does not mention %q", e.Message, w)
				}
			}
			if strings.Contains(e.Message, "Go ") || strings.Contains(e.Message, "cases.") || strings.Contains(e.Message, "int64") {
				t.Errorf("sentence %q names a Go type", e.Message)
			}
			if n := h.feedCount(centerA); n != 0 {
				t.Fatalf("a refused push stored %d events", n)
			}
		})
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPushIndexInLongRequest: the index in the sentence is the event's
// place in the request, also deep in a full one.
func TestPushIndexInLongRequest(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	dev := h.enroll(centerA, protocol.RoleKiosk)
	events := make([]cases.Event, protocol.MaxPush)
	for i := range events {
		events[i] = newEvent(centerA, dev.DeviceID, i)
	}
	events[437].Stamp = cases.Stamp{}
	events[480].Center = centerB // the first problem is the one told
	resp, data := h.request("POST", protocol.PathEvents, dev.Token, pushBody(events...))
	e := errorBody(t, data)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(e.Message, "index "+strconv.Itoa(437)) || e.EventID != events[437].ID {
		t.Fatalf("%d %+v, want 422 naming the event at index 437", resp.StatusCode, e)
	}
	if n := h.feedCount(centerA); n != 0 {
		t.Fatalf("a refused push stored %d events", n)
	}
}
