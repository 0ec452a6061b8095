package platform_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/platform/storetest"
	"tongban/sync/protocol"
)

const (
	centerA    = "130102"
	centerB    = "130104"
	adminToken = "admin-secret"
)

// clock is a settable time source for the server.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// harness is a platform on loopback over one storage.
type harness struct {
	t     testing.TB
	srv   *httptest.Server
	store platform.Storage
	admin *platform.Admin
	clock *clock
}

func newHarness(t testing.TB, store platform.Storage, cfg platform.Config) *harness {
	t.Helper()
	c := &clock{now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	if cfg.Now == nil {
		cfg.Now = c.Now
	}
	if cfg.AdminToken == "" {
		cfg.AdminToken = adminToken
	}
	s, err := platform.New(store, cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(func() { srv.Close(); store.Close() })
	return &harness{t: t, srv: srv, store: store, clock: c,
		admin: &platform.Admin{URL: srv.URL, Token: adminToken, HTTP: srv.Client()}}
}

// eachBackend runs a test on a platform over every storage backend.
func eachBackend(t *testing.T, cfg platform.Config, fn func(t *testing.T, h *harness)) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) { fn(t, newHarness(t, b.Open(t), cfg)) })
	}
}

// boltHarness is a platform over bbolt, for tests of the HTTP layer.
func boltHarness(t testing.TB, cfg platform.Config) *harness {
	return newHarness(t, storetest.Bolt(t), cfg)
}

// enroll makes a code and enrolls a new device with it, in a center the
// platform knows or a new one (TestCodeForUnknownCenter tests the
// difference).
func (h *harness) enroll(center, role string) protocol.EnrollResponse {
	h.t.Helper()
	return h.enrollWith(center, role, protocol.EnrollRequest{})
}

// enrollWith enrolls a new device as enroll does, with what req says
// besides the code and the name (former codes, a redemption proof).
func (h *harness) enrollWith(center, role string, req protocol.EnrollRequest) protocol.EnrollResponse {
	h.t.Helper()
	code, err := h.admin.NewCode(context.Background(), protocol.CodeRequest{Center: center, Role: role, NewCenter: true})
	if err != nil {
		h.t.Fatalf("NewCode: %v", err)
	}
	req.Code, req.Name = code.Code, role+" "+center
	var resp protocol.EnrollResponse
	h.mustJSON("POST", protocol.PathEnroll, "", req, &resp)
	shortCodes.Store(resp.DeviceID, resp.ShortCode)
	return resp
}

// shortCodes holds the short code of every device the harnesses enrolled
// (device ID → short code), so newEvent numbers a device's cases as the
// device would.
var shortCodes sync.Map

// request sends a request and returns the status and the body (gunzipped
// when it came gzipped).
func (h *harness) request(method, path, token string, body []byte, header ...string) (*http.Response, []byte) {
	h.t.Helper()
	req, err := http.NewRequest(method, h.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := h.srv.Client().Do(req)
	if err != nil {
		h.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		if r, err = gzip.NewReader(resp.Body); err != nil {
			h.t.Fatal(err)
		}
	}
	data, err := io.ReadAll(r)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp, data
}

// mustJSON sends v as JSON and decodes a 200 answer into out.
func (h *harness) mustJSON(method, path, token string, v, out any) {
	h.t.Helper()
	body, _ := json.Marshal(v)
	resp, data := h.request(method, path, token, body)
	if resp.StatusCode != http.StatusOK {
		h.t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, data)
	}
	if err := json.Unmarshal(data, out); err != nil {
		h.t.Fatalf("%s %s: answer %q: %v", method, path, data, err)
	}
}

func (h *harness) push(token string, events []cases.Event) protocol.PushResponse {
	h.t.Helper()
	var resp protocol.PushResponse
	h.mustJSON("POST", protocol.PathEvents, token, protocol.PushRequest{Events: events}, &resp)
	if len(resp.Results) != len(events) {
		h.t.Fatalf("push of %d events got %d results", len(events), len(resp.Results))
	}
	return resp
}

// pullAll follows the feed from the start in pages of limit, checking the
// paging contract, and returns every event.
func (h *harness) pullAll(token string, limit int) []cases.Event {
	h.t.Helper()
	var all []cases.Event
	after := ""
	for {
		resp, data := h.request("GET", fmt.Sprintf("%s?after=%s&limit=%d", protocol.PathEvents, after, limit), token, nil)
		if resp.StatusCode != http.StatusOK {
			h.t.Fatalf("pull after %q: %d %s", after, resp.StatusCode, data)
		}
		var page protocol.PullResponse
		if err := json.Unmarshal(data, &page); err != nil {
			h.t.Fatalf("pull after %q: %v", after, err)
		}
		if len(page.Events) > limit {
			h.t.Fatalf("page of %d events for limit %d", len(page.Events), limit)
		}
		all = append(all, page.Events...)
		if !page.More {
			return all
		}
		if page.Next == after {
			h.t.Fatalf("page says more but the cursor stayed at %q", after)
		}
		after = page.Next
	}
}

// feedCount is how many events a center's feed holds.
func (h *harness) feedCount(center string) int64 {
	h.t.Helper()
	st, err := h.store.Stats(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	return st.Events[center]
}

// newEvent makes a valid submitted event of a new case, with a case
// number no other call in this test binary gives, carrying the device's
// short code (K01 for a device no harness enrolled).
func newEvent(center, device string, n int) cases.Event {
	id := cases.NewID()
	code := "K01"
	if c, ok := shortCodes.Load(device); ok {
		code = c.(string)
	}
	return cases.Event{ID: id, CaseID: id, Center: center, Kind: cases.KindSubmitted, Device: device,
		Stamp:   cases.Stamp{Wall: 1772413200000 + int64(n)},
		Payload: json.RawMessage(`{"number":"` + newNumberOf(code) + `","item_code":"X","catalog_version":1,"fields":{"name":"张三"},"channel":"kiosk"}`)}
}

// numbered counts the case numbers newNumber gave.
var numbered atomic.Int64

// newNumber returns a canonical case number with the short code K01.
func newNumber() string { return newNumberOf("K01") }

// newNumberOf returns a canonical case number no other call in this test
// binary returns: 9,999 a day from 2 March 2026 on, with a short code.
func newNumberOf(code string) string {
	n := int(numbered.Add(1))
	return cases.FormatNumber(time.Date(2026, 3, 2, 12, 0, 0, 0, cases.Zone).AddDate(0, 0, n/9999), code, n%9999+1)
}

// errorBody decodes a protocol error answer.
func errorBody(t testing.TB, data []byte) protocol.Error {
	t.Helper()
	var e protocol.Error
	if err := json.Unmarshal(data, &e); err != nil || e.Code == "" || e.Message == "" {
		t.Fatalf("error answer %q is not a protocol.Error with a code and a sentence", data)
	}
	return e
}
