package pgstore

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"tongban/sync/platform"
)

// defaultKey names the default catalog's row; center codes are digits.
const defaultKey = "default"

func catalogKey(center string) string {
	if center == "" {
		return defaultKey
	}
	return center
}

// PutCatalog publishes a catalog version. An advisory lock makes imports
// take turns, so two racing imports cannot both pass the version check.
func (s *Store) PutCatalog(ctx context.Context, c platform.CatalogRecord) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('tongban-catalogs'))`); err != nil {
			return err
		}
		var own, def int
		err := tx.QueryRow(ctx, `SELECT
			coalesce((SELECT version FROM catalogs WHERE key = $1), 0),
			coalesce((SELECT version FROM catalogs WHERE key = $2), 0)`, catalogKey(c.Center), defaultKey).Scan(&own, &def)
		if err != nil {
			return err
		}
		if have := platform.ServedVersion(c.Center, own, def); c.Version <= have {
			return &platform.VersionError{Have: have, Got: c.Version}
		}
		_, err = tx.Exec(ctx, `INSERT INTO catalogs (key, center, version, center_name, published, data)
			VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (key) DO UPDATE SET center = $2, version = $3, center_name = $4, published = $5, data = $6`,
			catalogKey(c.Center), c.Center, c.Version, c.CenterName, c.Published, c.Data)
		return err
	})
}

// Catalog returns the catalog served to a center: its own row, else the
// default row.
func (s *Store) Catalog(ctx context.Context, center string, since int) (platform.CatalogRecord, error) {
	var rec platform.CatalogRecord
	err := s.pool.QueryRow(ctx, `SELECT center, version, center_name, published,
			CASE WHEN version > $3::bigint THEN data END
		FROM catalogs WHERE key IN ($1, $2) ORDER BY key = $2 LIMIT 1`,
		catalogKey(center), defaultKey, since).Scan(&rec.Center, &rec.Version, &rec.CenterName, &rec.Published, &rec.Data)
	if errors.Is(err, pgx.ErrNoRows) {
		return rec, platform.ErrNotFound
	}
	rec.Published = rec.Published.UTC()
	return rec, err
}
