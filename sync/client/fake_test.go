package client

import (
	"compress/gzip"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// fakePlatform is a minimal platform for the client's unit tests: one
// center, codes that enroll any device, events kept in memory in feed
// order. Intercept lets a test answer a request itself (a 429, a partial
// push result) before the fake does.
type fakePlatform struct {
	mu        sync.Mutex
	feed      []cases.Event
	byID      map[string][32]byte
	tokens    map[string]string // token → device ID
	catalog   []byte            // served when newer than since
	version   int
	nextShort int
	// key is the center's receipt key: every platform makes its own.
	key protocol.ReceiptKey
	// plainPushes counts pushes that came without gzip, or from a client
	// that does not accept gzip answers.
	plainPushes int

	Intercept func(w http.ResponseWriter, r *http.Request) bool
	srv       *httptest.Server
}

func newFake(t *testing.T) *fakePlatform {
	t.Helper()
	f := unstartedFake()
	f.srv = httptest.NewServer(f)
	t.Cleanup(f.srv.Close)
	return f
}

// unstartedFake is a fake platform for a test to serve itself.
func unstartedFake() *fakePlatform {
	f := &fakePlatform{byID: map[string][32]byte{}, tokens: map[string]string{}, key: protocol.ReceiptKey{ID: "k1", Key: make([]byte, 32)}}
	rand.Read(f.key.Key)
	return f
}

func (f *fakePlatform) URL() string { return f.srv.URL }

func (f *fakePlatform) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if f.Intercept != nil && f.Intercept(w, r) {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.URL.Path == protocol.PathHealth {
		writeJSONTest(w, 200, protocol.Health{Status: "ok"})
		return
	}
	if r.URL.Path == protocol.PathEnroll {
		var req protocol.EnrollRequest
		json.NewDecoder(r.Body).Decode(&req)
		if req.Code != "GOOD" {
			writeJSONTest(w, 400, protocol.Error{Code: protocol.CodeBadCode, Message: "this enrollment code is unknown; ask for a new one"})
			return
		}
		f.nextShort++
		token := "token-" + strconv.Itoa(f.nextShort)
		f.tokens[token] = req.DeviceID
		writeJSONTest(w, 200, protocol.EnrollResponse{DeviceID: req.DeviceID, Token: token, Role: "kiosk",
			Center: "130102", ShortCode: "K" + strconv.Itoa(f.nextShort),
			ReceiptKeys: []protocol.ReceiptKey{f.key}})
		return
	}
	if _, ok := f.tokens[bearer(r)]; !ok {
		writeJSONTest(w, 401, protocol.Error{Code: protocol.CodeUnauthorized, Message: "this device's token is not valid; enroll it again"})
		return
	}
	switch {
	case r.URL.Path == protocol.PathEvents && r.Method == http.MethodPost:
		body := io.Reader(r.Body)
		if r.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			f.plainPushes++
		}
		if r.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(r.Body)
			if err != nil {
				writeJSONTest(w, 400, protocol.Error{Code: protocol.CodeBadRequest, Message: "bad gzip"})
				return
			}
			body = zr
		}
		var req protocol.PushRequest
		if err := json.NewDecoder(body).Decode(&req); err != nil || len(req.Events) > protocol.MaxPush {
			writeJSONTest(w, 400, protocol.Error{Code: protocol.CodeBadRequest, Message: "the push is malformed"})
			return
		}
		var resp protocol.PushResponse
		for _, e := range req.Events {
			res := protocol.PushResult{ID: e.ID, Status: protocol.Stored}
			if d, ok := f.byID[e.ID]; ok {
				res.Status = protocol.Duplicate
				if d != e.Digest() {
					res.Status, res.Reason = protocol.Rejected, "another event has this ID"
				}
			} else if e.Kind == "forbidden" {
				res.Status, res.Reason = protocol.Rejected, "this kind of event is not known to the platform"
			} else {
				f.byID[e.ID] = e.Digest()
				f.feed = append(f.feed, e)
			}
			resp.Results = append(resp.Results, res)
		}
		writeJSONTest(w, 200, resp)
	case r.URL.Path == protocol.PathEvents:
		after, _ := strconv.Atoi(r.URL.Query().Get("after"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		end := min(after+limit, len(f.feed))
		resp := protocol.PullResponse{Events: f.feed[after:end], Next: strconv.Itoa(end), More: end < len(f.feed)}
		if resp.Events == nil {
			resp.Events = []cases.Event{}
		}
		writeJSONTest(w, 200, resp)
	case r.URL.Path == protocol.PathCatalog:
		since, _ := strconv.Atoi(r.URL.Query().Get("since"))
		if f.catalog == nil {
			writeJSONTest(w, 404, protocol.Error{Code: protocol.CodeNotFound, Message: "no catalog"})
		} else if f.version <= since {
			w.WriteHeader(http.StatusNotModified)
		} else {
			w.Header().Set("Content-Type", "application/json")
			w.Write(f.catalog)
		}
	default:
		writeJSONTest(w, 404, protocol.Error{Code: protocol.CodeNotFound, Message: "no such call"})
	}
}

func (f *fakePlatform) revokeAll() {
	f.mu.Lock()
	f.tokens = map[string]string{}
	f.mu.Unlock()
}

// count returns how many times each event ID is in the feed.
func (f *fakePlatform) events() []cases.Event {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]cases.Event(nil), f.feed...)
}

func bearer(r *http.Request) string {
	const p = "Bearer "
	h := r.Header.Get("Authorization")
	if len(h) > len(p) {
		return h[len(p):]
	}
	return ""
}

func writeJSONTest(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func gunzipBody(r *http.Request) ([]byte, error) {
	body := io.Reader(r.Body)
	if r.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(r.Body)
		if err != nil {
			return nil, err
		}
		body = zr
	}
	return io.ReadAll(body)
}

func ioNopCloser(r io.Reader) io.ReadCloser { return io.NopCloser(r) }
