package platform

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

const (
	testID  = "0190d7a4-0000-7000-8000-000000000001"
	testDev = "0190d7a4-0000-7000-8000-0000000000d1"
)

// devicePush is a push as devices write it (json.Marshal of the request).
func devicePush(t testing.TB) []byte {
	events := []cases.Event{
		{ID: testID, CaseID: testID, Center: "130102", Kind: cases.KindSubmitted, Device: testDev,
			Stamp:   cases.Stamp{Wall: 1772413200000, Counter: 3},
			Payload: json.RawMessage(`{"number":"260302-K01-0001","item_code":"X","catalog_version":1,"fields":{"name":"张三"},"materials":[0,2],"channel":"kiosk"}`)},
		{ID: testDev, CaseID: testID, Center: "130102", Kind: cases.KindAccepted, Device: testDev, Staff: "S01",
			Parent: testID, Stamp: cases.Stamp{Wall: 1}, Payload: json.RawMessage(`{"note":"<ok> & \u2028"}`)},
	}
	b, err := json.Marshal(protocol.PushRequest{Events: events})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pushBodies are requests around the edges of what decodePushFast takes.
func pushBodies(t testing.TB) []string {
	dev := string(devicePush(t))
	return []string{
		dev,
		" \n" + strings.ReplaceAll(dev, ",", " ,\t") + "\r\n",
		`{"events":[]}`,
		`{"events":[{}]}`,
		`{"events":[null]}`,
		`{"events":null}`,
		`{}`,
		`{"events":[],"more":1}`,
		`{"Events":[]}`,
		`{"events":[{"ID":"x"}]}`,
		`{"events":[{"id":"x","id":"y"}]}`,
		`{"events":[{"id":"a\u0062c"}]}`,
		`{"events":[{"id":"bad` + "\xff" + `"}]}`,
		`{"events":[{"id":1}]}`,
		`{"events":[{"id":null}]}`,
		`{"events":[{"stamp":{"wall":1.0}}]}`,
		`{"events":[{"stamp":{"wall":1e3}}]}`,
		`{"events":[{"stamp":{"wall":-0,"counter":0}}]}`,
		`{"events":[{"stamp":{"wall":01}}]}`,
		`{"events":[{"stamp":{"counter":-1}}]}`,
		`{"events":[{"stamp":{"counter":4294967296}}]}`,
		`{"events":[{"stamp":{"wall":9223372036854775808}}]}`,
		`{"events":[{"stamp":{"wall":1,"wall":2}}]}`,
		`{"events":[{"stamp":{"other":1}}]}`,
		`{"events":[{"stamp":null}]}`,
		`{"events":[{"payload":null}]}`,
		`{"events":[{"payload":[1,2]}]}`,
		`{"events":[{"payload":{"a":01}}]}`,
		`{"events":[{"payload":{"a":"\x"}}]}`,
		`{"events":[{"payload":{"a":"\u12"}}]}`,
		`{"events":[{"payload":{"a":[1,]}}]}`,
		`{"events":[{"payload":{"a":tru}}]}`,
		`{"events":[{"payload":{"a":"` + "\x01" + `"}}]}`,
		`{"events":[{"payload":{"a":"` + "\xff" + `"}}]}`,
		`{"events":[{"payload":{"a":1.5e+3,"b":-0.0E-1,"c":"\"\\\/\b\f\n\r\t\uABcd"}}]}`,
		`{"events":[{"payload":{}}]}{}`,
		`{"events":[{"payload":{}}]}x`,
		`{"events":[{"payload":{}}`,
		`{"events":[{"kind":"submitted",}]}`,
		strings.Repeat(`{"events":[{"payload":`, 1) + strings.Repeat("[", 200) + strings.Repeat("]", 200) + `}]}`,
	}
}

// TestDecodePushFast: device requests take the fast path, and every
// request the fast path takes decodes to the same events as with the
// strict decoder.
func TestDecodePushFast(t *testing.T) {
	if _, ok := decodePushFast(devicePush(t)); !ok {
		t.Fatal("a request as devices write it does not take the fast path")
	}
	for _, body := range pushBodies(t) {
		checkDecodePushFast(t, []byte(body))
	}
}

// FuzzDecodePushFast holds decodePushFast to the strict decoder.
func FuzzDecodePushFast(f *testing.F) {
	for _, body := range pushBodies(f) {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body string) { checkDecodePushFast(t, []byte(body)) })
}

func checkDecodePushFast(t *testing.T, body []byte) {
	t.Helper()
	fast, ok := decodePushFast(body)
	if !ok {
		return // left to the strict decoder
	}
	var req protocol.PushRequest
	if e := decodeStrict(body, &req); e != nil {
		t.Fatalf("the fast path took %q, which the strict decoder refuses: %s", body, e.body.Message)
	}
	if !reflect.DeepEqual(fast, req.Events) {
		t.Fatalf("%q decodes differently:\nfast   %#v\nstrict %#v", body, fast, req.Events)
	}
}
