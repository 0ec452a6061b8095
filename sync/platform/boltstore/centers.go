package boltstore

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"

	bolt "go.etcd.io/bbolt"

	"tongban/sync/platform"
)

// Centers lists the centers of the devices, of the enrollment codes
// given out and of the centers' own catalogs.
func (s *Store) Centers(ctx context.Context) (list []string, err error) {
	err = s.view(ctx, func(tx *bolt.Tx) error {
		devices := tx.Bucket(bucketDevices)
		if err := devices.ForEach(func(k, _ []byte) error {
			var d device
			if _, err := getJSON(devices, "device", k, &d); err != nil {
				return err
			}
			list = append(list, d.Center)
			return nil
		}); err != nil {
			return err
		}
		// A center given a code is known: its second device needs no
		// --new-center while the first has not enrolled yet.
		if err := tx.Bucket(bucketCodes).ForEach(func(_, v []byte) error {
			var c platform.Code
			if err := json.Unmarshal(v, &c); err != nil {
				return err
			}
			list = append(list, c.Center)
			return nil
		}); err != nil {
			return err
		}
		return tx.Bucket(bucketCatalogs).ForEach(func(k, _ []byte) error {
			if !bytes.Equal(k, []byte(defaultKey)) {
				list = append(list, string(k))
			}
			return nil
		})
	})
	slices.Sort(list)
	return slices.Compact(list), err
}
