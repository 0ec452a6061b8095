package boltstore

import (
	"bytes"
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/sync/platform"
)

// defaultKey names the default catalog; center codes are digits, so it
// cannot collide with one.
const defaultKey = "default"

// catalogMeta is what the catalogs bucket keeps; the JSON itself is in
// catdata, so a version check reads a few bytes.
type catalogMeta struct {
	Center     string    `json:"center"`
	Version    int       `json:"version"`
	CenterName string    `json:"center_name"`
	Published  time.Time `json:"published"`
}

func catalogKey(center string) []byte {
	if center == "" {
		return []byte(defaultKey)
	}
	return []byte(center)
}

// PutCatalog publishes a catalog version.
func (s *Store) PutCatalog(ctx context.Context, c platform.CatalogRecord) error {
	return s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCatalogs)
		var own, def catalogMeta
		if _, err := getJSON(b, "catalog", catalogKey(c.Center), &own); err != nil {
			return err
		}
		if _, err := getJSON(b, "catalog", []byte(defaultKey), &def); err != nil {
			return err
		}
		if have := platform.ServedVersion(c.Center, own.Version, def.Version); c.Version <= have {
			return &platform.VersionError{Have: have, Got: c.Version}
		}
		meta := catalogMeta{Center: c.Center, Version: c.Version, CenterName: c.CenterName, Published: c.Published}
		if err := putJSON(b, catalogKey(c.Center), meta); err != nil {
			return err
		}
		return tx.Bucket(bucketCatData).Put(catalogKey(c.Center), bytes.Clone(c.Data))
	})
}

// Catalog returns the catalog served to a center.
func (s *Store) Catalog(ctx context.Context, center string, since int) (rec platform.CatalogRecord, err error) {
	err = s.view(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCatalogs)
		key := catalogKey(center)
		var m catalogMeta
		found, err := getJSON(b, "catalog", key, &m)
		if err != nil {
			return err
		}
		if !found {
			key = []byte(defaultKey)
			if found, err = getJSON(b, "catalog", key, &m); err != nil {
				return err
			}
		}
		if !found {
			return platform.ErrNotFound
		}
		rec = platform.CatalogRecord{Center: m.Center, Version: m.Version, CenterName: m.CenterName, Published: m.Published}
		if m.Version > since {
			rec.Data = bytes.Clone(tx.Bucket(bucketCatData).Get(key))
		}
		return nil
	})
	return rec, err
}
