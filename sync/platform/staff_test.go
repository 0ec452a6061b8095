package platform_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"tongban/app/staff"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

func init() { staff.Iterations = 1000 } // PIN hashing cost is a parameter; keep tests quick

// newClerk makes a clerk with a hashed PIN.
func newClerk(t testing.TB, id, name string) staff.Clerk {
	t.Helper()
	c, err := staff.New(id, name, "2468")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// getStaff asks GET /v1/staff as a device and decodes a 200.
func (h *harness) getStaff(token, since string) (status int, version string, resp protocol.StaffResponse) {
	h.t.Helper()
	r, data := h.request("GET", protocol.PathStaff+"?since="+since, token, nil)
	if r.StatusCode == http.StatusOK {
		if err := json.Unmarshal(data, &resp); err != nil {
			h.t.Fatalf("GET %s: answer %q: %v", protocol.PathStaff, data, err)
		}
	}
	return r.StatusCode, r.Header.Get(protocol.HeaderStaffVersion), resp
}

// TestStaffSync: an admin adds and disables clerks; each device of the
// center gets the whole list when its version is behind, 304 when not,
// and another center sees none of them.
func TestStaffSync(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		ctx := t.Context()
		counter := h.enroll(centerA, protocol.RoleCounter)
		other := h.enroll(centerB, protocol.RoleCounter)
		kiosk := h.enroll(centerA, protocol.RoleKiosk)
		if status, _, _ := h.getStaff(kiosk.Token, "0"); status != http.StatusForbidden {
			t.Fatalf("a kiosk asked for the staff list: %d, want 403 (kiosks keep no PIN hashes)", status)
		}
		if status, v, _ := h.getStaff(counter.Token, "0"); status != http.StatusNotModified || v != "0" {
			t.Fatalf("a center without clerks: %d, version %q; want 304 and version 0", status, v)
		}
		wang := newClerk(t, "S001", "王芳")
		wang.Windows, wang.Queues = []string{"A03"}, []string{"A"}
		if got, err := h.admin.PutClerk(ctx, centerA, wang); err != nil || got != (protocol.StaffUpdated{Center: centerA, ID: "S001", Version: 1}) {
			t.Fatalf("PutClerk S001 = %+v, %v", got, err)
		}
		if _, err := h.admin.PutClerk(ctx, centerA, newClerk(t, "S002", "李四")); err != nil {
			t.Fatal(err)
		}
		status, v, resp := h.getStaff(counter.Token, "0")
		if status != http.StatusOK || v != "2" || resp.Version != 2 || len(resp.Clerks) != 2 {
			t.Fatalf("GET since 0: %d, header %q, %+v; want version 2 with two clerks", status, v, resp)
		}
		var got staff.Clerk
		if err := json.Unmarshal(resp.Clerks[0], &got); err != nil || got.ID != "S001" || got.Windows[0] != "A03" ||
			got.Check("2468") != nil || strings.Contains(string(resp.Clerks[0]), "2468") {
			t.Fatalf("first clerk %s (%v): want S001 with its window and a PIN hash that checks, no PIN", resp.Clerks[0], err)
		}
		if status, v, _ := h.getStaff(counter.Token, "2"); status != http.StatusNotModified || v != "2" {
			t.Fatalf("GET since the current version: %d %q, want 304 and version 2", status, v)
		}
		if status, _, _ := h.getStaff(other.Token, "0"); status != http.StatusNotModified {
			t.Fatalf("another center's device: %d, want 304 (no clerks of its own)", status)
		}

		// Disabling is a replacement that devices learn of.
		wang.Disabled = true
		if got, err := h.admin.PutClerk(ctx, centerA, wang); err != nil || got.Version != 3 {
			t.Fatalf("disabling S001: %+v, %v", got, err)
		}
		_, _, resp = h.getStaff(counter.Token, "2")
		json.Unmarshal(resp.Clerks[0], &got)
		if resp.Version != 3 || len(resp.Clerks) != 2 || !got.Disabled || !errors.Is(got.Check("2468"), staff.ErrDisabled) {
			t.Fatalf("after disabling: %+v, first %+v; want version 3 with S001 disabled", resp, got)
		}
		// A device ahead of the platform (restored from a backup) gets the list again.
		if status, _, resp := h.getStaff(counter.Token, "9"); status != http.StatusOK || resp.Version != 3 {
			t.Fatalf("GET since 9 on version 3: %d %+v, want 200 with version 3", status, resp)
		}
		v2, clerks, err := h.admin.Staff(ctx, centerA)
		if err != nil || v2 != 3 || len(clerks) != 2 || clerks[1].Name != "李四" {
			t.Fatalf("admin Staff = %d %+v, %v", v2, clerks, err)
		}
		if v2, clerks, err := h.admin.Staff(ctx, centerB); err != nil || v2 != 0 || len(clerks) != 0 {
			t.Fatalf("admin Staff of a center without clerks = %d %+v, %v", v2, clerks, err)
		}
	})
}

// TestStaffBadInput: every bad staff request gets a 4xx with one sentence
// and changes nothing.
func TestStaffBadInput(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	dev := h.enroll(centerA, protocol.RoleCounter)
	revoked := h.enroll(centerA, protocol.RoleCounter)
	if _, err := h.admin.Revoke(t.Context(), revoked.DeviceID); err != nil {
		t.Fatal(err)
	}
	good := newClerk(t, "S001", "王芳")
	clerkJSON := func(change func(c *staff.Clerk)) string {
		c := good
		change(&c)
		b, _ := json.Marshal(c)
		return string(b)
	}
	update := func(center, clerk string) []byte {
		return []byte(`{"center":"` + center + `","clerk":` + clerk + `}`)
	}
	okClerk := clerkJSON(func(*staff.Clerk) {})
	tests := []struct {
		name, method, path, token string
		body                      []byte
		status                    int
		code                      string
		says                      string
	}{
		{"bad since", "GET", protocol.PathStaff + "?since=new", dev.Token, nil, 400, protocol.CodeBadRequest, "staff version"},
		{"negative since", "GET", protocol.PathStaff + "?since=-1", dev.Token, nil, 400, protocol.CodeBadRequest, "staff version"},
		{"no device token", "GET", protocol.PathStaff, "", nil, 401, protocol.CodeUnauthorized, "enroll"},
		{"revoked device", "GET", protocol.PathStaff, revoked.Token, nil, 401, protocol.CodeRevoked, "revoked"},
		{"admin token on the device call", "GET", protocol.PathStaff, adminToken, nil, 401, protocol.CodeUnauthorized, "enroll"},
		{"wrong method", "PUT", protocol.PathStaff, dev.Token, nil, 405, protocol.CodeMethodNotAllowed, "GET"},
		{"put without admin token", "POST", protocol.PathAdminStaff, "", update(centerA, okClerk), 401, protocol.CodeUnauthorized, "admin"},
		{"put with a device token", "POST", protocol.PathAdminStaff, dev.Token, update(centerA, okClerk), 401, protocol.CodeUnauthorized, "admin"},
		{"list without center", "GET", protocol.PathAdminStaff, adminToken, nil, 400, protocol.CodeBadRequest, "6-digit"},
		{"malformed JSON", "POST", protocol.PathAdminStaff, adminToken, []byte(`{"center":`), 400, protocol.CodeBadRequest, "JSON"},
		{"unknown field", "POST", protocol.PathAdminStaff, adminToken, []byte(`{"center":"130102","pin":"2468"}`), 400, protocol.CodeBadRequest, `"pin"`},
		{"bad center", "POST", protocol.PathAdminStaff, adminToken, update("1301", okClerk), 400, protocol.CodeBadRequest, "6-digit"},
		{"no clerk", "POST", protocol.PathAdminStaff, adminToken, []byte(`{"center":"130102"}`), 400, protocol.CodeBadRequest, "no clerk"},
		{"null clerk", "POST", protocol.PathAdminStaff, adminToken, update(centerA, "null"), 400, protocol.CodeBadRequest, "no clerk"},
		{"clerk that is a string", "POST", protocol.PathAdminStaff, adminToken, update(centerA, `"S001"`), 400, protocol.CodeBadRequest, "staff record"},
		{"clerk with a bad PIN field", "POST", protocol.PathAdminStaff, adminToken, update(centerA, `{"id":"S001","name":"x","pin":"2468"}`), 400, protocol.CodeBadRequest, "staff record"},
		{"bad staff ID", "POST", protocol.PathAdminStaff, adminToken, update(centerA, clerkJSON(func(c *staff.Clerk) { c.ID = "王芳" })), 400, protocol.CodeBadRequest, "staff ID"},
		{"no PIN hash", "POST", protocol.PathAdminStaff, adminToken, update(centerA, clerkJSON(func(c *staff.Clerk) { c.PIN = staff.PINHash{} })), 400, protocol.CodeBadRequest, "PIN hash"},
		{"PIN cost that hangs sign-in", "POST", protocol.PathAdminStaff, adminToken, update(centerA, clerkJSON(func(c *staff.Clerk) { c.PIN.Iterations = 1 << 30 })), 400, protocol.CodeBadRequest, "PIN hash"},
		{"no name", "POST", protocol.PathAdminStaff, adminToken, update(centerA, clerkJSON(func(c *staff.Clerk) { c.Name = "" })), 400, protocol.CodeBadRequest, "name"},
		{"body over the limit", "POST", protocol.PathAdminStaff, adminToken, update(centerA, `{"id":"S001","name":"`+strings.Repeat("x", 70<<10)+`"}`), 413, protocol.CodeTooLarge, "larger"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, data := h.request(tt.method, tt.path, tt.token, tt.body)
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
			if v, _, err := h.store.Clerks(t.Context(), centerA, 0); err != nil || v != 0 {
				t.Fatalf("a bad request changed the staff: version %d, %v", v, err)
			}
		})
	}
}

// FuzzPutClerk sends arbitrary clerks to POST /v1/admin/staff: a 200 only
// for a clerk a counter can check a PIN against, else a 4xx with the
// protocol's error body; never a 5xx or a panic.
func FuzzPutClerk(f *testing.F) {
	s, _ := fuzzServer(f)
	c, err := staff.New("S001", "王芳", "2468")
	if err != nil {
		f.Fatal(err)
	}
	good, _ := json.Marshal(c)
	f.Add(string(good))
	f.Add(`{"id":"S001","name":"x","pin":{"salt":"AAAAAAAAAAA=","iterations":1,"hash":"AAAAAAAAAAAAAAAAAAAAAA=="}}`)
	f.Add(`{"id":"","pin":{}}`)
	f.Add(`[]`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, clerk string) {
		body, _ := json.Marshal(map[string]any{"center": centerA, "clerk": json.RawMessage(clerk)})
		if !json.Valid([]byte(clerk)) {
			body = []byte(`{"center":"130102","clerk":` + clerk + `}`)
		}
		rec := newRecorder(s, "POST", protocol.PathAdminStaff, adminToken, string(body))
		switch {
		case rec.Code == http.StatusOK:
			var c staff.Clerk
			if err := json.Unmarshal([]byte(clerk), &c); err != nil || c.Valid() != nil {
				t.Fatalf("200 for a clerk that is not usable: %q (%v)", clerk, err)
			}
		case rec.Code >= 400 && rec.Code < 500:
			var e protocol.Error
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Code == "" || e.Message == "" {
				t.Fatalf("%d without an error body: %q", rec.Code, rec.Body)
			}
		default:
			t.Fatalf("status %d for clerk %q: %s", rec.Code, clerk, rec.Body)
		}
	})
}
