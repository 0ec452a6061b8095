package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"tongban/app/cases"
)

// RestoreOptions say what a restore may do beyond the usual.
type RestoreOptions struct {
	// OtherDevice lets the backup of another device replace the store of
	// this one: only sensible on a machine that takes over a broken one's
	// identity. Without it such a restore is refused (ErrOtherDevice), as
	// two devices with one identity issue the same case numbers.
	OtherDevice bool
	// Now gives today's date for the sequences a restore may leap
	// (leap.go); time.Now when nil.
	Now func() time.Time
}

// Restored says what a restore did.
type Restored struct {
	// Kept is the replaced store, kept beside the new one as
	// tongban.db.before-restore-<time>; empty when the folder had none.
	Kept string
	// Carried is how many events the replaced store had not sent yet were
	// carried into the restored one, to be sent with the next sync.
	Carried int
	// Left is how many unsent events of the replaced store were not
	// carried, because it was another device's (OtherDevice): they are
	// only in Kept.
	Left int
	// Damaged is set when the replaced store could not be read: it is
	// kept as it was, and nothing of it was carried over.
	Damaged bool
	// NextNumber is the first case sequence of today when the restore
	// leapt today's sequences (leap.go): nothing told what the device
	// issued after the backup. 0 when they were carried instead.
	NextNumber int
	// Device is the device the backup is of; Replaced the device whose
	// store it replaced, when there was one that could be read. They
	// differ only for a restore with OtherDevice.
	Device, Replaced Identity
}

// OtherDevice reports whether the restore made this machine another
// device (RestoreOptions.OtherDevice).
func (r Restored) OtherDevice() bool {
	return r.Kept != "" && !r.Damaged && !sameDevice(r.Device, r.Replaced)
}

// OtherDeviceError is a backup of one device restored onto the store of
// another.
type OtherDeviceError struct {
	Backup, Here Identity
}

func (e *OtherDeviceError) Error() string {
	return fmt.Sprintf("这个备份属于设备 %s（%s），而本机是 %s（%s）。 This backup is of device %s (%s) but this one is %s (%s)",
		e.Backup.ShortCode, e.Backup.Center, e.Here.ShortCode, e.Here.Center,
		e.Backup.ShortCode, e.Backup.Center, e.Here.ShortCode, e.Here.Center)
}

// Is makes errors.Is(err, ErrOtherDevice) hold.
func (e *OtherDeviceError) Is(target error) bool { return target == ErrOtherDevice }

// sameDevice reports whether two identities issue the same case numbers:
// one device, under one short code, in one center.
func sameDevice(a, b Identity) bool {
	return a.DeviceID == b.DeviceID && a.ShortCode == b.ShortCode && a.Center == b.Center
}

// Restore replaces the store in dir with a backup file; see RestoreFile.
func Restore(dir, backup string) error {
	_, err := RestoreFile(dir, backup, RestoreOptions{})
	return err
}

// RestoreFile replaces the store in dir with a backup file. The store must
// be closed. The backup is checked first: that it is a tongban store this
// program reads, and that it is not damaged (a *DamagedError). A folder
// with no store takes any backup; a folder whose store is another
// device's takes one only with OtherDevice (an *OtherDeviceError); a
// store too damaged to say whose it is takes any backup, as restoring
// one is the way out of the damage.
//
// When there is a store to replace, it is kept beside the new one, so a
// wrong restore can be undone, and what it has issued is carried into the
// backup before it takes its place: the day's case and queue ticket
// sequences and the clock, so no number already printed or sent to the
// platform is issued again and no stamp goes back; and the events it has
// not sent yet (its outbox), with their cases, so nothing a citizen holds
// a receipt for is lost. What was sent after the backup comes back
// through the change feed, as the backup's cursor is older and the next
// pull reads it again.
func RestoreFile(dir, backup string, opts RestoreOptions) (Restored, error) {
	path := filepath.Join(dir, FileName)
	if fi, err := os.Stat(backup); err == nil && isFile(fi, path) {
		return Restored{}, ErrStoreItself
	}
	theirs, err := checkBackup(backup)
	if err != nil {
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
	removeStale(dir, restoreTemp)
	removeStale(dir, keepTemp)
	tmp, err := os.CreateTemp(dir, restoreTemp)
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
	if err := checkFile(tmp.Name(), backup); err != nil {
		return Restored{}, err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		// Nothing to replace, nor to open: bbolt would create the file.
		r := Restored{Device: theirs}
		if r.NextNumber, err = leapToday(tmp.Name(), opts.today()); err != nil {
			return Restored{}, err
		}
		return r, os.Rename(tmp.Name(), path)
	}
	// Hold the live store's lock from reading what it issued until the
	// backup has its name, so a running device is not overwritten and
	// nothing is issued in between.
	live, err := openReplaced(path)
	if errors.Is(err, errReplacedDamaged) {
		kept, err := keep(path, copyFile(path))
		if err != nil {
			return Restored{}, fmt.Errorf("cannot keep the current store before restoring: %w", err)
		}
		r := Restored{Kept: kept, Damaged: true, Device: theirs}
		if r.NextNumber, err = leapToday(tmp.Name(), opts.today()); err != nil {
			return Restored{}, err
		}
		return r, os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return Restored{}, err
	}
	defer live.Close()
	r := Restored{Device: theirs}
	var ours Identity
	err = guard(func() error {
		return live.View(func(tx *bolt.Tx) (err error) {
			ours, err = identity(tx)
			return err
		})
	})
	r.Replaced = ours
	switch {
	case errors.Is(err, errReplacedDamaged):
		r.Damaged = true
	case err != nil:
		return Restored{}, err
	case !sameDevice(ours, theirs) && !opts.OtherDevice:
		return Restored{}, &OtherDeviceError{Backup: theirs, Here: ours}
	}
	if !r.Damaged {
		unsent := sameDevice(ours, theirs)
		r.Carried, r.Left, err = carryInto(tmp.Name(), live, unsent)
		if errors.Is(err, errReplacedDamaged) {
			r.Carried, r.Left, r.Damaged = 0, 0, true
		} else if err != nil {
			return Restored{}, fmt.Errorf("cannot carry the case numbers of the current store into the backup: %w", err)
		}
	}
	if r.Damaged || !sameDevice(ours, theirs) {
		if r.NextNumber, err = leapToday(tmp.Name(), opts.today()); err != nil {
			return Restored{}, err
		}
	}
	if r.Kept, err = keep(path, snapshot(live)); err != nil {
		return Restored{}, fmt.Errorf("cannot keep the current store before restoring: %w", err)
	}
	return r, os.Rename(tmp.Name(), path)
}

// errReplacedDamaged says the store a restore replaces cannot be read:
// bbolt refused to open it or panicked on a page. It is kept as it is.
var errReplacedDamaged = errors.New("the store being replaced is damaged")

// openReplaced opens the store a restore replaces, holding its lock:
// ErrLocked when a running tongban has it, errReplacedDamaged when it is
// too damaged to open.
func openReplaced(path string) (db *bolt.DB, err error) {
	if empty(path) { // bbolt would make it a new store
		return nil, fmt.Errorf("%w: the file is empty", errReplacedDamaged)
	}
	err = guard(func() error {
		db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
		return err
	})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, ErrLocked
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("cannot open the store %s to replace it: %w", path, err)
	case err != nil && !errors.Is(err, errReplacedDamaged):
		// Not a bbolt file any more: a bad meta page, a file cut short.
		return nil, fmt.Errorf("%w: %v", errReplacedDamaged, err)
	}
	return db, err
}

// guard runs fn, turning a panic (bbolt's on a damaged page, or a fault
// reading its memory map) into errReplacedDamaged.
func guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errReplacedDamaged, r)
		}
	}()
	return fn()
}

// keep writes a copy of the store at path to a new file beside it, with
// write, and returns the copy's name. The copy is written under a
// temporary name first: a restore killed half way leaves no cut-short
// file under the name of a kept store.
func keep(path string, write func(io.Writer) error) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), keepTemp)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if err := errors.Join(write(tmp), tmp.Sync(), tmp.Close()); err != nil {
		return "", err
	}
	// Named in center time, as the case numbers and lists the staff read.
	base := path + ".before-restore-" + time.Now().In(cases.Zone).Format("20060102-150405")
	name := base
	for i := 2; ; i++ {
		// A link fails on a name taken, where a rename would replace it.
		err := os.Link(tmp.Name(), name)
		if errors.Is(err, os.ErrExist) && i < 100 {
			name = base + "-" + strconv.Itoa(i) // a second restore within the second
			continue
		}
		if err != nil {
			return "", err
		}
		return name, nil
	}
}

// snapshot copies an open store from a read transaction. WriteTo copies
// the file as it is, page by page, without reading the pages' contents,
// so a damaged store is kept as it is.
func snapshot(live *bolt.DB) func(io.Writer) error {
	return func(w io.Writer) error {
		return live.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	}
}

// copyFile copies a store file bbolt cannot open.
func copyFile(path string) func(io.Writer) error {
	return func(w io.Writer) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	}
}

// checkBackup opens a backup read-only, checks it is a tongban store
// this program can read, and returns whose it is. A backup whose meta
// bucket cannot be read is damaged.
func checkBackup(path string) (id Identity, err error) {
	if _, err := os.Stat(path); err != nil {
		return id, fmt.Errorf("cannot read the backup %s: %w", path, err)
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = &DamagedError{File: path, Where: Where(fmt.Sprint(r))}
		}
	}()
	db, err := bolt.Open(path, 0o400, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return id, ErrLocked // a running device's store, not a backup
	}
	if errors.Is(err, bolterrors.ErrChecksum) { // a bbolt file whose meta pages are both bad
		return id, &DamagedError{File: path, Where: err.Error()}
	}
	if err != nil {
		return id, ErrNotStore
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || meta.Get(keySchema) == nil || meta.Get(keyIdentity) == nil {
			return ErrNotStore
		}
		if v := meta.Get(keySchema); len(v) != 4 || binary.BigEndian.Uint32(v) > SchemaVersion {
			return ErrNewerSchema
		}
		if id, err = identity(tx); err != nil {
			return &DamagedError{File: path, Where: err.Error()}
		}
		return nil
	})
	return id, err
}

func (o RestoreOptions) today() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}
