package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongban/app/store"
)

// newCode makes an enrollment code on a platform.
func newCode(t *testing.T, url, role string) string {
	t.Helper()
	return strings.TrimSpace(must(t, "", "platform", "code", "--url", url, "--token", testAdminToken, "--center", "130102", "--role", role))
}

// revokeOn revokes the device of the data folder on the platform at url,
// as its administrator does before the device takes a new code.
func revokeOn(t *testing.T, url, data string) {
	t.Helper()
	var st statusJSON
	json.Unmarshal([]byte(must(t, data, "status", "--json")), &st)
	must(t, "", "platform", "devices", "--url", url, "--token", testAdminToken, "--revoke", st.Device.ID)
}

// TestEnrollRefusesDemoCases: a folder holding cases made before
// enrollment is not enrolled unless --keep-cases says to upload them; the
// refusal costs no enrollment code. A re-enrollment has no demo cases.
func TestEnrollRefusesDemoCases(t *testing.T) {
	url := startPlatform(t)
	data := t.TempDir()
	addLicenceCase(t, data)
	addLicenceCase(t, data)
	code := newCode(t, url, "kiosk")

	_, errOut, exit := run(t, data, "enroll", "--platform", url, "--code", code)
	if exit != exitBadArgs {
		t.Fatalf("enroll over demo cases: exit %d (%q), want 2", exit, errOut)
	}
	zh, en := wantBilingual(t, "enroll over demo cases", errOut)
	if !strings.Contains(zh, "有 2 件注册前") || !strings.Contains(zh, "--keep-cases") ||
		!strings.Contains(en, "holds cases made before enrollment (2,") || !strings.Contains(en, "empty data folder") {
		t.Errorf("enroll over demo cases said %q / %q; want the count and what to do", zh, en)
	}
	var st statusJSON
	json.Unmarshal([]byte(must(t, data, "status", "--json")), &st)
	if st.Device.Enrolled || st.Pending != 2 {
		t.Fatalf("after the refusal: enrolled %v, pending %d; want not enrolled, 2 pending", st.Device.Enrolled, st.Pending)
	}

	// Kept cases are 130102's: a code of another center is refused before
	// it is used, as they could never be sent there.
	elsewhere := strings.TrimSpace(must(t, "", "platform", "code", "--url", url, "--token", testAdminToken, "--center", "130199", "--role", "kiosk", "--new-center"))
	_, errOut, exit = run(t, data, "enroll", "--platform", url, "--code", elsewhere, "--keep-cases")
	if zh, en := wantBilingual(t, "enroll --keep-cases into another center", errOut); exit == 0 || !strings.Contains(zh, "属于另一个中心") ||
		!strings.Contains(zh, "注册码没有用掉") || !strings.Contains(en, "belong to another center") {
		t.Errorf("enroll --keep-cases with another center's code: exit %d, %q", exit, errOut)
	}
	must(t, t.TempDir(), "enroll", "--platform", url, "--code", elsewhere) // it was not used

	must(t, data, "enroll", "--platform", url, "--code", code, "--keep-cases") // the same code: it was not used
	out := must(t, data, "sync", "--once", "--json")
	var rep struct{ Pushed, Pending int }
	if json.Unmarshal([]byte(out), &rep); rep.Pushed != 2 || rep.Pending != 0 {
		t.Errorf("sync after enroll --keep-cases = %s; want the 2 cases pushed", out)
	}
	addLicenceCase(t, data)
	// A new code for a device that is enrolled and in use is refused, and
	// stays unused: whoever knew the device's ID (or copied its disk) would
	// take its identity. Once an administrator revokes it, it enrolls.
	again := newCode(t, url, "kiosk")
	_, errOut, exit = run(t, data, "enroll", "--platform", url, "--code", again)
	if zh, en := wantBilingual(t, "a new code for a device in use", errOut); exit == 0 || !strings.Contains(zh, "仍在使用") ||
		!strings.Contains(zh, "注册码没有用掉") || !strings.Contains(en, "revokes it first (tongban platform devices --revoke K01 --center 130102") {
		t.Errorf("a new code for a device in use: exit %d, %q; want a refusal saying to revoke it first", exit, errOut)
	}
	revokeOn(t, url, data)
	if _, errOut, exit := run(t, data, "enroll", "--platform", url, "--code", again); exit != 0 {
		t.Errorf("re-enrolling a revoked device with a case pending: exit %d, %s; want it enrolled", exit, errOut)
	}
}

// TestEnrollFailureLeavesNoStore: an enrollment that fails on a folder
// that had no store leaves none behind; one that had a store keeps it.
func TestEnrollFailureLeavesNoStore(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "kiosk")
	if _, _, exit := run(t, fresh, "enroll", "--platform", "http://127.0.0.1:1", "--code", "ABCD"); exit != exitFailed {
		t.Fatalf("enroll with nobody there: exit %d, want 1", exit)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a failed enrollment left the folder %s (%v)", fresh, err)
	}
	empty := t.TempDir()
	run(t, empty, "enroll", "--platform", "http://127.0.0.1:1", "--code", "ABCD")
	if _, err := os.Stat(filepath.Join(empty, store.FileName)); !os.IsNotExist(err) {
		t.Errorf("a failed enrollment left a store in %s (%v)", empty, err)
	}
	if _, err := os.Stat(empty); err != nil {
		t.Errorf("a failed enrollment removed the folder that was there: %v", err)
	}
	used := t.TempDir()
	must(t, used, "config", "role", "counter")
	run(t, used, "enroll", "--platform", "http://127.0.0.1:1", "--code", "ABCD")
	if out := must(t, used, "config"); !strings.Contains(out, "role             counter") {
		t.Errorf("a failed enrollment lost the folder's settings:\n%s", out)
	}
}

// TestEnrollWithAnotherPlatform: enrolling with another platform says so,
// and the next sync sends the device's events to it.
func TestEnrollWithAnotherPlatform(t *testing.T) {
	first, second := startPlatform(t), startPlatform(t)
	data := t.TempDir()
	must(t, data, "enroll", "--platform", first, "--code", newCode(t, first, "kiosk"))
	addLicenceCase(t, data)
	must(t, data, "sync", "--once")

	out := must(t, data, "enroll", "--platform", second, "--code", newCode(t, second, "kiosk"), "--json")
	var e struct {
		CenterName string `json:"center_name"`
		Moved      bool   `json:"moved_platform"`
		Requeued   int    `json:"requeued_events"`
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil || !e.Moved || e.Requeued != 1 || e.CenterName != "石家庄市长安区政务服务中心" {
		t.Fatalf("enroll with another platform --json = %s (%v); want moved, 1 event requeued, the center's name", out, err)
	}
	out = must(t, data, "sync", "--once", "--json")
	var rep struct{ Pushed, Pending int }
	if json.Unmarshal([]byte(out), &rep); rep.Pushed != 1 || rep.Pending != 0 {
		t.Errorf("sync with the new platform = %s; want the case pushed to it", out)
	}
	revokeOn(t, first, data)
	out = must(t, data, "enroll", "--platform", first, "--code", newCode(t, first, "kiosk"))
	if !strings.Contains(out, "已注册为中心 130102 石家庄市长安区政务服务中心 的自助机 K01") || !strings.Contains(out, "Enrolled as kiosk K01 of center 130102 Chang'an District") ||
		!strings.Contains(out, "重新排队") || !strings.Contains(out, "queues the events it made again for it (1;") {
		t.Errorf("enrolling back with the first platform said\n%s\nwant the center's name and the requeued event", out)
	}
}

// TestSyncOnceFailureReportsTheDevice: a one-shot sync with the platform
// gone reports the catalog the device holds and says nothing waits when
// nothing does.
func TestSyncOnceFailureReportsTheDevice(t *testing.T) {
	hs := startPlatformServer(t)
	data := t.TempDir()
	must(t, data, "enroll", "--platform", hs.URL, "--code", newCode(t, hs.URL, "kiosk"))
	var st statusJSON
	json.Unmarshal([]byte(must(t, data, "status", "--json")), &st)
	hs.Close()
	out, errOut, exit := run(t, data, "sync", "--once", "--json")
	var rep struct {
		CatalogVersion int    `json:"catalog_version"`
		Error          string `json:"error"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || exit != exitFailed {
		t.Fatalf("sync --once --json with the platform gone: exit %d, %q (%v)", exit, out, err)
	}
	if rep.CatalogVersion != st.CatalogVersion || rep.CatalogVersion == 0 {
		t.Errorf("the failed sync reports catalog version %d, the device has %d", rep.CatalogVersion, st.CatalogVersion)
	}
	if !strings.Contains(rep.Error, "nothing waits to be sent") || strings.Contains(errOut, "queued") {
		t.Errorf("with nothing pending the failed sync said %q / %q", rep.Error, errOut)
	}
}

// TestEnrollTakesThePlatformsRole: a device set up as a counter and
// enrolled with a kiosk code becomes a kiosk, and says so; enrolling with
// the role it has says nothing of roles.
func TestEnrollTakesThePlatformsRole(t *testing.T) {
	url := startPlatform(t)
	data := t.TempDir()
	must(t, data, "config", "role", "counter")
	out := must(t, data, "enroll", "--platform", url, "--code", newCode(t, url, "kiosk"))
	want := "本机设置的角色已由窗口改为平台注册的自助机。 This device's role was changed from counter to kiosk, the role the platform enrolled it as.\n"
	if !strings.Contains(out, want) {
		t.Errorf("enroll with a kiosk code on a counter said\n%s\nwant the line %q", out, want)
	}
	if got := must(t, data, "config", "role"); got != "kiosk\n" {
		t.Errorf("config role after enrolling as a kiosk = %q, want kiosk", got)
	}
	var st statusJSON
	json.Unmarshal([]byte(must(t, data, "status", "--json")), &st)
	if st.Device.Role != "kiosk" || st.Device.EnrolledRole != "" {
		t.Errorf("status after enrolling: role %q, enrolled_role %q; want kiosk and none", st.Device.Role, st.Device.EnrolledRole)
	}

	// Once enrolled, the role is the device's: a counter code does not
	// turn the kiosk into a counter (its work would read as a counter's),
	// and the code stays for a new device.
	counterCode := newCode(t, url, "counter")
	_, errOut, exit := run(t, data, "enroll", "--platform", url, "--code", counterCode)
	if zh, en := wantBilingual(t, "enroll a kiosk with a counter code", errOut); exit == 0 || !strings.Contains(zh, "本设备已注册为另一种角色") ||
		!strings.Contains(zh, "空的数据目录") || !strings.Contains(en, "enrolled in another role") {
		t.Errorf("enroll a kiosk with a counter code: exit %d, %q", exit, errOut)
	}
	if got := must(t, data, "config", "role"); got != "kiosk\n" {
		t.Errorf("config role after the refused enrollment = %q, want kiosk", got)
	}
	out = must(t, t.TempDir(), "enroll", "--platform", url, "--code", counterCode, "--json")
	var e struct {
		Role    string `json:"role"`
		RoleWas string `json:"role_was"`
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil || e.Role != "counter" || e.RoleWas != "" {
		t.Errorf("enroll --json of an empty folder with the refused code = %s (%v); want role counter", out, err)
	}
	revokeOn(t, url, data)
	if out := must(t, data, "enroll", "--platform", url, "--code", newCode(t, url, "kiosk")); strings.Contains(out, "role was changed") {
		t.Errorf("enrolling with the role the device has said %q", out)
	}
}
