package pgstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"tongban/sync/platform"
	"tongban/sync/platform/pgstore"
	"tongban/sync/platform/storetest"
)

func TestConformance(t *testing.T) {
	storetest.PostgresURL(t, true)
	storetest.Run(t, storetest.Postgres)
}

func TestMigrateTwice(t *testing.T) {
	url := storetest.FreshSchema(t)
	for range 2 {
		s, err := pgstore.Open(context.Background(), url)
		if err != nil {
			t.Fatalf("Open on an existing schema: %v", err)
		}
		s.Close()
	}
}

func TestUnreachable(t *testing.T) {
	_, err := pgstore.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "cannot reach the database 127.0.0.1:1/none") {
		t.Fatalf("Open on a closed port: %v, want a sentence naming the database", err)
	}
}

// TestIndexBuiltAtOpen: a database from before events.number gets the
// column filled from its events when it is opened (read two events at a
// time, to cross pages): one of schema 2, and one of schema 3 as the
// unreleased commit that kept the numbers in a table case_numbers left it,
// whose table goes.
func TestIndexBuiltAtOpen(t *testing.T) {
	for _, tt := range []struct {
		name, sql string
	}{
		{"from schema 2", `ALTER TABLE events DROP COLUMN number; UPDATE schema_version SET version = 2`},
		{"from schema 3", `ALTER TABLE events DROP COLUMN number;
CREATE TABLE case_numbers (center text NOT NULL, number text NOT NULL, case_id text NOT NULL, PRIMARY KEY (center, number));
UPDATE schema_version SET version = 3`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			url := storetest.FreshSchema(t)
			s, err := pgstore.Open(context.Background(), url)
			if err != nil {
				t.Fatal(err)
			}
			defer pgstore.SetFillPage(2)()
			storetest.RunIndexBuild(t, s, func(t *testing.T, s platform.Storage) platform.Storage {
				s.Close()
				ctx := context.Background()
				conn, err := pgx.Connect(ctx, url)
				if err != nil {
					t.Fatal(err)
				}
				defer conn.Close(ctx)
				if _, err := conn.Exec(ctx, tt.sql); err != nil {
					t.Fatalf("making the old schema: %v", err)
				}
				s, err = pgstore.Open(ctx, url)
				if err != nil {
					t.Fatalf("opening a database %s: %v", tt.name, err)
				}
				var left bool
				if err := conn.QueryRow(ctx, `SELECT to_regclass('case_numbers') IS NOT NULL`).Scan(&left); err != nil || left {
					t.Fatalf("after the migration, case_numbers is there: %v, %v; want it gone", left, err)
				}
				return s
			})
		})
	}
}

// TestNumberRaceTwoInstances: two platform instances on one database
// never both give a case number to a case.
func TestNumberRaceTwoInstances(t *testing.T) {
	url := storetest.FreshSchema(t)
	var handles [2]platform.Storage
	for i := range handles {
		s, err := pgstore.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		handles[i] = s
	}
	storetest.RunNumberRace(t, handles[0], handles[1])
}
