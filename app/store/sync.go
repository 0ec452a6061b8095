package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// RawEntry is an outbox entry with its event as stored (JSON), for a push
// that sends events on without decoding and encoding them again.
type RawEntry struct {
	Seq   uint64
	ID    string // the event's ID, to match the platform's answer
	Event json.RawMessage
}

// OutboxAfter returns up to limit outbox entries with a sequence above
// after, in order. A sync client that has sent a batch and awaits its
// acknowledgement reads the next batch with it.
func (s *Store) OutboxAfter(after uint64, limit int) (out []RawEntry, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketOutbox).Cursor()
		for k, v := c.Seek(binary.BigEndian.AppendUint64(nil, after+1)); k != nil && len(out) < limit; k, v = c.Next() {
			var head struct {
				ID string `json:"id"`
			}
			if err := json.Unmarshal(v, &head); err != nil || head.ID == "" {
				return fmt.Errorf("outbox entry %x is damaged: %v", k, err)
			}
			out = append(out, RawEntry{Seq: binary.BigEndian.Uint64(k), ID: head.ID, Event: bytes.Clone(v)})
		}
		return nil
	})
	return out, err
}
