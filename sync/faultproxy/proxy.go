// Package faultproxy is an HTTP reverse proxy on loopback that stands
// between a sync client and the platform and misbehaves on purpose: it
// drops connections before forwarding, resets them halfway through a
// response, delays, answers 503 or 429 with Retry-After, and - the case
// that matters most for exactly-once delivery - forwards a request, lets
// the platform commit it, and then loses the reply. Tests choose faults by
// probability (Odds) or as a scripted sequence.
package faultproxy

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"tongban/sync/protocol"
)

// Config says how the proxy misbehaves. The zero value passes everything.
type Config struct {
	// Odds are the probabilities of each fault; Script, if any, is used
	// first, one fault per matching request.
	Odds   Odds
	Script []Fault
	// Seed makes the odds repeatable; 0 picks one.
	Seed uint64
	// MaxDelay bounds a Delay fault; 50 ms.
	MaxDelay time.Duration
	// RetryAfter is the Retry-After header of a TooMany answer (seconds
	// or an HTTP date); "1".
	RetryAfter string
	// Match selects the requests that may meet a fault; nil means all.
	// Others always pass.
	Match func(*http.Request) bool
	// Committed is called for every forwarded request once the platform
	// has answered, before the client gets (or loses) the answer. Tests
	// use it to watch what the platform served, or to kill a client while
	// a reply is in flight.
	Committed func(Exchange)
}

// Exchange is a request the platform answered, as the proxy saw it.
type Exchange struct {
	Method, Path string
	Query        url.Values
	// Status and Body are the platform's answer; Body is un-gzipped.
	Status int
	Body   []byte
	// Fault is what the proxy does with the answer.
	Fault Fault
}

// Proxy is a running fault-injecting proxy.
type Proxy struct {
	// URL is the proxy's address; give it to the client as the platform.
	URL string

	cfg    Config
	target *url.URL
	rt     *http.Transport
	srv    *http.Server
	ln     net.Listener
	ch     *chooser
	done   chan struct{}
	wg     sync.WaitGroup
}

// Start listens on a free loopback port and forwards to target (the
// platform's base URL).
func Start(target string, cfg Config) (*Proxy, error) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("faultproxy: target %q is not an http(s) URL", target)
	}
	if cfg.MaxDelay <= 0 {
		cfg.MaxDelay = 50 * time.Millisecond
	}
	if cfg.RetryAfter == "" {
		cfg.RetryAfter = "1"
	}
	seed := cfg.Seed
	if seed == 0 {
		seed = rand.Uint64()
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("faultproxy: %w", err)
	}
	p := &Proxy{
		URL: "http://" + ln.Addr().String(), cfg: cfg, target: u, ln: ln,
		rt:   &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 16, ForceAttemptHTTP2: false},
		ch:   &chooser{script: append([]Fault(nil), cfg.Script...), odds: cfg.Odds, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))},
		done: make(chan struct{}),
	}
	p.srv = &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		p.srv.Serve(ln)
	}()
	return p, nil
}

// Close stops the proxy and drops every connection through it.
func (p *Proxy) Close() error {
	close(p.done)
	err := p.srv.Close()
	p.wg.Wait()
	p.rt.CloseIdleConnections()
	return err
}

// SetOdds changes the odds for the requests to come.
func (p *Proxy) SetOdds(o Odds) {
	p.ch.mu.Lock()
	p.ch.odds = o
	p.ch.mu.Unlock()
}

// Script appends faults to the scripted sequence.
func (p *Proxy) Script(faults ...Fault) {
	p.ch.mu.Lock()
	p.ch.script = append(p.ch.script, faults...)
	p.ch.mu.Unlock()
}

// Counts returns how many matching requests met each fault so far.
func (p *Proxy) Counts() map[Fault]int {
	p.ch.mu.Lock()
	defer p.ch.mu.Unlock()
	m := map[Fault]int{}
	for f, n := range p.ch.counts {
		if n > 0 {
			m[Fault(f)] = n
		}
	}
	return m
}

// ServeHTTP handles one request from the client.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f := Pass
	if p.cfg.Match == nil || p.cfg.Match(r) {
		f = p.ch.next()
	}
	switch f {
	case Drop:
		reset(w)
		return
	case Unavailable:
		writeError(w, http.StatusServiceUnavailable, "", "the platform is unavailable (injected); try again later")
		return
	case TooMany:
		writeError(w, http.StatusTooManyRequests, p.cfg.RetryAfter, "too many requests (injected); wait as Retry-After says")
		return
	case Delay:
		select {
		case <-time.After(p.ch.delay(p.cfg.MaxDelay)):
		case <-r.Context().Done():
			return
		case <-p.done:
			return
		}
	}
	resp, body, err := p.forward(r)
	if err != nil {
		writeError(w, http.StatusBadGateway, "", "the proxy could not reach the platform: "+err.Error())
		return
	}
	if p.cfg.Committed != nil {
		p.cfg.Committed(exchange(r, resp, body, f))
	}
	switch f {
	case LostReply:
		reset(w)
	case BadGateway:
		writeError(w, http.StatusBadGateway, "", "the platform took too long to answer (injected)")
	case Reset:
		writePartial(w, resp, body)
	default:
		copyHeader(w.Header(), resp.Header)
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(resp.StatusCode)
		w.Write(body)
	}
}

// hopHeaders are the hop-by-hop headers a proxy does not pass on.
var hopHeaders = map[string]bool{"Connection": true, "Keep-Alive": true, "Proxy-Connection": true,
	"Te": true, "Trailer": true, "Transfer-Encoding": true, "Upgrade": true, "Content-Length": true}

func copyHeader(dst, src http.Header) {
	for k, vs := range src {
		if !hopHeaders[k] {
			dst[k] = append([]string(nil), vs...)
		}
	}
}

// forward sends the request to the platform and reads the whole answer.
func (p *Proxy) forward(r *http.Request) (*http.Response, []byte, error) {
	in, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, nil, err
	}
	u := *p.target
	u.Path = singleSlash(p.target.Path, r.URL.Path)
	u.RawQuery = r.URL.RawQuery
	out, err := http.NewRequestWithContext(r.Context(), r.Method, u.String(), bytes.NewReader(in))
	if err != nil {
		return nil, nil, err
	}
	copyHeader(out.Header, r.Header)
	resp, err := p.rt.RoundTrip(out)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

func singleSlash(a, b string) string {
	switch {
	case a == "" || a == "/":
		return b
	case a[len(a)-1] == '/' && b != "" && b[0] == '/':
		return a + b[1:]
	}
	return a + b
}

func exchange(r *http.Request, resp *http.Response, body []byte, f Fault) Exchange {
	if resp.Header.Get("Content-Encoding") == "gzip" {
		if zr, err := gzip.NewReader(bytes.NewReader(body)); err == nil {
			if plain, err := io.ReadAll(zr); err == nil {
				body = plain
			}
		}
	}
	return Exchange{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Status: resp.StatusCode, Body: body, Fault: f}
}

// reset takes over the client's connection and closes it with a TCP RST
// (linger 0), the way a crashed peer or a middlebox does.
func reset(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // the server closes the connection
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		tcp.SetLinger(0)
	}
	conn.Close()
}

// writePartial sends the status line, the headers (with the full length)
// and half the body, then resets the connection.
func writePartial(w http.ResponseWriter, resp *http.Response, body []byte) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	h := http.Header{}
	copyHeader(h, resp.Header)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\n", resp.StatusCode, http.StatusText(resp.StatusCode))
	h.Write(buf)
	buf.WriteString("\r\n")
	buf.Write(body[:len(body)/2])
	buf.Flush()
	if tcp, ok := conn.(*net.TCPConn); ok {
		tcp.SetLinger(0)
	}
	conn.Close()
}

// writeError answers like the platform does: a protocol.Error body.
func writeError(w http.ResponseWriter, status int, retryAfter, msg string) {
	code := protocol.CodeInternal
	if status == http.StatusTooManyRequests {
		code = protocol.CodeRateLimited
	}
	if retryAfter != "" {
		w.Header().Set("Retry-After", retryAfter)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(protocol.Error{Code: code, Message: msg})
}
