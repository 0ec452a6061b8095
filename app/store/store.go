// Package store keeps a device's cases, events, outbox and settings in one
// bbolt file. Every user action is one transaction: the event, the case it
// changes, the indexes and the outbox entry commit together or not at all.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// FileName is the store's file inside a data folder.
const FileName = "tongban.db"

// Store is a device's bbolt store.
type Store struct {
	db   *bolt.DB
	path string
	opts Options
}

// Options tune a store. The zero value is right for a device.
type Options struct {
	// Center and Role seed the identity of a store opened for the first
	// time, before enrollment.
	Center string
	Role   string
	// Now is the clock; tests set it.
	Now func() time.Time
	// NoSync skips fsync: only for loading benchmark data.
	NoSync bool
}

// Open opens (creating if needed) the store in a data folder and brings
// its schema up to date.
func Open(dir string, opts Options) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the data folder %s: %w", dir, err)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	path := filepath.Join(dir, FileName)
	if empty(path) {
		// bbolt would write a new store into it: a device that forgot
		// its identity, its cases and its enrollment without a word.
		return nil, &DamagedError{File: path, Where: "its start: the file is empty (0 bytes)"}
	}
	db, err := openBolt(path, &bolt.Options{
		Timeout: time.Second,
		// The freelist is synced (bbolt's default): skipping it makes
		// commits a little cheaper but every open walk the whole file,
		// seven seconds for a counter holding a million cases.
		FreelistType: bolt.FreelistMapType,
		NoSync:       opts.NoSync,
	})
	if errors.Is(err, syscall.EROFS) {
		// A failing disk is often remounted read-only: the store still
		// opens to be read (status, backup, cases list), and a write is
		// refused with bolterrors.ErrDatabaseReadOnly (IsReadOnly).
		db, err = openBolt(path, &bolt.Options{Timeout: time.Second, ReadOnly: true, FreelistType: bolt.FreelistMapType})
	}
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, ErrLocked
	}
	if errors.Is(err, bolterrors.ErrInvalid) || errors.Is(err, bolterrors.ErrChecksum) || errors.Is(err, bolterrors.ErrVersionMismatch) {
		return nil, &DamagedError{File: path, Where: "its first pages, the header (" + err.Error() + ")"}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open the store %s: %w", path, err)
	}
	s := &Store{db: db, path: path, opts: opts}
	if err := s.bringUp(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// bringUp migrates the store to this schema. A store of this schema is not
// written to: a command that only reads leaves the file as it was (a meta
// page found damaged stays so until the next write, for status to see).
// The schema is the first thing read past the header: a damaged page on
// the way is a *DamagedError, not bbolt's panic.
func (s *Store) bringUp() (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer damageRecovered(s.path, &err)
	if v, err := s.Schema(); err == nil && v == SchemaVersion {
		return nil
	}
	return s.db.Update(func(tx *bolt.Tx) error { return migrate(tx, s.opts) })
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Path is the store's file.
func (s *Store) Path() string { return s.path }

// SetNoSync turns fsync off (true) or on: only for loading benchmark data.
func (s *Store) SetNoSync(v bool) { s.db.NoSync = v }

func (s *Store) now() time.Time { return s.opts.Now() }

// openBolt is bolt.Open, where a file cut short or a damaged freelist is a
// *DamagedError: bbolt panics reading them.
func openBolt(path string, opts *bolt.Options) (db *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer damageRecovered(path, &err)
	return bolt.Open(path, 0o600, opts)
}

// ReadOnly reports whether the store was opened read-only, its disk being
// read-only.
func (s *Store) ReadOnly() bool { return s.db.IsReadOnly() }

// IsReadOnly reports whether err is a write refused by a store opened
// read-only, its disk being read-only.
func IsReadOnly(err error) bool { return errors.Is(err, bolterrors.ErrDatabaseReadOnly) }
