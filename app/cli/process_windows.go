//go:build windows

package cli

import (
	"fmt"
	"os"
)

// processAlive reports whether a process with this ID runs: on Windows
// FindProcess opens the process, which fails when there is none.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}

// killCommand is how IT staff end a process on this system.
func killCommand(pid int) string { return fmt.Sprintf("taskkill /PID %d /F", pid) }
