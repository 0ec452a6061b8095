// Package cli is the tongban command line: it parses the commands, opens
// the device's store, catalog, printer and sync client, and wires them to
// the domain and to the windows of each role.
package cli

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"tongban/sync/client"
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
	// synopsis and summary head the command's --help: its arguments, and
	// what it does.
	synopsis, summary string
	// rawValue takes the argument after the first positional as it is,
	// even when it starts with '-' (tongban config KEY VALUE).
	rawValue bool
	// shared is the device of the window that runs this command for
	// another process (relay.go); open returns it.
	shared *device
	// live is the sync status of that window's syncer (status.go); ok is
	// false when it has none running (out of service), so status asks
	// the platform itself.
	live func() (st client.Status, ok bool)
	// clockSkew is how far this device's clock is ahead of the
	// platform's (negative: behind), from the Date of its answer to the
	// status probe; zero when not asked.
	clockSkew time.Duration
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"kiosk":      {"run the kiosk window", runKiosk},
		"counter":    {"run the counter window", runCounter},
		"cases":      {"add, list, show and act on cases", casesCommand},
		"catalog":    {"search and show service items", catalogCommand},
		"status":     {"identity, online, pending events, last sync, printer, disk and problems (--check exits 1 on any)", statusCommand},
		"config":     {"show or set this device's settings", configCommand},
		"backup":     {"copy the store to a file", backupCommand},
		"restore":    {"replace the store with a backup", restoreCommand},
		"enroll":     {"enroll this device with a platform (--platform URL --code CODE)", enrollCommand},
		"sync":       {"push and pull now (--once) or keep syncing", syncCommand},
		"version":    {"print the version", versionCommand},
		"receipt":    {"render (--png FILE) or print (--print) a case's receipt", receiptCommand},
		"print-test": {"print a test page (--printer URL)", printTestCommand},
		"stop":       {"close the kiosk or counter window running on this data folder", stopCommand},
		"scan":       {"open a receipt (--text PAYLOAD, --image FILE or --camera /dev/video0) as a counter would", scanCommand},
		"keys":       {"export or import the center's receipt keys", keysCommand},
		"staff":      {"add, list or disable the clerks who sign in at a counter", staffCommand},
		"ratings":    {"the ratings (好差评) of cases; --bad for those needing a callback", ratingsCommand},
		"platform":   {"the reference online platform: serve, code, devices, staff, catalog import", platformCommand},
	}
}

// Main runs the command line and returns the process exit code.
func Main(args []string, env Env) (code int) {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Stdin == nil {
		env.Stdin = os.Stdin
	}
	// A damaged store makes bbolt panic (or fault on its memory map) far
	// from any command: say so in one sentence, not a stack (backup.go).
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			code = damagedStore(env, r, debug.Stack())
		}
	}()
	if len(args) > 0 && isHelp(args[0]) {
		usage(env.Stdout)
		return exitOK
	}
	name := "run"
	if len(args) > 0 && isVersion(args[0]) { // tongban --version, -v
		args = append([]string{"version"}, args[1:]...)
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" { // tongban help, or tongban help COMMAND: its --help
		if len(args) == 0 {
			usage(env.Stdout)
			return exitOK
		}
		name, args = args[0], []string{"--help"}
	}
	cmd, ok := commands[name]
	if name == "run" {
		cmd, ok = command{run: runConfigured}, true
	}
	if !ok {
		return report(env.Stderr, badf(tNoCommand, name))
	}
	c := &call{env: env, name: name, args: args, summary: cmd.summary}
	err := cmd.run(c)
	if lockedElsewhere(err) { // a window holds the store: it runs the command, or says to stop it (relay.go)
		code, rerr := relay(c, name, args)
		if rerr == nil {
			return code
		}
		err = rerr
		if name == "status" && asksJSON(args) {
			unansweredStatus(c, err) // a monitoring script still gets its JSON
		}
	}
	return report(env.Stderr, err)
}

// isHelp reports whether an argument asks for help.
func isHelp(arg string) bool { return arg == "-h" || arg == "--help" || arg == "-help" }

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
	fmt.Fprintln(w, "\nEvery command takes --data DIR (or TONGBAN_DATA) and most take --json;")
	fmt.Fprintln(w, "tongban COMMAND --help (or tongban help COMMAND) lists a command's flags or subcommands.")
}

// subcommand is one verb of a group of commands (tongban cases add), with
// its line in the group's help.
type subcommand struct{ name, summary string }

// groupHelp prints the subcommands of a group, one line each.
// summaryOf is what a group's subcommand does, for its own --help: the
// summary of the one whose name starts with verb ("add ID" for add).
func summaryOf(subs []subcommand, verb string) string {
	for _, s := range subs {
		if name, _, _ := strings.Cut(s.name, " "); name == verb {
			return s.summary
		}
	}
	return ""
}

func groupHelp(w io.Writer, group string, subs []subcommand) {
	fmt.Fprintf(w, "tongban %s — %s\n", group, commands[group].summary)
	fmt.Fprintf(w, "\nUsage: tongban %s SUBCOMMAND [flags]   (tongban %s SUBCOMMAND --help lists its flags)\n", group, group)
	fmt.Fprintln(w, "\nSubcommands:")
	for _, s := range subs {
		fmt.Fprintf(w, "  %-16s %s\n", s.name, s.summary)
	}
}
