package storetest

import (
	"context"
	"io"
	"net"
	"net/url"
	"sync"
	"testing"

	"tongban/sync/platform"
	"tongban/sync/platform/pgstore"
)

// CutOpener opens a fresh storage that a test can make stop answering
// while it is open, as when its database goes away: cut closes a bbolt
// file; a PostgreSQL storage connects through a loopback relay, and cut
// closes the relay and every connection through it, so the connections
// in the pool break and new ones are refused (the shared test cluster
// itself is never stopped).
type CutOpener func(t testing.TB) (s platform.Storage, cut func())

// BoltCut opens a bbolt storage that cut closes.
func BoltCut(t testing.TB) (platform.Storage, func()) {
	s := Bolt(t)
	return s, func() { s.Close() }
}

// PostgresCut opens a PostgreSQL storage through a relay that cut closes.
func PostgresCut(t testing.TB) (platform.Storage, func()) {
	t.Helper()
	u, err := url.Parse(FreshSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	r := newRelay(t, u.Host)
	u.Host = r.ln.Addr().String()
	s, err := pgstore.Open(context.Background(), u.String())
	if err != nil {
		t.Fatal(err)
	}
	return s, r.cut
}

// relay copies TCP connections from a loopback port to a target.
type relay struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	conns  []net.Conn
	cutOff bool
}

func newRelay(t testing.TB, target string) *relay {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &relay{ln: ln, target: target}
	t.Cleanup(r.cut)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go r.pipe(c)
		}
	}()
	return r
}

func (r *relay) pipe(c net.Conn) {
	up, err := net.Dial("tcp", r.target)
	if err != nil {
		c.Close()
		return
	}
	r.mu.Lock()
	if r.cutOff {
		r.mu.Unlock()
		c.Close()
		up.Close()
		return
	}
	r.conns = append(r.conns, c, up)
	r.mu.Unlock()
	go func() {
		io.Copy(up, c)
		up.Close()
	}()
	io.Copy(c, up)
	c.Close()
}

// cut stops the relay: the port refuses connections and every relayed one
// is closed.
func (r *relay) cut() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cutOff = true
	r.ln.Close()
	for _, c := range r.conns {
		c.Close()
	}
}
