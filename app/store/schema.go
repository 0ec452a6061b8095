package store

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Buckets, one per concern.
var (
	bucketMeta = []byte("meta") // schema, identity, clock, cursors, settings
	// bucketCases holds everything of a case under keys that start with
	// its ID, so they sit side by side on one page: the record (the ID
	// alone), the sync state (ID "#s", see syncstate.go) and the events
	// (ID "/" event ID). One page read opens a case, one page write saves
	// an action.
	bucketCases    = []byte("cases")
	bucketOutbox   = []byte("outbox")   // sequence → event, pushed in order
	bucketRejected = []byte("rejected") // event ID → event and the platform's reason
	bucketTickets  = []byte("tickets")  // day "/" ticket number → queue ticket
	bucketRatings  = []byte("ratings")  // case ID → rating, for the center's 好差评 figures and callbacks
	bucketStaff    = []byte("staff")    // staff ID → clerk and PIN hash
	// The secondary indexes share one bucket, each under its own key
	// prefix (see index.go): one bucket means fewer pages to write and sync
	// per submission.
	bucketIndex = []byte("index")
)

var allBuckets = [][]byte{bucketMeta, bucketCases, bucketOutbox, bucketRejected,
	bucketTickets, bucketRatings, bucketStaff, bucketIndex}

var keySchema = []byte("schema")

// migrations[i] brings a store from schema version i to i+1. Append only:
// a released migration never changes.
var migrations = []func(tx *bolt.Tx, opts Options) error{
	// 0 → 1: the buckets and the device's first identity.
	func(tx *bolt.Tx, opts Options) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return initIdentity(tx, opts)
	},
	// 1 → 2: nothing. For a while schema 2 indexed phone tails with keys
	// of their own; a search reads the phone index now (phonetail.go), and
	// the stores written then open as they are, their keys unused.
	func(*bolt.Tx, Options) error { return nil },
}

// SchemaVersion is the schema this program writes.
var SchemaVersion = uint32(len(migrations))

func migrate(tx *bolt.Tx, opts Options) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	var v uint32
	if b := meta.Get(keySchema); len(b) == 4 {
		v = binary.BigEndian.Uint32(b)
	}
	if v > SchemaVersion {
		return ErrNewerSchema
	}
	for ; v < SchemaVersion; v++ {
		if err := migrations[v](tx, opts); err != nil {
			return fmt.Errorf("cannot migrate the store from schema %d: %w", v, err)
		}
		if err := tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint32(nil, v+1)); err != nil {
			return err
		}
	}
	return nil
}

// Schema returns the store's schema version.
func (s *Store) Schema() (v uint32, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		if meta := tx.Bucket(bucketMeta); meta != nil { // none in a new file
			if b := meta.Get(keySchema); len(b) == 4 {
				v = binary.BigEndian.Uint32(b)
			}
		}
		return nil
	})
	return v, err
}

// appendOnly marks a bucket whose keys mostly arrive in order (UUIDv7 case
// IDs, outbox sequences): full pages split less and write fewer pages.
func appendOnly(b *bolt.Bucket) *bolt.Bucket {
	b.FillPercent = 0.95
	return b
}
