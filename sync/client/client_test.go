package client

import (
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"tongban/app/store"
	"tongban/assets"
	"tongban/sync/protocol"
)

// enrolled opens a device store and enrolls it with the fake.
func enrolled(t *testing.T, f *fakePlatform) *store.Store {
	t.Helper()
	st := openDevice(t, t.TempDir())
	if _, err := Enroll(testContext(t), f.URL(), "GOOD", "", st); err != nil {
		t.Fatalf("Enroll: %v", err)
	}
	return st
}

func TestEnrollKeepsDeviceAndSavesKeys(t *testing.T) {
	f := newFake(t)
	st := openDevice(t, t.TempDir())
	before, _ := st.Identity()
	id, err := Enroll(testContext(t), f.URL()+"/", " GOOD ", "", st)
	if err != nil {
		t.Fatalf("Enroll: %v", err)
	}
	saved, _ := st.Identity()
	if saved != id {
		t.Errorf("returned identity %+v, saved %+v", id, saved)
	}
	if saved.DeviceID != before.DeviceID || saved.Platform != f.URL() || saved.Token == "" ||
		saved.ShortCode != "K1" || saved.Center != "130102" || saved.Role != "kiosk" || !saved.Enrolled() {
		t.Errorf("identity after enrollment = %+v (device before: %s)", saved, before.DeviceID)
	}
	var keys []protocol.ReceiptKey
	if err := st.GetJSON(KeyReceiptKeys, &keys); err != nil || len(keys) != 1 || keys[0].ID != "k1" || len(keys[0].Key) != 32 {
		t.Errorf("receipt keys = %+v (%v)", keys, err)
	}
}

func TestEnrollErrors(t *testing.T) {
	f := newFake(t)
	tests := []struct {
		name, url, code, ca string
		want                string
	}{
		{"bad code", f.URL(), "WRONG", "", "平台上没有这个注册码，请核对是否输错，或向平台管理员要一个新的。 This enrollment code is unknown; ask for a new one"},
		{"no code", f.URL(), " ", "", "请给出平台管理员生成的注册码（tongban platform code）。 Give the enrollment code"},
		{"not a URL", "platform.example", "GOOD", "", ErrBadPlatformURL.Error()},
		{"CA with http", f.URL(), "GOOD", "-----BEGIN CERTIFICATE-----", "only used with an https://"},
		{"CA not PEM", "https://127.0.0.1:1", "GOOD", "hello", ErrBadCA.Error()},
		{"nobody there", "http://127.0.0.1:1", "GOOD", "", "连接不上平台 http://127.0.0.1:1，请检查平台地址和本机网络后再注册。 The platform at http://127.0.0.1:1 cannot be reached; check the platform URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openDevice(t, t.TempDir())
			before, _ := st.Identity()
			_, err := Enroll(testContext(t), tt.url, tt.code, tt.ca, st)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Enroll error = %v, want one containing %q", err, tt.want)
			}
			if after, _ := st.Identity(); after != before {
				t.Errorf("a failed enrollment changed the identity: %+v → %+v", before, after)
			}
			if tt.name == "nobody there" && !errors.Is(err, ErrUnreachable) {
				t.Errorf("an unreachable platform while enrolling: %v does not match ErrUnreachable", err)
			}
		})
	}
}

func TestOncePushesPullsAndCatalog(t *testing.T) {
	f := newFake(t)
	f.catalog, f.version = assets.SampleCatalog(), sampleVersion(t)
	st := enrolled(t, f)
	ids := addCases(t, st, 300, 4) // 1,200 events: three pushes
	s := New(st, Options{})
	rep, err := s.Once(testContext(t))
	if err != nil {
		t.Fatalf("Once: %v", err)
	}
	// The device's own events come back in the feed: nothing new, nothing
	// pulled, no case changed.
	want := Report{Pushed: 1200, Pulled: 0, Changed: 0, CatalogVersion: f.version, NewCatalog: true}
	if rep != want {
		t.Errorf("report = %+v, want %+v", rep, want)
	}
	got := f.events()
	for i, e := range got {
		if e.ID != ids[i] {
			t.Fatalf("platform event %d is %s, want %s: the outbox went out of order", i, e.ID, ids[i])
		}
	}
	if f.plainPushes != 0 {
		t.Errorf("%d pushes were not gzipped or did not accept gzip answers", f.plainPushes)
	}
	if raw, _ := st.Get(KeyCatalog); string(raw) != string(assets.SampleCatalog()) {
		t.Errorf("the catalog was not saved as sent")
	}
	rep, err = s.Once(testContext(t))
	if err != nil || rep != (Report{CatalogVersion: f.version}) {
		t.Errorf("second Once = %+v, %v; want nothing to do", rep, err)
	}
	if st := s.Status(); !st.Online || st.Pending != 0 || st.LastSync.IsZero() || st.LastError != "" {
		t.Errorf("status after good rounds = %+v", st)
	}
}

func sampleVersion(t *testing.T) int {
	var head struct{ Version int }
	if err := json.Unmarshal(assets.SampleCatalog(), &head); err != nil || head.Version < 1 {
		t.Fatalf("sample catalog version: %v", err)
	}
	return head.Version
}

func TestBadCatalogIsNotSaved(t *testing.T) {
	f := newFake(t)
	f.catalog, f.version = []byte(`{"version": 99, "items": "nope"}`), 99
	st := enrolled(t, f)
	addCases(t, st, 2, 1)
	var catalogAsks atomic.Int64
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == protocol.PathCatalog {
			catalogAsks.Add(1)
		}
		return false
	}
	s := New(st, Options{})
	rep, err := s.Once(testContext(t))
	if !errors.Is(err, ErrBadCatalog) || !strings.Contains(err.Error(), "keeps version 0") {
		t.Errorf("Once with a broken catalog: %v", err)
	}
	if _, err := s.Once(testContext(t)); err != nil || catalogAsks.Load() != 1 {
		t.Errorf("second round: %v, after %d catalog requests; want no error and no second request", err, catalogAsks.Load())
	}
	if rep.Pushed != 2 || rep.NewCatalog {
		t.Errorf("report = %+v; the push must stand and no catalog be taken", rep)
	}
	if raw, _ := st.Get(KeyCatalog); raw != nil {
		t.Errorf("a catalog that fails catalog.Parse was saved")
	}
}

func TestRejectedEventIsParkedAndQueueGoesOn(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	ids := addCases(t, st, 3, 1)
	f.Intercept = rejectID(t, ids[1], f)
	rep, err := New(st, Options{}).Once(testContext(t))
	if err != nil {
		t.Fatalf("Once: %v", err)
	}
	if rep.Pushed != 2 || rep.Rejected != 1 || rep.Pending != 0 {
		t.Errorf("report = %+v, want 2 pushed, 1 rejected, none pending", rep)
	}
	rej, _ := st.Rejected()
	if len(rej) != 1 || rej[0].Event.ID != ids[1] || rej[0].Reason != "this kind of event is not known to the platform" {
		t.Errorf("parked = %+v", rej)
	}
}

// rejectID makes the fake refuse one event as the real platform does, by
// rewriting its kind on the way in.
func rejectID(t *testing.T, id string, f *fakePlatform) func(http.ResponseWriter, *http.Request) bool {
	return func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPost || r.URL.Path != protocol.PathEvents {
			return false
		}
		req := decodePush(t, r)
		for i := range req.Events {
			if req.Events[i].ID == id {
				req.Events[i].Kind = "forbidden"
			}
		}
		replay(t, f, w, r, req)
		return true
	}
}

// TestBadBatchIsSplitToTheOneBadEvent: a platform that refuses a whole
// push (400) for one bad event costs that event only.
func TestBadBatchIsSplitToTheOneBadEvent(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	ids := addCases(t, st, 100, 2)
	bad := ids[77]
	pushes := refuseWhole(t, f, bad, func(w http.ResponseWriter, _ int) {
		writeJSONTest(w, 400, protocol.Error{Code: protocol.CodeBadRequest, Message: "event " + bad + " belongs to another center"})
	})
	rep, err := New(st, Options{PushBatch: 100}).Once(testContext(t))
	if err != nil {
		t.Fatalf("Once: %v", err)
	}
	if rep.Pushed != 199 || rep.Rejected != 1 || rep.Pending != 0 {
		t.Errorf("report = %+v", rep)
	}
	if rej, _ := st.Rejected(); len(rej) != 1 || rej[0].Event.ID != bad || !strings.Contains(rej[0].Reason, "another center") {
		t.Errorf("parked = %+v", rej)
	}
	if n := pushes.Load(); n > 20 {
		t.Errorf("%d pushes to find one bad event among 200", n)
	}
	got := f.events()
	if len(got) != 199 {
		t.Fatalf("platform holds %d events, want 199", len(got))
	}
	for i, j := 0, 0; i < len(ids); i++ {
		if ids[i] == bad {
			continue
		}
		if got[j].ID != ids[i] {
			t.Fatalf("platform event %d is %s, want %s: splitting changed the order", j, got[j].ID, ids[i])
		}
		j++
	}
}

// TestPartialAnswerDeletesOnlyAnswered: entries without a result stay.
func TestPartialAnswerDeletesOnlyAnswered(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	ids := addCases(t, st, 10, 1)
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPost || r.URL.Path != protocol.PathEvents {
			return false
		}
		req := decodePush(t, r)
		req.Events = req.Events[:4]
		replay(t, f, w, r, req)
		return true
	}
	rep, err := New(st, Options{}).Once(testContext(t))
	if !errors.Is(err, ErrProtocol) {
		t.Errorf("Once after a partial answer: %v, want ErrProtocol", err)
	}
	if rep.Pushed != 4 || rep.Pending != 6 {
		t.Errorf("report = %+v, want 4 pushed and 6 pending", rep)
	}
	out, _ := st.Outbox(100)
	if len(out) != 6 || out[0].Event.ID != ids[4] {
		t.Errorf("outbox head after a partial answer = %v", out)
	}
}

func TestUnauthorizedNeedsEnrollment(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	addCases(t, st, 5, 2)
	f.revokeAll()
	var calls atomic.Int64
	f.Intercept = func(http.ResponseWriter, *http.Request) bool { calls.Add(1); return false }
	s := New(st, Options{})
	_, err := s.Once(testContext(t))
	if !errors.Is(err, ErrNeedsEnrollment) || err.Error() != ErrNeedsEnrollment.Error() {
		t.Fatalf("Once with a revoked token: %v", err)
	}
	id, _ := st.Identity()
	if !id.NeedsEnrollment || !s.Status().NeedsEnrollment {
		t.Errorf("identity %+v / status %+v: needs enrollment not recorded", id, s.Status())
	}
	mustPending(t, st, 10)
	n := calls.Load()
	if _, err := s.Once(testContext(t)); !errors.Is(err, ErrNeedsEnrollment) || calls.Load() != n {
		t.Errorf("a second round called the platform (%d calls) or said %v", calls.Load()-n, err)
	}
	if _, err := Enroll(testContext(t), f.URL(), "GOOD", "", st); err != nil {
		t.Fatal(err)
	}
	f.Intercept = nil
	if rep, err := s.Once(testContext(t)); err != nil || rep.Pushed != 10 {
		t.Errorf("after re-enrolling: %+v, %v", rep, err)
	}
}

func TestNotEnrolled(t *testing.T) {
	st := openDevice(t, t.TempDir())
	addCases(t, st, 1, 1)
	s := New(st, Options{})
	if _, err := s.Once(testContext(t)); !errors.Is(err, ErrNotEnrolled) {
		t.Errorf("Once on a device never enrolled: %v", err)
	}
	if got := s.Status(); got.Enrolled || got.Online || got.Pending != 1 {
		t.Errorf("status = %+v", got)
	}
}

func TestPlatformMessageIsSurfaced(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	addCases(t, st, 1, 1)
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		writeJSONTest(w, 500, protocol.Error{Code: protocol.CodeInternal, Message: "the platform's disk is full;\n try again later"})
		return true
	}
	s := New(st, Options{})
	_, err := s.Once(testContext(t))
	if want := "平台内部出错，请稍后再试。 The platform's disk is full; try again later"; err == nil || err.Error() != want {
		t.Errorf("error = %q, want %q: the code's Chinese sentence, then the platform's on one line", err, want)
	}
	if got := s.Status(); got.Online || got.LastError != err.Error() || got.Pending != 1 {
		t.Errorf("status = %+v", got)
	}
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte("<html>bad gateway</html>"))
		return true
	}
	if _, err := s.Once(testContext(t)); err == nil || !strings.Contains(err.Error(), "502 Bad Gateway") {
		t.Errorf("error for a proxy's HTML page = %v", err)
	}
}

func decodePush(t *testing.T, r *http.Request) protocol.PushRequest {
	t.Helper()
	body, err := gunzipBody(r)
	if err != nil {
		t.Errorf("push body: %v", err)
	}
	var req protocol.PushRequest
	if err := json.Unmarshal(body, &req); err != nil {
		t.Errorf("push body: %v", err)
	}
	return req
}

// replay hands a (changed) push to the fake's own handler.
func replay(t *testing.T, f *fakePlatform, w http.ResponseWriter, r *http.Request, req protocol.PushRequest) {
	data, _ := json.Marshal(req)
	r2 := r.Clone(r.Context())
	r2.Header.Del("Content-Encoding")
	r2.Body = ioNopCloser(strings.NewReader(string(data)))
	in := f.Intercept
	f.Intercept = nil
	defer func() { f.Intercept = in }()
	f.ServeHTTP(w, r2)
}

// TestEnrollWithPrivateCA: an https platform with a private CA works with
// --ca and says "not trusted" (not "cannot be reached") without it.
func TestEnrollWithPrivateCA(t *testing.T) {
	f := unstartedFake()
	srv := httptest.NewTLSServer(f)
	defer srv.Close()
	caPEM := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))

	st := openDevice(t, t.TempDir())
	if _, err := Enroll(testContext(t), srv.URL, "GOOD", "", st); !errors.Is(err, ErrUntrusted) {
		t.Errorf("Enroll without the CA: %v, want ErrUntrusted", err)
	}
	id, err := Enroll(testContext(t), srv.URL, "GOOD", caPEM, st)
	if err != nil {
		t.Fatalf("Enroll with the CA: %v", err)
	}
	if id.CA != caPEM {
		t.Errorf("the CA was not saved with the identity")
	}
	addCases(t, st, 2, 1)
	if rep, err := New(st, Options{}).Once(testContext(t)); err != nil || rep.Pushed != 2 {
		t.Errorf("Once over https with the saved CA: %+v, %v", rep, err)
	}
}
