package store

import (
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// The index of phone tails (手机尾号) came with schema 2. The cases a store
// of schema 1 holds are indexed after the upgrade, in steps of
// phoneTailStep cases a transaction, from where the last step stopped
// (keyPhoneTailsFrom): indexing a million cases in the upgrade itself took
// minutes inside whatever command opened the store first, a backup or a
// status among them. The windows index in the background when they start
// (IndexPhoneTails), and a search by four digits finishes the job first.

// keyPhoneTailsFrom is the case key the indexing goes on from; absent
// once every case is indexed.
var keyPhoneTailsFrom = []byte("index/phone-tails-from")

// phoneTailStep is how many cases one transaction indexes.
var phoneTailStep = 20000

// markPhoneTails is migration 1 → 2: the phone tails of the cases there
// are wait to be indexed, from the first case on.
func markPhoneTails(tx *bolt.Tx, _ Options) error {
	return tx.Bucket(bucketMeta).Put(keyPhoneTailsFrom, []byte{})
}

// IndexPhoneTails indexes the phone tails of the cases a store upgraded
// from schema 1 holds, a step at a time, until all are. It returns at
// once when there is nothing to do, as on every store made at schema 2.
func (s *Store) IndexPhoneTails() error {
	for {
		done, err := s.indexPhoneTailsStep()
		if err != nil || done {
			return err
		}
	}
}

// phoneTailsPending reports whether cases wait to be indexed.
func (s *Store) phoneTailsPending() bool {
	pending := false
	s.db.View(func(tx *bolt.Tx) error {
		pending = tx.Bucket(bucketMeta).Get(keyPhoneTailsFrom) != nil
		return nil
	})
	return pending
}

// indexPhoneTailsStep indexes the next phoneTailStep cases.
func (s *Store) indexPhoneTailsStep() (done bool, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		from := meta.Get(keyPhoneTailsFrom)
		if from == nil {
			done = true
			return nil
		}
		idx := tx.Bucket(bucketIndex)
		c := tx.Bucket(bucketCases).Cursor()
		n := 0
		for k, v := c.Seek(from); k != nil; k, v = c.Next() {
			if n == phoneTailStep {
				return meta.Put(keyPhoneTailsFrom, append([]byte(nil), k...))
			}
			if !isRecordKey(k) {
				continue
			}
			n++
			var cs cases.Case
			if err := json.Unmarshal(v, &cs); err != nil {
				return err
			}
			if key := phoneTailKey(cs.Phone(), cs.ID); key != "" {
				if err := idx.Put([]byte(key), nil); err != nil {
					return err
				}
			}
		}
		done = true
		return meta.Delete(keyPhoneTailsFrom)
	})
	return done, err
}
