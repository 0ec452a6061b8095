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
			id, err := eventID(v)
			if err != nil {
				return fmt.Errorf("outbox entry %x is damaged: %v", k, err)
			}
			out = append(out, RawEntry{Seq: binary.BigEndian.Uint64(k), ID: id, Event: bytes.Clone(v)})
		}
		return nil
	})
	return out, err
}

// eventID reads an event's ID from its JSON. The store writes the ID first
// (cases.Event's first field), so a look at the head of the value finds it
// without decoding the payload; anything else is decoded in full.
func eventID(v []byte) (string, error) {
	const head = `{"id":"`
	if bytes.HasPrefix(v, []byte(head)) {
		rest := v[len(head):]
		if end := bytes.IndexByte(rest, '"'); end > 0 && bytes.IndexByte(rest[:end], '\\') < 0 {
			return string(rest[:end]), nil
		}
	}
	var e struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(v, &e); err != nil {
		return "", err
	}
	if e.ID == "" {
		return "", fmt.Errorf("the event has no ID")
	}
	return e.ID, nil
}
