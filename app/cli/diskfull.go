package cli

import (
	"errors"
	"io/fs"
	"syscall"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/printer"
)

// A full disk fails a command deep down, in a write of the store or a
// file, with the system's English ("write …: no space left on device").
// Wherever an error is reported it gets its own sentence: what happened
// in words IT staff act on, and the file it hit.

// diskFull replaces an error of a full disk with the sentence for it;
// other errors pass unchanged.
func diskFull(err error) error {
	// A printer fault has its own sentence, also where the system error
	// under it is a full or read-only disk: the print folder's, which may
	// be on another disk than the data folder.
	if printer.Cause(err) != nil {
		return err
	}
	if store.IsReadOnly(err) || errors.Is(err, syscall.EROFS) {
		return &saying{text: tReadOnlyDisk, cause: err}
	}
	if err == nil || !store.IsDiskFull(err) {
		return err
	}
	detail := "no space left on device"
	var cause error
	var pe *fs.PathError
	if errors.As(err, &pe) {
		detail += " for " + pe.Path
		cause = pe
	} else {
		cause = store.DiskFullErrno(err)
	}
	// Only the system's error is kept: a full disk is no mistake in the
	// input (exit 1), whatever the error around it was marked.
	return &saying{text: cases.Text{ZH: tDiskFull.ZH, EN: cases.Sprintf(tDiskFull.EN, detail)}, cause: cause}
}
