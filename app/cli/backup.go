package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
)

// backupCommand: tongban backup FILE. Beside a running window it is run by
// the window (relay.go), where the store's own checks refuse the same
// files, so every refusal is said here, in either process.
func backupCommand(c *call) error {
	set := c.flags("backup")
	c.synopsis = "FILE"
	pos, err := c.parse(set, c.args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return badf(tGiveBackupFile)
	}
	if pos[0] == "-" {
		// The store checks the copy it wrote by opening it again, which a
		// pipe cannot give; a file named "-" is never what was meant.
		return badf(tBackupNoStdout)
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	file := pos[0]
	// A nightly backup to one name replaces the last one, as it should;
	// the answer says so, so that a file given by mistake is noticed.
	info, err := os.Stat(file)
	replaced := err == nil && info.Mode().IsRegular()
	n, err := d.store.BackupFile(file)
	if err != nil {
		return backupError(file, err)
	}
	if c.json {
		return writeJSON(c.env.Stdout, map[string]any{"file": file, "bytes": n, "replaced": replaced})
	}
	fmt.Fprintf(c.env.Stdout, "已备份 Backed up %d bytes to %s\n", n, file)
	if replaced {
		fmt.Fprintln(c.env.Stdout, tBackupReplaced.Both())
	}
	return nil
}

// backupError says why a backup could not be written to file: a file the
// store uses, a folder, something that is not a regular file, a folder
// that is not there and a folder not ours to write are what the user
// typed (exit 2); a damaged store, a full disk and anything else are
// failures (exit 1). Each says that nothing was written over.
func backupError(file string, err error) error {
	var damaged *store.DamagedError
	var other *store.OtherDeviceError
	switch {
	case errors.As(err, &other):
		return badf(tBackupOfOther, file, deviceLabel(other.Backup), otherName(file, other.Here))
	case errors.Is(err, store.ErrBackupInUse):
		return badf(tBackupInUse, file)
	case errors.As(err, &damaged):
		return failf(tBackupDamaged, damaged.File, damaged.Where)
	case errors.Is(err, store.ErrStoreItself):
		return badf(tBackupOverStore, file, err)
	case errors.Is(err, store.ErrBackupInData):
		return &badInput{err}
	case errors.Is(err, store.ErrBackupIsFolder):
		return badf(tBackupIsFolder, file, filepath.Join(file, "tongban-"+time.Now().Format("2006-01-02")+".db"), err)
	case errors.Is(err, store.ErrBackupNotFile):
		return badf(tBackupNotFile, file, err)
	case errors.Is(err, store.ErrBackupOverStore):
		return badf(tBackupOverOtherStore, file, filepath.Join(filepath.Dir(file), "tongban-"+time.Now().Format("2006-01-02")+".db"))
	case errors.Is(err, store.ErrBackupOverOther):
		return badf(tBackupOverOther, file)
	case store.IsDiskFull(err):
		// Not wrapped: report's sentence for any full disk (diskFull)
		// would take the place of this one, which says more.
		return failf(tBackupDiskFull, file)
	case errors.Is(err, fs.ErrNotExist):
		return badf(tBackupNoFolder, filepath.Dir(file), err)
	case errors.Is(err, fs.ErrPermission):
		return badf(tBackupNoPermission, file, err)
	}
	return failf(tBackupFailed, file, err)
}

// restoreCommand: tongban restore FILE, with the program closed.
func restoreCommand(c *call) error {
	set := c.flags("restore")
	c.synopsis = "FILE"
	otherDevice := set.Bool("other-device", false, "replace this device with the one the backup is of (only on a machine that replaces it)")
	pos, err := c.parse(set, c.args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return badf(tGiveRestoreFile)
	}
	dir, err := c.dataDir()
	if err != nil {
		return err
	}
	file := pos[0]
	if err := readable(file); err != nil {
		return err
	}
	r, err := store.RestoreFile(dir, file, store.RestoreOptions{OtherDevice: *otherDevice})
	var damaged *store.DamagedError
	var other *store.OtherDeviceError
	switch {
	case errors.Is(err, store.ErrStoreItself):
		return badf(tRestoreFromStore, file, dir, err)
	case errors.As(err, &damaged):
		return badf(tRestoreDamaged, file, damaged.Where)
	case errors.As(err, &other):
		return badf(tRestoreOtherDevice, deviceLabel(other.Backup), deviceLabel(other.Here))
	case errors.Is(err, store.ErrNotStore), errors.Is(err, store.ErrNewerSchema):
		return &badInput{err}
	case err != nil:
		return err
	}
	if c.json {
		return writeJSON(c.env.Stdout, map[string]any{"file": file, "data": dir, "kept": r.Kept,
			"carried": r.Carried, "left": r.Left, "damaged_store": r.Damaged, "other_device": r.OtherDevice(),
			"next_number_today": r.NextNumber})
	}
	switch {
	case r.Kept == "" && r.Device.Enrolled():
		// A new folder made a copy of an enrolled device: it is meant to
		// take the place of the original, never to run beside it.
		fmt.Fprintln(c.env.Stdout, bothf(tRestoredNew, file, dir))
		fmt.Fprintln(c.env.Stdout, bothf(tRestoredIsTheDevice, deviceLabel(r.Device)))
	case r.Kept == "":
		fmt.Fprintln(c.env.Stdout, bothf(tRestoredNew, file, dir))
	case r.Damaged:
		fmt.Fprintln(c.env.Stdout, bothf(tRestoredOverDamaged, file, dir, r.Kept))
	case r.OtherDevice():
		fmt.Fprintln(c.env.Stdout, bothf(tRestoredOther, file, dir, deviceLabel(r.Device), deviceLabel(r.Replaced), r.Kept))
	case r.Carried > 0:
		fmt.Fprintln(c.env.Stdout, bothf(tRestored, file, dir, r.Kept))
		fmt.Fprintln(c.env.Stdout, bothf(tRestoredCarried, r.Carried))
	default:
		fmt.Fprintln(c.env.Stdout, bothf(tRestored, file, dir, r.Kept))
		fmt.Fprintln(c.env.Stdout, bothf(tRestoredNoneUnsent))
	}
	if r.Left > 0 {
		fmt.Fprintln(c.env.Stdout, bothf(tRestoredLeft, r.Left, r.Kept))
	}
	if r.NextNumber > 0 {
		fmt.Fprintln(c.env.Stdout, bothf(tRestoredLeapt, r.NextNumber))
	}
	return nil
}

// otherName suggests a backup name beside file with this device's short
// code in it: kiosk-2026-11-28.db → kiosk-K01-2026-11-28.db.
func otherName(file string, here store.Identity) string {
	code := here.ShortCode
	if code == "" {
		code = here.DeviceID[:min(8, len(here.DeviceID))]
	}
	ext := filepath.Ext(file)
	return strings.TrimSuffix(file, ext) + "-" + code + ext
}

// deviceLabel names a device for people: its role, short code and center.
func deviceLabel(id store.Identity) cases.Text {
	var center any = id.Center
	if id.Center == "" {
		center = tNoCenterYet
	}
	text, _ := fill(tDeviceLabel, roleName(id.Role), id.ShortCode, center)
	return text
}

// damagedStore answers a panic that reached Main: one from bbolt (a page
// of the store that is not what it should be, or a fault reading its
// memory map) is told as a damaged data file, exit 1, with the stack only
// when TONGBAN_DEBUG is set; any other panic goes on as it was.
func damagedStore(env Env, r any, stack []byte) int {
	if !bytes.Contains(stack, []byte("go.etcd.io/bbolt")) {
		panic(r)
	}
	if env.Getenv("TONGBAN_DEBUG") != "" {
		fmt.Fprintf(env.Stderr, "panic: %v\n\n%s\n", r, stack)
	}
	return report(env.Stderr, failf(tStoreDamaged, store.Where(fmt.Sprint(r))))
}

// readable checks that a backup file is there and can be read, with the
// sentence for what the user typed if not.
func readable(file string) error {
	f, err := os.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		return badf(tNoBackupFile, file, err)
	}
	if err != nil {
		return badf(tCannotRead, file, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return badf(tRestoreFolder, file)
	}
	return nil
}
