package pgstore_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/platform/pgstore"
	"tongban/sync/platform/storetest"
	"tongban/sync/protocol"
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
		{"from schema 2", downTo4 + `ALTER TABLE events DROP COLUMN number; UPDATE schema_version SET version = 2`},
		{"from schema 3", downTo4 + `ALTER TABLE events DROP COLUMN number;
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

// downTo4 takes a database back to schema 4, before codes kept the
// redemption proof and devices their former short codes.
const downTo4 = `ALTER TABLE codes DROP COLUMN used_proof; ALTER TABLE devices DROP COLUMN former_codes;
UPDATE schema_version SET version = 4;
`

// TestMigrateFromSchema4: a database of schema 4 keeps its devices and
// codes; its devices have no former codes until they declare some, and a
// code it used (no proof) is not redeemed again.
func TestMigrateFromSchema4(t *testing.T) {
	url := storetest.FreshSchema(t)
	ctx := context.Background()
	s, err := pgstore.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	code := platform.Code{Hash: platform.HashSecret("c"), Center: "130102", Role: "kiosk", Created: at, Expires: at.Add(time.Hour)}
	e := platform.Enrollment{CodeHash: code.Hash, DeviceID: cases.NewID(), TokenHash: platform.HashSecret("t"), At: at,
		Key: protocol.ReceiptKey{ID: "K", Key: make([]byte, 32), Created: at}}
	if err := s.AddCode(ctx, code); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Enroll(ctx, e); err != nil {
		t.Fatal(err)
	}
	s.Close()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, downTo4); err != nil {
		t.Fatalf("making the old schema: %v", err)
	}
	if s, err = pgstore.Open(ctx, url); err != nil {
		t.Fatalf("opening a database of schema 4: %v", err)
	}
	defer s.Close()
	if d, err := s.DeviceByToken(ctx, e.TokenHash); err != nil || d.ID != e.DeviceID || d.FormerCodes != nil {
		t.Fatalf("the device of schema 4 = %+v, %v; want it, without former codes", d, err)
	}
	e.TokenHash, e.At = platform.HashSecret("again"), at.Add(time.Minute)
	if _, err := s.Enroll(ctx, e); !errors.Is(err, platform.ErrCodeUsed) {
		t.Fatalf("redeeming a code used before proofs: %v, want ErrCodeUsed", err)
	}
}

// TestUnavailableWhenCut: once PostgreSQL stops answering (the relay to
// it is cut: pooled connections break, new ones are refused), the
// store's errors say so, and a refusal of an answering one did not.
func TestUnavailableWhenCut(t *testing.T) {
	s, cut := storetest.PostgresCut(t)
	defer s.Close()
	ctx := context.Background()
	_, err := s.DeviceByToken(ctx, platform.HashSecret("nobody"))
	if !errors.Is(err, platform.ErrNotFound) || s.Unavailable(err) {
		t.Fatalf("an unknown token before the cut: %v (unavailable %v), want ErrNotFound, not unavailable", err, s.Unavailable(err))
	}
	cut()
	for i := range 3 { // a broken pooled connection, then refused new ones
		_, err := s.Devices(ctx, "")
		if err == nil || !s.Unavailable(err) {
			t.Fatalf("call %d after the cut: %v; want an error Unavailable says is one", i, err)
		}
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
