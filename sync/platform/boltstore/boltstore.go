// Package boltstore keeps the platform's data in one bbolt file: the
// default storage, with nothing to set up. One process owns the file, so
// it serves one platform instance; use pgstore for several.
package boltstore

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"tongban/sync/platform"
)

// FileName is the platform's file inside its data folder.
const FileName = "platform.db"

// ErrLocked is returned when another process has the file open.
var ErrLocked = errors.New("平台的数据目录正被另一个进程使用，请先停止它，或换一个 --data 目录。 " +
	"The platform's data folder is in use by another process; stop it first or use another --data folder")

// ErrNewerSchema is returned for a file written by a newer program.
var ErrNewerSchema = errors.New("平台的数据由更新版本的 tongban 写入，请先升级本程序再打开。 " +
	"The platform's data was written by a newer tongban; update this program before opening it")

// Buckets, one per concern.
var (
	bucketMeta     = []byte("meta")     // schema version
	bucketCodes    = []byte("codes")    // code hash → Code
	bucketDevices  = []byte("devices")  // device ID → device record
	bucketTokens   = []byte("tokens")   // token hash → device ID
	bucketShort    = []byte("short")    // center "/" prefix → last short code number
	bucketKeys     = []byte("keys")     // center → its receipt keys
	bucketCatalogs = []byte("catalogs") // catalog key → catalogMeta
	bucketCatData  = []byte("catdata")  // catalog key → catalog JSON
	bucketFeeds    = []byte("feeds")    // center → bucket of sequence → event JSON
	bucketIDs      = []byte("ids")      // event ID → center, sequence, digest
	bucketNumbers  = []byte("numbers")  // center → bucket of case number → case ID
	bucketStaff    = []byte("staff")    // center → bucket of staff ID → clerk JSON
	bucketStaffVer = []byte("staffver") // center → staff version (uint64)
)

var allBuckets = [][]byte{bucketMeta, bucketCodes, bucketDevices, bucketTokens, bucketShort,
	bucketKeys, bucketCatalogs, bucketCatData, bucketFeeds, bucketIDs, bucketNumbers, bucketStaff, bucketStaffVer}

var keySchema = []byte("schema")

// schemaVersion is the layout this program writes; opening a file of a
// later one fails rather than misreading it. Version 2 added the numbers
// index (see events.go).
const schemaVersion = 2

// Store is the bbolt storage of the platform.
type Store struct {
	db *bolt.DB
}

var _ platform.Storage = (*Store)(nil)

// Options tune a store. The zero value is right for a platform.
type Options struct {
	// NoSync skips fsync: only for tests and loading benchmark data.
	NoSync bool
}

// Open opens (creating if needed) the platform's file in a data folder.
func Open(dir string, opts Options) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the platform's data folder %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName)
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:        time.Second,
		FreelistType:   bolt.FreelistMapType,
		NoFreelistSync: true, // rebuilt at open; commits write less
		NoSync:         opts.NoSync,
	})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, ErrLocked
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open the platform's data %s: %w", path, err)
	}
	if err := db.Update(migrate); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db}, nil
}

func migrate(tx *bolt.Tx) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	meta := tx.Bucket(bucketMeta)
	var have uint32 // 0 for a new file
	if v := meta.Get(keySchema); len(v) == 4 {
		have = binary.BigEndian.Uint32(v)
	}
	if have > schemaVersion {
		return ErrNewerSchema
	}
	if have < 2 {
		if err := indexNumbers(tx); err != nil {
			return err
		}
	}
	return meta.Put(keySchema, binary.BigEndian.AppendUint32(nil, schemaVersion))
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// Ping reads the file's schema version in a read transaction: the file is
// open and its pages read.
func (s *Store) Ping(ctx context.Context) error {
	return s.view(ctx, func(tx *bolt.Tx) error {
		if len(tx.Bucket(bucketMeta).Get(keySchema)) != 4 {
			return fmt.Errorf("the platform's data %s has no schema version; restore it from a backup", s.db.Path())
		}
		return nil
	})
}

// Unavailable reports whether an error says the file is closed: the
// one way a bbolt file on the platform's own disk stops answering while
// the platform runs (its shutdown). A damaged or full disk is a failure,
// for the administrator to see as one.
func (s *Store) Unavailable(err error) bool { return errors.Is(err, platform.ErrClosed) }

// Path is the file's path.
func (s *Store) Path() string { return s.db.Path() }

// view and update run a transaction unless the context is already done;
// bbolt itself cannot be interrupted.
func (s *Store) view(ctx context.Context, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := s.db.View(fn)
	if errors.Is(err, bolterrors.ErrDatabaseNotOpen) {
		return platform.ErrClosed
	}
	return err
}

func (s *Store) update(ctx context.Context, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := s.db.Update(fn)
	if errors.Is(err, bolterrors.ErrDatabaseNotOpen) {
		return platform.ErrClosed
	}
	return err
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// getJSON decodes the value at key into v and reports whether it was
// there; what names the record in the error.
func getJSON(b *bolt.Bucket, what string, key []byte, v any) (bool, error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, fmt.Errorf("the platform's %s record %q is damaged (%w); restore a backup", what, key, err)
	}
	return true, nil
}

func u64(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }
