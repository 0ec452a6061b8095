package faultproxy

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"tongban/sync/protocol"
)

// backend counts the requests that reach it and answers a fixed body.
func backend(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"status":"ok","padding":"`+strings.Repeat("x", 4000)+`"}`)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestFaults(t *testing.T) {
	tests := []struct {
		fault Fault
		// reached: the platform saw the request; status: the client's
		// answer (0 for a transport error).
		reached bool
		status  int
	}{
		{Pass, true, 200},
		{Drop, false, 0},
		{Delay, true, 200},
		{Unavailable, false, 503},
		{TooMany, false, 429},
		{Reset, true, 0},
		{LostReply, true, 0},
		{BadGateway, true, 502},
	}
	for _, tt := range tests {
		t.Run(tt.fault.String(), func(t *testing.T) {
			srv, hits := backend(t)
			var committed atomic.Int64
			p, err := Start(srv.URL, Config{Script: []Fault{tt.fault}, RetryAfter: "7",
				Committed: func(Exchange) { committed.Add(1) }})
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			// A fresh transport each time: no hidden retry on a reused connection.
			c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
			resp, err := c.Post(p.URL+"/v1/events", "application/json", strings.NewReader(`{"events":[]}`))
			status := 0
			if err == nil {
				_, rerr := io.ReadAll(resp.Body)
				resp.Body.Close()
				if rerr == nil {
					status = resp.StatusCode
				}
				if tt.fault == TooMany && resp.Header.Get("Retry-After") != "7" {
					t.Errorf("Retry-After = %q, want 7", resp.Header.Get("Retry-After"))
				}
			}
			if status != tt.status {
				t.Errorf("client got status %d (err %v), want %d", status, err, tt.status)
			}
			if got := hits.Load() == 1; got != tt.reached {
				t.Errorf("platform reached = %v, want %v", got, tt.reached)
			}
			if tt.reached != tt.fault.Forwards() {
				t.Errorf("%v.Forwards() = %v, want %v", tt.fault, tt.fault.Forwards(), tt.reached)
			}
			if committed.Load() != hits.Load() {
				t.Errorf("Committed called %d times for %d forwarded requests", committed.Load(), hits.Load())
			}
			if got := p.Counts()[tt.fault]; got != 1 {
				t.Errorf("Counts()[%v] = %d, want 1", tt.fault, got)
			}
		})
	}
}

// TestErrorBodies checks that injected answers carry the platform's error
// shape, so a client surfaces their sentence.
func TestErrorBodies(t *testing.T) {
	srv, _ := backend(t)
	p, err := Start(srv.URL, Config{Script: []Fault{Unavailable, TooMany, BadGateway}})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for _, want := range []int{503, 429, 502} {
		resp, err := http.Get(p.URL + "/v1/health")
		if err != nil {
			t.Fatal(err)
		}
		var e protocol.Error
		derr := json.NewDecoder(resp.Body).Decode(&e)
		resp.Body.Close()
		if resp.StatusCode != want || derr != nil || e.Message == "" || e.Code == "" {
			t.Errorf("answer %d, body %+v (%v); want %d with a protocol.Error", resp.StatusCode, e, derr, want)
		}
	}
}

// TestOdds checks that the odds pick every fault and Match spares what it
// does not select.
func TestOdds(t *testing.T) {
	srv, hits := backend(t)
	p, err := Start(srv.URL, Config{Odds: All(0.1), Seed: 1, MaxDelay: 1,
		Match: func(r *http.Request) bool { return r.Method == http.MethodPost }})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for range 300 {
		if resp, err := c.Post(p.URL+"/v1/events", "application/json", strings.NewReader("{}")); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
	counts := p.Counts()
	for f := Pass; f < nFaults; f++ {
		if counts[f] == 0 {
			t.Errorf("no request met %v in 300 at 10%% each: %v", f, counts)
		}
	}
	before := hits.Load()
	for range 20 {
		resp, err := c.Get(p.URL + "/v1/health")
		if err != nil {
			t.Fatalf("a GET, which Match spares, failed: %v", err)
		}
		resp.Body.Close()
	}
	if hits.Load()-before != 20 {
		t.Errorf("%d of 20 spared requests reached the platform", hits.Load()-before)
	}
	if total := sum(p.Counts()); total != 300 {
		t.Errorf("Counts add up to %d, want the 300 matching requests", total)
	}
}

func sum(m map[Fault]int) (n int) {
	for _, v := range m {
		n += v
	}
	return n
}
