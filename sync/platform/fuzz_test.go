package platform_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/platform/boltstore"
	"tongban/sync/protocol"
)

// fuzzServer is a platform over a bbolt file in a temporary folder, with
// one enrolled kiosk.
func fuzzServer(f *testing.F) (*platform.Server, protocol.EnrollResponse) {
	store, err := boltstore.Open(f.TempDir(), boltstore.Options{NoSync: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { store.Close() })
	s, err := platform.New(store, platform.Config{AdminToken: adminToken})
	if err != nil {
		f.Fatal(err)
	}
	rec := newRecorder(s, "POST", protocol.PathAdminCodes, adminToken, `{"center":"130102","role":"kiosk"}`)
	var code protocol.CodeResponse
	json.Unmarshal(rec.Body.Bytes(), &code)
	rec = newRecorder(s, "POST", protocol.PathEnroll, "", `{"code":"`+code.Code+`"}`)
	var dev protocol.EnrollResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &dev); err != nil || dev.Token == "" {
		f.Fatalf("enrollment: %d %s", rec.Code, rec.Body)
	}
	return s, dev
}

// FuzzPush sends arbitrary bodies to POST /v1/events: the platform answers
// 200 with one result per event, or a 4xx with the protocol's error body;
// never a 5xx or a panic.
func FuzzPush(f *testing.F) {
	s, dev := fuzzServer(f)
	f.Add(string(pushBody(newEvent(centerA, dev.DeviceID, 1))))
	f.Add(string(pushBody(newEvent(centerB, dev.DeviceID, 2), newEvent(centerA, dev.DeviceID, 3))))
	f.Add(`{"events":[{"id":"x","payload":{"a":[1,2,{"b":null}]}}]}`)
	f.Add(string(pushBody(eventOf(cases.KindAccepted, centerA, dev.DeviceID, cases.NewID(), 4))))
	f.Add(`{"events":[{"id":"01900000-0000-7000-8000-000000000001","case_id":"01900000-0000-7000-8000-000000000001","center":"130102","kind":"rated","device":"` +
		dev.DeviceID + `","stamp":{"wall":1},"payload":{"level":"x"}}]}`)
	f.Add(`null`)
	f.Add(`{"events":null}`)
	f.Add(`{"events":[{}]}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, body string) {
		rec := newRecorder(s, "POST", protocol.PathEvents, dev.Token, body)
		switch {
		case rec.Code == http.StatusOK:
			var resp protocol.PushResponse
			var req protocol.PushRequest
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
				t.Fatalf("200 with an undecodable body %q", rec.Body)
			}
			json.Unmarshal([]byte(body), &req)
			if len(resp.Results) != len(req.Events) {
				t.Fatalf("%d results for %d events", len(resp.Results), len(req.Events))
			}
			for _, r := range resp.Results {
				if r.Status == protocol.Rejected && r.Reason == "" {
					t.Fatalf("rejected without a reason: %+v", r)
				}
			}
		case rec.Code >= 400 && rec.Code < 500:
			var e protocol.Error
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Code == "" || e.Message == "" {
				t.Fatalf("%d without an error body: %q", rec.Code, rec.Body)
			}
		default:
			t.Fatalf("status %d for body %q: %s", rec.Code, body, rec.Body)
		}
	})
}

// FuzzEnroll sends arbitrary bodies to POST /v1/enroll.
func FuzzEnroll(f *testing.F) {
	s, _ := fuzzServer(f)
	f.Add(`{"code":"AAAA-BBBB-CCCC","name":"大厅"}`)
	f.Add(`{"code":"x","device_id":"01900000-0000-7000-8000-000000000000"}`)
	f.Add(`{"code":""}`)
	f.Fuzz(func(t *testing.T, body string) {
		rec := newRecorder(s, "POST", protocol.PathEnroll, "", body)
		if rec.Code < 400 || rec.Code >= 500 {
			t.Fatalf("status %d for body %q: %s (no code was valid)", rec.Code, body, rec.Body)
		}
		if !strings.Contains(rec.Body.String(), `"error"`) {
			t.Fatalf("%d without an error body: %q", rec.Code, rec.Body)
		}
	})
}
