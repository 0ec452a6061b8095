package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
)

// A kiosk runs full screen with no way to quit, and holds the data
// folder, so IT staff setting it up (config, enroll, sync --once) first
// close it with tongban stop: the request goes to the window through the
// relay, the window stops syncing, closes its store and quits, and only
// then answers. A window marks the folder as its own while it runs (its
// process and role), so a command that finds the folder held can say
// whose it is and what to do.

// windowMarkFile is the mark of a running window, in the relay folder.
const windowMarkFile = "window.json"

// windowMark is what a running window says of itself.
type windowMark struct {
	PID     int       `json:"pid"`
	Role    string    `json:"role"`
	Started time.Time `json:"started"`
}

// markWindow marks the data folder as held by this process's window, and
// returns the function that removes the mark once the store is closed.
func markWindow(dir, role string) (unmark func(), err error) {
	folder := filepath.Join(dir, relayFolder)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(folder, windowMarkFile)
	b, _ := json.Marshal(windowMark{PID: os.Getpid(), Role: role, Started: time.Now()})
	if err := writeAtomically(path, b); err != nil {
		return nil, err
	}
	return func() { os.Remove(path) }, nil
}

// readWindowMark returns the mark of the window holding the data folder;
// ok is false when there is none, or its process has ended (a window that
// crashed leaves its mark behind).
func readWindowMark(dir string) (m windowMark, ok bool) {
	b, err := os.ReadFile(filepath.Join(dir, relayFolder, windowMarkFile))
	if err != nil || json.Unmarshal(b, &m) != nil || m.PID <= 0 {
		return windowMark{}, false
	}
	return m, processAlive(m.PID)
}

// windowStillMarked reports whether the window of the mark m still marks
// the folder: false once it has closed.
func windowStillMarked(dir string, m windowMark) bool {
	now, ok := readWindowMark(dir)
	return ok && now.PID == m.PID
}

// lockedError is the sentence for a command that cannot run while the
// data folder is held: by a window, close it with tongban stop.
func lockedError(m windowMark, hasWindow bool) error {
	if hasWindow {
		return &saying{text: fillText(tLockedByWindow, roleName(m.Role)), cause: store.ErrLocked}
	}
	return &saying{text: tLockedStop, cause: store.ErrLocked}
}

// fillText fills a text's verbs in each language.
func fillText(t cases.Text, args ...any) cases.Text {
	text, _ := fill(t, args...)
	return text
}

// killHint says how to end the process of a window that hangs.
func killHint(pid int) cases.Text {
	if pid <= 0 {
		return tKillUnknown
	}
	return fillText(tKillProcess, killCommand(pid))
}

// stopCommand: tongban stop — close the window running on this data
// folder. Run here, it finds the folder free (no window: nothing to do);
// held, Main hands it to the window (relay), which closes and answers.
func stopCommand(c *call) error {
	flags := c.flags("stop")
	if err := c.parseFlags(flags, c.args); err != nil {
		return err
	}
	if c.shared != nil { // run by a process that holds the folder but has no window to close
		return failf(tNoWindowToStop)
	}
	dir, err := c.dataDir()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, store.FileName)); !errors.Is(err, fs.ErrNotExist) { // else nothing ever ran here
		d, err := c.open()
		if errors.Is(err, store.ErrDamaged) {
			if _, marked := readWindowMark(dir); marked {
				// The out-of-service notice of a store that does not open
				// holds nothing: it is asked to close as a window is.
				_, err := relay(c, "stop", c.args) // it prints the window's answer
				return err
			}
		}
		if err != nil {
			return err // held: Main hands tongban stop to the window
		}
		d.close()
	}
	return writeStopped(c.env.Stdout, c.json, "")
}

// stopJSON is the stable shape of tongban stop --json: whether a window
// was closed, and its role.
type stopJSON struct {
	Stopped bool   `json:"stopped"`
	Role    string `json:"role,omitempty"`
}

// writeStopped says that the window of a role closed, or, with no role,
// that none was running.
func writeStopped(w io.Writer, asJSON bool, role string) error {
	if asJSON {
		return writeJSON(w, stopJSON{Stopped: role != "", Role: role})
	}
	if role == "" {
		_, err := fmt.Fprintln(w, tNoWindowRunning.Both())
		return err
	}
	_, err := fmt.Fprintln(w, bothf(tWindowStopped, roleName(role)))
	return err
}
