package platform_test

import (
	"encoding/json"
	"strings"
	"testing"

	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// TestCenterDevices: GET /v1/devices gives a device its own center's
// devices — itself included, a revoked one marked, another center's none —
// with nothing secret in the answer.
func TestCenterDevices(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		kiosk := h.enroll(centerA, protocol.RoleKiosk)
		c1 := h.enroll(centerA, protocol.RoleCounter)
		c2 := h.enroll(centerA, protocol.RoleCounter)
		gone := h.enroll(centerA, protocol.RoleKiosk)
		other := h.enroll(centerB, protocol.RoleCounter)
		if _, err := h.admin.Revoke(t.Context(), gone.DeviceID); err != nil {
			t.Fatal(err)
		}
		resp, data := h.request("GET", protocol.PathDevices, c1.Token, nil)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", protocol.PathDevices, resp.StatusCode, data)
		}
		var got protocol.DevicesResponse
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatalf("GET %s answered %s: %v", protocol.PathDevices, data, err)
		}
		want := []protocol.CenterDevice{
			{ID: c1.DeviceID, Role: protocol.RoleCounter, ShortCode: "C01"},
			{ID: c2.DeviceID, Role: protocol.RoleCounter, ShortCode: "C02"},
			{ID: kiosk.DeviceID, Role: protocol.RoleKiosk, ShortCode: "K01"},
			{ID: gone.DeviceID, Role: protocol.RoleKiosk, ShortCode: "K02", Revoked: true},
		}
		if len(got.Devices) != len(want) {
			t.Fatalf("center %s's devices: %+v, want %+v", centerA, got.Devices, want)
		}
		for i := range want {
			if got.Devices[i] != want[i] {
				t.Errorf("device %d: %+v, want %+v", i, got.Devices[i], want[i])
			}
		}
		for _, secret := range []string{other.DeviceID, c1.Token, kiosk.Token, `"name"`, "enrolled", "last_seen", "center"} {
			if strings.Contains(string(data), secret) {
				t.Errorf("the answer holds %q: %s", secret, data)
			}
		}

		var b protocol.DevicesResponse
		h.mustJSON("GET", protocol.PathDevices, other.Token, nil, &b)
		if len(b.Devices) != 1 || b.Devices[0].ID != other.DeviceID || b.Devices[0].ShortCode != "C01" {
			t.Errorf("center %s's devices: %+v, want only its counter C01", centerB, b.Devices)
		}
	})
}

// TestCenterDevicesRefused: without a valid device token the directory is
// refused in one sentence, and the refusal is counted in /metrics under
// its path like every call.
func TestCenterDevicesRefused(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	dev := h.enroll(centerA, protocol.RoleKiosk)
	revoked := h.enroll(centerA, protocol.RoleCounter)
	if _, err := h.admin.Revoke(t.Context(), revoked.DeviceID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, method, token string
		status              int
		code, says          string
	}{
		{"no device token", "GET", "", 401, protocol.CodeUnauthorized, "enroll"},
		{"unknown token", "GET", "not-a-token", 401, protocol.CodeUnauthorized, "enroll"},
		{"revoked device", "GET", revoked.Token, 401, protocol.CodeRevoked, "revoked"},
		{"admin token", "GET", adminToken, 401, protocol.CodeUnauthorized, "enroll"},
		{"wrong method", "POST", dev.Token, 405, protocol.CodeMethodNotAllowed, "GET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, data := h.request(tt.method, protocol.PathDevices, tt.token, nil)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d (%s)", resp.StatusCode, tt.status, data)
			}
			if e := errorBody(t, data); e.Code != tt.code || !strings.Contains(e.Message, tt.says) {
				t.Fatalf("error %+v, want code %s and a sentence mentioning %q", e, tt.code, tt.says)
			}
		})
	}
	h.request("GET", protocol.PathDevices, dev.Token, nil)
	_, data := h.request("GET", protocol.PathMetrics, "", nil)
	for _, line := range []string{
		`tongban_platform_requests_total{path="/v1/devices",status="200"} 1`,
		`tongban_platform_requests_total{path="/v1/devices",status="401"} 4`,
	} {
		if !strings.Contains(string(data), line+"\n") {
			t.Errorf("metrics lack the line %s", line)
		}
	}
}
