package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// flags returns a flag set for a command with the common --data and
// --json flags already defined.
func (c *call) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("tongban "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.data, "data", "", "the data folder (default $TONGBAN_DATA or the user data folder)")
	fs.BoolVar(&c.json, "json", false, "print JSON")
	return fs
}

// parse parses flags that may come before or after the positional
// arguments (tongban cases show N --json), and returns the positionals.
func (c *call) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				fs.SetOutput(c.env.Stdout)
				fs.PrintDefaults()
				return nil, err
			}
			return nil, badf("%s; run tongban %s --help for its flags", strings.TrimPrefix(err.Error(), "flag provided but not defined: "), c.name)
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
			return "", fmt.Errorf("cannot find a data folder; give one with --data DIR")
		}
		return filepath.Join(base, "Tongban"), nil
	}
	if d := c.env.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "tongban"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a data folder; give one with --data DIR")
	}
	return filepath.Join(home, ".local", "share", "tongban"), nil
}

// stringList is a repeatable flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }
