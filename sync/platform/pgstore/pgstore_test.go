package pgstore_test

import (
	"context"
	"strings"
	"testing"

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
