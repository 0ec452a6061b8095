package store

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// openAt opens a store whose clock reads *now.
func openAt(t *testing.T, dir string, now *time.Time) *Store {
	t.Helper()
	s, err := Open(dir, Options{Center: "130102", Role: "kiosk", Now: func() time.Time { return *now }})
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// A backup written over the store in use, by any of its names, is refused
// and the store stays the file the device has open; a folder is refused
// as a folder.
func TestBackupFileRefusesTheStore(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir)
	if _, err := s.Submit(sample("张三", "13800138000", "130102199003071233")); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(dir, FileName)
	links := t.TempDir()
	linkToStore := filepath.Join(links, "store-link.db")
	linkToDir := filepath.Join(links, "data-link")
	hardLink := filepath.Join(dir, "hard.db")
	for _, err := range []error{os.Symlink(store, linkToStore), os.Symlink(dir, linkToDir), os.Link(store, hardLink)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	wd, _ := os.Getwd()
	relative, err := filepath.Rel(wd, store)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(store)
	for _, tc := range []struct {
		name, path string
		want       error
	}{
		{"the store's own path", store, ErrStoreItself},
		{"a relative path", relative, ErrStoreItself},
		{"a path with dots", filepath.Join(dir, ".", "..", filepath.Base(dir), FileName), ErrStoreItself},
		{"a symlink to the store", linkToStore, ErrStoreItself},
		{"the store's name in a symlinked folder", filepath.Join(linkToDir, FileName), ErrStoreItself},
		{"a hard link to the store", hardLink, ErrStoreItself},
		{"the data folder", dir, ErrBackupIsFolder},
		{"another folder", links, ErrBackupIsFolder},
	} {
		if n, err := s.BackupFile(tc.path); !errors.Is(err, tc.want) {
			t.Errorf("backup to %s (%s) = %d bytes, %v; want %v", tc.name, tc.path, n, err, tc.want)
		}
	}
	after, err := os.Stat(store)
	if err != nil || !os.SameFile(before, after) {
		t.Fatalf("the store's file was replaced (%v)", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".tongban-backup-*")); len(left) != 0 {
		t.Fatalf("temporary files left in the data folder: %v", left)
	}
	if _, err := s.Submit(sample("李四", "13700137000", "510107197701018716")); err != nil {
		t.Fatalf("the store no longer works after the refusals: %v", err)
	}
}

// Restoring an older backup carries forward the numbers the replaced store
// issued (case and queue ticket sequences, the clock), so none is issued
// twice; the cases made after the backup come back through the pull, as
// the restored cursor is the older one.
func TestRestoreCarriesNumbersForward(t *testing.T) {
	dir := t.TempDir()
	now := testDay
	s := openAt(t, dir, &now)
	var first *cases.Case
	for i := range 8 {
		c, err := s.Submit(sample("张三", "13800138000", "130102199003071233"))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = c
		}
	}
	if _, _, err := s.IssueTicket(first.ID, "A"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ApplyPage(nil, "cursor-before"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b1.db")
	if _, err := s.BackupFile(file); err != nil {
		t.Fatal(err)
	}
	// After the backup: a ninth case, printed and pushed, and its ticket;
	// the clock then runs an hour ahead before it is set right again.
	now = testDay.Add(time.Hour)
	ninth, err := s.Submit(sample("李四", "13700137000", "510107197701018716"))
	if err != nil {
		t.Fatal(err)
	}
	ticket, _, err := s.IssueTicket(ninth.ID, "A")
	if err != nil {
		t.Fatal(err)
	}
	ninth, _ = s.Case(ninth.ID)
	latest := ninth.Events[len(ninth.Events)-1].Stamp
	pushAll(t, s)
	if _, _, err := s.ApplyPage(nil, "cursor-after"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	r, err := RestoreFile(dir, file, RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Kept == "" {
		t.Fatal("the replaced store was not kept")
	}
	if _, err := os.Stat(r.Kept); err != nil {
		t.Fatalf("the kept store %s: %v", r.Kept, err)
	}
	now = testDay.Add(10 * time.Minute)
	s = openAt(t, dir, &now)
	if raw, _ := s.Get(KeyCursor); string(raw) != "cursor-before" {
		t.Fatalf("restored cursor = %q, want the backup's, so the pull reads the later events again", raw)
	}
	tenth, err := s.Submit(sample("王五", "13600136000", "11010519491231002X"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "261127-" + numberCode(t, ninth.Number) + "-0010"; tenth.Number != want {
		t.Fatalf("the first case after the restore is %s, want %s (the ninth, %s, was issued before the restore)", tenth.Number, want, ninth.Number)
	}
	if stamp := tenth.Events[0].Stamp; stamp.Compare(latest) <= 0 {
		t.Fatalf("the clock went back: %+v after %+v", stamp, latest)
	}
	t2, _, err := s.IssueTicket(tenth.ID, "A")
	if err != nil || t2.Number == ticket.Number || t2.Number != "A003" {
		t.Fatalf("the ticket after the restore is %s (%v), want A003 after %s", t2.Number, err, ticket.Number)
	}

	// The pull brings the ninth case back; nothing clashes.
	if _, added, err := s.ApplyPage(ninth.Events, "cursor-after"); err != nil || added != len(ninth.Events) {
		t.Fatalf("pulling the ninth case again: added %d of %d, %v", added, len(ninth.Events), err)
	}
	if got, err := s.ByNumber(ninth.Number); err != nil || got.ID != ninth.ID {
		t.Fatalf("the ninth case after the pull: %v, %v", got, err)
	}
	if got, err := s.ByNumber(tenth.Number); err != nil || got.ID != tenth.ID {
		t.Fatalf("the tenth case after the pull: %v, %v", got, err)
	}
}

// pushAll acknowledges every outbox entry, as a push the platform took.
func pushAll(t *testing.T, s *Store) {
	t.Helper()
	entries, err := s.Outbox(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	var done []Outcome
	for _, e := range entries {
		done = append(done, Outcome{Seq: e.Seq})
	}
	if err := s.Acknowledge(done); err != nil {
		t.Fatal(err)
	}
}

func numberCode(t *testing.T, number string) string {
	t.Helper()
	if len(number) < 13 {
		t.Fatalf("case number %q", number)
	}
	return number[7 : len(number)-5]
}

// carry keeps the higher of each sequence, adds those the backup lacks,
// and never moves the clock back.
func TestCarryKeepsTheHigher(t *testing.T) {
	now := testDay
	older := openAt(t, t.TempDir(), &now)
	newer := openAt(t, t.TempDir(), &now)
	put := func(s *Store, bucket []byte, key string, n uint32, clock cases.Stamp) {
		t.Helper()
		err := s.db.Update(func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucket).Put([]byte(key), binary.BigEndian.AppendUint32(nil, n)); err != nil {
				return err
			}
			return putJSON(tx.Bucket(bucketMeta), keyClock, clock)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// The live store: day 1 at 9, day 2 at 3, ticket A at 5; clock later.
	put(newer, bucketMeta, "seq/261127", 9, cases.Stamp{Wall: 2000})
	put(newer, bucketMeta, "seq/261128", 3, cases.Stamp{Wall: 2000})
	put(newer, bucketTickets, "seq/2026-11-27/A", 5, cases.Stamp{Wall: 2000})
	// The backup: day 1 at 4, day 0 at 7 (only it has), ticket A at 8.
	put(older, bucketMeta, "seq/261127", 4, cases.Stamp{Wall: 1000})
	put(older, bucketMeta, "seq/261126", 7, cases.Stamp{Wall: 1000})
	put(older, bucketTickets, "seq/2026-11-27/A", 8, cases.Stamp{Wall: 1000, Counter: 3})
	err := newer.db.View(func(from *bolt.Tx) error {
		return older.db.Update(func(to *bolt.Tx) error { return carry(from, to) })
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		bucket []byte
		key    string
		want   uint32
	}{
		{bucketMeta, "seq/261127", 9},
		{bucketMeta, "seq/261128", 3},
		{bucketMeta, "seq/261126", 7},
		{bucketTickets, "seq/2026-11-27/A", 8},
	} {
		older.db.View(func(tx *bolt.Tx) error {
			v := tx.Bucket(tc.bucket).Get([]byte(tc.key))
			if len(v) != 4 || binary.BigEndian.Uint32(v) != tc.want {
				t.Errorf("%s %s = %v after carrying, want %d", tc.bucket, tc.key, v, tc.want)
			}
			return nil
		})
	}
	older.db.View(func(tx *bolt.Tx) error {
		var c cases.Stamp
		getJSON(tx.Bucket(bucketMeta), keyClock, &c)
		if c != (cases.Stamp{Wall: 2000}) {
			t.Errorf("clock after carrying = %+v, want the live store's {2000 0}", c)
		}
		return nil
	})
}

// Restoring into a folder with no store puts the backup in place and
// makes no empty "previous" store.
func TestRestoreIntoAnEmptyFolder(t *testing.T) {
	s := openTest(t, t.TempDir())
	c, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	file := filepath.Join(t.TempDir(), "b1.db")
	if _, err := s.BackupFile(file); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "new")
	r, err := RestoreFile(dir, file, RestoreOptions{})
	if err != nil || r.Kept != "" {
		t.Fatalf("restore into a new folder = %+v, %v; want nothing kept", r, err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{FileName}) {
		t.Fatalf("the new folder holds %v, want only %s", names, FileName)
	}
	if got, err := openTest(t, dir).ByNumber(c.Number); err != nil || got.ID != c.ID {
		t.Fatalf("the restored store: %v, %v", got, err)
	}
}

// A restore that cannot be done says why and changes nothing.
func TestRestoreRefusals(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir)
	s.Submit(sample("张三", "13800138000", "130102199003071233"))
	s.Close()
	empty := t.TempDir()
	for _, tc := range []struct {
		name, dir, file string
		want            error
	}{
		{"a missing file", empty, filepath.Join(empty, "none.db"), os.ErrNotExist},
		{"the store onto itself", dir, filepath.Join(dir, FileName), ErrStoreItself},
		{"the store onto itself, relative", filepath.Join(dir, "."), filepath.Join(dir, "..", filepath.Base(dir), FileName), ErrStoreItself},
	} {
		if _, err := RestoreFile(tc.dir, tc.file, RestoreOptions{}); !errors.Is(err, tc.want) {
			t.Errorf("restore of %s = %v, want %v", tc.name, err, tc.want)
		}
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Fatalf("a failed restore left %d files behind", len(entries))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("a refused restore left %d files in the data folder, want only the store", len(entries))
	}
}

// The generation changes with every write and with nothing else.
func TestGeneration(t *testing.T) {
	s := openTest(t, t.TempDir())
	g0, err := s.Generation()
	if err != nil {
		t.Fatal(err)
	}
	s.Get("anything")
	s.Identity()
	if g, _ := s.Generation(); g != g0 {
		t.Fatalf("reads moved the generation from %d to %d", g0, g)
	}
	s.Put("anything", []byte("x"))
	if g, _ := s.Generation(); g == g0 {
		t.Fatalf("a write left the generation at %d", g)
	}
}

// A backup anywhere inside the data folder is refused: it would be lost
// with the folder it is meant to bring back.
func TestBackupNotInsideTheDataFolder(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{Center: "130102"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	os.MkdirAll(filepath.Join(dir, "receipts"), 0o755)
	for _, p := range []string{filepath.Join(dir, "bk.db"), filepath.Join(dir, "receipts", "bk.db")} {
		if _, err := s.BackupFile(p); !errors.Is(err, ErrBackupInData) {
			t.Errorf("BackupFile(%s) = %v, want ErrBackupInData", p, err)
		}
	}
	if _, err := s.BackupFile(filepath.Join(t.TempDir(), "bk.db")); err != nil {
		t.Errorf("a backup outside the data folder: %v", err)
	}
}

// A backup replaces an older backup and nothing else: not another data
// folder's store (maybe with a window running on it), nor a file that is
// no backup.
func TestBackupReplacesOnlyAnOlderBackup(t *testing.T) {
	s, err := Open(t.TempDir(), Options{Center: "130102"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other := t.TempDir()
	o, err := Open(other, Options{Center: "130102"})
	if err != nil {
		t.Fatal(err)
	}
	o.Close()
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("the lobby's phone numbers"), 0o644)
	for path, want := range map[string]error{
		filepath.Join(other, FileName):              ErrBackupOverStore,
		filepath.Join(t.TempDir(), "usb", FileName): ErrBackupOverStore, // by its name, there or not
		notes: ErrBackupOverOther,
	} {
		if _, err := s.BackupFile(path); !errors.Is(err, want) {
			t.Errorf("BackupFile(%s) = %v, want %v", path, err, want)
		}
	}
	if b, _ := os.ReadFile(notes); string(b) != "the lobby's phone numbers" {
		t.Fatalf("the refused backup changed %s: %q", notes, b)
	}
	nightly := filepath.Join(t.TempDir(), "kiosk.db")
	for range 2 {
		if _, err := s.BackupFile(nightly); err != nil {
			t.Fatalf("a backup over the last one: %v", err)
		}
	}
	// The same device once enrolled (another short code, a center): its
	// backup from before is its own.
	id, err := s.Identity()
	if err != nil {
		t.Fatal(err)
	}
	id.ShortCode, id.Platform, id.Token = "K03", "http://platform", "t"
	if err := s.SetIdentity(id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupFile(nightly); err != nil {
		t.Fatalf("a backup over this device's backup from before it enrolled: %v", err)
	}
	// Another device's backup of the same day, on the same stick.
	o, err = Open(other, Options{Center: "130102"})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if _, err := o.BackupFile(nightly); !errors.Is(err, ErrOtherDevice) {
		t.Errorf("a backup over another device's backup = %v, want ErrOtherDevice", err)
	}
}
