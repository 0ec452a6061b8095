// Package cli is the tongban command line: it parses the commands, opens
// the device's store, catalog, printer and sync client, and wires them to
// the domain and to the windows of each role.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
)

// Env is what the command line gets from the process.
type Env struct {
	Stdout, Stderr io.Writer
	Stdin          io.Reader
	// NewApp creates the Fyne application for a window role; only main
	// builds it, because the app package needs cgo and a display.
	NewApp func() fyne.App
	Getenv func(string) string
}

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // the command could not do its work (platform down, printer fault)
	exitBadArgs = 2 // the input was wrong; nothing was changed
)

// command is one verb of the command line.
type command struct {
	summary string
	run     func(c *call) error
}

// call is one invocation: the environment, the remaining arguments and the
// common flags.
type call struct {
	env  Env
	name string
	args []string
	data string
	json bool
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"kiosk":      {"run the kiosk window", runKiosk},
		"counter":    {"run the counter window", runCounter},
		"cases":      {"add, list, show and act on cases", casesCommand},
		"catalog":    {"search and show service items", catalogCommand},
		"status":     {"identity, pending events, last sync, printer", statusCommand},
		"config":     {"show or set this device's settings", configCommand},
		"backup":     {"copy the store to a file", backupCommand},
		"restore":    {"replace the store with a backup", restoreCommand},
		"enroll":     {"enroll this device with a platform (--platform URL --code CODE)", enrollCommand},
		"sync":       {"push and pull now (--once) or keep syncing", syncCommand},
		"version":    {"print the version", versionCommand},
		"receipt":    {"render (--png FILE) or print (--print) a case's receipt", receiptCommand},
		"print-test": {"print a test page (--printer URL)", printTestCommand},
		"scan":       {"open a receipt (--text PAYLOAD, --image FILE or --camera /dev/video0) as a counter would", scanCommand},
		"keys":       {"export or import the center's receipt keys", keysCommand},
		"staff":      {"add, list or disable the clerks who sign in at a counter", staffCommand},
		"ratings":    {"the ratings (好差评) of cases; --bad for those needing a callback", ratingsCommand},
		"platform":   {"the reference online platform: serve, code, devices, staff, catalog import", platformCommand},
	}
}

// Main runs the command line and returns the process exit code.
func Main(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Stdin == nil {
		env.Stdin = os.Stdin
	}
	name := "run"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" || name == "-h" || name == "--help" {
		usage(env.Stdout)
		return exitOK
	}
	cmd, ok := commands[name]
	if name == "run" {
		cmd, ok = command{run: runConfigured}, true
	}
	if !ok {
		fmt.Fprintf(env.Stderr, "tongban: there is no command %q; run tongban help for the list\n", name)
		return exitBadArgs
	}
	err := cmd.run(&call{env: env, name: name, args: args})
	return report(env.Stderr, err)
}

// report prints an error as one sentence and picks the exit code.
func report(w io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintf(w, "tongban: %s\n", sentence(err.Error()))
	var bad *badInput
	if errors.As(err, &bad) {
		return exitBadArgs
	}
	return exitFailed
}

// badInput marks an error in what the user typed: exit 2, nothing changed.
type badInput struct{ err error }

func (e *badInput) Error() string { return e.err.Error() }
func (e *badInput) Unwrap() error { return e.err }

func badf(format string, args ...any) error {
	return &badInput{fmt.Errorf(format, args...)}
}

// sentence ends a message with a full stop unless it has one.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "。") {
		return s
	}
	return s + "."
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "tongban — the lobby kiosk and counter program of a government service center (通办)")
	fmt.Fprintln(w, "\nUsage: tongban [command] [flags]   (no command: run this device's role; a new device runs the kiosk demo)")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --data DIR (or TONGBAN_DATA) and most take --json.")
}
