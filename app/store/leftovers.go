package store

import (
	"os"
	"path/filepath"
	"time"
)

// The temporary files a backup, a restore and the copy a restore keeps are
// written under before they take their names. A process killed half way
// (kill -9, a power cut) leaves one behind; the next backup to that folder
// or restore into it removes those old enough to be no one's at work.
const (
	backupTemp  = ".tongban-backup-*"
	restoreTemp = ".tongban-restore-*"
	keepTemp    = ".tongban-keep-*"
)

// staleAfter is how old a temporary file must be to count as left behind:
// far longer than any backup or restore takes.
const staleAfter = time.Hour

// removeStale removes the files matching pattern in dir that were last
// written more than staleAfter ago.
func removeStale(dir, pattern string) {
	names, _ := filepath.Glob(filepath.Join(dir, pattern))
	for _, n := range names {
		if fi, err := os.Lstat(n); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > staleAfter {
			os.Remove(n)
		}
	}
}

// empty reports whether the file at path is there and holds nothing: a
// store cut short by a copy, a full disk or a crash before its first page.
func empty(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Size() == 0
}
