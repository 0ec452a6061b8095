package platform_test

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"

	"tongban/sync/platform"
	"tongban/sync/platform/storetest"
	"tongban/sync/protocol"
)

func TestServe(t *testing.T) {
	store := storetest.Bolt(t)
	defer store.Close()
	s, err := platform.New(store, platform.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln, "", "") }()
	resp, err := http.Get("http://" + ln.Addr().String() + protocol.PathHealth)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("health while serving: %v %v", resp, err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve after cancel: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("Serve did not return after its context was cancelled")
	}
	ln2, _ := net.Listen("tcp", "127.0.0.1:0")
	if err := s.Serve(context.Background(), ln2, "cert.pem", ""); err == nil {
		t.Fatal("Serve with a certificate but no key did not fail")
	}
}
