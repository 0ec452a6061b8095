package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the store to w from a read
// transaction, so the device keeps working while it runs.
func (s *Store) Backup(w io.Writer) (n int64, err error) {
	rw := &recordingWriter{w: w}
	err = s.db.View(func(tx *bolt.Tx) error {
		n, err = tx.WriteTo(rw)
		return err
	})
	if rw.err != nil && err != nil {
		err = rw.err // bbolt words some write errors with %s, losing the cause (a full disk)
	}
	return n, err
}

// recordingWriter keeps the first error of the writer it wraps.
type recordingWriter struct {
	w   io.Writer
	err error
}

func (r *recordingWriter) Write(p []byte) (int, error) {
	n, err := r.w.Write(p)
	if err != nil && r.err == nil {
		r.err = err
	}
	return n, err
}

// BackupFile writes a backup to path through a temporary file, so a
// half-written backup never takes the name of a good one, and checks the
// copy (see verify) before it takes the name: a damaged store is refused
// with a *DamagedError and the last good backup stays as it was. It
// refuses a path that is the store itself (by any name: a symlink, a
// relative path, a hard link), a folder, or anything else that is not a
// regular file (a device, a pipe, a socket): renaming over the open store
// would leave this process writing into a deleted file while every other
// one opens the backup, with its own lock and its own case numbers, and
// renaming over /dev/full would replace the device.
func (s *Store) BackupFile(path string) (int64, error) {
	if err := s.checkTarget(path); err != nil {
		return 0, err
	}
	removeStale(filepath.Dir(path), backupTemp)
	tmp, err := os.CreateTemp(filepath.Dir(path), backupTemp)
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
	if err := checkFile(tmp.Name(), s.path); err != nil {
		return 0, err
	}
	return n, os.Rename(tmp.Name(), path)
}

// checkTarget refuses a backup path that is a folder, the store's file,
// the store's name in its folder, a file named as any store is, not a
// regular file, or a file that is there and no tongban backup.
func (s *Store) checkTarget(path string) error {
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return ErrBackupIsFolder
		}
		if isFile(fi, s.path) {
			return ErrStoreItself
		}
		if !fi.Mode().IsRegular() {
			return ErrBackupNotFile
		}
		if filepath.Base(path) != FileName && fi.Size() > 0 {
			if err := s.olderBackup(path); err != nil {
				return err
			}
		}
	}
	// The store's name in its folder, by whatever name the folder is given,
	// even when no file has that name now (the store's file was removed
	// under it): a backup there would become the store of the next command.
	if filepath.Base(path) == FileName {
		if parent, err := os.Stat(filepath.Dir(path)); err == nil && isFile(parent, filepath.Dir(s.path)) {
			return ErrStoreItself
		}
	}
	// Any other data folder's store: a backup replaces it under the
	// device's feet, with a window running on it or not.
	if filepath.Base(path) == FileName {
		return ErrBackupOverStore
	}
	// Anywhere else inside the data folder, by whatever name.
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		if fi, err := os.Stat(dir); err == nil && isFile(fi, filepath.Dir(s.path)) {
			return ErrBackupInData
		}
		if dir == filepath.Dir(dir) {
			return nil
		}
	}
}

// olderBackup refuses to replace a file that is no older backup of this
// device: a file that is no backup, a store a process holds, or another
// device's backup (*OtherDeviceError) — a USB stick carried round the
// kiosks holds one backup of each, and all of a day may share a name.
// A backup too damaged to say whose it is may be replaced.
func (s *Store) olderBackup(path string) error {
	if !isBoltFile(path) {
		return ErrBackupOverOther
	}
	theirs, err := checkBackup(path)
	switch {
	case errors.Is(err, ErrLocked):
		return ErrBackupInUse
	case errors.Is(err, ErrNotStore):
		return ErrBackupOverOther
	case err != nil:
		return nil
	}
	ours, err := s.Identity()
	if err != nil {
		return err
	}
	// The device, not its enrollment: a backup from before this device
	// enrolled (another short code, no center) is its own all the same.
	if theirs.DeviceID != ours.DeviceID {
		return &OtherDeviceError{Backup: theirs, Here: ours}
	}
	return nil
}

// boltMagic opens the meta page of every bbolt file, after the page
// header.
const boltMagic = 0xED0CDAED

// isBoltFile reports whether the file at path starts as a bbolt file does:
// an older backup, which a new one may replace.
func isBoltFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [20]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return false
	}
	return binary.LittleEndian.Uint32(head[16:]) == boltMagic
}

// isFile reports whether fi is the file or folder at path.
func isFile(fi os.FileInfo, path string) bool {
	other, err := os.Stat(path)
	return err == nil && os.SameFile(fi, other)
}
