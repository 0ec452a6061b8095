package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestStatusShowsTheRoleTheDeviceRuns: tongban status names the role that
// tongban with no command opens — the configured one, the kiosk demo when
// none is set — and says so when the platform enrolled the device under
// another.
func TestStatusShowsTheRoleTheDeviceRuns(t *testing.T) {
	url := startPlatform(t)
	admin := []string{"--url", url, "--token", testAdminToken, "--center", "130102"}
	enrolledKiosk := t.TempDir()
	must(t, enrolledKiosk, "enroll", "--platform", url, "--code",
		strings.TrimSpace(must(t, "", append([]string{"platform", "code", "--role", "kiosk"}, admin...)...)))
	counter := t.TempDir()
	must(t, counter, "config", "role", "counter")
	newDevice := t.TempDir() // status needs a store: a setting other than the role makes one
	must(t, newDevice, "config", "idle_seconds", "90")
	must(t, enrolledKiosk, "config", "role", "counter")

	tests := []struct {
		name, data       string
		role, enrolledAs string
		line             string
	}{
		{"new device", newDevice, "kiosk", "", "角色 Role        自助机 kiosk（未设置，运行自助机演示 not set: the kiosk demo runs）\n"},
		{"set to counter", counter, "counter", "", "角色 Role        窗口 counter\n"},
		{"enrolled as kiosk, set to counter", enrolledKiosk, "counter", "kiosk", "角色 Role        窗口 counter（平台注册为自助机 enrolled with the platform as kiosk）\n"},
	}
	for _, tt := range tests {
		var s statusJSON
		if err := json.Unmarshal([]byte(must(t, tt.data, "status", "--json")), &s); err != nil {
			t.Fatalf("%s: status --json: %v", tt.name, err)
		}
		if s.Device.Role != tt.role || s.Device.EnrolledRole != tt.enrolledAs {
			t.Errorf("%s: status --json has role %q, enrolled_role %q; want %q and %q", tt.name, s.Device.Role, s.Device.EnrolledRole, tt.role, tt.enrolledAs)
		}
		out := must(t, tt.data, "status")
		if !strings.Contains(out, "("+tt.role+", center 130102") || !strings.Contains(out, tt.line) {
			t.Errorf("%s: tongban status says\n%s\nwant the role %s and the line %q", tt.name, out, tt.role, tt.line)
		}
	}
}
