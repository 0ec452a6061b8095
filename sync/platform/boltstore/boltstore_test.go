package boltstore_test

import (
	"errors"
	"testing"
	"time"

	"tongban/sync/platform"
	"tongban/sync/platform/boltstore"
	"tongban/sync/platform/storetest"
)

func TestConformance(t *testing.T) { storetest.Run(t, storetest.Bolt) }

func TestLockedFolder(t *testing.T) {
	dir := t.TempDir()
	s, err := boltstore.Open(dir, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := boltstore.Open(dir, boltstore.Options{}); !errors.Is(err, boltstore.ErrLocked) {
		t.Fatalf("second Open of one folder: %v, want ErrLocked", err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	dir := t.TempDir()
	s, err := boltstore.Open(dir, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := platform.NewIncoming("0190d7a4-0000-7000-8000-000000000001", map[string]string{"id": "x"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Push(t.Context(), "130102", "dev", time.Now(), []platform.Incoming{in}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := s.Pull(t.Context(), "130102", 0, 1); !errors.Is(err, platform.ErrClosed) {
		t.Fatalf("Pull after Close: %v, want ErrClosed", err)
	}
	s, err = boltstore.Open(dir, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.Pull(t.Context(), "130102", 0, 10)
	if err != nil || len(p.Events) != 1 || string(p.Events[0]) != string(in.Data) {
		t.Fatalf("after reopening: %+v, %v; want the one event pushed", p, err)
	}
}
