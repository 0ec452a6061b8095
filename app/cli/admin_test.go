package cli

import (
	"encoding/json"
	"encoding/pem"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// startTLSPlatform serves a platform over HTTPS with httptest's own CA and
// returns its URL and a file holding that CA.
func startTLSPlatform(t *testing.T) (url, caFile string) {
	t.Helper()
	srv := newPlatform(t)
	hs := httptest.NewUnstartedServer(srv)
	hs.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshakes refused on purpose
	hs.StartTLS()
	t.Cleanup(hs.Close)
	caFile = filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: hs.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	return hs.URL, caFile
}

// TestAdminWithPrivateCA: every admin command reaches an HTTPS platform
// with --ca FILE, and without it says the certificate is not trusted and
// names --ca, never that the platform cannot be reached.
func TestAdminWithPrivateCA(t *testing.T) {
	url, ca := startTLSPlatform(t)
	admin := []string{"--url", url, "--token", testAdminToken}
	commands := [][]string{
		{"platform", "code", "--center", "130102", "--role", "kiosk"},
		{"platform", "devices"},
		{"platform", "staff", "list", "--center", "130102"},
	}
	for _, cmd := range commands {
		name := strings.Join(cmd, " ")
		_, errOut, exit := run(t, "", append(cmd, admin...)...)
		zh, en := wantBilingual(t, name+" without --ca", errOut)
		if exit != exitFailed || !strings.Contains(zh, "证书不受信任") || !strings.Contains(zh, "--ca 文件") ||
			!strings.Contains(en, "give --ca FILE") || strings.Contains(en, "cannot be reached") {
			t.Errorf("%s without --ca: exit %d, %q / %q; want the certificate not trusted and --ca FILE", name, exit, zh, en)
		}
		if _, errOut, exit := run(t, "", append(append(cmd, admin...), "--ca", ca)...); exit != 0 {
			t.Errorf("%s --ca: exit %d, %s", name, exit, errOut)
		}
	}
	code := must(t, "", append([]string{"platform", "code", "--center", "130102", "--role", "kiosk", "--ca", ca}, admin...)...)
	data := t.TempDir()
	must(t, data, "enroll", "--platform", url, "--code", strings.TrimSpace(code), "--ca", ca)

	_, errOut, exit := run(t, "", append([]string{"platform", "devices", "--ca", filepath.Join(t.TempDir(), "none.pem")}, admin...)...)
	if exit != exitBadArgs || !strings.Contains(errOut, "none.pem") {
		t.Errorf("--ca naming no file: exit %d, %q; want 2 naming the file", exit, errOut)
	}
	plain := strings.Replace(url, "https://", "http://", 1)
	_, errOut, exit = run(t, "", "platform", "devices", "--url", plain, "--token", testAdminToken, "--ca", ca)
	if exit != exitBadArgs || !strings.Contains(errOut, "only used with an https://") {
		t.Errorf("--ca with http://: exit %d, %q; want 2", exit, errOut)
	}
}

// TestAdminNotAPlatform: http:// to an HTTPS platform, or an address that
// is some other web server, says the address does not answer as a
// Tongban platform, in enroll and the admin commands alike.
func TestAdminNotAPlatform(t *testing.T) {
	url, _ := startTLSPlatform(t)
	plain := strings.Replace(url, "https://", "http://", 1)
	web := httptest.NewServer(http.NotFoundHandler())
	defer web.Close()
	tests := []struct {
		name string
		args []string
	}{
		{"enroll, http to https", []string{"enroll", "--platform", plain, "--code", "ABCD"}},
		{"enroll, a web server", []string{"enroll", "--platform", web.URL, "--code", "ABCD"}},
		{"code, http to https", []string{"platform", "code", "--url", plain, "--token", "x", "--center", "130102", "--role", "kiosk"}},
		{"devices, a web server", []string{"platform", "devices", "--url", web.URL, "--token", "x"}},
	}
	for _, tt := range tests {
		_, errOut, exit := run(t, t.TempDir(), tt.args...)
		zh, en := wantBilingual(t, tt.name, errOut)
		if exit != exitFailed || !strings.Contains(zh, "没有像通办平台那样应答") || !strings.Contains(en, "does not answer as a Tongban platform") ||
			!strings.Contains(en, "http or https") || strings.Contains(en, "try again") {
			t.Errorf("%s: exit %d, %q / %q; want the address not a Tongban platform", tt.name, exit, zh, en)
		}
	}
}

// TestAdminRefusalsInBothLanguages: the platform's refusals of what was
// typed exit 2 with a Chinese sentence of their own; a second revocation
// says the device was revoked already.
func TestAdminRefusalsInBothLanguages(t *testing.T) {
	url := startPlatform(t)
	admin := []string{"--url", url, "--token", testAdminToken}
	tests := []struct {
		name   string
		args   []string
		zh, en string
	}{
		{"negative ttl", []string{"platform", "code", "--center", "130102", "--role", "kiosk", "--ttl", "-5s"}, "--ttl 应为正的时长", "--ttl must be a positive duration such as 24h or 30m, not -5s."},
		{"center not digits", []string{"platform", "code", "--center", "13010X", "--role", "kiosk"}, "中心代码须是 6 位数字", `Center "13010X" is not a 6-digit division code`},
		{"unknown device", []string{"platform", "devices", "--revoke", "01234567-89ab-7def-8123-456789abcdef"}, "平台上没有编号为 \"01234567-89ab-7def-8123-456789abcdef\" 的设备", "No device has the ID"},
		{"devices revoke ID", []string{"platform", "devices", "revoke", "01234567-89ab-7def-8123-456789abcdef"}, "吊销设备要用选项 --revoke", "tongban platform devices --revoke DEVICE-ID"},
		{"devices with a stray word", []string{"platform", "devices", "list"}, "只接受选项，不接受参数 \"list\"", "takes flags only"},
		{"an empty --revoke", []string{"platform", "devices", "--revoke", ""}, "--revoke 后面是空的", "--revoke is empty"},
		{"code with a stray word", []string{"platform", "code", "--center", "130102", "--role", "kiosk", "extra"}, "不接受参数 \"extra\"", "takes flags only"},
	}
	for _, tt := range tests {
		_, errOut, exit := run(t, "", append(tt.args, admin...)...)
		zh, en := wantBilingual(t, tt.name, errOut)
		if exit != exitBadArgs || !strings.Contains(zh, tt.zh) || !strings.Contains(en, tt.en) {
			t.Errorf("%s: exit %d, %q / %q; want exit 2, %q and %q", tt.name, exit, zh, en, tt.zh, tt.en)
		}
	}

	data := t.TempDir()
	must(t, data, "enroll", "--platform", url, "--code", newCode(t, url, "kiosk"))
	var st statusJSON
	json.Unmarshal([]byte(must(t, data, "status", "--json")), &st)
	_, errOut, exit := run(t, "", append([]string{"platform", "devices", "--revoke", st.Device.ShortCode}, admin...)...)
	wantRefusal(t, "revoke by short code without --center", errOut, exit, "要加 --center", "Give the center with --center")
	revoke := append([]string{"platform", "devices", "--revoke", strings.ToLower(st.Device.ShortCode), "--center", st.Device.Center}, admin...)
	if out := must(t, "", revoke...); !strings.HasPrefix(out, "已吊销设备 "+st.Device.ID) || !strings.Contains(out, "Revoked device "+st.Device.ID) {
		t.Errorf("the first revocation, by short code and center, said %q", out)
	}
	revoke = append([]string{"platform", "devices", "--revoke", st.Device.ID}, admin...)
	if out := must(t, "", revoke...); !strings.Contains(out, "早已吊销，没有作任何更改") || !strings.Contains(out, "was already revoked; nothing was changed") {
		t.Errorf("the second revocation said %q; want it revoked already", out)
	}
	// Status tells IT at once, before any sync: the platform refuses the
	// device, and the device is not marked (only a sync does that).
	out, _, code := run(t, data, "status", "--check", "--json")
	var revoked statusJSON
	if err := json.Unmarshal([]byte(out), &revoked); err != nil || code != exitFailed || !revoked.Device.NeedsEnrollment ||
		!slices.ContainsFunc(revoked.Problems, func(p problemJSON) bool { return p.Code == "needs_enrollment" }) {
		t.Errorf("status --check --json of a revoked device: exit %d, %s (%v); want exit 1 and needs_enrollment", code, out, err)
	}
}

// TestServeChecksBeforeAnnouncing: a TLS pair that does not load, or a
// database that does not answer, stops the platform with one sentence,
// before it says where it serves or writes an admin token.
func TestServeChecksBeforeAnnouncing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "platform")
	out, errOut, exit := run(t, dir, "platform", "serve", "--addr", "127.0.0.1:0", "--tls-cert", "/nonexist.pem", "--tls-key", "/nonexist.key")
	zh, en := wantBilingual(t, "serve with missing TLS files", errOut)
	if exit != exitBadArgs || out != "" || !strings.Contains(zh, "读不了 TLS 证书 /nonexist.pem") || !strings.Contains(en, "Cannot load the TLS certificate /nonexist.pem") {
		t.Errorf("serve with missing TLS files: exit %d, stdout %q, %q / %q", exit, out, zh, en)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("serve made its data folder before failing (%v)", err)
	}

	out, errOut, exit = run(t, dir, "platform", "serve", "--addr", "127.0.0.1:0", "--database", "postgres://nobody@127.0.0.1:1/x")
	zh, en = wantBilingual(t, "serve with no database", errOut)
	if exit != exitFailed || out != "" || !strings.Contains(zh, "连接不上数据库 nobody@127.0.0.1:1/x") ||
		!strings.Contains(en, "Cannot connect to the database nobody@127.0.0.1:1/x (") || !strings.Contains(en, "connection refused") {
		t.Errorf("serve with no database: exit %d, stdout %q, %q / %q", exit, out, zh, en)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("serve made its data folder before the database failed (%v)", err)
	}
}
