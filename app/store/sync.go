package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
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

// eventHead is what acknowledging an outbox entry needs of its event.
type eventHead struct {
	ID     string     `json:"id"`
	CaseID string     `json:"case_id"`
	Kind   cases.Kind `json:"kind"`
}

// eventHeadOf reads an event's ID, case and kind. The store writes events
// with these among the first fields (cases.Event's order), so they are
// read off the head of the JSON without decoding the payload; anything
// unexpected is decoded in full.
func eventHeadOf(v []byte) (eventHead, error) {
	var h eventHead
	var ok [3]bool
	h.ID, ok[0] = stringField(v, `{"id":"`)
	h.CaseID, ok[1] = stringField(v, `,"case_id":"`)
	var kind string
	kind, ok[2] = stringField(v, `,"kind":"`)
	h.Kind = cases.Kind(kind)
	if ok[0] && ok[1] && ok[2] {
		return h, nil
	}
	err := json.Unmarshal(v, &h)
	return h, err
}

// stringField finds a plain string field by its opening within the first
// 256 bytes (before any payload); false if it is not there or escaped.
func stringField(v []byte, opening string) (string, bool) {
	head := v[:min(len(v), 256)]
	i := bytes.Index(head, []byte(opening))
	if i < 0 {
		return "", false
	}
	rest := head[i+len(opening):]
	end := bytes.IndexByte(rest, '"')
	if end < 0 || bytes.IndexByte(rest[:end], '\\') >= 0 {
		return "", false
	}
	return string(rest[:end]), true
}
