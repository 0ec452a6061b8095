package storetest

import (
	"encoding/binary"
	"os"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Damage breaks a closed store file the way a page written in the wrong
// place does: the root page of its cases bucket says it is the page after
// it, so bbolt panics on reading a case ("assertion failed: Page expected
// to be …") while the identity and settings still read. The cases bucket
// must fill a page of its own: a few cases do.
func Damage(tb testing.TB, path string) {
	tb.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		tb.Fatal(err)
	}
	var root uint64
	db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte("cases")); b != nil { // the store's bucket of cases and events
			root = uint64(b.Root())
		}
		return nil
	})
	pageSize := db.Info().PageSize
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	if root == 0 {
		tb.Fatalf("the cases bucket of %s has no page of its own; add cases before damaging it", path)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	// A page starts with its own ID, in the machine's byte order (bbolt
	// maps the file): little-endian on every platform tongban runs on.
	if _, err := f.WriteAt(binary.LittleEndian.AppendUint64(nil, root+1), int64(root)*int64(pageSize)); err != nil {
		tb.Fatal(err)
	}
}
