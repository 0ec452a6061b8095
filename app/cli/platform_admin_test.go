package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"tongban/assets"
	"tongban/sync/platform/storetest"
)

// TestPlatformCodeUnknownCenter: a code for a center the platform has not
// heard of is refused in both languages, naming the center, the centers
// it knows and --new-center, and given with --new-center.
func TestPlatformCodeUnknownCenter(t *testing.T) {
	url := startPlatform(t)
	admin := []string{"--url", url, "--token", testAdminToken}
	must(t, t.TempDir(), "enroll", "--platform", url, "--code", newCode(t, url, "kiosk"))

	_, errOut, exit := run(t, "", append([]string{"platform", "code", "--center", "999999", "--role", "kiosk"}, admin...)...)
	zh, en := wantBilingual(t, "a code for an unknown center", errOut)
	if exit != exitBadArgs || !strings.Contains(zh, "平台不认识中心 999999") || !strings.Contains(zh, "平台认识的中心：130102）") || !strings.Contains(zh, "--new-center") ||
		!strings.Contains(en, "Center 999999 is not one this platform knows (it knows 130102 from") || !strings.Contains(en, "--new-center") {
		t.Fatalf("a code for an unknown center: exit %d, %q / %q; want exit 2 naming 999999, 130102 and --new-center", exit, zh, en)
	}
	out, errOut, exit := run(t, "", append([]string{"platform", "code", "--center", "999999", "--role", "kiosk", "--new-center"}, admin...)...)
	if exit != 0 || len(strings.TrimSpace(out)) != 14 {
		t.Fatalf("a code with --new-center: exit %d, printed %q, want the code", exit, out)
	}
	// The new center has no catalog: its devices would print 130102's name.
	if !strings.Contains(errOut, "中心 999999 还没有事项目录") || !strings.Contains(errOut, "tongban platform catalog import") {
		t.Errorf("a code for a center with no catalog (and no default) warned %q; want the note naming 999999", errOut)
	}
	// With the sample published as the default, the note names its center.
	sample := filepath.Join(t.TempDir(), "sample.json")
	os.WriteFile(sample, assets.SampleCatalog(), 0o600)
	must(t, "", append([]string{"platform", "catalog", "import", sample, "--default"}, admin...)...)
	_, errOut, _ = run(t, "", append([]string{"platform", "code", "--center", "999998", "--role", "kiosk", "--new-center"}, admin...)...)
	if !strings.Contains(errOut, "中心 999998 还没有自己的事项目录") || !strings.Contains(errOut, "center 130102's default catalog") {
		t.Errorf("a code for a center with no catalog of its own warned %q; want the note naming 999998 and 130102", errOut)
	}
}

// TestPlatformCatalogImportBadFile: a file that is not a catalog is named
// in the Chinese sentence too, with the loader's detail in English.
func TestPlatformCatalogImportBadFile(t *testing.T) {
	url := startPlatform(t)
	file := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(file, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, exit := run(t, "", "platform", "catalog", "import", file, "--url", url, "--token", testAdminToken)
	zh, en := wantBilingual(t, "catalog import of a file that is not a catalog", errOut)
	if exit != exitBadArgs || !strings.Contains(zh, "文件 "+file+" 不是有效的事项目录") || !strings.Contains(zh, "英文说明") ||
		!strings.Contains(en, file+" is not a valid catalog, so nothing was imported: catalog is not valid JSON") {
		t.Fatalf("catalog import of /etc/passwd's like: exit %d, %q / %q", exit, zh, en)
	}
}

// TestPlatformDevicesTable: the device list has a header in both
// languages that says the times are the center's, a state column, and
// its columns line up; revoking an unknown ID names it in Chinese too.
func TestPlatformDevicesTable(t *testing.T) {
	url := startPlatform(t)
	admin := []string{"--url", url, "--token", testAdminToken}
	if out := must(t, "", append([]string{"platform", "devices"}, admin...)...); !strings.Contains(out, "还没有注册的设备") || !strings.Contains(out, "No device is enrolled") {
		t.Fatalf("devices of an empty platform = %q", out)
	}
	kiosk, counter := t.TempDir(), t.TempDir()
	must(t, kiosk, "enroll", "--platform", url, "--code", newCode(t, url, "kiosk"))
	must(t, counter, "enroll", "--platform", url, "--code", newCode(t, url, "counter"))
	var st statusJSON
	if err := json.Unmarshal([]byte(must(t, counter, "status", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	must(t, "", append([]string{"platform", "devices", "--revoke", st.Device.ID}, admin...)...)

	out := must(t, "", append([]string{"platform", "devices"}, admin...)...)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("devices printed %d lines, want a header and 2 devices:\n%s", len(lines), out)
	}
	head := lines[0]
	for _, w := range []string{"设备编号 Device ID", "角色 Role", "代号 Code", "中心 Center", "名称 Name", "状态 State", "最近联系（中心时间 UTC+8） Last seen (center time, UTC+8)"} {
		if !strings.Contains(head, w) {
			t.Fatalf("the header %q lacks %q", head, w)
		}
	}
	col := func(line, word string) int { return displayWidth(line[:strings.Index(line, word)]) }
	var active, revoked string
	for _, l := range lines[1:] {
		switch {
		case strings.Contains(l, st.Device.ID):
			revoked = l
		default:
			active = l
		}
	}
	if !strings.Contains(active, " kiosk ") || !strings.Contains(active, "在用 active") ||
		!strings.Contains(revoked, " counter ") || !strings.Contains(revoked, "已吊销 revoked") {
		t.Fatalf("the rows do not say each device's state:\n%s", out)
	}
	if s, h := col(active, "在用"), col(head, "状态"); s != h || col(revoked, "已吊销") != h {
		t.Fatalf("the state column does not line up with its header (%d, %d, header %d):\n%s", s, col(revoked, "已吊销"), h, out)
	}
	seen := strings.TrimSpace(active[strings.Index(active, "active")+len("active"):])
	if _, err := time.Parse("2006-01-02 15:04:05", seen); err != nil {
		t.Fatalf("the kiosk's last seen is %q, want a center time", seen)
	}

	const unknown = "01234567-89ab-7def-8123-456789abcdef"
	_, errOut, exit := run(t, "", append([]string{"platform", "devices", "--revoke", unknown}, admin...)...)
	zh, en := wantBilingual(t, "revoke an unknown device", errOut)
	if exit != exitBadArgs || !strings.Contains(zh, unknown) || !strings.Contains(en, unknown) {
		t.Fatalf("revoke an unknown device: exit %d, %q / %q; want the ID in both", exit, zh, en)
	}
}

// TestServeSaysItsStorage: the platform says at start where it keeps its
// data: the bbolt file, or the PostgreSQL database without its password.
func TestServeSaysItsStorage(t *testing.T) {
	dir := t.TempDir()
	abs, _ := filepath.Abs(filepath.Join(dir, "platform.db"))
	if out := serveUntilStarted(t, dir); !strings.Contains(out, "存储 storage: bbolt "+abs+"\n") {
		t.Errorf("serve over bbolt said %q; want the storage line with %s", out, abs)
	}
	if storetest.PostgresURL(t, false) == "" {
		return
	}
	url := strings.Replace(storetest.FreshSchema(t), "postgres://postgres@", "postgres://postgres:sEcReT@", 1)
	out := serveUntilStarted(t, t.TempDir(), "--database", url)
	if !strings.Contains(out, "存储 storage: PostgreSQL postgres@") || strings.Contains(out, "sEcReT") {
		t.Errorf("serve over PostgreSQL said %q; want the database without its password", out)
	}
}

// serveUntilStarted runs tongban platform serve until it has said where
// it keeps its data, stops it as Ctrl-C does and returns what it printed.
func serveUntilStarted(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out := &lockedBuffer{}
	var errOut bytes.Buffer
	done := make(chan int)
	go func() {
		done <- Main(append([]string{"platform", "serve", "--addr", "127.0.0.1:0", "--admin-token", testAdminToken}, args...),
			Env{Stdout: out, Stderr: &errOut, Getenv: func(k string) string {
				if k == "TONGBAN_DATA" {
					return dir
				}
				return ""
			}})
	}()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "存储 storage:") {
		select {
		case code := <-done:
			t.Fatalf("serve ended with %d before it started: %s", code, errOut.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start within 30 s: %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The start line comes after serve caught the signal: it stops, not
	// the test binary.
	p, _ := os.FindProcess(os.Getpid())
	if err := p.Signal(os.Interrupt); err != nil {
		t.Skipf("cannot interrupt serve on this system: %v", err)
	}
	if code := <-done; code != 0 {
		t.Fatalf("serve after Ctrl-C: exit %d: %s", code, errOut.String())
	}
	return out.String()
}

// lockedBuffer is a bytes.Buffer safe to write and read at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestKnownCentersInChinese(t *testing.T) {
	for msg, want := range map[string]string{
		"center 9 is not one this platform knows (it knows 130102 from their catalogs and devices); check": "130102",
		"… (it knows 130102 and 130104 from their catalogs …":                                              "130102、130104",
		"… (it knows 130102, 130104, 130105 and 7 more from their catalogs …":                              "130102、130104、130105、另 7 个",
		"some other sentence": "无",
	} {
		if got := knownCenters(msg); got != want {
			t.Errorf("knownCenters(%q) = %q, want %q", msg, got, want)
		}
	}
}

// An admin token given by hand that is blank or short is refused before
// the platform starts: a blank one matched no admin call, without a word.
func TestShortAdminTokenIsRefused(t *testing.T) {
	for _, tc := range []struct{ flag, env, from string }{
		{"a", "", "--admin-token"},
		{"   short   ", "", "--admin-token"},
		{"", " ", "TONGBAN_ADMIN_TOKEN"},
	} {
		args := []string{"platform", "serve", "--addr", "127.0.0.1:0", "--data", t.TempDir()}
		if tc.flag != "" {
			args = append(args, "--admin-token", tc.flag)
		}
		var out, errOut bytes.Buffer
		code := Main(args, Env{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string {
			if k == "TONGBAN_ADMIN_TOKEN" {
				return tc.env
			}
			return ""
		}})
		if zh, en := wantBilingual(t, "a short admin token", errOut.String()); code != exitBadArgs ||
			!strings.Contains(zh, tc.from+" 给出的管理令牌不足 12 个字符") || !strings.Contains(en, "did not start") {
			t.Errorf("platform serve with admin token %q / env %q: exit %d, %q", tc.flag, tc.env, code, errOut.String())
		}
	}
}

// A token file an earlier start generated goes when a token is given:
// IT staff reading it would take it for the token in force.
func TestGivenAdminTokenRemovesAStaleFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, adminTokenFile)
	if err := os.WriteFile(file, []byte("e338e5b6-from-an-earlier-start\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	c := &call{env: Env{Stderr: &errOut, Getenv: func(k string) string {
		if k == "TONGBAN_ADMIN_TOKEN" {
			return "a-token-for-every-instance"
		}
		return ""
	}}}
	token, _, err := c.adminToken("", dir)
	if err != nil || token != "a-token-for-every-instance" {
		t.Fatalf("adminToken = %q, %v; want the environment's", token, err)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) || !strings.Contains(errOut.String(), "Removed "+file) {
		t.Fatalf("the stale token file is still there (%v), or nothing said so: %q", err, errOut.String())
	}
}
