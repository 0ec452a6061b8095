package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"tongban/sync/protocol"
)

// withKey makes a fake enroll devices with a receipt key of its own, as a
// platform of its own would: another ID and another secret.
func withKey(f *fakePlatform, id string) {
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != protocol.PathEnroll {
			return false
		}
		var req protocol.EnrollRequest
		json.NewDecoder(r.Body).Decode(&req)
		f.mu.Lock()
		f.nextShort++
		token := "token-" + id + strconv.Itoa(f.nextShort)
		f.tokens[token] = req.DeviceID
		short := "K" + strconv.Itoa(f.nextShort)
		f.mu.Unlock()
		writeJSONTest(w, 200, protocol.EnrollResponse{DeviceID: req.DeviceID, Token: token, Role: "kiosk",
			Center: "130102", CenterName: "长安区政务服务中心", ShortCode: short, CatalogVersion: 3,
			ReceiptKeys: []protocol.ReceiptKey{{ID: id, Key: bytes.Repeat([]byte(id[:1]), 32)}}})
		return true
	}
}

// TestEnrollWithAnotherPlatformStartsAfresh: a device that synced with one
// platform and enrolls with another pulls the new platform's feed from its
// start and sends it every event it made; enrolling again with the same
// platform changes neither.
func TestEnrollWithAnotherPlatformStartsAfresh(t *testing.T) {
	old := newFake(t)
	st := enrolled(t, old)
	addCases(t, st, 3, 2)
	if rep, err := New(st, Options{}).Once(testContext(t)); err != nil || rep.Pushed != 6 {
		t.Fatalf("first platform: Once = %+v, %v; want 6 pushed", rep, err)
	}
	if cur, _ := st.Get(KeyCursor); string(cur) != "6" {
		t.Fatalf("cursor after the first platform = %q, want 6", cur)
	}

	// The new platform holds another kiosk's case already.
	next := newFake(t)
	peer := enrolled(t, next)
	addCases(t, peer, 1, 2)
	if _, err := New(peer, Options{}).Once(testContext(t)); err != nil {
		t.Fatal(err)
	}

	e, err := EnrollDevice(testContext(t), next.URL(), "GOOD", "", st)
	if err != nil {
		t.Fatalf("EnrollDevice with another platform: %v", err)
	}
	if !e.Moved || e.Requeued != 6 {
		t.Errorf("enrolling with another platform: moved %v, requeued %d; want moved, 6", e.Moved, e.Requeued)
	}
	if cur, _ := st.Get(KeyCursor); cur != nil {
		t.Errorf("the old platform's cursor %q survived", cur)
	}
	mustPending(t, st, 6)
	rep, err := New(st, Options{}).Once(testContext(t))
	if err != nil || rep.Pushed != 6 || rep.Duplicates != 0 || rep.Pulled != 2 || rep.Pending != 0 {
		t.Errorf("new platform: Once = %+v, %v; want 6 pushed, the peer's 2 pulled", rep, err)
	}
	if n := len(next.events()); n != 8 {
		t.Errorf("the new platform holds %d events, want 8 (6 of this device, 2 of the peer)", n)
	}

	// Again with the same platform (a new code after a revocation, say):
	// the error that made the clerk enroll again is forgotten.
	st.Put(KeyStatus, []byte(`{"last_sync":"2026-11-27T09:00:00Z","last_error":"the platform no longer accepts this device"}`))
	e, err = EnrollDevice(testContext(t), next.URL()+"/", "GOOD", "", st)
	if err != nil || e.Moved || e.Requeued != 0 {
		t.Errorf("enrolling again with the same platform: %+v, %v; want nothing moved", e, err)
	}
	if s, _ := ReadStatus(st); s.LastError != "" || s.LastSync.IsZero() {
		t.Errorf("after enrolling again: last error %q, last sync %v; want the error gone and the last sync kept", s.LastError, s.LastSync)
	}
	if cur, _ := st.Get(KeyCursor); string(cur) != "8" {
		t.Errorf("re-enrolling with the same platform changed the cursor to %q, want 8", cur)
	}
	mustPending(t, st, 0)

	// The same platform at another address (another instance behind the
	// load balancer, its IP instead of its name): its keys say so.
	alias := httptest.NewServer(next)
	t.Cleanup(alias.Close)
	if e, err = EnrollDevice(testContext(t), alias.URL, "GOOD", "", st); err != nil || e.Moved || e.Requeued != 0 {
		t.Errorf("enrolling with the same platform at another address: %+v, %v; want nothing moved", e, err)
	}
	if cur, _ := st.Get(KeyCursor); string(cur) != "8" {
		t.Errorf("re-enrolling at another address of the platform changed the cursor to %q, want 8", cur)
	}

	// The same address, but another platform answers there (reinstalled,
	// its data gone): its receipt key is none the device had.
	withKey(next, "NEW1")
	e, err = EnrollDevice(testContext(t), next.URL(), "GOOD", "", st)
	if err != nil || !e.Moved || e.Requeued != 6 {
		t.Errorf("enrolling where another platform answers at the same address: %+v, %v; want moved, 6 requeued", e, err)
	}
	if e.CenterName != "长安区政务服务中心" || e.CatalogVersion != 3 {
		t.Errorf("the enrollment lost the platform's center name or catalog version: %+v", e)
	}
	var keys []protocol.ReceiptKey
	if err := st.GetJSON(KeyReceiptKeys, &keys); err != nil || len(keys) != 1 || keys[0].ID != "NEW1" {
		t.Errorf("receipt keys after the move = %+v (%v), want the new platform's", keys, err)
	}
}

func TestEnrollSamePlatformURL(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", true},
		{"https://Platform.Example", "https://platform.example:443", true},
		{"http://platform.example/tb", "http://platform.example/tb/", true},
		{"http://platform.example", "https://platform.example", false},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8081", false},
		{"http://platform.example/a", "http://platform.example/b", false},
	}
	for _, tt := range tests {
		if got := samePlatformURL(tt.a, tt.b); got != tt.same {
			t.Errorf("samePlatformURL(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// TestEnrollNotAPlatform: an address that answers, but not as a Tongban
// platform, is told as such, not as "the device will try again".
func TestEnrollNotAPlatform(t *testing.T) {
	tests := []struct {
		name   string
		answer func(w http.ResponseWriter)
		detail string
	}{
		{"400", func(w http.ResponseWriter) { http.Error(w, "Client sent an HTTP request to an HTTPS server.", 400) }, "it answered 400 Bad Request"},
		{"404 page", func(w http.ResponseWriter) { http.NotFound(w, nil) }, "it answered 404 Not Found"},
		{"501", func(w http.ResponseWriter) { w.WriteHeader(501) }, "it answered 501 Not Implemented"},
		{"HTML", func(w http.ResponseWriter) { w.Write([]byte("<html>welcome</html>")) }, "invalid character"},
		{"other JSON", func(w http.ResponseWriter) { w.Write([]byte(`{"hello":"world"}`)) }, "no device ID or token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			f.Intercept = func(w http.ResponseWriter, r *http.Request) bool { tt.answer(w); return true }
			st := openDevice(t, t.TempDir())
			before, _ := st.Identity()
			_, err := Enroll(testContext(t), f.URL(), "GOOD", "", st)
			if !errors.Is(err, ErrNotPlatform) {
				t.Fatalf("Enroll = %v, want ErrNotPlatform", err)
			}
			msg := err.Error()
			for _, want := range []string{"地址 " + f.URL() + " 没有像通办平台那样应答", "The address " + f.URL() + " does not answer as a Tongban platform", tt.detail, "http or https"} {
				if !strings.Contains(msg, want) {
					t.Errorf("Enroll said %q; want it to hold %q", msg, want)
				}
			}
			if strings.Contains(msg, "try again") {
				t.Errorf("Enroll said %q: enrollment does not try again", msg)
			}
			if after, _ := st.Identity(); after != before {
				t.Errorf("a failed enrollment changed the identity")
			}
		})
	}
}

// TestEnrollPlainHTTPSAddress: https:// to a plain HTTP server says the
// address does not speak HTTPS, not that it cannot be reached.
func TestEnrollPlainHTTPSAddress(t *testing.T) {
	f := newFake(t)
	https := strings.Replace(f.URL(), "http://", "https://", 1)
	_, err := Enroll(testContext(t), https, "GOOD", "", openDevice(t, t.TempDir()))
	if !errors.Is(err, ErrNotPlatform) || errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), "does not speak HTTPS") {
		t.Errorf("Enroll over https with a plain HTTP platform = %v; want ErrNotPlatform saying it does not speak HTTPS", err)
	}
}

// TestEnrollSilentPlatform: a platform that accepts the connection and
// never answers is given up after EnrollTimeout, with the enrollment's
// sentence.
func TestEnrollSilentPlatform(t *testing.T) {
	if testing.Short() {
		t.Skip("waits EnrollTimeout")
	}
	addr := silentListener(t)
	start := time.Now()
	_, err := Enroll(testContext(t), "http://"+addr, "GOOD", "", openDevice(t, t.TempDir()))
	if took := time.Since(start); took > EnrollTimeout+5*time.Second {
		t.Errorf("a silent platform held the enrollment %v", took)
	}
	if !errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), "then enroll again") {
		t.Errorf("Enroll with a silent platform = %v", err)
	}
}

// silentListener accepts connections and never answers; it returns its
// address.
func silentListener(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// An enrolled device with events not yet sent does not move to another
// center, where they could never be sent: it keeps its identity and says
// to sync first.
func TestEnrollRefusesToStrandPendingEvents(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	addCases(t, st, 2, 1)
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != protocol.PathEnroll {
			return false
		}
		writeJSONTest(w, 200, protocol.EnrollResponse{DeviceID: "d", Token: "t-other", Role: "kiosk", Center: "130104", ShortCode: "K9",
			ReceiptKeys: []protocol.ReceiptKey{{ID: "k9", Key: make([]byte, 32)}}})
		return true
	}
	before, _ := st.Identity()
	_, err := EnrollDevice(testContext(t), f.URL(), "GOOD", "", st)
	if err == nil || !strings.Contains(err.Error(), "130104") || !strings.Contains(err.Error(), "tongban sync --once") {
		t.Fatalf("enrolling in another center with 2 events pending: %v; want a refusal saying to sync first", err)
	}
	if after, _ := st.Identity(); after != before {
		t.Fatalf("the refused enrollment changed the identity: %+v, was %+v", after, before)
	}
	mustPending(t, st, 2)
}
