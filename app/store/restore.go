package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"tongban/app/cases"
)

// Restored says what a restore did.
type Restored struct {
	// Kept is the replaced store, kept beside the new one as
	// tongban.db.before-restore-<time>; empty when the folder had none.
	Kept string
}

// Restore replaces the store in dir with a backup file; see RestoreFile.
func Restore(dir, backup string) error {
	_, err := RestoreFile(dir, backup)
	return err
}

// RestoreFile replaces the store in dir with a backup file. The store must
// be closed. The backup is checked first. When there is a store to replace,
// it is kept beside the new one, so a wrong restore can be undone, and
// what it has issued is carried into the backup before it takes its place:
// the day's case and queue ticket sequences and the clock, so no number
// already printed or sent to the platform is issued again and no stamp
// goes back. What was pushed after the backup comes back through the
// change feed, as the backup's cursor is older and the next pull reads it
// again; what was never pushed is only in the kept store.
func RestoreFile(dir, backup string) (Restored, error) {
	path := filepath.Join(dir, FileName)
	if fi, err := os.Stat(backup); err == nil && isFile(fi, path) {
		return Restored{}, ErrStoreItself
	}
	if err := checkBackup(backup); err != nil {
		return Restored{}, err
	}
	src, err := os.Open(backup)
	if err != nil {
		return Restored{}, fmt.Errorf("cannot read the backup %s: %w", backup, err)
	}
	defer src.Close()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Restored{}, fmt.Errorf("cannot create the data folder %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".tongban-restore-*")
	if err != nil {
		return Restored{}, err
	}
	defer os.Remove(tmp.Name())
	_, err = io.Copy(tmp, src)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Restored{}, fmt.Errorf("cannot copy the backup: %w", err)
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		// Nothing to replace, nor to open: bbolt would create the file.
		return Restored{}, os.Rename(tmp.Name(), path)
	}
	// Hold the live store's lock from reading what it issued until the
	// backup has its name, so a running device is not overwritten and
	// nothing is issued in between.
	live, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return Restored{}, ErrLocked
	}
	if err != nil {
		return Restored{}, fmt.Errorf("cannot open the store %s to replace it: %w", path, err)
	}
	defer live.Close()
	if err := carryInto(tmp.Name(), live); err != nil {
		return Restored{}, fmt.Errorf("cannot carry the case numbers of the current store into the backup: %w", err)
	}
	kept, err := keep(live, path)
	if err != nil {
		return Restored{}, fmt.Errorf("cannot keep the current store before restoring: %w", err)
	}
	return Restored{Kept: kept}, os.Rename(tmp.Name(), path)
}

// carryInto raises the sequences and the clock of the store file at path
// to those of live, where live's are higher.
func carryInto(path string, live *bolt.DB) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	err = live.View(func(from *bolt.Tx) error {
		return db.Update(func(to *bolt.Tx) error { return carry(from, to) })
	})
	return errors.Join(err, db.Close())
}

// sequenceBuckets hold the store's number sequences under "seq/" keys,
// each a big-endian uint32: the meta bucket the day's case sequence
// ("seq/YYMMDD", nextDaySeq), the tickets bucket each queue letter's
// ("seq/YYYY-MM-DD/L", IssueTicket).
var sequenceBuckets = [][]byte{bucketMeta, bucketTickets}

var sequencePrefix = []byte("seq/")

// carry raises every sequence of to that from has higher (or to lacks),
// and to's clock to from's if it is later.
func carry(from, to *bolt.Tx) error {
	for _, name := range sequenceBuckets {
		src := from.Bucket(name)
		if src == nil {
			continue
		}
		dst, err := to.CreateBucketIfNotExists(name)
		if err != nil {
			return err
		}
		c := src.Cursor()
		for k, v := c.Seek(sequencePrefix); k != nil && bytes.HasPrefix(k, sequencePrefix); k, v = c.Next() {
			if len(v) != 4 {
				continue
			}
			if old := dst.Get(k); len(old) == 4 && binary.BigEndian.Uint32(old) >= binary.BigEndian.Uint32(v) {
				continue
			}
			if err := dst.Put(bytes.Clone(k), bytes.Clone(v)); err != nil {
				return err
			}
		}
	}
	var was, is cases.Stamp
	if err := getJSON(from.Bucket(bucketMeta), keyClock, &was); err != nil {
		return err
	}
	meta, err := to.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	if err := getJSON(meta, keyClock, &is); err != nil {
		return err
	}
	if was.Compare(is) > 0 {
		return putJSON(meta, keyClock, was)
	}
	return nil
}

// keep copies the live store to a new file beside it and returns its name.
func keep(live *bolt.DB, path string) (string, error) {
	// Named in center time, as the case numbers and lists the staff read.
	base := path + ".before-restore-" + time.Now().In(cases.Zone).Format("20060102-150405")
	name := base
	for i := 2; ; i++ {
		out, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) && i < 100 {
			name = base + "-" + strconv.Itoa(i) // a second restore within the second
			continue
		}
		if err != nil {
			return "", err
		}
		err = live.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(out)
			return err
		})
		if err = errors.Join(err, out.Sync(), out.Close()); err != nil {
			os.Remove(name)
			return "", err
		}
		return name, nil
	}
}

// checkBackup opens a backup read-only and checks it is a tongban store
// this program can read.
func checkBackup(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("cannot read the backup %s: %w", path, err)
	}
	db, err := bolt.Open(path, 0o400, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return ErrLocked // a running device's store, not a backup
	}
	if err != nil {
		return ErrNotStore
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || meta.Get(keySchema) == nil || meta.Get(keyIdentity) == nil {
			return ErrNotStore
		}
		if v := meta.Get(keySchema); len(v) != 4 || binary.BigEndian.Uint32(v) > SchemaVersion {
			return ErrNewerSchema
		}
		return nil
	})
}
