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
	DamageBucket(tb, path, "cases") // the store's bucket of cases and events
}

// DamageBucket breaks the root page of the named bucket as Damage does:
// "meta", read as the store opens, makes a store that cannot be opened.
func DamageBucket(tb testing.TB, path, bucket string) {
	tb.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		tb.Fatal(err)
	}
	var root uint64
	db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte(bucket)); b != nil {
			root = uint64(b.Root())
		}
		return nil
	})
	pageSize := db.Info().PageSize
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	if root == 0 {
		tb.Fatalf("the %s bucket of %s has no page of its own; add to it before damaging it", bucket, path)
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

// DamageRoot breaks the page that lists the store's buckets, as Damage
// breaks a bucket's: every read goes through it, the first as the store
// opens, so the store cannot be opened at all.
func DamageRoot(tb testing.TB, path string) {
	tb.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	// The meta pages (0 and 1, at 4096 bytes on this machine) after their
	// 16-byte header: magic, version, page size, flags (4 bytes each), the
	// root bucket's page (8) and sequence (8), freelist, page count, and
	// the transaction ID (8 each). The newer transaction's meta is in use.
	const pageSize = 4096
	var root, txid uint64
	for id := range int64(2) {
		meta := make([]byte, 64)
		if _, err := f.ReadAt(meta, id*pageSize+16); err != nil {
			tb.Fatal(err)
		}
		if t := binary.LittleEndian.Uint64(meta[48:]); t >= txid {
			txid, root = t, binary.LittleEndian.Uint64(meta[16:])
		}
	}
	if _, err := f.WriteAt(binary.LittleEndian.AppendUint64(nil, root+1), int64(root)*pageSize); err != nil {
		tb.Fatal(err)
	}
}
