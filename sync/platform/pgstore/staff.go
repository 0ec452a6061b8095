package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// PutClerk stores a clerk and raises the center's staff version in one
// transaction. The upsert of the version row comes first and locks it, so
// two changes to one center take turns and each gets its own version.
func (s *Store) PutClerk(ctx context.Context, center, id string, data []byte) (version int, err error) {
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO staff_versions (center, version) VALUES ($1, 1)
			ON CONFLICT (center) DO UPDATE SET version = staff_versions.version + 1
			RETURNING version`, center).Scan(&version)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO staff (center, id, data) VALUES ($1, $2, $3)
			ON CONFLICT (center, id) DO UPDATE SET data = $3`, center, id, data)
		return err
	})
	return version, err
}

// Clerks returns a center's staff version and, when since differs, its
// clerks. The list and its version come from one statement, so they are
// of one snapshot.
func (s *Store) Clerks(ctx context.Context, center string, since int) (version int, data [][]byte, err error) {
	err = s.pool.QueryRow(ctx, `SELECT coalesce((SELECT version FROM staff_versions WHERE center = $1), 0)`,
		center).Scan(&version)
	if err != nil || version == since {
		return version, nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT v.version, s.data FROM staff_versions v
		JOIN staff s ON s.center = v.center WHERE v.center = $1 ORDER BY s.id COLLATE "C"`, center)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&version, &b); err != nil {
			return 0, nil, err
		}
		data = append(data, b)
	}
	return version, data, rows.Err()
}
