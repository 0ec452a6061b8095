package client

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"tongban/assets"
	"tongban/sync/protocol"
)

// TestErrorSentencesSayTheRealThing: the refusals people meet have a
// Chinese sentence of their own, not a placeholder, before the platform's
// English one.
func TestErrorSentencesSayTheRealThing(t *testing.T) {
	tests := []struct {
		code, message string
		zh            string
	}{
		{protocol.CodeBadCode, "this enrollment code is unknown; check it for typing mistakes or ask the platform administrator for a new one", "平台上没有这个注册码"},
		{protocol.CodeBadCode, "this enrollment code has already been used; each code enrolls one device, ask the platform administrator for a new one", "这个注册码已经用过了"},
		{protocol.CodeBadCode, "this enrollment code has expired; ask the platform administrator for a new one", "这个注册码已过期"},
		{protocol.CodeOtherCenter, "this device is enrolled in another center; use a code for that center, or reset the device's data folder to move it (device x is in center 130102, the code is for 130103)", "本设备已在另一个中心注册"},
		{protocol.CodeOtherRole, "this device is enrolled in another role; use a code for that role, or enroll the device from an empty data folder, which makes it a new device, to give it the other role (device x is a kiosk, K01; the code is for a counter)", "本设备已注册为另一种角色"},
		{protocol.CodeCasesCenter, "the cases this device made before enrollment belong to another center, where they could never be sent from a device of this one; use a code for their center, or enroll from an empty data folder (they are center 130102's, the code is for 130103)", "本机注册前办理的案件属于另一个中心"},
		{protocol.CodeShortCodesExhausted, "this center has no free device short code left for this role; revoke and reuse devices or split the center", "编号已经用完"},
		{protocol.CodeStorageDown, "the platform runs but its database does not answer; tell the platform administrator, and try again later (a device tries again by itself and loses nothing)", "平台在运行，但它的数据库没有应答"},
		{protocol.CodeBadEvent, `the event at index 0 (ID "x") is a submission of device d (short code K02) but its case number "260302-K01-0001" carries K01, another device's short code; a device numbers its cases with its own short code (or one it declared at enrollment as its former one), so check that this device's data folder is its own, not a copy of another device's`, "带的是另一台设备的设备编号"},
		{protocol.CodeBadEvent, `the event at index 0 (ID "x") is a submission of device d (short code K02) but its case number "260303-K01-0001" carries K01, a short code the device had before it enrolled here on 2026-03-02, and is dated after that day; a device numbers the cases it makes here with its own short code, so check the clock of the device and that its data folder is its own`, "注册前的设备编号"},
		{protocol.CodeBadRequest, "the code's lifetime is negative; give a positive duration or none for 24 hours", "注册码的有效期不能是负数"},
		{protocol.CodeBadRequest, "the code's lifetime 900h0m0s is longer than the 720h0m0s this platform allows; ask for a shorter one", "超过了平台允许的上限"},
		{protocol.CodeBadRequest, `center "13010" is not a 6-digit division code; give the center's code such as 130102`, "6 位数字"},
		{protocol.CodeUnauthorized, "the admin token is missing or wrong; pass the token the platform was started with", "管理令牌不对"},
		{protocol.CodeNotFound, `no device has the ID "x"; list the devices to find its ID`, "平台上没有这个设备编号"},
		{protocol.CodeNotFound, "the platform has no call /foo/v1/enroll; see /v1/openapi.json for the calls it has", "检查平台地址"},
		{protocol.CodeInternal, "the platform is too busy to answer in time; try again shortly", "平台太忙"},
		{protocol.CodeBadEvent, `the event at index 0 (ID "x") is of kind submitted but its case number "HELLO" is not a case number; a case number looks like 261127-K01-0042 (date, device short code, sequence)`, "案件编号缺失或格式不对"},
		{protocol.CodeForbiddenEvent, `the event at index 0 (ID "x") belongs to center "130103" but this device is enrolled in center 130102; a device sends only its own center's events`, "属于另一个中心"},
	}
	for _, tt := range tests {
		msg := (&PlatformError{Status: 400, Code: tt.code, Message: tt.message}).Error()
		zh, en, ok := strings.Cut(msg, "。 ")
		if !ok || !strings.Contains(zh, tt.zh) || en != capitalized(tt.message) {
			t.Errorf("%s %q said %q; want %q in Chinese, then the platform's sentence", tt.code, tt.message, msg, tt.zh)
		}
		for _, placeholder := range []string{"平台认为这个请求有误", "详见后面的英文说明", "可能输错、已用过或已过期"} {
			if strings.Contains(msg, placeholder) {
				t.Errorf("%q still leads with the placeholder %q", msg, placeholder)
			}
		}
	}
}

// TestErrorRejectionReasons: a parked event's reason reads in both
// languages, whether the platform gave it in English or the client wrote
// it bilingually.
func TestErrorRejectionReasons(t *testing.T) {
	tests := []struct {
		reason, zh, en string
	}{
		{"an event with this ID but different content is already stored; the stored event is kept and this one is refused",
			"平台上已有同一编号而内容不同的记录，平台保留原有的，不收这一条。", "An event with this ID but different content is already stored; the stored event is kept and this one is refused"},
		{`the event kind "teleported" is unknown to this platform; update the platform to accept it`, "平台的版本较旧，不认识这种记录，请升级平台。", `The event kind "teleported" is unknown`},
		{"the case number 261128-K01-0003 is already held by case 01a21eab of this center, so this case is refused; a number is given to one case per center: check which device numbered both cases",
			"案件编号 261128-K01-0003 在本中心已被另一个案件（01a21eab）占用，平台不收这条记录：请查明是哪两台设备编了同一个号，常见的是同一台设备的数据有两份在用（例如备份恢复到了另一个目录）（tongban status 列出此记录，tongban cases show 编号 显示本机的案件）。", "The case number 261128-K01-0003 is already held"},
		{"something new", "平台不收这条记录，原因见后面的英文说明。", "Something new"},
		{"这条记录属于另一个中心，本设备注册的中心不收。 The event at index 0 belongs to center \"130103\"", "这条记录属于另一个中心，本设备注册的中心不收。", "The event at index 0 belongs to center \"130103\""},
	}
	for _, tt := range tests {
		got := RejectionReason(tt.reason)
		if got.ZH != tt.zh || !strings.HasPrefix(got.EN, tt.en) {
			t.Errorf("RejectionReason(%q) = %+v; want %q and %q…", tt.reason, got, tt.zh, tt.en)
		}
	}
}

// TestErrorUntrustedCertificate: while a person enrolls, a certificate
// that does not verify says so and names --ca FILE; one issued for
// another name says that instead (--ca would not help).
func TestErrorUntrustedCertificate(t *testing.T) {
	f := unstartedFake()
	srv := httptest.NewUnstartedServer(f)
	srv.Config.ErrorLog = quietLog()
	srv.StartTLS()
	defer srv.Close()
	caPEM := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))

	_, err := Enroll(testContext(t), srv.URL, "GOOD", "", openDevice(t, t.TempDir()))
	msg := fmt.Sprint(err)
	if !errors.Is(err, ErrUntrusted) || !strings.Contains(msg, "请用 --ca 文件") || !strings.Contains(msg, "give --ca FILE") ||
		!strings.Contains(msg, srv.URL) || strings.Contains(msg, "cannot be reached") {
		t.Errorf("Enroll without the CA said %q; want the certificate not trusted, naming the platform and --ca FILE", msg)
	}

	// httptest's certificate names 127.0.0.1 and example.com, not localhost.
	byName := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	_, err = Enroll(testContext(t), byName, "GOOD", caPEM, openDevice(t, t.TempDir()))
	msg = fmt.Sprint(err)
	if !errors.Is(err, ErrUntrusted) || !strings.Contains(msg, "不是发给这个地址的") || !strings.Contains(msg, "not issued for this address") {
		t.Errorf("Enroll by a name the certificate lacks said %q; want the certificate not issued for this address", msg)
	}
}

// TestErrorExplainFailure: the admin commands' failures that are not a
// plain network failure are worded for the person at the keyboard.
func TestErrorExplainFailure(t *testing.T) {
	const at = "https://platform.example:8443"
	verify := &tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}}
	tests := []struct {
		name string
		err  error
		is   error
		says string
	}{
		{"untrusted", fmt.Errorf("the platform at %s cannot be reached (%w)", at, &url.Error{Op: "Post", URL: at, Err: verify}), ErrUntrusted, "give --ca FILE"},
		{"plain HTTP", &url.Error{Op: "Get", URL: at, Err: errors.New("http: server gave HTTP response to HTTPS client")}, ErrNotPlatform, "does not speak HTTPS"},
		{"not JSON", fmt.Errorf("the answer is odd (%w)", json.Unmarshal([]byte("<html>"), new(any))), ErrNotPlatform, "its answer is not JSON"},
		{"refused", &url.Error{Op: "Get", URL: at, Err: errors.New("connect: connection refused")}, nil, ""},
		{"other", errors.New("disk full"), nil, ""},
	}
	for _, tt := range tests {
		got := ExplainFailure(tt.err, at)
		if tt.is == nil {
			if got != nil {
				t.Errorf("%s: ExplainFailure = %v, want nil (the caller words it)", tt.name, got)
			}
			continue
		}
		if !errors.Is(got, tt.is) || !strings.Contains(got.Error(), tt.says) || !strings.Contains(got.Error(), at) {
			t.Errorf("%s: ExplainFailure = %v; want %v naming %s and saying %q", tt.name, got, tt.is, at, tt.says)
		}
	}
}

// TestStatusOfASilentPlatform: a platform that accepts and never answers
// fails the round after the request timeout, the sentence says whether
// anything waits, the report keeps the catalog the device holds, and the
// failure is recorded (a timed-out request is no stopped round).
func TestStatusOfASilentPlatform(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	if err := st.Put(KeyCatalog, assets.SampleCatalog()); err != nil {
		t.Fatal(err)
	}
	id, _ := st.Identity()
	id.Platform = "http://" + silentListener(t)
	if err := st.SetIdentity(id); err != nil {
		t.Fatal(err)
	}
	s := New(st, Options{Timeout: 300 * time.Millisecond})
	rep, err := s.Once(testContext(t))
	if !errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), "nothing waits to be sent") || strings.Contains(err.Error(), "queued") {
		t.Errorf("Once with nothing pending = %v; want unreachable, nothing waiting", err)
	}
	if want := sampleVersion(t); rep.CatalogVersion != want {
		t.Errorf("the failed round reports catalog version %d, want the device's %d", rep.CatalogVersion, want)
	}
	if got := s.Status(); got.LastError != err.Error() || got.Online {
		t.Errorf("status after a timed-out round = %+v; want it offline with the error", got)
	}
	addCases(t, st, 2, 1)
	if _, err := s.Once(testContext(t)); !errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), "2 条记录在本机排队") ||
		!strings.Contains(err.Error(), "2 events wait on this device") {
		t.Errorf("Once with 2 pending = %v; want unreachable, 2 events waiting", err)
	}
}

// quietLog keeps a test server's expected TLS handshake errors out of the
// test output.
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }

// TestErrorDeviceActiveNamesTheDevice: the Chinese refusal of a device
// still in use gives the whole revoke command with the device's short
// code and center, as the English does.
func TestErrorDeviceActiveNamesTheDevice(t *testing.T) {
	msg := "the device is enrolled and in use as kiosk K02; to enroll it again, an administrator revokes it first (tongban platform devices --revoke K02 --center 130102 --url PLATFORM --token ADMIN), or, for a copy of another's disk, enroll from an empty data folder"
	if zh := refusalText(protocol.CodeDeviceActive, msg); !strings.Contains(zh, "tongban platform devices --revoke K02 --center 130102 --url 平台地址 --token 管理令牌；") {
		t.Errorf("device_active says %q; want the revoke command with K02 and 130102", zh)
	}
}
