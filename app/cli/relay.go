package cli

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"tongban/app/store"
	"tongban/sync/client"
)

// A kiosk or counter window holds its store open, and bbolt lets one
// process at a time open it, so `tongban status` or `tongban backup` run
// beside the window could not read it. Instead they hand the command to
// the window: a request file in the data folder's requests/ folder, which
// the window runs on its open store and answers with a file of the output.
// Files, not a socket, since the data folder is already private to the
// device's account on every system. Commands that read are relayed, and
// those that print or open a receipt as the window itself would (printing
// again what a printer fault held back must work while a kiosk runs all
// day, and so must a test page), and cases add, the kiosk's own intake;
// no command that changes a case's course or the device's settings. tongban stop is relayed too: the window closes,
// and the commands that set the device up run once it has (stop.go).

// relayFolder is where requests and answers wait, inside the data folder.
const relayFolder = "requests"

// relayWait is how long a command waits for the window's answer.
var relayWait = 30 * time.Second

// relayRequest is a command handed to the running window.
type relayRequest struct {
	Args []string `json:"args"`
}

// relayAnswer is what the window's run of it printed, and its exit code.
type relayAnswer struct {
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
	Code   int    `json:"code"`
}

// relayable reports whether a command only reads or prints, and so may be
// run by the window that holds the store; and tongban stop, which the
// window answers by closing. Setting up the device (config KEY VALUE,
// enroll, sync --once) is not relayed: the window holds the settings in
// memory and syncs on its own, so they wait for tongban stop.
func relayable(name string, args []string) bool {
	switch name {
	case "status", "backup", "ratings", "receipt", "scan", "print-test", "stop":
		return true
	case "keys":
		return len(args) > 0 && args[0] == "export"
	case "cases":
		// An application added is the kiosk's own intake, one transaction
		// as the window's: it changes no case's course, and bad input gets
		// its sentence (exit 2) while the window runs, not "stop it first".
		return len(args) > 0 && (args[0] == "list" || args[0] == "show" || args[0] == "add")
	case "catalog":
		return len(args) > 0 && (args[0] == "search" || args[0] == "show")
	case "staff":
		return len(args) > 0 && args[0] == "list"
	case "config":
		return configReads(args)
	}
	return false
}

// configReads reports whether tongban config lists its settings or shows
// one, rather than setting one: at most the KEY, once the flags are left
// out. As config parses it, whatever follows the KEY is its VALUE, even
// when it starts with '-' (tongban config idle_seconds -5), unless it is
// one of config's own flags.
func configReads(args []string) bool {
	n := 0
	for i := 0; i < len(args); i++ {
		a := args[i]
		flag, _, inline := strings.Cut(strings.TrimLeft(a, "-"), "=")
		own := strings.HasPrefix(a, "-") && (flag == "data" || flag == "json" || isHelp(a))
		switch {
		case own && flag == "data" && !inline:
			i++ // its value
		case own, n == 0 && strings.HasPrefix(a, "-"):
		default:
			n++
		}
	}
	return n <= 1
}

// positional returns the arguments that are not flags, roughly: enough to
// tell `config` from `config KEY VALUE`.
func positional(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--data" || a == "-data":
			i++ // its value
		case strings.HasPrefix(a, "-"):
		default:
			out = append(out, a)
		}
	}
	return out
}

// relay hands a command that found the store locked to the window holding
// it and prints the window's answer: code is the window's exit code. err
// is the sentence to report instead when the command is not one a window
// runs, or no window answered.
func relay(c *call, name string, args []string) (code int, err error) {
	dir, err := c.dataDir()
	if err != nil {
		return 0, err
	}
	win, hasWindow := readWindowMark(dir)
	if hasWindow && (&call{name: name}).isWindow() {
		// A second window on the folder: the one asked for is open already.
		return 0, &saying{text: fillText(tWindowRunsAlready, roleName(win.Role), win.PID), cause: store.ErrLocked}
	}
	if !relayable(name, args) {
		return 0, lockedError(win, hasWindow)
	}
	args = absolutePaths(name, args) // the window runs in another folder: a relative FILE is the caller's
	folder := filepath.Join(dir, relayFolder)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return 0, failf(tCannotWrite, folder, err)
	}
	id := make([]byte, 8)
	rand.Read(id)
	base := filepath.Join(folder, hex.EncodeToString(id))
	req, _ := json.Marshal(relayRequest{Args: append([]string{name}, args...)})
	if err := writeAtomically(base+".req", req); err != nil {
		os.Remove(base + ".req.tmp")
		if store.IsDiskFull(err) {
			if code, ok := relayOnFullDisk(c, name, dir, win, hasWindow); ok {
				return code, nil
			}
		}
		return 0, failf(tCannotWrite, base+".req", err)
	}
	// A window answers within half a second; with none marked here the
	// folder is most likely held by a command that answers nothing, so a
	// window of an older version (no mark) gets a few seconds only.
	start, wait := time.Now(), relayWait
	if !hasWindow {
		wait = min(wait, 5*time.Second)
	}
	deadline, taken := start.Add(wait), false
	for {
		if code, ok := takeAnswer(c, base); ok {
			return code, nil
		}
		if !taken && hasWindow && !windowStillMarked(dir, win) && os.Remove(base+".req") == nil {
			return 0, failf(tWindowGone) // it closed (tongban stop) with the request waiting
		}
		if time.Now().After(deadline) {
			if !taken && os.Remove(base+".req") != nil {
				// The window took it after all: its answer is on the way.
				deadline, taken = time.Now().Add(relayWait), true
				continue
			}
			if !taken && !hasWindow {
				return 0, failf(tLockedByCommand) // nobody serves requests here
			}
			role := tKioskOrCounter // a window of an older version marks nothing
			if hasWindow {
				role = roleName(win.Role)
			}
			return 0, failf(tWindowSilent, role, int(time.Since(start).Round(time.Second)/time.Second), killHint(win.PID))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// takeAnswer prints the window's answer to the request at base, if it has
// come, and removes it.
func takeAnswer(c *call, base string) (code int, ok bool) {
	b, err := os.ReadFile(base + ".done")
	if err != nil {
		return 0, false
	}
	os.Remove(base + ".done")
	var a relayAnswer
	if json.Unmarshal(b, &a) != nil {
		return 0, false
	}
	fmt.Fprint(c.env.Stdout, a.Stdout)
	fmt.Fprint(c.env.Stderr, a.Stderr)
	return a.Code, true
}

// fileFlags are the flags of relayed commands whose value is a file: the
// printer's too, for a dir:// folder.
var fileFlags = map[string]bool{"png": true, "image": true, "printer": true}

// absolutePaths makes the file arguments of a relayed command absolute:
// the FILE of backup and keys export, and the value of a file flag.
func absolutePaths(name string, args []string) []string {
	out := append([]string(nil), args...)
	abs := func(i int) { out[i] = absoluteFile(out[i]) }
	for i, a := range out {
		flag, value, inline := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case strings.HasPrefix(a, "-") && fileFlags[flag] && inline:
			out[i] = "--" + flag + "=" + absoluteFile(value)
		case strings.HasPrefix(a, "-") && fileFlags[flag] && i+1 < len(out):
			abs(i + 1)
		case strings.HasPrefix(a, "-") || i > 0 && isValueFlag(out[i-1]):
		case name == "backup", name == "keys" && i > 0:
			abs(i)
		}
	}
	return out
}

// absoluteFile makes a file, or a dir:// printer's folder, absolute;
// other printer addresses pass unchanged.
func absoluteFile(v string) string {
	if strings.Contains(v, "://") {
		if abs, err := absoluteDirURL(v); err == nil {
			return abs
		}
		return v
	}
	if p, err := filepath.Abs(v); err == nil && v != "" {
		return p
	}
	return v
}

// isValueFlag reports whether a flag of a relayed command takes the next
// argument as its value, so that value is not taken for a FILE.
func isValueFlag(a string) bool {
	flag, _, inline := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return strings.HasPrefix(a, "-") && !inline && (flag == "data" || fileFlags[flag])
}

// relayHost is what answers the requests: the window's device, and its
// hooks.
type relayHost struct {
	dev *device
	env Env
	// live is the window's sync status, which only its syncer knows (is
	// the platform answering?); nil where there is no syncer.
	live func() (client.Status, bool)
	// stop closes the window; it answers the request in the file answer
	// (as JSON when asked) once the store is closed. nil where there is no
	// window to close.
	stop func(answer string, asJSON bool)
	// damaged takes the window out of service when a relayed command
	// found the store damaged; nil where there is no window.
	damaged func(error)
}

// serveRelay answers the requests of commands run beside the window,
// every half second, until ctx ends or a tongban stop came. Each runs on a
// device of its own over the window's store, so nothing the window holds
// is shared with it.
func serveRelay(ctx context.Context, h relayHost) {
	folder := filepath.Join(h.dev.dir, relayFolder)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		reqs, _ := filepath.Glob(filepath.Join(folder, "*.req"))
		for _, path := range reqs {
			b, err := os.ReadFile(path)
			if err != nil || os.Remove(path) != nil {
				continue // gone: its command gave up
			}
			answer := strings.TrimSuffix(path, ".req") + ".done"
			var req relayRequest
			var a relayAnswer
			switch {
			case json.Unmarshal(b, &req) != nil || len(req.Args) == 0 || !relayable(req.Args[0], req.Args[1:]):
				a = relayAnswer{Stderr: "tongban: " + tRelayRefused.Both() + "\n", Code: exitBadArgs}
			case req.Args[0] == "stop" && h.stop != nil:
				h.stop(answer, asksJSON(req.Args[1:])) // answered once the window has closed
				return
			default:
				a = runRelayed(h, req.Args)
			}
			writeAnswer(answer, a)
		}
	}
}

// asksJSON reports whether a relayed command's arguments ask for JSON.
func asksJSON(args []string) bool {
	for _, a := range args {
		if a == "--json" || a == "-json" || a == "--json=true" || a == "-json=true" {
			return true
		}
	}
	return false
}

// writeAnswer writes the answer to a relayed request.
func writeAnswer(path string, a relayAnswer) {
	out, _ := json.Marshal(a)
	writeAtomically(path, out)
}

// runRelayed runs one relayed command on a fresh device over the window's
// store.
func runRelayed(h relayHost, args []string) (a relayAnswer) {
	var stdout, stderr bytes.Buffer
	d := h.dev
	// A read over a damaged page panics (bbolt); the window holding the
	// store would end with it. The command is told, and the window goes
	// out of service.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			damaged := damageOf(d.store, r)
			if h.damaged != nil {
				h.damaged(damaged)
			}
			stderr.Reset()
			code := report(&stderr, failf(tStoreDamaged, damaged.Where, damaged)) // what to do, as everywhere
			a = relayAnswer{Stdout: stdout.String(), Stderr: stderr.String(), Code: code}
		}
	}()
	shared := &device{store: d.store, dir: d.dir, now: time.Now, borrowed: true}
	err := shared.load()
	if err == nil {
		cmd := commands[args[0]]
		env := h.env
		env.Stdout, env.Stderr, env.Stdin = &stdout, &stderr, strings.NewReader("")
		err = cmd.run(&call{env: env, name: args[0], args: args[1:], summary: cmd.summary, data: d.dir, shared: shared, live: h.live})
	}
	code := report(&stderr, err)
	return relayAnswer{Stdout: stdout.String(), Stderr: stderr.String(), Code: code}
}

// writeAtomically writes a file through a temporary name, so a reader
// never sees half of it.
func writeAtomically(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// lockedElsewhere reports whether err is the store being held by another
// process.
func lockedElsewhere(err error) bool { return errors.Is(err, store.ErrLocked) }
