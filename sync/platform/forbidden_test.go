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

// TestForbiddenAnswers drives every 403 the platform sends: each has a
// code of its own, never unauthorized (that is a missing or wrong token,
// 401), and the OpenAPI document lists a 403 naming that code for its
// call.
func TestForbiddenAnswers(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	kiosk := h.enroll(centerA, protocol.RoleKiosk)
	closed, err := platform.New(h.store, platform.Config{}) // no admin token: admin calls disabled
	if err != nil {
		t.Fatal(err)
	}
	code, err := h.admin.NewCode(t.Context(), protocol.CodeRequest{Center: centerA, Role: protocol.RoleKiosk})
	if err != nil {
		t.Fatal(err)
	}
	h.mustJSON("POST", protocol.PathEnroll, "", protocol.EnrollRequest{Code: code.Code}, new(protocol.EnrollResponse))
	used, _ := json.Marshal(protocol.EnrollRequest{Code: code.Code})
	foreign := newEvent(centerA, cases.NewID(), 1)

	type call struct{ method, path string }
	answers := map[call]string{}
	for _, c := range []call{{"POST", protocol.PathAdminCodes}, {"GET", protocol.PathAdminDevices},
		{"POST", platform.PathAdminRevoke}, {"POST", protocol.PathAdminCatalog},
		{"GET", protocol.PathAdminStaff}, {"POST", protocol.PathAdminStaff}} {
		rec := newRecorder(closed, c.method, strings.Replace(c.path, "{id}", kiosk.DeviceID, 1), adminToken, "{}")
		answers[c] = forbiddenCode(t, c.method+" "+c.path, rec.Code, rec.Body.Bytes())
	}
	resp, data := h.request("GET", protocol.PathStaff, kiosk.Token, nil)
	answers[call{"GET", protocol.PathStaff}] = forbiddenCode(t, "a kiosk's GET /v1/staff", resp.StatusCode, data)
	resp, data = h.request("POST", protocol.PathEnroll, "", used)
	answers[call{"POST", protocol.PathEnroll}] = forbiddenCode(t, "enrolling another device with a used code", resp.StatusCode, data)
	resp, data = h.request("POST", protocol.PathEvents, kiosk.Token, pushBody(foreign))
	answers[call{"POST", protocol.PathEvents}] = forbiddenCode(t, "pushing another device's event", resp.StatusCode, data)

	spec := specAnswers(t)
	for c, got := range answers {
		if got == protocol.CodeUnauthorized {
			t.Errorf("%s %s answers 403 with the code %s, which is for a missing or wrong token (401)", c.method, c.path, got)
		}
		d, ok := spec[c.path][strings.ToLower(c.method)]["403"]
		if !ok {
			t.Errorf("%s %s answers 403 but the OpenAPI document lists no 403 for it", c.method, c.path)
		} else if !strings.Contains(d, "code "+got+")") {
			t.Errorf("the OpenAPI 403 of %s %s says %q, want it to name the code %s", c.method, c.path, d, got)
		}
	}
}

// forbiddenCode fails unless an answer is a 403 with a protocol error,
// and returns its code.
func forbiddenCode(t *testing.T, what string, status int, data []byte) string {
	t.Helper()
	if status != http.StatusForbidden {
		t.Fatalf("%s: %d %s, want 403", what, status, data)
	}
	return errorBody(t, data).Code
}
