package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tongban/app/staff"
)

// ErrNoClerk is returned for a staff ID this device does not know.
var ErrNoClerk = fmt.Errorf("%w", staff.ErrWrongPIN)

// PutClerk adds or replaces a clerk (tongban staff add, or a sync).
func (s *Store) PutClerk(c staff.Clerk) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketStaff), []byte(c.ID), c)
	})
}

// Clerk returns a clerk by staff ID. An unknown ID reads as a wrong PIN,
// so the sign-in screen does not tell which staff IDs exist.
func (s *Store) Clerk(id string) (c staff.Clerk, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketStaff).Get([]byte(id))
		if v == nil {
			return ErrNoClerk
		}
		return json.Unmarshal(v, &c)
	})
	return c, err
}

// Clerks lists every clerk, by staff ID.
func (s *Store) Clerks() (out []staff.Clerk, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketStaff).ForEach(func(_, v []byte) error {
			var c staff.Clerk
			if err := json.Unmarshal(v, &c); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	})
	return out, err
}
