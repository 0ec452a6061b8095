package boltstore_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

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

// TestIndexBuiltAtOpen: a file written before the numbers bucket existed
// (schema 1) gets it built when it is opened.
func TestIndexBuiltAtOpen(t *testing.T) {
	dir := t.TempDir()
	s, err := boltstore.Open(dir, boltstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	storetest.RunIndexBuild(t, s, func(t *testing.T, s platform.Storage) platform.Storage {
		s.Close()
		db, err := bolt.Open(filepath.Join(dir, boltstore.FileName), 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			if err := tx.DeleteBucket([]byte("numbers")); err != nil {
				return err
			}
			return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 1})
		})
		if err := errors.Join(err, db.Close()); err != nil {
			t.Fatalf("writing the file as schema 1: %v", err)
		}
		s, err = boltstore.Open(dir, boltstore.Options{NoSync: true})
		if err != nil {
			t.Fatalf("opening a schema 1 file: %v", err)
		}
		return s
	})
}

// TestNewerSchema: a file of a later schema is not opened.
func TestNewerSchema(t *testing.T) {
	dir := t.TempDir()
	s, err := boltstore.Open(dir, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(filepath.Join(dir, boltstore.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 99}) })
	db.Close()
	if _, err := boltstore.Open(dir, boltstore.Options{}); !errors.Is(err, boltstore.ErrNewerSchema) {
		t.Fatalf("Open of a schema 99 file: %v, want ErrNewerSchema", err)
	}
}
