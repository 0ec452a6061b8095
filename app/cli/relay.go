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
	"strings"
	"time"

	"tongban/app/store"
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
// day); no command that changes a case's course or the device's settings.

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

// relayable reports whether a command only reads, and so may be run by the
// window that holds the store.
func relayable(name string, args []string) bool {
	switch name {
	case "status", "backup", "ratings", "receipt", "scan":
		return true
	case "keys":
		return len(args) > 0 && args[0] == "export"
	case "cases":
		return len(args) > 0 && (args[0] == "list" || args[0] == "show")
	case "config":
		return len(positional(args)) == 0 // listing, not setting
	}
	return false
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
// it, prints the window's answer and returns its exit code. ok is false
// when there is no window answering, so the caller reports the lock.
func relay(c *call, name string, args []string) (code int, ok bool) {
	dir, err := c.dataDir()
	if err != nil {
		return 0, false
	}
	args = absolutePaths(name, args) // the window runs in another folder: a relative FILE is the caller's
	folder := filepath.Join(dir, relayFolder)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return 0, false
	}
	id := make([]byte, 8)
	rand.Read(id)
	base := filepath.Join(folder, hex.EncodeToString(id))
	req, _ := json.Marshal(relayRequest{Args: append([]string{name}, args...)})
	if err := writeAtomically(base+".req", req); err != nil {
		return 0, false
	}
	deadline, taken := time.Now().Add(relayWait), false
	for {
		if code, ok := takeAnswer(c, base); ok {
			return code, true
		}
		if time.Now().After(deadline) {
			if taken || os.Remove(base+".req") == nil {
				return 0, false // nobody took it, or the window never finished
			}
			// The window took it after all: its answer is on the way.
			deadline, taken = time.Now().Add(relayWait), true
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

// fileFlags are the flags of relayed commands whose value is a file.
var fileFlags = map[string]bool{"png": true, "image": true}

// absolutePaths makes the file arguments of a relayed command absolute:
// the FILE of backup and keys export, and the value of a file flag.
func absolutePaths(name string, args []string) []string {
	out := append([]string(nil), args...)
	abs := func(i int) {
		if p, err := filepath.Abs(out[i]); err == nil && out[i] != "" {
			out[i] = p
		}
	}
	for i, a := range out {
		flag, value, inline := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case strings.HasPrefix(a, "-") && fileFlags[flag] && inline:
			if p, err := filepath.Abs(value); err == nil && value != "" {
				out[i] = "--" + flag + "=" + p
			}
		case strings.HasPrefix(a, "-") && fileFlags[flag] && i+1 < len(out):
			abs(i + 1)
		case strings.HasPrefix(a, "-") || i > 0 && isValueFlag(out[i-1]):
		case name == "backup", name == "keys" && i > 0:
			abs(i)
		}
	}
	return out
}

// isValueFlag reports whether a flag of a relayed command takes the next
// argument as its value, so that value is not taken for a FILE.
func isValueFlag(a string) bool {
	flag, _, inline := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return strings.HasPrefix(a, "-") && !inline && (flag == "data" || fileFlags[flag])
}

// serveRelay answers the requests of commands run beside the window,
// every half second, until ctx ends. Each runs on a device of its own over
// the window's store, so nothing the window holds is shared with it.
func serveRelay(ctx context.Context, d *device, env Env) {
	folder := filepath.Join(d.dir, relayFolder)
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
			var req relayRequest
			var a relayAnswer
			if json.Unmarshal(b, &req) != nil || len(req.Args) == 0 || !relayable(req.Args[0], req.Args[1:]) {
				a = relayAnswer{Stderr: "tongban: " + tRelayRefused.Both() + "\n", Code: exitBadArgs}
			} else {
				a = runRelayed(d, env, req.Args)
			}
			out, _ := json.Marshal(a)
			writeAtomically(strings.TrimSuffix(path, ".req")+".done", out)
		}
	}
}

// runRelayed runs one relayed command on a fresh device over d's store.
func runRelayed(d *device, env Env, args []string) relayAnswer {
	var stdout, stderr bytes.Buffer
	shared := &device{store: d.store, dir: d.dir, now: time.Now, borrowed: true}
	err := shared.load()
	if err == nil {
		cmd := commands[args[0]]
		env.Stdout, env.Stderr, env.Stdin = &stdout, &stderr, strings.NewReader("")
		err = cmd.run(&call{env: env, name: args[0], args: args[1:], summary: cmd.summary, data: d.dir, shared: shared})
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
