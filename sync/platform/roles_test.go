package platform

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// TestRoleKinds: every kind this version knows has a payload type and a
// role that makes it; a kiosk makes no clerk action; only a counter
// passes on others' events, and only submissions.
func TestRoleKinds(t *testing.T) {
	for _, k := range cases.Kinds {
		if payloadTypes[k] == nil {
			t.Errorf("kind %s has no payload type", k)
		}
		if !cases.RoleMakes(protocol.RoleKiosk, k) && !cases.RoleMakes(protocol.RoleCounter, k) {
			t.Errorf("no role makes %s events", k)
		}
	}
	if len(payloadTypes) != len(cases.Kinds) {
		t.Errorf("%d payload types for %d kinds", len(payloadTypes), len(cases.Kinds))
	}
	kiosk := []cases.Kind{cases.KindSubmitted, cases.KindRated, cases.KindPrinted}
	if got := cases.RoleKinds[protocol.RoleKiosk]; !slices.Equal(got, kiosk) {
		t.Errorf("a kiosk makes %v, want exactly %v", got, kiosk)
	}
	for _, k := range cases.Kinds {
		if got, want := relays(protocol.RoleCounter, k), k == cases.KindSubmitted; got != want {
			t.Errorf("a counter relays %s: %v, want %v", k, got, want)
		}
		if relays(protocol.RoleKiosk, k) {
			t.Errorf("a kiosk relays %s events", k)
		}
		if cases.RoleMakes("printer", k) || relays("", k) {
			t.Errorf("an unknown role makes or relays %s events", k)
		}
	}
}

// TestPayloadTypes: each kind's payload type takes what app/cases writes
// for it, so an honest event is never refused for its payload.
func TestPayloadTypes(t *testing.T) {
	written := map[cases.Kind]any{
		cases.KindSubmitted:           cases.Submission{Number: "260302-K01-0001", ItemCode: "X", Fields: map[string]string{"name": "张三"}},
		cases.KindAccepted:            cases.Acceptance{Received: []int{0}},
		cases.KindSupplementRequested: cases.SupplementRequest{Missing: []int{1}},
		cases.KindSupplementReceived:  cases.SupplementReceipt{Received: []int{1}},
		cases.KindRefused:             cases.Refusal{Reasons: []string{"x"}},
		cases.KindSuspended:           cases.Reasoned{Reason: "x"},
		cases.KindResumed:             cases.Reasoned{Reason: "x"},
		cases.KindCompleted:           cases.Completion{Approved: true},
		cases.KindWithdrawn:           cases.Reasoned{Reason: "x"},
		cases.KindResolved:            cases.Resolution{Chosen: cases.NewID()},
		cases.KindRated:               cases.Rating{Level: 5, Channel: cases.ChannelKiosk},
		cases.KindPrinted:             cases.Printing{Document: cases.DocTicket, Ticket: "A001"},
		cases.KindRevealed:            cases.Reveal{Field: "id_number"},
		cases.KindCalled:              cases.Call{Ticket: "A001", Window: "3"},
	}
	for _, k := range cases.Kinds {
		p, ok := written[k]
		if !ok {
			t.Errorf("the test has no payload of kind %s", k)
			continue
		}
		data, _ := json.Marshal(p)
		e := cases.Event{Kind: k, Payload: data}
		if why := checkPayload(&e); why != "" {
			t.Errorf("a %s payload %s is refused: %s", k, data, why)
		}
		if got, want := reflect.TypeOf(payloadTypes[k]()).Elem(), reflect.TypeOf(p); got != want {
			t.Errorf("kind %s decodes as %v, app/cases writes %v", k, got, want)
		}
	}
}

func TestJSONWords(t *testing.T) {
	tests := []struct {
		typ  reflect.Type
		want string
	}{
		{reflect.TypeFor[time.Duration](), "a whole number of nanoseconds"},
		{reflect.TypeFor[time.Time](), "a date and time as RFC 3339 text"},
		{reflect.TypeFor[protocol.PushRequest](), "an object"},
		{reflect.TypeFor[map[string]string](), "an object"},
		{reflect.TypeFor[[]cases.Event](), "a list"},
		{reflect.TypeFor[[]byte](), "base64 text"},
		{reflect.TypeFor[string](), "a text"},
		{reflect.TypeFor[cases.Kind](), "a text"},
		{reflect.TypeFor[bool](), "true or false"},
		{reflect.TypeFor[int64](), "a whole number"},
		{reflect.TypeFor[uint32](), "a whole number"},
		{reflect.TypeFor[float64](), "a number"},
		{reflect.TypeFor[*int](), "a whole number"},
	}
	for _, tt := range tests {
		if got := jsonWords(tt.typ); got != tt.want {
			t.Errorf("jsonWords(%v) = %q, want %q", tt.typ, got, tt.want)
		}
	}
}

func TestKindList(t *testing.T) {
	tests := []struct {
		kinds []cases.Kind
		want  string
	}{
		{nil, "no events"},
		{[]cases.Kind{cases.KindRated}, "rated"},
		{[]cases.Kind{cases.KindRated, cases.KindPrinted}, "rated and printed"},
		{cases.RoleKinds[protocol.RoleKiosk], "submitted, rated and printed"},
	}
	for _, tt := range tests {
		if got := kindList(tt.kinds); got != tt.want {
			t.Errorf("kindList(%v) = %q, want %q", tt.kinds, got, tt.want)
		}
	}
}
