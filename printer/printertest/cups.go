package printertest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// FakeCUPS is what a fake lp and lpstat, written as shell scripts by
// WriteFakeCUPS, answer as. They say what CUPS's own commands say in the C
// locale, so the printer package reads them as it reads CUPS.
type FakeCUPS struct {
	// Queues are the queues CUPS has, by name; lp -d NAME for any other
	// says "lp: The printer or class does not exist.".
	Queues map[string]FakeQueue
	// NoLpstat leaves lpstat out, as on a machine with lp alone.
	NoLpstat bool
	// SchedulerDown makes lp fail with "lp: Error - scheduler not
	// responding." and lpstat know no queue and say the scheduler is not
	// running, as when the CUPS daemon is stopped.
	SchedulerDown bool
}

// FakeQueue is one queue of a FakeCUPS.
type FakeQueue struct {
	// Disabled is the reason lpstat gives for a stopped queue ("Paused");
	// empty for an enabled one. lp still takes jobs for a stopped queue,
	// as CUPS does, and holds them.
	Disabled string
	// Refuse is what lp says on standard error, exiting 1, instead of
	// taking a job ("lp: Destination \"Q\" is not accepting jobs.").
	Refuse string
}

// WriteFakeCUPS writes lp (and lpstat) into dir, to be put first on PATH.
// A job lp takes is appended to dir/QUEUE.jobs. The scripts need /bin/sh
// and cat, found now, so that a test can set PATH to dir alone.
func WriteFakeCUPS(dir string, c FakeCUPS) error {
	cat, err := exec.LookPath("cat")
	if err != nil {
		return err
	}
	if cat, err = filepath.Abs(cat); err != nil {
		return err
	}
	names := make([]string, 0, len(c.Queues))
	for name := range c.Queues {
		names = append(names, name)
	}
	sort.Strings(names)

	var lp strings.Builder
	lp.WriteString("#!/bin/sh\n# lp of printertest.FakeCUPS\nqueue=\nwhile [ $# -gt 0 ]; do\n" +
		"\tcase \"$1\" in\n\t-d) queue=\"$2\"; shift 2 ;;\n\t-d*) queue=\"${1#-d}\"; shift ;;\n\t*) shift ;;\n\tesac\ndone\n")
	if c.SchedulerDown {
		lp.WriteString("echo 'lp: Error - scheduler not responding.' >&2\nexit 1\n")
	}
	lp.WriteString("case \"$queue\" in\n")
	for _, name := range names {
		q := c.Queues[name]
		fmt.Fprintf(&lp, "%s)\n", quote(name))
		if q.Refuse != "" {
			fmt.Fprintf(&lp, "\techo %s >&2\n\texit 1 ;;\n", quote(q.Refuse))
			continue
		}
		fmt.Fprintf(&lp, "\t%s >> %s || exit 1\n\techo %s\n\texit 0 ;;\n",
			quote(cat), quote(filepath.Join(dir, name+".jobs")), quote("request id is "+name+"-1 (0 file(s))"))
	}
	lp.WriteString("*)\n\techo 'lp: The printer or class does not exist.' >&2\n\texit 1 ;;\nesac\n")
	if err := os.WriteFile(filepath.Join(dir, "lp"), []byte(lp.String()), 0o755); err != nil {
		return err
	}
	if c.NoLpstat {
		return nil
	}

	var st strings.Builder
	st.WriteString("#!/bin/sh\n# lpstat of printertest.FakeCUPS\n")
	if c.SchedulerDown {
		st.WriteString("if [ \"$1\" = -r ]; then echo 'scheduler is not running'; exit 0; fi\n" +
			"echo \"lpstat: Invalid destination name in list \\\"$2\\\".\" >&2\nexit 1\n")
	} else {
		st.WriteString("if [ \"$1\" = -r ]; then echo 'scheduler is running'; exit 0; fi\n" +
			"[ \"$1\" = -p ] || exit 0\ncase \"$2\" in\n")
		for _, name := range names {
			q := c.Queues[name]
			fmt.Fprintf(&st, "%s)\n", quote(name))
			if q.Disabled != "" {
				fmt.Fprintf(&st, "\techo %s\n\tprintf '\\t%%s\\n' %s\n\texit 0 ;;\n",
					quote("printer "+name+" disabled since Mon 01 Jun 2026 09:00:00 AM CST -"), quote(q.Disabled))
				continue
			}
			fmt.Fprintf(&st, "\techo %s\n\texit 0 ;;\n", quote("printer "+name+" is idle.  enabled since Mon 01 Jun 2026 09:00:00 AM CST"))
		}
		st.WriteString("*)\n\techo \"lpstat: Invalid destination name in list \\\"$2\\\".\" >&2\n\texit 1 ;;\nesac\n")
	}
	return os.WriteFile(filepath.Join(dir, "lpstat"), []byte(st.String()), 0o755)
}

// quote makes s one word for the shell.
func quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
