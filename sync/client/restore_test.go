package client

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/platform/boltstore"
	"tongban/sync/protocol"
)

// TestPlatformRestoredFromBackup: a platform restored from a backup older
// than the devices' last pull has a feed that ends before their cursors.
// The next round reads the feed again from the start and says so: the
// counter gets the case made after the restore, and the events it held
// already change nothing and are not counted again. The restore is a real
// one, of the platform's bbolt file; the platform answers the same on
// PostgreSQL (sync/platform's TestPullCursorAhead and the storetest suite).
func TestPlatformRestoredFromBackup(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, boltstore.FileName)
	p := &livePlatform{t: t, addr: "127.0.0.1:0"}
	open := func() {
		s, err := boltstore.Open(dir, boltstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p.storage = s
		if p.server, err = platform.New(s, platform.Config{AdminToken: adminToken,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}); err != nil {
			t.Fatal(err)
		}
		p.start()
	}
	closePlatform := func() {
		p.stop()
		p.storage.Close()
	}
	open()
	t.Cleanup(closePlatform)
	kiosk, _ := p.device(protocol.RoleKiosk, p.URL())
	counter, _ := p.device(protocol.RoleCounter, p.URL())
	ks, cs := New(kiosk, Options{}), New(counter, Options{})
	ctx := testContext(t)
	sync := func(name string, s *Syncer) Report {
		t.Helper()
		rep, err := s.Once(ctx)
		if err != nil {
			t.Fatalf("%s Once: %v", name, err)
		}
		return rep
	}

	addCases(t, kiosk, 2, 1)
	sync("kiosk", ks)
	sync("counter", cs)
	closePlatform() // the backup, taken with the platform stopped
	backup, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	open()
	addCases(t, kiosk, 3, 1)
	sync("kiosk", ks)
	if rep := sync("counter", cs); rep.Pulled != 3 || rep.FeedReset {
		t.Fatalf("counter before the restore = %+v, want the 3 newer cases", rep)
	}

	closePlatform() // the restore: the platform's feed is 2 events long again, the devices' cursors at 5
	if err := os.WriteFile(file, backup, 0o600); err != nil {
		t.Fatal(err)
	}
	open()
	fresh := addCases(t, kiosk, 1, 1)
	// The kiosk pushes its new case, reads the feed again and sends all it
	// made once more: the platform had lost the 3 cases sent after its
	// backup and takes them back; the other 3 come back duplicate.
	if rep := sync("kiosk", ks); !rep.FeedReset || rep.Resent != 6 || rep.Duplicates != 3 || rep.Pending != 0 {
		t.Fatalf("kiosk after the restore = %+v, want the feed read again and its 6 events resent, 3 of them duplicates", rep)
	}
	rep := sync("counter", cs)
	if !rep.FeedReset || rep.Pulled != 1 || rep.Changed != 1 {
		t.Fatalf("counter after the restore = %+v, want the feed read again from the start and only the new case counted", rep)
	}
	if c, err := counter.Case(fresh[0]); err != nil || c.Status != cases.StatusSubmitted {
		t.Fatalf("the counter does not see the case made after the restore: %v, %v", c, err)
	}
	if cur, _ := counter.Get(KeyCursor); !strings.HasPrefix(string(cur), "6.") {
		t.Fatalf("the counter's cursor after reading again = %q, want 6, the refilled feed's end", cur)
	}
	if rep := sync("counter", cs); rep.FeedReset || rep.Pulled != 0 {
		t.Fatalf("the round after = %+v, want nothing read again", rep)
	}
}
