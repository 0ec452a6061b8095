package platform_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/assets"
	"tongban/sync/platform"
	"tongban/sync/platform/storetest"
	"tongban/sync/protocol"
)

// specAnswers reads, per path and method, what the OpenAPI document says
// of each status the call answers.
func specAnswers(t *testing.T) map[string]map[string]map[string]string {
	t.Helper()
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]struct {
				Description string `json:"description"`
			} `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(protocol.OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]map[string]string{}
	for path, ops := range doc.Paths {
		out[path] = map[string]map[string]string{}
		for method, op := range ops {
			out[path][method] = map[string]string{}
			for status, r := range op.Responses {
				out[path][method][status] = r.Description
			}
		}
	}
	return out
}

// documented fails the test unless the document describes the answer
// status of path and method and names its error code there.
func documented(t *testing.T, spec map[string]map[string]map[string]string, method, path string, status int, code string) {
	t.Helper()
	d, ok := spec[path][strings.ToLower(method)][strconv.Itoa(status)]
	switch {
	case !ok:
		t.Errorf("the server answers %s %s with %d %s, which the OpenAPI document does not describe", method, path, status, code)
	case !strings.Contains(d, code):
		t.Errorf("the OpenAPI document's %d answer of %s %s (%q) does not name the code %s", status, method, path, d, code)
	}
}

// TestOpenAPIStatuses holds the OpenAPI document to what the server
// answers: every path answers a wrong method with 405, and every call that
// reads the storage answers 500 internal when it fails and 503
// storage_unavailable when it does not answer; the document describes
// each of those answers, naming the code.
func TestOpenAPIStatuses(t *testing.T) {
	spec := specAnswers(t)
	f := &failing{Storage: storetest.Bolt(t)}
	h := newHarness(t, f, platform.Config{Logger: quiet})
	kiosk := h.enroll(centerA, protocol.RoleKiosk)
	counter := h.enroll(centerA, protocol.RoleCounter)
	for path, ops := range spec {
		resp, data := h.request("PUT", strings.Replace(path, "{id}", kiosk.DeviceID, 1), "", nil)
		e := errorBody(t, data)
		if resp.StatusCode != http.StatusMethodNotAllowed || e.Code != protocol.CodeMethodNotAllowed {
			t.Errorf("PUT %s: %d %+v, want 405 %s", path, resp.StatusCode, e, protocol.CodeMethodNotAllowed)
		}
		for method := range ops {
			documented(t, spec, method, path, http.StatusMethodNotAllowed, protocol.CodeMethodNotAllowed)
		}
	}

	clerk, _ := json.Marshal(newClerk(t, "S001", "王芳"))
	clerkBody, _ := json.Marshal(protocol.StaffUpdate{Center: centerA, Clerk: clerk})
	calls := []struct {
		method, path, token string
		body                []byte
	}{
		{"POST", protocol.PathEnroll, "", []byte(`{"code":"AAAA-BBBB-CCCC"}`)},
		{"POST", protocol.PathEvents, kiosk.Token, pushBody(newEvent(centerA, kiosk.DeviceID, 1))},
		{"GET", protocol.PathEvents, kiosk.Token, nil},
		{"GET", protocol.PathCatalog, kiosk.Token, nil},
		{"GET", protocol.PathStaff, counter.Token, nil},
		{"GET", protocol.PathDevices, kiosk.Token, nil},
		{"GET", protocol.PathMetrics, "", nil},
		{"POST", protocol.PathAdminCodes, adminToken, []byte(`{"center":"130102","role":"kiosk","new_center":true}`)},
		{"GET", protocol.PathAdminDevices, adminToken, nil},
		{"POST", platform.PathAdminRevoke, adminToken, nil},
		{"POST", protocol.PathAdminCatalog, adminToken, assets.SampleCatalog()},
		{"GET", protocol.PathAdminStaff, adminToken, nil},
		{"POST", protocol.PathAdminStaff, adminToken, clerkBody},
	}
	for _, mode := range []struct {
		down   bool
		status int
		code   string
	}{{false, http.StatusInternalServerError, protocol.CodeInternal}, {true, http.StatusServiceUnavailable, protocol.CodeStorageDown}} {
		f.fail(errors.New("the storage failed"), mode.down)
		for _, c := range calls {
			url := strings.Replace(c.path, "{id}", kiosk.DeviceID, 1)
			if c.path == protocol.PathAdminStaff && c.method == "GET" {
				url += "?center=" + centerA
			}
			resp, data := h.request(c.method, url, c.token, c.body)
			e := errorBody(t, data)
			if resp.StatusCode != mode.status || e.Code != mode.code {
				t.Errorf("%s %s with a storage that fails (down %v): %d %+v, want %d %s", c.method, c.path, mode.down, resp.StatusCode, e, mode.status, mode.code)
			}
			documented(t, spec, c.method, c.path, mode.status, mode.code)
		}
		resp, data := h.request("GET", protocol.PathHealth, "", nil)
		if e := errorBody(t, data); resp.StatusCode != http.StatusServiceUnavailable || e.Code != protocol.CodeStorageDown {
			t.Errorf("health with a storage that fails: %d %+v, want 503 %s", resp.StatusCode, e, protocol.CodeStorageDown)
		}
	}
	f.fail(nil, false)
	documented(t, spec, "GET", protocol.PathHealth, http.StatusServiceUnavailable, protocol.CodeStorageDown)
}

// TestEnrollConflicts: each refusal of POST /v1/enroll with 409 has its
// own code, which the OpenAPI document names, and leaves the code unused.
func TestEnrollConflicts(t *testing.T) {
	spec := specAnswers(t)
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		local := cases.NewID()
		h.enrollWith(centerA, protocol.RoleKiosk, protocol.EnrollRequest{DeviceID: local})
		for _, tt := range []struct {
			name, center, role string
			req                protocol.EnrollRequest
			code, says         string
		}{
			{"a code of another center", centerB, protocol.RoleKiosk, protocol.EnrollRequest{DeviceID: local}, protocol.CodeOtherCenter, "enrolled in another center"},
			{"a code of another role", centerA, protocol.RoleCounter, protocol.EnrollRequest{DeviceID: local}, protocol.CodeOtherRole, "enrolled in another role"},
			{"cases of another center", centerA, protocol.RoleKiosk, protocol.EnrollRequest{CasesCenter: centerB}, protocol.CodeCasesCenter, "belong to another center"},
		} {
			code, err := h.admin.NewCode(t.Context(), protocol.CodeRequest{Center: tt.center, Role: tt.role, NewCenter: true})
			if err != nil {
				t.Fatal(err)
			}
			tt.req.Code = code.Code
			body, _ := json.Marshal(tt.req)
			resp, data := h.request("POST", protocol.PathEnroll, "", body)
			if e := errorBody(t, data); resp.StatusCode != http.StatusConflict || e.Code != tt.code || !strings.Contains(e.Message, tt.says) {
				t.Errorf("%s: %d %+v, want 409 %s saying %q", tt.name, resp.StatusCode, e, tt.code, tt.says)
			}
			documented(t, spec, "POST", protocol.PathEnroll, http.StatusConflict, tt.code)
			var fresh protocol.EnrollResponse
			h.mustJSON("POST", protocol.PathEnroll, "", protocol.EnrollRequest{Code: code.Code}, &fresh) // still unused
		}
	})
	f := &failing{Storage: storetest.Bolt(t)}
	h := newHarness(t, f, platform.Config{})
	f.fail(platform.ErrShortCodesExhausted, false)
	resp, data := h.request("POST", protocol.PathEnroll, "", []byte(`{"code":"AAAA-BBBB-CCCC"}`))
	if e := errorBody(t, data); resp.StatusCode != http.StatusConflict || e.Code != protocol.CodeShortCodesExhausted {
		t.Errorf("no short code left: %d %+v, want 409 %s", resp.StatusCode, e, protocol.CodeShortCodesExhausted)
	}
	documented(t, spec, "POST", protocol.PathEnroll, http.StatusConflict, protocol.CodeShortCodesExhausted)
}
