package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// A device that enrolls with another platform (another address, or a
// platform that is not the one it synced with) starts over with it: the
// old platform's change-feed cursor means nothing to the new one, which
// answers a cursor past its end with an empty page, and the events the old
// platform acknowledged never reached the new one. The platform keeps each
// event once, so whatever it has already comes back "duplicate".

// SwitchPlatform saves the identity of a device that enrolled with another
// platform, and in the same transaction: the settings given (the new
// platform's receipt keys; a nil value deletes a setting), no change-feed
// cursor, and every event this device made for the identity's center back
// in the outbox, after the entries already there, each once. An event the
// old platform refused is judged again, so its parked rejection goes.
// Other devices' events, and another center's, stay on the device only: a
// platform takes from a device its own events of its own center (other
// devices send theirs when they enroll). It returns how many events it
// queued again.
//
// It is one transaction, so a device with a very large store (a counter
// that keeps every case) writes its whole history in it.
func (s *Store) SwitchPlatform(id Identity, settings map[string][]byte) (requeued int, err error) {
	if !cases.ValidShortCode(id.ShortCode) {
		return 0, fmt.Errorf("short code %q is not 2 to 4 capitals or digits", id.ShortCode)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := putJSON(tx.Bucket(bucketMeta), keyIdentity, id); err != nil {
			return err
		}
		for k, v := range settings {
			if err := putSetting(tx, k, v); err != nil {
				return err
			}
		}
		if err := putSetting(tx, KeyCursor, nil); err != nil {
			return err
		}
		requeued, err = requeueOwn(tx, id.Center, id.DeviceID)
		return err
	})
	return requeued, err
}

// ResendOwn puts every event this device made for its center back in the
// outbox, each once, for a platform that lost some: one restored from a
// backup older than what the device sent since, which the device learns
// when the platform refuses its change-feed cursor. The platform keeps
// each event once, so what it still has comes back "duplicate". It
// returns how many events it queued again.
func (s *Store) ResendOwn() (requeued int, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		id, err := identity(tx)
		if err != nil {
			return err
		}
		requeued, err = requeueOwn(tx, id.Center, id.DeviceID)
		return err
	})
	return requeued, err
}

// requeueOwn appends to the outbox every event of center made by device
// that the outbox does not hold, in key order (by case, and within a case
// by event ID, which is time-ordered), and drops the parked rejections of
// the events it queued.
func requeueOwn(tx *bolt.Tx, center, device string) (int, error) {
	ob := appendOnly(tx.Bucket(bucketOutbox))
	queued := map[string]bool{}
	if err := ob.ForEach(func(k, v []byte) error {
		id, err := eventID(v)
		if err != nil {
			return fmt.Errorf("outbox entry %x is damaged: %w", k, err)
		}
		queued[id] = true
		return nil
	}); err != nil {
		return 0, err
	}
	rejected := tx.Bucket(bucketRejected)
	n := 0
	c := tx.Bucket(bucketCases).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if bytes.IndexByte(k, '/') < 0 {
			continue // a case's record or sync state, not an event
		}
		head, err := eventHeadOf(v)
		if err != nil {
			return 0, fmt.Errorf("the stored event %s is damaged: %w", k, err)
		}
		if queued[head.ID] || !madeBy(v, center, device) {
			continue
		}
		seq, err := ob.NextSequence()
		if err != nil {
			return 0, err
		}
		if err := ob.Put(binary.BigEndian.AppendUint64(nil, seq), v); err != nil {
			return 0, err
		}
		if err := rejected.Delete([]byte(head.ID)); err != nil {
			return 0, err
		}
		queued[head.ID] = true
		n++
	}
	return n, addOutboxCount(tx, int64(n))
}

// madeBy reports whether an event is of center and made by device. Both
// are read off the head of its JSON, where the store writes them, or else
// by decoding the event.
func madeBy(v []byte, center, device string) bool {
	c, ok1 := stringField(v, `,"center":"`)
	d, ok2 := stringField(v, `,"device":"`)
	if !ok1 || !ok2 {
		var e struct {
			Center string `json:"center"`
			Device string `json:"device"`
		}
		if json.Unmarshal(v, &e) != nil {
			return false
		}
		c, d = e.Center, e.Device
	}
	return c == center && d == device
}

// PendingCases counts the cases with at least one event waiting in the
// outbox. On a device that never enrolled these are the cases made before
// enrollment, which its first sync would send to the platform.
func (s *Store) PendingCases() (n int, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		counts, err := pendingByCase(tx, nil)
		n = len(counts)
		return err
	})
	return n, err
}
