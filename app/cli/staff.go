package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"tongban/app/staff"
)

// staffVerbs are the subcommands of tongban staff.
var staffVerbs = []subcommand{
	{"add ID", "add or change a clerk of this device (--name NAME --pin PIN [--window W] [--queue Q])"},
	{"list", "the clerks of this device"},
	{"disable ID", "stop a clerk signing in here"},
}

// staffCommand: tongban staff add ID --name NAME --pin PIN | list | disable ID.
func staffCommand(c *call) error {
	if len(c.args) > 0 && isHelp(c.args[0]) {
		groupHelp(c.env.Stdout, "staff", staffVerbs)
		return nil
	}
	if len(c.args) == 0 {
		return badf(tStaffWhat)
	}
	verb := c.args[0]
	c.name, c.summary = "staff "+verb, summaryOf(staffVerbs, verb)
	fs := c.flags(c.name)
	name, pin := new(string), new(string)
	var windows, queues stringList
	switch verb {
	case "add":
		c.synopsis = "ID --name NAME --pin PIN [--window W …] [--queue Q …]"
		fs.StringVar(name, "name", "", "the clerk's name")
		fs.StringVar(pin, "pin", "", "the clerk's PIN, 4 to 8 digits (- reads it from standard input)")
		fs.Var(&windows, "window", "a counter window the clerk serves (repeat)")
		fs.Var(&queues, "queue", "a queue letter the clerk calls (repeat)")
	case "disable":
		c.synopsis = "ID"
	case "list":
	default:
		return badf(tStaffNoVerb, verb)
	}
	pos, err := c.parse(fs, c.args[1:])
	if err != nil {
		return err
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	switch verb {
	case "add":
		if len(pos) != 1 || *name == "" || *pin == "" {
			return badf(tGiveClerk)
		}
		if *pin == "-" {
			line, _ := bufio.NewReader(c.env.Stdin).ReadString('\n')
			*pin = strings.TrimSpace(line)
		}
		clerk, err := staff.New(pos[0], *name, *pin)
		if err != nil {
			return &badInput{err}
		}
		clerk.Windows, clerk.Queues = windows, queues
		_, had := d.store.Clerk(clerk.ID)
		if err := d.store.PutClerk(clerk); err != nil {
			return err
		}
		if had == nil {
			fmt.Fprintln(c.env.Stdout, bothf(tClerkUpdated, clerk.ID, clerk.Name))
		} else {
			fmt.Fprintln(c.env.Stdout, bothf(tClerkAdded, clerk.ID, clerk.Name))
		}
		if id, err := d.store.Identity(); err == nil && id.Enrolled() {
			note := tClerkLocalOnly
			if had == nil { // a clerk from the platform is written over by its next list
				note = tClerkPlatformWins
			}
			fmt.Fprintln(c.env.Stdout, note.Both())
		}
		return nil
	case "list":
		clerks, err := d.store.Clerks()
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.env.Stdout, clerksJSON(clerks))
		}
		if len(clerks) == 0 {
			fmt.Fprintln(c.env.Stdout, tNoClerks.Both())
			return nil
		}
		printClerks(c.env.Stdout, clerks)
		return nil
	case "disable":
		if len(pos) != 1 {
			return badf(tGiveStaffID)
		}
		clerk, err := d.store.Clerk(pos[0])
		if err != nil {
			return d.noClerk(pos[0])
		}
		clerk.Disabled = true
		if err := d.store.PutClerk(clerk); err != nil {
			return err
		}
		fmt.Fprintln(c.env.Stdout, bothf(tClerkDisabledOK, clerk.ID, clerk.Name))
	}
	return nil
}

// clerkJSON is a clerk as --json shows it: never the PIN hash.
type clerkJSON struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Windows  []string `json:"windows"`
	Queues   []string `json:"queues"`
	Disabled bool     `json:"disabled"`
}

func clerksJSON(clerks []staff.Clerk) []clerkJSON {
	out := []clerkJSON{}
	for _, k := range clerks {
		out = append(out, clerkJSON{k.ID, k.Name, k.Windows, k.Queues, k.Disabled})
	}
	return out
}

// printClerks writes clerks as a table under a header, one a row: staff
// ID, name, the windows they serve and the queues they call (— for none),
// and whether they may sign in.
func printClerks(w io.Writer, clerks []staff.Clerk) {
	widths := [...]int{10, 12, 14, 14}
	h := tStaffHeader
	fmt.Fprintf(w, "%s%s%s%s%s\n", pad(h[0].Both(), widths[0]), pad(h[1].Both(), widths[1]),
		pad(h[2].Both(), widths[2]), pad(h[3].Both(), widths[3]), h[4].Both())
	for _, k := range clerks {
		state := tClerkActive
		if k.Disabled {
			state = tClerkOff
		}
		fmt.Fprintf(w, "%s %s %s %s %s\n", pad(k.ID, widths[0]-1), pad(k.Name, widths[1]-1),
			pad(listOrNone(k.Windows), widths[2]-1), pad(listOrNone(k.Queues), widths[3]-1), state.Both())
	}
}
