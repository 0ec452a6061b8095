package store

import (
	"errors"
	"syscall"
)

// diskFullErrnos are the system's errors for a full disk (more on
// Windows: diskfull_windows.go).
var diskFullErrnos = []error{syscall.ENOSPC}

// IsDiskFull reports whether err comes from a full disk: a write of the
// store or of a file that failed for want of space, which people fix by
// freeing space, not by changing what they entered.
func IsDiskFull(err error) bool {
	for _, e := range diskFullErrnos {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// DiskFullErrno returns the system error of a full disk that err wraps.
func DiskFullErrno(err error) error {
	for _, e := range diskFullErrnos {
		if errors.Is(err, e) {
			return e
		}
	}
	return nil
}
