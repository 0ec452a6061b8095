package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A store file that is there but empty, or whose header is not bbolt's,
// is damaged: Open says so and leaves the file as it was, where bbolt
// would have made a new device of it.
func TestOpenRefusesAnEmptyOrHeaderlessStore(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content []byte
		where   string
	}{
		{"empty", nil, "the file is empty"},
		{"not bbolt", make([]byte, 16384), "the header"},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, FileName)
		if err := os.WriteFile(path, tc.content, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(dir, Options{Center: "130102", Role: "kiosk"})
		var damaged *DamagedError
		if !errors.As(err, &damaged) || !strings.Contains(damaged.Where, tc.where) {
			if s != nil {
				s.Close()
			}
			t.Errorf("%s: Open = %v; want a *DamagedError at %q", tc.name, err, tc.where)
			continue
		}
		if fi, _ := os.Stat(path); fi.Size() != int64(len(tc.content)) {
			t.Errorf("%s: Open changed the file to %d bytes", tc.name, fi.Size())
		}
	}
}

// A restore over an empty store file keeps it as damaged rather than
// taking it for a new device's.
func TestRestoreOverAnEmptyStore(t *testing.T) {
	src := t.TempDir()
	s := openTest(t, src)
	backup := filepath.Join(t.TempDir(), "b.db")
	if _, err := s.BackupFile(backup); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), nil, 0o600)
	r, err := RestoreFile(dir, backup, RestoreOptions{})
	if err != nil || !r.Damaged || r.Kept == "" {
		t.Fatalf("restore over an empty store = %+v, %v; want it restored with the empty file kept as damaged", r, err)
	}
}

// A full disk under a backup is told as a full disk, though bbolt words
// the write error without its cause.
func TestBackupKeepsTheCauseOfAWriteError(t *testing.T) {
	s := openTest(t, t.TempDir())
	_, err := s.Backup(failingWriter{syscall.ENOSPC})
	if !IsDiskFull(err) {
		t.Fatalf("Backup to a full disk = %v; want an error IsDiskFull reads", err)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

var _ io.Writer = failingWriter{}

// Temporary files a killed backup or restore left behind go at the next
// one, once old enough to be no one's at work; a fresh one stays.
func TestLeftoversAreRemoved(t *testing.T) {
	s := openTest(t, t.TempDir())
	usb := t.TempDir()
	old, fresh := filepath.Join(usb, ".tongban-backup-111"), filepath.Join(usb, ".tongban-backup-222")
	for _, f := range []string{old, fresh} {
		os.WriteFile(f, []byte("half a backup"), 0o600)
	}
	long := time.Now().Add(-2 * staleAfter)
	os.Chtimes(old, long, long)
	if _, err := s.BackupFile(filepath.Join(usb, "b.db")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the old leftover is still there (%v)", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a fresh temporary file was removed: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(usb, ".tongban-*"))
	if len(left) != 1 {
		t.Errorf("after the backup the folder holds %v; want only the fresh one", left)
	}
}

// The audit's case: garbage over the second meta page's header. bbolt
// opens the store with the first; the check reports the damage instead
// of panicking in tx.Check's goroutine, and opening it again for a
// command that only reads does not write the page over (the damage stays
// for status to see).
func TestADamagedMetaPageIsReported(t *testing.T) {
	damageMeta(t, 0, "whose header names page")
}

// A power cut during a save can leave the meta page being written with a
// right header and a wrong checksum. bbolt opens the store from the other
// page, nothing reported saved is lost, and the next save heals the page:
// the check calls that healthy, so no one restores an older backup over
// it; and the store takes the next case.
func TestATornMetaPageIsNotDamage(t *testing.T) {
	dir := damageMeta(t, 40, "")
	s, err := Open(dir, Options{Center: "130102", Role: "kiosk"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Submit(sample("李四", "13800138001", "130102199003071233")); err != nil {
		t.Fatalf("the store refuses a case after a torn meta page: %v", err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("after the next save, Check = %v", err)
	}
}

// damageMeta writes garbage at bytes into the second meta page of a new
// store and checks the check's verdict (where the damage is said to be,
// or "" for none), and that a read leaves the file alone. It returns the
// store's folder.
func damageMeta(t *testing.T, at int, where string) string {
	dir := t.TempDir()
	s := openTest(t, dir)
	if _, err := s.Submit(sample("张三", "13800138000", "130102199003071233")); err != nil {
		t.Fatal(err)
	}
	size := s.db.Info().PageSize
	s.Close()
	path := filepath.Join(dir, FileName)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte("GARBAGEGARBAGE"), int64(size+at))
	f.Close()
	before, _ := os.ReadFile(path)

	s, err = Open(dir, Options{Center: "130102", Role: "kiosk"})
	if err != nil {
		t.Fatalf("Open with one good meta page: %v", err)
	}
	var damaged *DamagedError
	switch err := s.Check(); {
	case where == "" && err != nil:
		t.Errorf("Check = %v; want no damage", err)
	case where != "" && (!errors.As(err, &damaged) || !strings.Contains(damaged.Where, where)):
		t.Errorf("Check = %v; want a *DamagedError at a meta page %q", err, where)
	}
	s.Close()
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("opening the store for a read wrote to it")
	}
	return dir
}
