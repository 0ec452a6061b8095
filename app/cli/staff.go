package cli

import (
	"bufio"
	"fmt"
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
	c.name = "staff " + verb
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
			fmt.Fprintf(c.env.Stdout, "%s %s windows %v queues %v %s\n", pad(k.ID, 10), pad(k.Name, 8), k.Windows, k.Queues, state)
		}
		return nil
	case "disable":
		if len(pos) != 1 {
			return badf(tGiveStaffID)
		}
		clerk, err := d.store.Clerk(pos[0])
		if err != nil {
			return badf(tNoClerk, pos[0])
		}
		clerk.Disabled = true
		return d.store.PutClerk(clerk)
	}
	return nil
}
