package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the store to w from a read
// transaction, so the device keeps working while it runs.
func (s *Store) Backup(w io.Writer) (n int64, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// BackupFile writes a backup to path through a temporary file, so a
// half-written backup never takes the name of a good one.
func (s *Store) BackupFile(path string) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tongban-backup-*")
	if err != nil {
		return 0, fmt.Errorf("cannot write the backup next to %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	n, err := s.Backup(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("the backup could not be written: %w", err)
	}
	return n, os.Rename(tmp.Name(), path)
}

// Restore replaces the store in dir with a backup file. The store must be
// closed. The backup is checked first; the replaced store is kept beside
// it as tongban.db.before-restore-<time>, so a wrong restore can be undone.
func Restore(dir, backup string) error {
	if err := checkBackup(backup); err != nil {
		return err
	}
	src, err := os.Open(backup)
	if err != nil {
		return fmt.Errorf("cannot read the backup %s: %w", backup, err)
	}
	defer src.Close()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	path := filepath.Join(dir, FileName)
	// Take the live store's lock so a running device is not overwritten.
	live, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return ErrLocked
	}
	defer live.Close()
	tmp, err := os.CreateTemp(dir, ".tongban-restore-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, src); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot copy the backup: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	tmp.Close()
	if _, err := os.Stat(path); err == nil {
		keep := path + ".before-restore-" + time.Now().Format("20060102-150405")
		if err := copyFile(path, keep); err != nil {
			return fmt.Errorf("cannot keep the current store before restoring: %w", err)
		}
	}
	return os.Rename(tmp.Name(), path)
}

// checkBackup opens a backup read-only and checks it is a tongban store
// this program can read.
func checkBackup(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("cannot read the backup %s: %w", path, err)
	}
	db, err := bolt.Open(path, 0o400, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return ErrNotStore
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || meta.Get(keySchema) == nil || meta.Get(keyIdentity) == nil {
			return ErrNotStore
		}
		if v := meta.Get(keySchema); len(v) != 4 || uint32(v[0])<<24|uint32(v[1])<<16|uint32(v[2])<<8|uint32(v[3]) > SchemaVersion {
			return ErrNewerSchema
		}
		return nil
	})
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return errors.Join(out.Sync(), out.Close())
}
