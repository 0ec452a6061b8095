package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// Centers lists the centers of the devices, of the enrollment codes
// given out and of the centers' own catalogs.
func (s *Store) Centers(ctx context.Context) ([]string, error) {
	rows, _ := s.pool.Query(ctx, `SELECT center FROM devices UNION SELECT center FROM codes UNION SELECT key FROM catalogs WHERE key <> $1 ORDER BY 1`, defaultKey)
	return pgx.CollectRows(rows, pgx.RowTo[string])
}
