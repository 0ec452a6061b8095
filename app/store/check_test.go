package store_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/app/store/storetest"
)

var checkDay = time.Date(2026, 11, 27, 9, 30, 0, 0, cases.Zone)

// storeWithCases makes a store of n cases in dir and closes it.
func storeWithCases(t *testing.T, dir string, n int) (numbers []string) {
	t.Helper()
	s := openAt(t, dir)
	for i := range n {
		c, err := s.Submit(cases.Submission{ItemCode: "130102-SCJG-001", CatalogVersion: 1, Channel: cases.ChannelKiosk,
			Fields: map[string]string{"name": "张三", "phone": "13800138000", "id_number": "130102199003071233", "note": string(rune('a' + i%26))}})
		if err != nil {
			t.Fatal(err)
		}
		numbers = append(numbers, c.Number)
	}
	s.Close()
	return numbers
}

func openAt(t *testing.T, dir string) *store.Store {
	t.Helper()
	s, err := store.Open(dir, store.Options{Center: "130102", Role: "kiosk", Now: func() time.Time { return checkDay }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// A damaged store fails the check; its backup is refused before it takes
// the name of the last good one, which stays as it was, and a new name
// gets no file.
func TestBackupRefusesADamagedStore(t *testing.T) {
	dir := t.TempDir()
	storeWithCases(t, dir, 12)
	s := openAt(t, dir)
	if err := s.Check(); err != nil {
		t.Fatalf("Check of a sound store: %v", err)
	}
	out := t.TempDir()
	good := filepath.Join(out, "good.db")
	if _, err := s.BackupFile(good); err != nil {
		t.Fatal(err)
	}
	s.Close()
	goodBytes, _ := os.ReadFile(good)
	storetest.Damage(t, filepath.Join(dir, store.FileName))

	s = openAt(t, dir)
	if err := s.Check(); !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("Check of a damaged store = %v, want ErrDamaged", err)
	}
	for _, target := range []string{good, filepath.Join(out, "new.db")} {
		_, err := s.BackupFile(target)
		var d *store.DamagedError
		if !errors.As(err, &d) || d.File != s.Path() || d.Where == "" {
			t.Fatalf("backup of a damaged store to %s = %v, want a DamagedError naming %s and where", target, err, s.Path())
		}
	}
	if now, _ := os.ReadFile(good); !bytes.Equal(now, goodBytes) {
		t.Fatal("the refused backup changed the last good one")
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Fatalf("the refused backups left %d files, want only the good backup", len(entries))
	}
}

// A damaged backup is refused, onto a store or an empty folder, and
// changes nothing.
func TestRestoreRefusesADamagedBackup(t *testing.T) {
	src := t.TempDir()
	storeWithCases(t, src, 12)
	bad := filepath.Join(t.TempDir(), "bad.db")
	if _, err := (openAt(t, src)).BackupFile(bad); err != nil {
		t.Fatal(err)
	}
	storetest.Damage(t, bad)

	onto := t.TempDir()
	storeWithCases(t, onto, 1)
	live := filepath.Join(onto, store.FileName)
	was, _ := os.Stat(live)
	for _, dir := range []string{onto, filepath.Join(t.TempDir(), "new")} {
		_, err := store.RestoreFile(dir, bad, store.RestoreOptions{OtherDevice: true})
		var d *store.DamagedError
		if !errors.As(err, &d) || d.File != bad {
			t.Errorf("restore of a damaged backup into %s = %v, want a DamagedError naming %s", dir, err, bad)
		}
	}
	if now, err := os.Stat(live); err != nil || !os.SameFile(was, now) {
		t.Fatalf("the refused restore replaced the store (%v)", err)
	}
	if entries, _ := os.ReadDir(onto); len(entries) != 1 {
		t.Fatalf("the refused restore left %d files in the data folder", len(entries))
	}
}

// The way out of a damaged store is a restore of the last good backup: it
// works over the damaged store, keeps it as it was, and still carries the
// unsent events, which it reads from the outbox, not from the damaged
// cases.
func TestRestoreOverADamagedStore(t *testing.T) {
	dir := t.TempDir()
	numbers := storeWithCases(t, dir, 12)
	good := filepath.Join(t.TempDir(), "good.db")
	s := openAt(t, dir)
	if _, err := s.BackupFile(good); err != nil {
		t.Fatal(err)
	}
	late, err := s.Submit(cases.Submission{ItemCode: "130102-SCJG-001", CatalogVersion: 1, Channel: cases.ChannelKiosk,
		Fields: map[string]string{"name": "李四", "phone": "13700137000", "id_number": "510107197701018716"}})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	damaged := filepath.Join(dir, store.FileName)
	storetest.Damage(t, damaged)
	damagedBytes, _ := os.ReadFile(damaged)

	r, err := store.RestoreFile(dir, good, store.RestoreOptions{})
	if err != nil {
		t.Fatalf("restore of a good backup over a damaged store: %v", err)
	}
	// The kept copy has its meta pages written afresh and ends at the last
	// page in use (tx.WriteTo); the pages between are the store's as they
	// were.
	meta := 2 * os.Getpagesize()
	if kept, _ := os.ReadFile(r.Kept); len(kept) <= meta || len(kept) > len(damagedBytes) || !bytes.Equal(kept[meta:], damagedBytes[meta:len(kept)]) {
		t.Errorf("the kept store %q is not the damaged store as it was", r.Kept)
	}
	if r.Carried != 1 {
		t.Errorf("restore = %+v, want the 1 unsent case carried", r)
	}
	s = openAt(t, dir)
	if err := s.Check(); err != nil {
		t.Fatalf("the restored store: %v", err)
	}
	for _, n := range append(numbers, late.Number) {
		if _, err := s.ByNumber(n); err != nil {
			t.Errorf("case %s after the restore: %v", n, err)
		}
	}
}

// A store bbolt cannot open at all — not a bbolt file any more, or cut
// short — is replaced all the same and kept byte for byte, and the
// restore says it was damaged.
func TestRestoreOverAnUnreadableStore(t *testing.T) {
	src := t.TempDir()
	numbers := storeWithCases(t, src, 3)
	good := filepath.Join(t.TempDir(), "good.db")
	if _, err := openAt(t, src).BackupFile(good); err != nil {
		t.Fatal(err)
	}
	whole, _ := os.ReadFile(good)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"overwritten", bytes.Repeat([]byte("not a store "), 1000)},
		{"cut short", whole[:100]},
	} {
		dir := t.TempDir()
		live := filepath.Join(dir, store.FileName)
		if err := os.WriteFile(live, tc.data, 0o600); err != nil {
			t.Fatal(err)
		}
		r, err := store.RestoreFile(dir, good, store.RestoreOptions{})
		if err != nil || !r.Damaged || r.Kept == "" {
			t.Errorf("%s: restore = %+v, %v; want it done, the store said to be damaged and kept", tc.name, r, err)
			continue
		}
		if kept, _ := os.ReadFile(r.Kept); !bytes.Equal(kept, tc.data) {
			t.Errorf("%s: the kept store is not the one replaced", tc.name)
		}
		if _, err := openAt(t, dir).ByNumber(numbers[0]); err != nil {
			t.Errorf("%s: case %s after the restore: %v", tc.name, numbers[0], err)
		}
	}
}

// BenchmarkCheck runs the consistency check that guards every backup and
// restore (every page read, then bbolt's tx.Check) on the store of a
// million cases (storetest.Million, about 2 GB):
//
//   - "open-store" checks the store the device has open (Store.Check); its
//     pages are in memory after the first run, as on a running counter.
//   - "fresh-file" checks a copy of it opened anew for each run
//     (CheckFile), as BackupFile checks the copy it wrote and RestoreFile
//     the backup: every page is faulted in again. The copy is made once,
//     outside the timer.
func BenchmarkCheck(b *testing.B) {
	s, _ := storetest.Million(b)
	b.Run("open-store", func(b *testing.B) {
		for b.Loop() {
			if err := s.Check(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fresh-file", func(b *testing.B) {
		file := filepath.Join(b.TempDir(), "copy.db")
		f, err := os.Create(file)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Backup(f); err != nil {
			b.Fatal(err)
		}
		f.Close()
		for b.Loop() {
			if err := store.CheckFile(file); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// The windows warm the store in the background at start, reading every
// page: on a damaged one that is a *DamagedError naming the file, not a
// panic that ends the window.
func TestWarmMeetsADamagedPage(t *testing.T) {
	dir := t.TempDir()
	storeWithCases(t, dir, 12)
	storetest.Damage(t, filepath.Join(dir, store.FileName))
	s := openAt(t, dir)
	_, err := s.Warm(context.Background())
	var d *store.DamagedError
	if !errors.As(err, &d) || d.File != s.Path() || d.Where == "" {
		t.Fatalf("Warm of a damaged store = %v, want a DamagedError naming %s and where", err, s.Path())
	}
}
