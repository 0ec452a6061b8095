package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// The outbox holds events this device made (or took from a receipt) until
// the platform has answered for each. Entries are keyed by a sequence so
// they go out in the order they were made.

var keyOutboxCount = []byte("outbox_n")

// Entry is one outbox entry.
type Entry struct {
	Seq   uint64
	Event cases.Event
}

// Outcome is the platform's answer for one pushed entry.
type Outcome struct {
	Seq      uint64
	Rejected bool
	Reason   string
}

// Rejection is an event the platform refused, parked for IT staff to see.
type Rejection struct {
	Event  cases.Event `json:"event"`
	Reason string      `json:"reason"`
	At     time.Time   `json:"at"`
}

func enqueue(tx *bolt.Tx, e cases.Event) error {
	b := appendOnly(tx.Bucket(bucketOutbox))
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if err := b.Put(binary.BigEndian.AppendUint64(nil, seq), data); err != nil {
		return err
	}
	return addOutboxCount(tx, 1)
}

func addOutboxCount(tx *bolt.Tx, d int64) error {
	meta := tx.Bucket(bucketMeta)
	var n int64
	if b := meta.Get(keyOutboxCount); len(b) == 8 {
		n = int64(binary.BigEndian.Uint64(b))
	}
	return meta.Put(keyOutboxCount, binary.BigEndian.AppendUint64(nil, uint64(max(n+d, 0))))
}

// Outbox returns up to limit entries from the head of the outbox.
func (s *Store) Outbox(limit int) (out []Entry, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketOutbox).Cursor()
		for k, v := c.First(); k != nil && len(out) < limit; k, v = c.Next() {
			var e cases.Event
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("outbox entry %x is damaged: %w", k, err)
			}
			out = append(out, Entry{Seq: binary.BigEndian.Uint64(k), Event: e})
		}
		return nil
	})
	return out, err
}

// Pending counts the entries in the outbox.
func (s *Store) Pending() (n int, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketMeta).Get(keyOutboxCount); len(b) == 8 {
			n = int(binary.BigEndian.Uint64(b))
		}
		return nil
	})
	return n, err
}

// Acknowledge removes answered entries in one transaction: rejected ones
// are parked with the reason, and each case's sync state moves on. An
// entry is only ever removed here, on an answer for it.
func (s *Store) Acknowledge(outcomes []Outcome) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		ob := tx.Bucket(bucketOutbox)
		touched := map[string]*cases.SyncState{}
		removed := 0
		for _, o := range outcomes {
			key := binary.BigEndian.AppendUint64(nil, o.Seq)
			v := ob.Get(key)
			if v == nil {
				continue // answered twice (a retried push)
			}
			head, err := eventHeadOf(v)
			if err != nil {
				return fmt.Errorf("outbox entry %d is damaged: %w", o.Seq, err)
			}
			if o.Rejected {
				var e cases.Event
				if err := json.Unmarshal(v, &e); err != nil {
					return err
				}
				if err := putJSON(tx.Bucket(bucketRejected), []byte(e.ID), Rejection{Event: e, Reason: o.Reason, At: time.Now()}); err != nil {
					return err
				}
			}
			if err := ob.Delete(key); err != nil {
				return err
			}
			removed++
			if head.Kind != cases.KindSubmitted || o.Rejected {
				continue
			}
			// The platform has the submission: a case taken from a receipt
			// is a receipt's case no longer.
			st, err := getSync(tx, head.CaseID)
			if err != nil {
				return err
			}
			if st.FromReceipt {
				touched[head.CaseID] = &cases.SyncState{}
			}
		}
		if err := addOutboxCount(tx, -int64(removed)); err != nil {
			return err
		}
		for id, st := range touched {
			if tx.Bucket(bucketCases).Get([]byte(id)) == nil {
				continue // the case is not here (purged); nothing to update
			}
			if err := putSync(tx, id, *st); err != nil {
				return err
			}
		}
		return nil
	})
}

// Rejected lists the events the platform refused.
func (s *Store) Rejected() (out []Rejection, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRejected).ForEach(func(k, v []byte) error {
			var r Rejection
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}
