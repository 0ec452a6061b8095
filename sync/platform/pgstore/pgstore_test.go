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

// TestIndexBuiltAtOpen: a database of schema 2, before case_numbers, gets
// the table filled from its events when it is opened (read two events at
// a time, to cross pages).
func TestIndexBuiltAtOpen(t *testing.T) {
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
		if _, err := conn.Exec(ctx, `DROP TABLE case_numbers; UPDATE schema_version SET version = 2`); err != nil {
			t.Fatalf("making the schema version 2: %v", err)
		}
		s, err = pgstore.Open(ctx, url)
		if err != nil {
			t.Fatalf("opening a schema 2 database: %v", err)
		}
		return s
	})
}
