package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// A center's clerks live in a bucket of their own inside bucketStaff, so
// listing them is one cursor walk; the center's staff version sits in
// bucketStaffVer and changes in the same transaction as the clerk.

// PutClerk stores a clerk and raises the center's staff version.
func (s *Store) PutClerk(ctx context.Context, center, id string, data []byte) (version int, err error) {
	err = s.update(ctx, func(tx *bolt.Tx) error {
		b, err := tx.Bucket(bucketStaff).CreateBucketIfNotExists([]byte(center))
		if err != nil {
			return err
		}
		if err := b.Put([]byte(id), bytes.Clone(data)); err != nil {
			return err
		}
		v := staffVersion(tx, center) + 1
		version = int(v)
		return tx.Bucket(bucketStaffVer).Put([]byte(center), u64(v))
	})
	return version, err
}

// Clerks returns a center's staff version and, when since differs, its
// clerks by staff ID.
func (s *Store) Clerks(ctx context.Context, center string, since int) (version int, data [][]byte, err error) {
	err = s.view(ctx, func(tx *bolt.Tx) error {
		version = int(staffVersion(tx, center))
		if version == since {
			return nil
		}
		b := tx.Bucket(bucketStaff).Bucket([]byte(center))
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			data = append(data, bytes.Clone(v))
			return nil
		})
	})
	return version, data, err
}

func staffVersion(tx *bolt.Tx, center string) uint64 {
	if v := tx.Bucket(bucketStaffVer).Get([]byte(center)); len(v) == 8 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}
