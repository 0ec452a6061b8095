package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"
)

// Settings are small named values in the meta bucket: the sync cursor and
// status, receipt keys, the printer, a kiosk's draft. They are kept here
// rather than in files so a backup holds everything.

// Get returns a copy of a setting, or nil.
func (s *Store) Get(key string) (val []byte, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		val = bytes.Clone(tx.Bucket(bucketMeta).Get(settingKey(key)))
		return nil
	})
	return val, err
}

// Put sets a setting; a nil value deletes it.
func (s *Store) Put(key string, val []byte) error {
	return s.db.Update(func(tx *bolt.Tx) error { return putSetting(tx, key, val) })
}

// GetJSON decodes a JSON setting into v; a missing setting leaves v alone.
func (s *Store) GetJSON(key string, v any) error {
	return s.db.View(func(tx *bolt.Tx) error {
		return getJSON(tx.Bucket(bucketMeta), settingKey(key), v)
	})
}

// PutJSON stores v as a JSON setting.
func (s *Store) PutJSON(key string, v any) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketMeta), settingKey(key), v)
	})
}

func putSetting(tx *bolt.Tx, key string, val []byte) error {
	if val == nil {
		return tx.Bucket(bucketMeta).Delete(settingKey(key))
	}
	return tx.Bucket(bucketMeta).Put(settingKey(key), val)
}

// settingKey keeps settings apart from the store's own meta keys.
func settingKey(k string) []byte { return []byte("set/" + k) }
