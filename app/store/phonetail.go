package store

import (
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// indexPhoneTails adds the phone-tail index key of every case a store of
// schema 1 holds (migration 1 → 2). It writes only new keys, so a store
// that stops half way starts the migration again from nothing.
func indexPhoneTails(tx *bolt.Tx, _ Options) error {
	idx := tx.Bucket(bucketIndex)
	return tx.Bucket(bucketCases).ForEach(func(k, v []byte) error {
		if !isRecordKey(k) {
			return nil
		}
		var c cases.Case
		if err := json.Unmarshal(v, &c); err != nil {
			return err
		}
		if key := phoneTailKey(c.Phone(), c.ID); key != "" {
			return idx.Put([]byte(key), nil)
		}
		return nil
	})
}
