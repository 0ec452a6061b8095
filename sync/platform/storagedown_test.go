package platform_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"tongban/sync/platform"
	"tongban/sync/platform/storetest"
	"tongban/sync/protocol"
)

// quiet drops the platform's log lines of the failures tests make.
var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// TestStorageDownAnswers: when the storage stops answering (the bbolt
// file closed; PostgreSQL's connections cut and new ones refused), every
// call that needs it answers 503 storage_unavailable with a sentence
// saying the database does not answer, not 500 internal: the platform
// runs, and its administrator has to look at the database.
func TestStorageDownAnswers(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			store, cut := b.OpenCut(t)
			h := newHarness(t, store, platform.Config{Logger: quiet})
			kiosk := h.enroll(centerA, protocol.RoleKiosk)
			code, err := h.admin.NewCode(context.Background(), protocol.CodeRequest{Center: centerA, Role: protocol.RoleKiosk})
			if err != nil {
				t.Fatal(err)
			}
			cut()
			enroll, _ := json.Marshal(protocol.EnrollRequest{Code: code.Code})
			for _, c := range []struct{ method, path, token string }{
				{"POST", protocol.PathEvents, kiosk.Token},
				{"GET", protocol.PathEvents, kiosk.Token},
				{"GET", protocol.PathCatalog, kiosk.Token},
				{"GET", protocol.PathDevices, kiosk.Token},
				{"POST", protocol.PathEnroll, ""},
				{"GET", protocol.PathAdminDevices, adminToken},
				{"GET", protocol.PathMetrics, ""},
			} {
				var body []byte
				switch c.path {
				case protocol.PathEvents:
					body = pushBody(newEvent(centerA, kiosk.DeviceID, 1))
				case protocol.PathEnroll:
					body = enroll
				}
				resp, data := h.request(c.method, c.path, c.token, body)
				e := errorBody(t, data)
				if resp.StatusCode != http.StatusServiceUnavailable || e.Code != protocol.CodeStorageDown || !strings.Contains(e.Message, "database does not answer") {
					t.Errorf("%s %s with the storage down: %d %+v, want 503 %s saying the database does not answer", c.method, c.path, resp.StatusCode, e, protocol.CodeStorageDown)
				}
			}
		})
	}
}

// TestStorageFailureIsInternal: a storage that answers but fails (a
// damaged record, a full disk) is the platform's own failure: 500
// internal, as before; a request that gave up is "too busy" (503).
func TestStorageFailureIsInternal(t *testing.T) {
	f := &failing{Storage: storetest.Bolt(t)}
	h := newHarness(t, f, platform.Config{Logger: quiet})
	kiosk := h.enroll(centerA, protocol.RoleKiosk)
	f.fail(errors.New("the platform's device record is damaged"), false)
	resp, data := h.request("GET", protocol.PathEvents, kiosk.Token, nil)
	if e := errorBody(t, data); resp.StatusCode != http.StatusInternalServerError || e.Code != protocol.CodeInternal {
		t.Fatalf("a failing storage: %d %+v, want 500 %s", resp.StatusCode, e, protocol.CodeInternal)
	}
	f.fail(context.DeadlineExceeded, false) // a deadline inside the storage: the database took too long
	resp, data = h.request("GET", protocol.PathEvents, kiosk.Token, nil)
	if e := errorBody(t, data); resp.StatusCode != http.StatusServiceUnavailable || e.Code != protocol.CodeStorageDown {
		t.Fatalf("a storage past its deadline: %d %+v, want 503 %s", resp.StatusCode, e, protocol.CodeStorageDown)
	}
}

// failing is a storage whose calls fail with err while it is set, and
// otherwise are the storage's inside; down is what Unavailable says of
// err. It gives the platform every kind of storage failure on demand.
type failing struct {
	platform.Storage
	mu   sync.Mutex
	err  error
	down bool
}

func (f *failing) fail(err error, down bool) {
	f.mu.Lock()
	f.err, f.down = err, down
	f.mu.Unlock()
}

func (f *failing) failure() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

func (f *failing) Unavailable(err error) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return (err == f.err && f.down) || f.Storage.Unavailable(err)
}

func (f *failing) AddCode(ctx context.Context, c platform.Code) error {
	if err := f.failure(); err != nil {
		return err
	}
	return f.Storage.AddCode(ctx, c)
}

func (f *failing) Enroll(ctx context.Context, e platform.Enrollment) (platform.Enrolled, error) {
	if err := f.failure(); err != nil {
		return platform.Enrolled{}, err
	}
	return f.Storage.Enroll(ctx, e)
}

func (f *failing) DeviceByToken(ctx context.Context, hash string) (protocol.Device, error) {
	if err := f.failure(); err != nil {
		return protocol.Device{}, err
	}
	return f.Storage.DeviceByToken(ctx, hash)
}

func (f *failing) Devices(ctx context.Context, center string) ([]protocol.Device, error) {
	if err := f.failure(); err != nil {
		return nil, err
	}
	return f.Storage.Devices(ctx, center)
}

func (f *failing) Revoke(ctx context.Context, id string) (protocol.Device, error) {
	if err := f.failure(); err != nil {
		return protocol.Device{}, err
	}
	return f.Storage.Revoke(ctx, id)
}

func (f *failing) Touch(ctx context.Context, id string, at time.Time) error {
	if err := f.failure(); err != nil {
		return err
	}
	return f.Storage.Touch(ctx, id, at)
}

func (f *failing) Push(ctx context.Context, center, device string, at time.Time, events []platform.Incoming) ([]platform.Result, error) {
	if err := f.failure(); err != nil {
		return nil, err
	}
	return f.Storage.Push(ctx, center, device, at, events)
}

func (f *failing) Pull(ctx context.Context, center string, after uint64, limit int) (platform.Page, error) {
	if err := f.failure(); err != nil {
		return platform.Page{}, err
	}
	return f.Storage.Pull(ctx, center, after, limit)
}

func (f *failing) PutCatalog(ctx context.Context, c platform.CatalogRecord) error {
	if err := f.failure(); err != nil {
		return err
	}
	return f.Storage.PutCatalog(ctx, c)
}

func (f *failing) Catalog(ctx context.Context, center string, since int) (platform.CatalogRecord, error) {
	if err := f.failure(); err != nil {
		return platform.CatalogRecord{}, err
	}
	return f.Storage.Catalog(ctx, center, since)
}

func (f *failing) PutClerk(ctx context.Context, center, id string, data []byte) (int, error) {
	if err := f.failure(); err != nil {
		return 0, err
	}
	return f.Storage.PutClerk(ctx, center, id, data)
}

func (f *failing) Clerks(ctx context.Context, center string, since int) (int, [][]byte, error) {
	if err := f.failure(); err != nil {
		return 0, nil, err
	}
	return f.Storage.Clerks(ctx, center, since)
}

func (f *failing) Centers(ctx context.Context) ([]string, error) {
	if err := f.failure(); err != nil {
		return nil, err
	}
	return f.Storage.Centers(ctx)
}

func (f *failing) Stats(ctx context.Context) (platform.Stats, error) {
	if err := f.failure(); err != nil {
		return platform.Stats{}, err
	}
	return f.Storage.Stats(ctx)
}

func (f *failing) Ping(ctx context.Context) error {
	if err := f.failure(); err != nil {
		return err
	}
	return f.Storage.Ping(ctx)
}
