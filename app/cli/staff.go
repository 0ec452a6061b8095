package cli

import (
	"bufio"
	"fmt"
	"strings"

	"tongban/app/staff"
)

// staffCommand: tongban staff add ID --name NAME --pin PIN | list | disable ID.
func staffCommand(c *call) error {
	if len(c.args) == 0 {
		return badf("say what to do: tongban staff add ID --name NAME --pin PIN, staff list, or staff disable ID")
	}
	verb := c.args[0]
	c.name = "staff " + verb
	fs := c.flags(c.name)
	name := fs.String("name", "", "the clerk's name")
	pin := fs.String("pin", "", "the clerk's PIN, 4 to 8 digits (- reads it from standard input)")
	var windows, queues stringList
	fs.Var(&windows, "window", "a counter window the clerk serves (repeat)")
	fs.Var(&queues, "queue", "a queue letter the clerk calls (repeat)")
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
			return badf("give the staff ID, --name and --pin: tongban staff add S001 --name 王芳 --pin 2468")
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
		if err := d.store.PutClerk(clerk); err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "已添加 Added clerk %s %s\n", clerk.ID, clerk.Name)
		return nil
	case "list":
		clerks, err := d.store.Clerks()
		if err != nil {
			return err
		}
		if c.json {
			type view struct {
				ID       string   `json:"id"`
				Name     string   `json:"name"`
				Windows  []string `json:"windows"`
				Queues   []string `json:"queues"`
				Disabled bool     `json:"disabled"`
			}
			out := []view{}
			for _, k := range clerks {
				out = append(out, view{k.ID, k.Name, k.Windows, k.Queues, k.Disabled})
			}
			return writeJSON(c.env.Stdout, out)
		}
		for _, k := range clerks {
			state := ""
			if k.Disabled {
				state = "停用 disabled"
			}
			fmt.Fprintf(c.env.Stdout, "%-10s %-8s windows %v queues %v %s\n", k.ID, k.Name, k.Windows, k.Queues, state)
		}
		return nil
	case "disable":
		if len(pos) != 1 {
			return badf("give the staff ID: tongban staff disable S001")
		}
		clerk, err := d.store.Clerk(pos[0])
		if err != nil {
			return badf("there is no clerk %q on this device", pos[0])
		}
		clerk.Disabled = true
		return d.store.PutClerk(clerk)
	}
	return badf("tongban staff has no %q; use add, list or disable", verb)
}
