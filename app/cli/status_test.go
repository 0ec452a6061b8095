package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestStatusShowsTheRoleTheDeviceRuns: tongban status names the role that
// tongban with no command opens — the configured one, the kiosk demo when
// none is set; a device enrolled as one role cannot be set to run another.
func TestStatusShowsTheRoleTheDeviceRuns(t *testing.T) {
	url := startPlatform(t)
	enrolledKiosk := t.TempDir()
	enrollAs(t, url, enrolledKiosk, "kiosk")
	counter := t.TempDir()
	must(t, counter, "config", "role", "counter")
	newDevice := t.TempDir() // status needs a store: a setting other than the role makes one
	must(t, newDevice, "config", "idle_seconds", "90")
	if _, errOut, code := run(t, enrolledKiosk, "config", "role", "counter"); code != 2 || !strings.Contains(errOut, "enrolled as a kiosk") {
		t.Fatalf("config role counter on a device enrolled as a kiosk: exit %d, %q; want it refused", code, errOut)
	}
	// A backup of an enrolled device restored into a new folder is that
	// device: restore says to use it in place of the original.
	backup := t.TempDir() + "/k.db"
	must(t, enrolledKiosk, "backup", backup)
	if out := must(t, t.TempDir()+"/copy", "restore", backup); !strings.Contains(out, "use it in place of the original device, never beside it") {
		t.Errorf("restoring an enrolled kiosk into a new folder does not warn of two copies:\n%s", out)
	}
	unsetKiosk := t.TempDir() // enrolled, then its role put back to the default: no demo
	enrollAs(t, url, unsetKiosk, "kiosk")
	must(t, unsetKiosk, "config", "role", "default")
	if out := must(t, unsetKiosk, "config"); strings.Contains(out, "demo") {
		t.Errorf("config of an enrolled kiosk with the role unset calls it the demo:\n%s", out)
	}

	tests := []struct {
		name, data       string
		role, enrolledAs string
		line             string
	}{
		{"new device", newDevice, "kiosk", "", "角色 Role        自助机 kiosk（未设置，运行自助机演示 not set: the kiosk demo runs）\n"},
		{"set to counter", counter, "counter", "", "角色 Role        窗口 counter\n"},
		{"enrolled as kiosk", enrolledKiosk, "kiosk", "", "角色 Role        自助机 kiosk\n"},
		{"enrolled as kiosk, role unset", unsetKiosk, "kiosk", "", "角色 Role        自助机 kiosk\n"},
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

// A saved catalog that cannot be read stops no command: the sample is in
// force, a warning says so, and status lists it as a problem for a sync
// to clear.
func TestDamagedCatalogFallsBackToTheSample(t *testing.T) {
	data := t.TempDir()
	addLicenceCase(t, data)
	d, err := (&call{env: Env{Getenv: func(string) string { return "" }}, data: data}).open()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.store.Put(keyCatalog, []byte(`{"version": 9, "items": [`)); err != nil {
		t.Fatal(err)
	}
	d.close()
	out, errOut, code := run(t, data, "cases", "list")
	if code != 0 || !strings.Contains(out, "张三") || !strings.Contains(errOut, "sample catalog is in force") {
		t.Fatalf("cases list with a damaged saved catalog: exit %d, %q, %q", code, out, errOut)
	}
	var s statusJSON
	if err := json.Unmarshal([]byte(must(t, data, "status", "--json")), &s); err != nil {
		t.Fatal(err)
	}
	if !s.CatalogDamaged || len(s.Problems) == 0 || s.Problems[0].Code != "catalog_damaged" {
		t.Errorf("status --json with a damaged catalog: damaged %v, problems %+v", s.CatalogDamaged, s.Problems)
	}
	if _, _, code := run(t, data, "status", "--check"); code != 1 {
		t.Errorf("status --check with a damaged catalog exits %d, want 1", code)
	}
}

// TestStatusSeesASecondCopyOfTheDevice: a device's backup restored into a
// second folder while the first stays in use makes two copies of one
// device, each seeing the other's cases come back in the feed under its
// own device ID: status says device_copied on both. A restore that takes
// a dead machine's place pulls back its last work and says nothing.
func TestStatusSeesASecondCopyOfTheDevice(t *testing.T) {
	url := startPlatform(t)
	k1 := t.TempDir()
	enrollAs(t, url, k1, "kiosk")
	backup := t.TempDir() + "/k1.db"
	must(t, k1, "backup", backup)
	addLicenceCase(t, k1) // the last work before the machine died
	must(t, k1, "sync", "--once")

	replacement := t.TempDir()
	must(t, replacement, "restore", backup)
	must(t, replacement, "sync", "--once")
	if problems := statusProblems(t, replacement); strings.Contains(problems, "device_copied") {
		t.Fatalf("a restore that took a dead machine's place says %s", problems)
	}

	addLicenceCase(t, replacement) // but k1 is still in use beside it
	must(t, replacement, "sync", "--once")
	must(t, k1, "sync", "--once")
	if problems := statusProblems(t, k1); !strings.Contains(problems, "device_copied") {
		t.Fatalf("the first copy, after the second's case came back: problems %s; want device_copied", problems)
	}
	addLicenceCase(t, k1)
	must(t, k1, "sync", "--once")
	must(t, replacement, "sync", "--once")
	if problems := statusProblems(t, replacement); !strings.Contains(problems, "device_copied") {
		t.Fatalf("the second copy, after the first's case came back: problems %s; want device_copied", problems)
	}
}

// statusProblems is the codes of tongban status --json's problems.
func statusProblems(t *testing.T, data string) string {
	t.Helper()
	var s struct {
		Problems []struct{ Code string } `json:"problems"`
	}
	if err := json.Unmarshal([]byte(must(t, data, "status", "--json")), &s); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(s.Problems)
}
