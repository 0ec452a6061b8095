package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"tongban/sync/platform"
	"tongban/sync/platform/boltstore"
	"tongban/sync/platform/pgstore"
)

// EnvPostgres names the variable holding the test database's URL, as
// `make postgres-up` prints it.
const EnvPostgres = "TONGBAN_TEST_POSTGRES"

// Backend is a storage implementation to run a test against.
type Backend struct {
	Name string // "bolt" or "postgres"
	Open Opener
	// OpenCut opens a storage a test can make stop answering (CutOpener).
	OpenCut CutOpener
}

// Backends returns bbolt always and PostgreSQL when EnvPostgres is set.
// Without it the PostgreSQL backend is left out with a log line, except
// in CI (CI=true), where that fails the test: CI must not skip silently.
func Backends(t testing.TB) []Backend {
	t.Helper()
	list := []Backend{{"bolt", Bolt, BoltCut}}
	if PostgresURL(t, false) != "" {
		list = append(list, Backend{"postgres", Postgres, PostgresCut})
	}
	return list
}

// Bolt opens an empty bbolt storage in a temporary folder (without fsync:
// the tests do not pull the plug).
func Bolt(t testing.TB) platform.Storage {
	t.Helper()
	s, err := boltstore.Open(t.TempDir(), boltstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Postgres opens an empty PostgreSQL storage in a schema of its own,
// dropped when the test ends; it skips the test (fails it in CI) when
// EnvPostgres is empty.
func Postgres(t testing.TB) platform.Storage {
	t.Helper()
	s, err := pgstore.Open(context.Background(), FreshSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// PostgresURL returns EnvPostgres. When it is empty it fails the test in
// CI, else skips it when skip is set or returns "".
func PostgresURL(t testing.TB, skip bool) string {
	t.Helper()
	url := os.Getenv(EnvPostgres)
	switch {
	case url != "":
	case os.Getenv("CI") == "true":
		t.Fatalf("%s is empty in CI; run `make postgres-up` and export the URL it prints", EnvPostgres)
	case skip:
		t.Skipf("%s is empty; run `eval \"$(make -s postgres-up)\"` to test against PostgreSQL", EnvPostgres)
	default:
		t.Logf("%s is empty: PostgreSQL is not tested; run `eval \"$(make -s postgres-up)\"` to test it", EnvPostgres)
	}
	return url
}

// FreshSchema creates an empty schema in the test database, dropped when
// the test ends, and returns a URL whose search_path points at it.
func FreshSchema(t testing.TB) string {
	t.Helper()
	base := PostgresURL(t, true)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("cannot reach the test database: %v", err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		conn.Close(context.Background())
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}
