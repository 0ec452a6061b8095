package platform_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

func TestHealth(t *testing.T) {
	h := boltHarness(t, platform.Config{Version: "1.2.3"})
	var health protocol.Health
	h.mustJSON("GET", protocol.PathHealth, "", nil, &health)
	if health.Status != "ok" || health.Version != "1.2.3" || !health.Time.Equal(h.clock.Now()) {
		t.Fatalf("health = %+v", health)
	}
	if resp, data := h.request("HEAD", protocol.PathHealth, "", nil); resp.StatusCode != 200 || len(data) != 0 {
		t.Fatalf("HEAD health: %d, %d bytes", resp.StatusCode, len(data))
	}
}

// TestHealthStorageDown: health touches the storage, so a platform whose
// bbolt file is closed or whose PostgreSQL pool is gone answers 503 with
// a code and a sentence, not ok.
func TestHealthStorageDown(t *testing.T) {
	eachBackend(t, platform.Config{Logger: quiet}, func(t *testing.T, h *harness) {
		h.mustJSON("GET", protocol.PathHealth, "", nil, new(protocol.Health))
		h.store.Close()
		resp, data := h.request("GET", protocol.PathHealth, "", nil)
		e := errorBody(t, data)
		if resp.StatusCode != http.StatusServiceUnavailable || e.Code != protocol.CodeStorageDown || !strings.Contains(e.Message, "storage does not answer") {
			t.Fatalf("health with the storage closed: %d %+v, want 503 %s saying the storage does not answer", resp.StatusCode, e, protocol.CodeStorageDown)
		}
	})
}

// TestOpenAPI checks that the served document is OpenAPI 3 and describes
// every call the server answers, with every method.
func TestOpenAPI(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	resp, data := h.request("GET", protocol.PathOpenAPI, "", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", protocol.PathOpenAPI, resp.StatusCode)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(data, &doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("OpenAPI document: version %q, %v", doc.OpenAPI, err)
	}
	calls := map[string][]string{
		protocol.PathEnroll:       {"post"},
		protocol.PathEvents:       {"get", "post"},
		protocol.PathCatalog:      {"get"},
		protocol.PathHealth:       {"get"},
		protocol.PathOpenAPI:      {"get"},
		protocol.PathMetrics:      {"get"},
		protocol.PathAdminCodes:   {"post"},
		protocol.PathAdminDevices: {"get"},
		platform.PathAdminRevoke:  {"post"},
		protocol.PathAdminCatalog: {"post"},
		protocol.PathStaff:        {"get"},
		protocol.PathDevices:      {"get"},
		protocol.PathAdminStaff:   {"get", "post"},
	}
	for path, methods := range calls {
		for _, m := range methods {
			if _, ok := doc.Paths[path][m]; !ok {
				t.Errorf("the OpenAPI document lacks %s %s", strings.ToUpper(m), path)
			}
		}
		// And the server answers there (not with 404).
		if resp, _ := h.request(strings.ToUpper(methods[0]), strings.Replace(path, "{id}", "x", 1), "", nil); resp.StatusCode == 404 && path != platform.PathAdminRevoke {
			t.Errorf("%s %s answers 404", methods[0], path)
		}
	}
	if len(doc.Paths) != len(calls) {
		t.Errorf("the document has %d paths, the server %d", len(doc.Paths), len(calls))
	}
	// Every $ref points at a schema that exists.
	var full struct {
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	json.Unmarshal(data, &full)
	for _, m := range regexp.MustCompile(`"#/components/schemas/(\w+)"`).FindAllStringSubmatch(string(data), -1) {
		if _, ok := full.Components.Schemas[m[1]]; !ok {
			t.Errorf("$ref to the missing schema %s", m[1])
		}
	}
}

func TestRateLimit(t *testing.T) {
	h := boltHarness(t, platform.Config{PushRate: 1, PushBurst: 2})
	dev := h.enroll(centerA, protocol.RoleKiosk)
	body := pushBody()
	for i := range 2 {
		if resp, data := h.request("POST", protocol.PathEvents, dev.Token, body); resp.StatusCode != 200 {
			t.Fatalf("push %d within the burst: %d %s", i, resp.StatusCode, data)
		}
	}
	resp, data := h.request("POST", protocol.PathEvents, dev.Token, pushBody(newEvent(centerA, dev.DeviceID, 1)))
	if e := errorBody(t, data); resp.StatusCode != http.StatusTooManyRequests || e.Code != protocol.CodeRateLimited ||
		resp.Header.Get("Retry-After") != "1" {
		t.Fatalf("push over the rate: %d %v %s", resp.StatusCode, resp.Header, data)
	}
	if h.feedCount(centerA) != 0 {
		t.Fatal("a rate-limited push stored its event")
	}
	other := h.enroll(centerA, protocol.RoleCounter)
	if resp, _ := h.request("POST", protocol.PathEvents, other.Token, body); resp.StatusCode != 200 {
		t.Fatalf("another device is limited too: %d", resp.StatusCode)
	}
	h.clock.Add(time.Second)
	if resp, _ := h.request("POST", protocol.PathEvents, dev.Token, body); resp.StatusCode != 200 {
		t.Fatalf("push after waiting Retry-After: %d", resp.StatusCode)
	}
}

func TestMetrics(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	kiosk := h.enroll(centerA, protocol.RoleKiosk)
	h.enroll(centerA, protocol.RoleCounter)
	revoked := h.enroll(centerB, protocol.RoleKiosk)
	h.admin.Revoke(t.Context(), revoked.DeviceID)
	e := newEvent(centerA, kiosk.DeviceID, 1)
	forged := e
	forged.Payload = []byte(`{"number":"` + newNumber() + `"}`)
	h.clock.Add(time.Minute)
	h.push(kiosk.Token, []cases.Event{e, e, forged})
	if resp, _ := h.request("POST", protocol.PathEvents, kiosk.Token, pushBody(newEvent(centerB, kiosk.DeviceID, 2))); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("push of another center's event: %d, want 403", resp.StatusCode)
	}
	h.request("GET", "/v1/none", "", nil)
	resp, data := h.request("GET", protocol.PathMetrics, "", nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("metrics: %d %v", resp.StatusCode, resp.Header)
	}
	text := string(data)
	seen := strconv.FormatFloat(float64(h.clock.Now().Unix()), 'g', -1, 64)
	for _, line := range []string{
		`tongban_platform_requests_total{path="/v1/events",status="200"} 1`,
		`tongban_platform_requests_total{path="/v1/enroll",status="200"} 3`,
		`tongban_platform_requests_total{path="other",status="404"} 1`,
		`tongban_platform_events_total{result="stored"} 1`,
		`tongban_platform_events_total{result="duplicate"} 1`,
		`tongban_platform_requests_total{path="/v1/events",status="403"} 1`,
		`tongban_platform_events_total{result="rejected"} 1`,
		`tongban_platform_enrollments_total 3`,
		`tongban_platform_feed_events{center="130102"} 1`,
		`tongban_platform_devices{center="130102",role="counter",state="active"} 1`,
		`tongban_platform_devices{center="130104",role="kiosk",state="revoked"} 1`,
		`tongban_platform_device_last_seen_seconds{device="` + kiosk.DeviceID + `",center="130102",short_code="K01",role="kiosk"} ` + seen,
		"# TYPE tongban_platform_requests_total counter",
		"# TYPE tongban_platform_device_last_seen_seconds gauge",
	} {
		if !strings.Contains(text, line+"\n") {
			t.Errorf("metrics lack the line %s", line)
		}
	}
	// Every sample line is name{labels} value.
	sample := regexp.MustCompile(`^[a-z_]+(\{([a-z_]+="([^"\\]|\\.)*",?)*\})? [0-9.e+-]+$`)
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if !strings.HasPrefix(line, "# ") && !sample.MatchString(line) {
			t.Errorf("malformed metrics line %q", line)
		}
	}
	if t.Failed() {
		t.Log(text)
	}
}
