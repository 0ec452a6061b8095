package platform_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// pushBody is a push request of the events; with none, an empty list.
func pushBody(events ...cases.Event) []byte {
	if events == nil {
		events = []cases.Event{}
	}
	b, _ := json.Marshal(protocol.PushRequest{Events: events})
	return b
}

// goType matches what a sentence about JSON says when it leaks Go's names
// (protocol.PushRequest, time.Duration, []cases.Event, Go struct field).
var goType = regexp.MustCompile(`\b(protocol|time|cases|json)\.[A-Z]|\bGo (struct|value)|\[\]|\bint64\b`)

// TestBadInput sends every kind of bad request: each gets a 4xx with the
// protocol's error body (a code and one sentence) and stores nothing.
func TestBadInput(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	dev := h.enroll(centerA, protocol.RoleKiosk)
	revoked := h.enroll(centerA, protocol.RoleKiosk)
	if _, err := h.admin.Revoke(t.Context(), revoked.DeviceID); err != nil {
		t.Fatal(err)
	}
	good := pushBody(newEvent(centerA, dev.DeviceID, 1))
	many := make([]cases.Event, protocol.MaxPush+1)
	for i := range many {
		many[i] = newEvent(centerA, dev.DeviceID, i)
	}
	huge := []byte(`{"events":[` + strings.Repeat(" ", protocol.MaxBody) + `]}`)
	ahead := newEvent(centerA, dev.DeviceID, 2)
	ahead.Stamp.Wall = h.clock.Now().Add(61 * time.Minute).UnixMilli()
	farAhead := newEvent(centerA, dev.DeviceID, 3)
	farAhead.Stamp.Wall = 1 << 62 // past year 9999
	rated := func(payload string) cases.Event {
		e := newEvent(centerA, dev.DeviceID, 4)
		e.Kind, e.ID, e.Payload = cases.KindRated, cases.NewID(), json.RawMessage(payload)
		return e
	}
	tests := []struct {
		name, method, path, token string
		body                      []byte
		header                    []string
		status                    int
		code                      string
		says                      string // a word the sentence must hold
	}{
		{"malformed JSON", "POST", protocol.PathEvents, dev.Token, []byte(`{"events":[{"id":`), nil, 400, protocol.CodeBadRequest, "JSON"},
		{"not JSON at all", "POST", protocol.PathEvents, dev.Token, []byte(`hello`), nil, 400, protocol.CodeBadRequest, "JSON"},
		{"empty body", "POST", protocol.PathEvents, dev.Token, nil, nil, 400, protocol.CodeBadRequest, "empty"},
		{"wrong type", "POST", protocol.PathEvents, dev.Token, []byte(`{"events":{}}`), nil, 400, protocol.CodeBadRequest, "events"},
		{"null body", "POST", protocol.PathEvents, dev.Token, []byte(`null`), nil, 400, protocol.CodeBadRequest, "events"},
		{"null events", "POST", protocol.PathEvents, dev.Token, []byte(`{"events":null}`), nil, 400, protocol.CodeBadRequest, "events"},
		{"no events", "POST", protocol.PathEvents, dev.Token, []byte(`{}`), nil, 400, protocol.CodeBadRequest, "events"},
		{"a list for a body", "POST", protocol.PathEvents, dev.Token, []byte(`[]`), nil, 400, protocol.CodeBadRequest, "array where an object belongs"},
		{"unknown top field", "POST", protocol.PathEvents, dev.Token, []byte(`{"events":[],"extra":1}`), nil, 400, protocol.CodeBadRequest, `"extra"`},
		{"unknown event field", "POST", protocol.PathEvents, dev.Token,
			bytes.Replace(good, []byte(`"case_id"`), []byte(`"colour":"red","case_id"`), 1), nil, 400, protocol.CodeBadRequest, `index 0`},
		{"unknown payload field", "POST", protocol.PathEvents, dev.Token,
			bytes.Replace(good, []byte(`"payload":{`), []byte(`"payload":{"bogus":1,`), 1), nil, 422, protocol.CodeBadEvent, `unknown field "bogus"`},
		{"rating level 9", "POST", protocol.PathEvents, dev.Token, pushBody(rated(`{"level":9,"channel":"kiosk"}`)), nil, 422, protocol.CodeBadEvent, "none of the five levels"},
		{"payload over the limit", "POST", protocol.PathEvents, dev.Token,
			pushBody(rated(`{"level":5,"channel":"kiosk","comment":"` + strings.Repeat("好", protocol.MaxPayload/3+1) + `"}`)), nil, 422, protocol.CodeBadEvent, "more than the 32768"},
		{"stamp an hour ahead", "POST", protocol.PathEvents, dev.Token, pushBody(ahead), nil, 422, protocol.CodeBadEvent, "more than an hour ahead of the platform's clock"},
		{"stamp past year 9999", "POST", protocol.PathEvents, dev.Token, pushBody(farAhead), nil, 422, protocol.CodeBadEvent, "stamped 9999-12-31"},
		{"trailing data", "POST", protocol.PathEvents, dev.Token, append(bytes.Clone(good), `{}`...), nil, 400, protocol.CodeBadRequest, "more data"},
		{"body over the limit", "POST", protocol.PathEvents, dev.Token, huge, nil, 413, protocol.CodeTooLarge, "larger"},
		{"gzip bomb over the limit", "POST", protocol.PathEvents, dev.Token, gzipped(huge), []string{"Content-Encoding", "gzip"}, 413, protocol.CodeTooLarge, "larger"},
		{"bad gzip", "POST", protocol.PathEvents, dev.Token, good, []string{"Content-Encoding", "gzip"}, 400, protocol.CodeBadRequest, "gzip"},
		{"unknown encoding", "POST", protocol.PathEvents, dev.Token, good, []string{"Content-Encoding", "br"}, 400, protocol.CodeBadRequest, "br"},
		{"501 events", "POST", protocol.PathEvents, dev.Token, pushBody(many...), nil, 413, protocol.CodeTooMany, "501"},
		{"no token", "POST", protocol.PathEvents, "", good, nil, 401, protocol.CodeUnauthorized, "enroll"},
		{"wrong token", "POST", protocol.PathEvents, "tb_wrong", good, nil, 401, protocol.CodeUnauthorized, "enroll"},
		{"revoked token", "POST", protocol.PathEvents, revoked.Token, good, nil, 401, protocol.CodeRevoked, "revoked"},
		{"revoked pull", "GET", protocol.PathEvents, revoked.Token, nil, nil, 401, protocol.CodeRevoked, "revoked"},
		{"wrong token on catalog", "GET", protocol.PathCatalog, "tb_wrong", nil, nil, 401, protocol.CodeUnauthorized, "enroll"},
		{"wrong method", "PUT", protocol.PathEvents, dev.Token, good, nil, 405, protocol.CodeMethodNotAllowed, "POST"},
		{"wrong method on enroll", "GET", protocol.PathEnroll, "", nil, nil, 405, protocol.CodeMethodNotAllowed, "POST"},
		{"bad cursor", "GET", protocol.PathEvents + "?after=abc", dev.Token, nil, nil, 400, protocol.CodeBadRequest, "cursor"},
		{"cursor past int64", "GET", protocol.PathEvents + "?after=18446744073709551615", dev.Token, nil, nil, 400, protocol.CodeBadRequest, "cursor"},
		{"bad limit", "GET", protocol.PathEvents + "?limit=-3", dev.Token, nil, nil, 400, protocol.CodeBadRequest, "limit"},
		{"bad since", "GET", protocol.PathCatalog + "?since=new", dev.Token, nil, nil, 400, protocol.CodeBadRequest, "version"},
		{"unknown path", "GET", "/v1/nothing", dev.Token, nil, nil, 404, protocol.CodeNotFound, "/v1/nothing"},
		{"enroll with no code", "POST", protocol.PathEnroll, "", []byte(`{"name":"x"}`), nil, 400, protocol.CodeBadRequest, "code"},
		{"enroll with a bad code", "POST", protocol.PathEnroll, "", []byte(`{"code":"AAAA-BBBB-CCCC"}`), nil, 403, protocol.CodeBadCode, "unknown"},
		{"enroll with a bad device ID", "POST", protocol.PathEnroll, "", []byte(`{"code":"AAAA-BBBB-CCCC","device_id":"kiosk-1"}`), nil, 400, protocol.CodeBadRequest, "UUID"},
		{"enroll with a bad former code", "POST", protocol.PathEnroll, "", []byte(`{"code":"AAAA-BBBB-CCCC","former_codes":["K01","k7"]}`), nil, 400, protocol.CodeBadRequest, `former short code "k7"`},
		{"enroll with too many former codes", "POST", protocol.PathEnroll, "", []byte(`{"code":"AAAA-BBBB-CCCC","former_codes":["K01"` + strings.Repeat(`,"K01"`, protocol.MaxFormerCodes) + `]}`), nil, 400, protocol.CodeBadRequest, "17 former short codes"},
		{"enroll with a bad proof", "POST", protocol.PathEnroll, "", []byte(`{"code":"AAAA-BBBB-CCCC","redemption_proof":"` + strings.Repeat("AB", 32) + `"}`), nil, 400, protocol.CodeBadRequest, "redemption proof"},
		{"enroll with unknown field", "POST", protocol.PathEnroll, "", []byte(`{"code":"AAAA","role":"kiosk"}`), nil, 400, protocol.CodeBadRequest, `"role"`},
		{"admin without token", "POST", protocol.PathAdminCodes, "", []byte(`{"center":"130102","role":"kiosk"}`), nil, 401, protocol.CodeUnauthorized, "admin"},
		{"admin with a device token", "GET", protocol.PathAdminDevices, dev.Token, nil, nil, 401, protocol.CodeUnauthorized, "admin"},
		{"code for a bad center", "POST", protocol.PathAdminCodes, adminToken, []byte(`{"center":"13010","role":"kiosk"}`), nil, 400, protocol.CodeBadRequest, "6-digit"},
		{"code for a bad role", "POST", protocol.PathAdminCodes, adminToken, []byte(`{"center":"130102","role":"printer"}`), nil, 400, protocol.CodeBadRequest, "kiosk or counter"},
		{"code with a TTL as text", "POST", protocol.PathAdminCodes, adminToken, []byte(`{"center":"130102","role":"kiosk","ttl":"24h"}`), nil, 400, protocol.CodeBadRequest, "whole number of nanoseconds"},
		{"code with a negative TTL", "POST", protocol.PathAdminCodes, adminToken, []byte(`{"center":"130102","role":"kiosk","ttl":-1}`), nil, 400, protocol.CodeBadRequest, "negative"},
		{"revoke an unknown device", "POST", "/v1/admin/devices/nope/revoke", adminToken, nil, nil, 404, protocol.CodeNotFound, "nope"},
		{"catalog that is not one", "POST", protocol.PathAdminCatalog, adminToken, []byte(`{"version":1}`), nil, 400, protocol.CodeBadRequest, "catalog"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, data := h.request(tt.method, tt.path, tt.token, tt.body, tt.header...)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d (%s)", resp.StatusCode, tt.status, data)
			}
			e := errorBody(t, data)
			if e.Code != tt.code || !strings.Contains(e.Message, tt.says) {
				t.Fatalf("error %+v, want code %s and a sentence mentioning %q", e, tt.code, tt.says)
			}
			if strings.Count(strings.TrimSuffix(e.Message, "."), ". ") > 0 || strings.Contains(e.Message, "\n") {
				t.Errorf("error %q is more than one sentence", e.Message)
			}
			if goType.MatchString(e.Message) {
				t.Errorf("error %q names a Go type; say what the field is in plain words", e.Message)
			}
			if tt.status == 401 && resp.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
			if tt.status == 405 && resp.Header.Get("Allow") == "" {
				t.Error("405 without Allow")
			}
			if n := h.feedCount(centerA); n != 0 {
				t.Fatalf("a bad request stored %d events", n)
			}
		})
	}
}

func TestAdminDisabled(t *testing.T) {
	store := boltHarness(t, platform.Config{}).store
	s, err := platform.New(store, platform.Config{})
	if err != nil {
		t.Fatal(err)
	}
	rec := newRecorder(s, "POST", protocol.PathAdminCodes, adminToken, `{"center":"130102","role":"kiosk"}`)
	if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "disabled") {
		t.Fatalf("admin call on a platform without admin token: %d %s", rec.Code, rec.Body)
	}
}
