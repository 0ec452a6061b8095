//go:build unix

package cli

import (
	"errors"
	"fmt"
	"syscall"
)

// processAlive reports whether a process with this ID runs (signal 0
// checks without sending anything; EPERM means it runs as another user).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// killCommand is how IT staff end a process on this system: a window
// that does not answer may be stopped or stuck, which a plain kill (TERM)
// does not end, so KILL; the store survives it, as every write is one
// committed transaction.
func killCommand(pid int) string { return fmt.Sprintf("kill -9 %d", pid) }
