package cli

import (
	"syscall"
	"time"
)

// A command is handed to the window through files in the data folder;
// on a full disk they cannot be written, and that is just when IT runs
// status and stop. Status then says what it can without the window (the
// disk, the problem), and stop asks the window to close by signal: it
// closes as by its own close button (every case is saved already).

// relayOnFullDisk answers a command whose request could not be written
// for want of space; ok is false for a command it cannot answer so.
func relayOnFullDisk(c *call, name, dir string, win windowMark, hasWindow bool) (code int, ok bool) {
	switch {
	case name == "status":
		s := statusJSON{Version: version, Data: dir, Disk: diskOf(dir), PrinterState: "unknown"}
		s.Problems = s.problems() // disk_low, from the disk alone
		writeUnread(c, s, false)  // JSON, or for people
		return exitFailed, true
	case name == "stop" && hasWindow:
		if syscall.Kill(win.PID, syscall.SIGTERM) != nil {
			return 0, false
		}
		// Closed, the window takes its mark away (or its process is gone).
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if _, still := readWindowMark(dir); !still {
				writeStopped(c.env.Stdout, c.json, win.Role)
				return exitOK, true
			}
		}
	}
	return 0, false
}
