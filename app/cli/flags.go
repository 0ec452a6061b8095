package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// flags returns a flag set for a command with the common --data and
// --json flags already defined. Defining a flag sets its variable to the
// default, so what an earlier parse of the same call gave is kept: tongban
// --data DIR hands DIR on to the role's window.
func (c *call) flags(name string) *flag.FlagSet {
	data, asJSON := c.data, c.json
	defer func() { c.data, c.json = data, asJSON }()
	fs := flag.NewFlagSet("tongban "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.data, "data", "", "the data folder (default $TONGBAN_DATA or the user data folder)")
	jsonHelp := "print JSON"
	if showsMaterials(name) {
		jsonHelp += "; its material indexes (materials, received, missing) count from 0, where text numbers materials from 1"
	}
	fs.BoolVar(&c.json, "json", false, jsonHelp)
	return fs
}

// showsMaterials reports whether a command's JSON holds material indexes:
// data for programs, counted from 0, unlike every number shown to people.
func showsMaterials(name string) bool {
	return strings.HasPrefix(name, "cases ") || strings.HasPrefix(name, "catalog ") || name == "scan"
}

// parse parses flags that may come before or after the positional
// arguments (tongban cases show N --json), and returns the positionals.
// A negative number is a value, not a flag (tongban config idle_seconds
// -5), and so is whatever follows a setting's key when c.rawValue is set.
func (c *call) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		for len(args) > 0 && c.isValue(fs, args[0], len(pos)) {
			pos, args = append(pos, args[0]), args[1:]
		}
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				c.help(fs)
				return nil, err
			}
			return nil, c.flagError(err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return pos, nil
}

// parseFlags parses a command that takes flags only, refusing a stray
// word (a value whose flag was mistyped) rather than running without it.
func (c *call) parseFlags(fs *flag.FlagSet, args []string) error {
	pos, err := c.parse(fs, args)
	if err == nil && len(pos) > 0 {
		err = badf(tNoArgs, c.name, pos[0])
	}
	return err
}

// isValue reports whether an argument that may look like a flag is a
// positional value: a negative number, or the value after a setting's key.
func (c *call) isValue(fs *flag.FlagSet, arg string, npos int) bool {
	if !strings.HasPrefix(arg, "-") || arg == "-" || arg == "--" {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
	if fs.Lookup(name) != nil || isHelp(arg) {
		return false
	}
	if _, err := strconv.ParseFloat(arg, 64); err == nil {
		return true
	}
	return c.rawValue && npos == 1
}

// help prints a command's usage line and its own flags on standard output.
func (c *call) help(fs *flag.FlagSet) {
	w := c.env.Stdout
	fmt.Fprintln(w, strings.TrimSpace("Usage: tongban "+c.name+" "+c.synopsis))
	if c.summary != "" {
		fmt.Fprintf(w, "  %s\n", c.summary)
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.VisitAll(func(f *flag.Flag) {
		kind, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  %s\n      %s", strings.TrimSpace("--"+f.Name+" "+kind), usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// flagError says in both languages what the flag package found wrong.
func (c *call) flagError(err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return badf(tNoSuchFlag, c.name, dashed(name))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return badf(tFlagNeedsValue, dashed(name), c.name)
	}
	var value, name string
	if _, serr := fmt.Sscanf(msg, "invalid value %q for flag %s", &value, &name); serr == nil {
		return badf(tFlagBadValue, value, dashed(strings.TrimSuffix(name, ":")), c.name)
	}
	if _, serr := fmt.Sscanf(msg, "invalid boolean value %q for %s", &value, &name); serr == nil {
		return badf(tFlagBadValue, value, dashed(strings.TrimSuffix(name, ":")), c.name)
	}
	return badf(tFlagError, c.name, msg)
}

// dashed writes a flag as the help does: --name.
func dashed(flag string) string { return "--" + strings.TrimLeft(flag, "-") }

// dataDir is the data folder: --data, then TONGBAN_DATA, then the user's
// data folder.
func (c *call) dataDir() (string, error) {
	if c.data != "" {
		return c.data, nil
	}
	if d := c.env.Getenv("TONGBAN_DATA"); d != "" {
		return d, nil
	}
	if runtime.GOOS == "windows" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", failf(tNoDataDir)
		}
		return filepath.Join(base, "Tongban"), nil
	}
	if d := c.env.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "tongban"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", failf(tNoDataDir)
	}
	return filepath.Join(home, ".local", "share", "tongban"), nil
}

// stringList is a repeatable flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }
