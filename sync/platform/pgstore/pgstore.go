// Package pgstore keeps the platform's data in PostgreSQL, through pgx, so
// several platform instances behind a load balancer can share one
// database. The schema is created and brought up to date at Open.
package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"tongban/sync/platform"
)

// ErrNewerSchema is returned for a database written by a newer program.
var ErrNewerSchema = errors.New("the platform's database was written by a newer tongban; update this program before using it")

// Store is the PostgreSQL storage of the platform.
type Store struct {
	pool   *pgxpool.Pool
	closed atomic.Bool // set by Close, for Unavailable
}

var _ platform.Storage = (*Store)(nil)

// Open connects to the database at a postgres:// URL (pgx's connection
// string; pool_max_conns and search_path are honoured), checks that it
// answers and migrates its schema.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("the database URL is not usable (%v); give one like postgres://user@host:5432/tongban", err)
	}
	where := fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("cannot open the database %s: %w", where, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("cannot reach the database %s (%w); check that PostgreSQL runs and the URL is right", where, err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Ping makes a round trip to the database on a connection of the pool.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Close closes the connection pool.
func (s *Store) Close() error {
	s.closed.Store(true)
	s.pool.Close()
	return nil
}

// migration brings the schema up one version: its SQL, then, when set,
// fill, which moves data the SQL alone cannot, in the same transaction. A
// migration with neither is a version that does nothing.
type migration struct {
	sql  string
	fill func(ctx context.Context, tx pgx.Tx) error
}

// migrations[i] brings the schema from version i to i+1. Append only: a
// released migration never changes.
var migrations = []migration{
	// 0 → 1
	{sql: `
CREATE TABLE codes (
	hash    text PRIMARY KEY,
	center  text NOT NULL,
	role    text NOT NULL,
	created timestamptz NOT NULL,
	expires timestamptz NOT NULL,
	used    timestamptz,
	used_by text
);
CREATE TABLE devices (
	id         text PRIMARY KEY,
	name       text NOT NULL,
	role       text NOT NULL,
	center     text NOT NULL,
	short_code text NOT NULL,
	token_hash text NOT NULL UNIQUE,
	enrolled   timestamptz NOT NULL,
	last_seen  timestamptz,
	revoked    boolean NOT NULL DEFAULT false,
	UNIQUE (center, short_code)
);
-- The last short code number handed out per center and role.
CREATE TABLE short_codes (
	key  text PRIMARY KEY,
	last integer NOT NULL
);
CREATE TABLE receipt_keys (
	center  text NOT NULL,
	id      text NOT NULL,
	key     bytea NOT NULL,
	created timestamptz NOT NULL,
	PRIMARY KEY (center, id)
);
-- One row per center: the last feed sequence number handed out; its row
-- lock orders the center's pushes (see events.go).
CREATE TABLE feeds (
	center text PRIMARY KEY,
	seq    bigint NOT NULL
);
-- The events stored per center, for /metrics without a count(*). A table
-- of its own, as a push's one statement cannot update a feeds row twice.
CREATE TABLE feed_counts (
	center text PRIMARY KEY,
	events bigint NOT NULL
);
CREATE TABLE events (
	id       text PRIMARY KEY,
	center   text NOT NULL,
	seq      bigint NOT NULL,
	digest   bytea NOT NULL,
	data     bytea NOT NULL, -- canonical JSON, byte for byte as hashed
	device   text NOT NULL,
	received timestamptz NOT NULL
);
CREATE UNIQUE INDEX events_feed ON events (center, seq);
-- key is the center, or 'default' for the default catalog.
CREATE TABLE catalogs (
	key         text PRIMARY KEY,
	center      text NOT NULL,
	version     integer NOT NULL,
	center_name text NOT NULL,
	published   timestamptz NOT NULL,
	data        bytea NOT NULL
);
`},
	// 1 → 2
	{sql: `
-- One row per center: its staff version, raised in the transaction that
-- changes a clerk; its row lock orders a center's staff changes.
CREATE TABLE staff_versions (
	center  text PRIMARY KEY,
	version bigint NOT NULL
);
CREATE TABLE staff (
	center text NOT NULL,
	id     text NOT NULL,
	data   bytea NOT NULL, -- app/staff.Clerk JSON, opaque to the platform
	PRIMARY KEY (center, id)
);
`},
	// 2 → 3
	//
	// Was a table case_numbers (center, number, case_id), never released:
	// its second insert of up to 500 rows per push cost a sixth of
	// PostgreSQL's push throughput. 3 → 4 keeps the numbers on events
	// instead and drops the table where a database of the tests made it.
	{},
	// 3 → 4
	{sql: `
DROP TABLE IF EXISTS case_numbers;
-- The case number a submitted event holds for its case (the event's ID is
-- its case's): one case per number and center, written with the event,
-- NULL for every other event and for a case stored with a number another
-- case of its center held first.
ALTER TABLE events ADD COLUMN number text;
CREATE UNIQUE INDEX events_number ON events (center, number) WHERE number IS NOT NULL;
`, fill: fillNumbers},
	// 4 → 5
	{sql: `
-- The hash of the redemption proof the device that used a code sent; NULL
-- for none (a code used so, or before this version, is never redeemed
-- again).
ALTER TABLE codes ADD COLUMN used_proof text;
-- The short codes a device numbered cases with before it enrolled here
-- (sync/platform/casenumber.go), oldest first.
ALTER TABLE devices ADD COLUMN former_codes text[] NOT NULL DEFAULT '{}';
`},
}

// migrate applies the missing migrations in one transaction, under an
// advisory lock so instances starting together take turns.
func (s *Store) migrate(ctx context.Context) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('tongban-platform-schema:' || current_schema()))`); err != nil {
			return fmt.Errorf("cannot lock the schema for migration: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`); err != nil {
			return fmt.Errorf("cannot create the schema_version table (may this user create tables?): %w", err)
		}
		var v int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
			return err
		}
		if v > len(migrations) {
			return ErrNewerSchema
		}
		for i := v; i < len(migrations); i++ {
			m := migrations[i]
			if m.sql != "" {
				if _, err := tx.Exec(ctx, m.sql); err != nil {
					return fmt.Errorf("migration %d of the platform's database failed: %w", i+1, err)
				}
			}
			if m.fill == nil {
				continue
			}
			if err := m.fill(ctx, tx); err != nil {
				return fmt.Errorf("migration %d of the platform's database failed: %w", i+1, err)
			}
		}
		if v < len(migrations) {
			if _, err := tx.Exec(ctx, `DELETE FROM schema_version`); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version) VALUES ($1)`, len(migrations)); err != nil {
				return err
			}
		}
		return nil
	})
}
