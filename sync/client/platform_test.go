package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/sync/platform"
	"tongban/sync/platform/boltstore"
	"tongban/sync/platform/pgstore"
	"tongban/sync/protocol"
)

// The end-to-end tests run the real platform (sync/platform) on loopback,
// once per storage: bbolt always, PostgreSQL when TONGBAN_TEST_POSTGRES
// names a database (and always in CI, where a missing one fails).

const adminToken = "test-admin-token"

// storage is a platform storage the end-to-end tests run against.
type storage struct {
	name string
	open func(t testing.TB) platform.Storage
}

func storages(t testing.TB) []storage {
	all := []storage{{"bolt", openBolt}}
	if dsn := os.Getenv("TONGBAN_TEST_POSTGRES"); dsn != "" {
		all = append(all, storage{"postgres", func(t testing.TB) platform.Storage { return openPostgres(t, dsn) }})
	} else if os.Getenv("CI") == "true" {
		t.Fatal("TONGBAN_TEST_POSTGRES is empty in CI; run `make postgres-up` and export the URL it prints")
	} else {
		t.Log("TONGBAN_TEST_POSTGRES is empty: testing the bbolt storage only; run `eval \"$(make -s postgres-up)\"` for PostgreSQL")
	}
	return all
}

// eachStorage runs a test once per storage.
func eachStorage(t *testing.T, test func(t *testing.T, st storage)) {
	for _, st := range storages(t) {
		t.Run(st.name, func(t *testing.T) { test(t, st) })
	}
}

func openBolt(t testing.TB) platform.Storage {
	s, err := boltstore.Open(t.TempDir(), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openPostgres opens the platform's storage in a fresh schema of the test
// database, dropped when the test ends.
func openPostgres(t testing.TB, dsn string) platform.Storage {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("cannot reach the test database %s: %v", dsn, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "client_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	s, err := pgstore.Open(ctx, dsn+sep+"search_path="+schema)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		conn.Close(context.Background())
	})
	return s
}

// livePlatform is the real platform server on a loopback port that stays
// the same across stop and start.
type livePlatform struct {
	t       testing.TB
	storage platform.Storage
	server  *platform.Server
	addr    string
	hs      *http.Server
	done    chan struct{}
}

func startPlatform(t testing.TB, st storage) *livePlatform {
	t.Helper()
	store := st.open(t)
	srv, err := platform.New(store, platform.Config{AdminToken: adminToken, Version: "test",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	p := &livePlatform{t: t, storage: store, server: srv, addr: "127.0.0.1:0"}
	p.start()
	t.Cleanup(p.stop)
	return p
}

func (p *livePlatform) URL() string { return "http://" + p.addr }

// start serves on the platform's address (the same one after a stop).
func (p *livePlatform) start() {
	p.t.Helper()
	var ln net.Listener
	var err error
	for range 50 { // the old socket may linger a moment after a stop
		if ln, err = net.Listen("tcp", p.addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		p.t.Fatalf("platform listen on %s: %v", p.addr, err)
	}
	p.addr = ln.Addr().String()
	p.hs = &http.Server{Handler: p.server}
	p.done = make(chan struct{})
	go func() { p.hs.Serve(ln); close(p.done) }()
}

// stop closes the listener and every connection: the platform is gone.
func (p *livePlatform) stop() {
	if p.hs != nil {
		p.hs.Close()
		<-p.done
		p.hs = nil
	}
}

// code asks the admin API for a single-use enrollment code.
func (p *livePlatform) code(role string) string {
	p.t.Helper()
	var resp protocol.CodeResponse
	p.admin(protocol.PathAdminCodes, protocol.CodeRequest{Center: "130102", Role: role}, &resp)
	return resp.Code
}

// publish publishes a catalog for its center.
func (p *livePlatform) publish(data []byte) {
	p.t.Helper()
	p.admin(protocol.PathAdminCatalog, json.RawMessage(data), nil)
}

func (p *livePlatform) admin(path string, body, out any) {
	p.t.Helper()
	data, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, p.URL()+path, bytes.NewReader(data))
	req.Header.Set("Authorization", "Bearer "+adminToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		p.t.Fatalf("admin %s: %v", path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		p.t.Fatalf("admin %s: %d %s", path, resp.StatusCode, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			p.t.Fatalf("admin %s: %v", path, err)
		}
	}
}

// stored reads the center's whole feed from the platform's storage and
// counts each event ID, with the feed order.
func (p *livePlatform) stored() (count map[string]int, order []string) {
	p.t.Helper()
	count = map[string]int{}
	var after uint64
	for {
		page, err := p.storage.Pull(context.Background(), "130102", after, protocol.MaxPull)
		if err != nil {
			p.t.Fatalf("storage Pull: %v", err)
		}
		for _, raw := range page.Events {
			var e cases.Event
			if err := json.Unmarshal(raw, &e); err != nil {
				p.t.Fatalf("stored event: %v", err)
			}
			count[e.ID]++
			order = append(order, e.ID)
		}
		if !page.More || page.Next == after {
			return count, order
		}
		after = page.Next
	}
}

// checkExactlyOnce fails unless the platform holds every one of ids once
// and nothing else.
func (p *livePlatform) checkExactlyOnce(ids []string) {
	p.t.Helper()
	count, order := p.stored()
	if len(order) != len(ids) || len(count) != len(ids) {
		p.t.Errorf("platform holds %d events (%d distinct), want %d, each once", len(order), len(count), len(ids))
	}
	missing, twice := 0, 0
	for _, id := range ids {
		switch count[id] {
		case 0:
			missing++
		case 1:
		default:
			twice++
		}
	}
	if missing > 0 || twice > 0 {
		p.t.Errorf("%d events missing and %d stored more than once on the platform", missing, twice)
	}
}

// device opens a device store in a new folder and enrolls it with the
// platform (through url, which may be a proxy's).
func (p *livePlatform) device(role, url string) (*store.Store, string) {
	p.t.Helper()
	dir := p.t.TempDir()
	st := openDevice(p.t, dir)
	if _, err := Enroll(context.Background(), url, p.code(role), "", st); err != nil {
		p.t.Fatalf("Enroll as %s: %v", role, err)
	}
	return st, dir
}
