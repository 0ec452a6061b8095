package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

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
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	file := pos[0]
	n, err := d.store.BackupFile(file)
	if err != nil {
		return backupError(file, err)
	}
	if c.json {
		return writeJSON(c.env.Stdout, map[string]any{"file": file, "bytes": n})
	}
	fmt.Fprintf(c.env.Stdout, "已备份 Backed up %d bytes to %s\n", n, file)
	return nil
}

// backupError says why a backup could not be written to file: a file the
// store uses, a folder, a folder that is not there and a folder not ours
// to write are what the user typed (exit 2).
func backupError(file string, err error) error {
	switch {
	case errors.Is(err, store.ErrStoreItself):
		return badf(tBackupOverStore, file, err)
	case errors.Is(err, store.ErrBackupInData):
		return &badInput{err}
	case errors.Is(err, store.ErrBackupIsFolder):
		return badf(tBackupIsFolder, file, filepath.Join(file, "tongban-"+time.Now().Format("2006-01-02")+".db"), err)
	case errors.Is(err, fs.ErrNotExist):
		return badf(tBackupNoFolder, filepath.Dir(file), err)
	case errors.Is(err, fs.ErrPermission):
		return badf(tCannotWrite, file, err)
	}
	return failf(tCannotWrite, file, err)
}

// restoreCommand: tongban restore FILE, with the program closed.
func restoreCommand(c *call) error {
	set := c.flags("restore")
	c.synopsis = "FILE"
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
	r, err := store.RestoreFile(dir, file)
	switch {
	case errors.Is(err, store.ErrStoreItself):
		return badf(tRestoreFromStore, file, dir, err)
	case errors.Is(err, store.ErrNotStore), errors.Is(err, store.ErrNewerSchema):
		return &badInput{err}
	case err != nil:
		return err
	}
	if c.json {
		return writeJSON(c.env.Stdout, map[string]any{"file": file, "data": dir, "kept": r.Kept})
	}
	if r.Kept == "" {
		fmt.Fprintln(c.env.Stdout, bothf(tRestoredNew, file, dir))
	} else {
		fmt.Fprintln(c.env.Stdout, bothf(tRestored, file, dir, r.Kept))
	}
	return nil
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
