package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"tongban/app/staff"
)

// KeyStaffVersion is the setting holding the center's staff version this
// device last applied (decimal text), saved by ApplyStaff.
const KeyStaffVersion = "staff/version"

// ApplyStaff writes the clerks of the platform's staff list and saves its
// version, in one transaction, so a crash never leaves a version that
// covers clerks not written. Each clerk replaces the one with its staff
// ID; clerks the list does not name (added here with tongban staff add)
// stay. A clerk that fails staff.Clerk.Valid fails the whole call, which
// then writes nothing. It returns how many clerks changed.
func (s *Store) ApplyStaff(clerks []staff.Clerk, version int) (changed int, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStaff)
		for _, c := range clerks {
			if err := c.Valid(); err != nil {
				return fmt.Errorf("clerk %q cannot be saved: %w", c.ID, err)
			}
			data, err := json.Marshal(c)
			if err != nil {
				return err
			}
			if bytes.Equal(b.Get([]byte(c.ID)), data) {
				continue
			}
			if err := b.Put([]byte(c.ID), data); err != nil {
				return err
			}
			changed++
		}
		return putSetting(tx, KeyStaffVersion, []byte(strconv.Itoa(version)))
	})
	if err != nil {
		changed = 0
	}
	return changed, err
}

// StaffVersion returns the staff version ApplyStaff saved last, or 0.
func (s *Store) StaffVersion() (int, error) {
	raw, err := s.Get(KeyStaffVersion)
	if err != nil || raw == nil {
		return 0, err
	}
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 0 {
		return 0, fmt.Errorf("the saved staff version %q is damaged; the clerks are pulled again at the next sync", raw)
	}
	return v, nil
}
