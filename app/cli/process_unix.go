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

// killCommand is how IT staff end a process on this system.
func killCommand(pid int) string { return fmt.Sprintf("kill %d", pid) }
