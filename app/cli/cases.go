package cli

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"tongban/app/cases"
)

// caseVerbs are the subcommands of tongban cases.
var caseVerbs = map[string]func(c *call, args []string) error{
	"add":  casesAdd,
	"list": casesList,
	"show": casesShow,
}

func casesCommand(c *call) error {
	if len(c.args) == 0 {
		return badf("say what to do: tongban cases add|list|show|accept|supplement|supplied|refuse|suspend|resume|complete|withdraw|resolve|rate")
	}
	verb, ok := caseVerbs[c.args[0]]
	if !ok {
		return badf("tongban cases has no %q; use add, list, show, accept, supplement, supplied, refuse, suspend, resume, complete, withdraw, resolve or rate", c.args[0])
	}
	c.name = "cases " + c.args[0]
	return verb(c, c.args[1:])
}

// casesAdd takes an application as the kiosk does: same checks, same store
// path, one transaction.
func casesAdd(c *call, args []string) error {
	fs := c.flags(c.name)
	item := fs.String("item", "", "the service item code (see tongban catalog search)")
	var fields, materials stringList
	fs.Var(&fields, "field", "a form value as key=value (repeat for each field)")
	fs.Var(&materials, "material", "index of a material the applicant brings (repeat; default: every required one)")
	if _, err := c.parse(fs, args); err != nil {
		return err
	}
	if *item == "" {
		return badf("give the service item with --item CODE; tongban catalog search finds codes")
	}
	values := map[string]string{}
	for _, f := range fields {
		k, v, ok := strings.Cut(f, "=")
		if !ok || k == "" {
			return badf("--field %q is not key=value", f)
		}
		values[k] = v
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	it, ok := d.catalog.Item(*item)
	if !ok {
		return badf("there is no service item %q; tongban catalog search finds codes", *item)
	}
	var picked []int
	for _, m := range materials {
		n, err := strconv.Atoi(m)
		if err != nil {
			return badf("--material %q is not a number; materials are numbered from 0 in tongban catalog show %s", m, *item)
		}
		picked = append(picked, n)
	}
	if materials == nil {
		for i, m := range it.Materials {
			if m.Required {
				picked = append(picked, i)
			}
		}
	}
	sub, problems, err := cases.NewSubmission(d.catalog, *item, values, picked, cases.ChannelScript, d.now())
	if err != nil {
		return &badInput{err}
	}
	if len(problems) > 0 {
		return &badInput{fieldErrors(problems)}
	}
	cs, err := d.store.Submit(sub)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.env.Stdout, caseView(cs))
	}
	fmt.Fprintf(c.env.Stdout, "已提交 Submitted %s  %s\n", cs.Number, it.NameZH)
	return nil
}

// fieldErrors joins form problems, one sentence per field.
func fieldErrors(problems []*cases.FieldError) error {
	errs := make([]error, len(problems))
	for i, p := range problems {
		errs[i] = p
	}
	return errors.Join(errs...)
}

func casesList(c *call, args []string) error {
	fs := c.flags(c.name)
	status := fs.String("status", "", "only cases in this status (submitted, accepted, supplement, …)")
	day := fs.String("day", "", "only cases submitted on this date (YYYY-MM-DD, or today)")
	limit := fs.Int("limit", 50, "at most this many cases")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	q := cases.Query{Text: strings.Join(pos, " "), Status: cases.Status(*status), Limit: *limit}
	if *status != "" && !slices.Contains(cases.Statuses, cases.Status(*status)) {
		return badf("there is no status %q; use one of %s", *status, statusNames())
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	switch *day {
	case "":
	case "today":
		q.Day = d.now()
	default:
		t, err := time.ParseInLocation(time.DateOnly, *day, cases.Zone)
		if err != nil {
			return badf("--day %q is not a date like 2026-11-27", *day)
		}
		q.Day = t
	}
	found, err := d.store.Find(q)
	if err != nil {
		return err
	}
	if c.json {
		views := make([]caseJSON, 0, len(found))
		for _, s := range found {
			full, err := d.store.Case(s.ID)
			if err != nil {
				return err
			}
			views = append(views, caseView(full))
		}
		return writeJSON(c.env.Stdout, views)
	}
	for _, cs := range found {
		name := d.itemName(cs.ItemCode)
		fmt.Fprintf(c.env.Stdout, "%-16s %-8s %-10s %-12s %s  %s\n", cs.Number, cs.Status.Label().ZH,
			cs.Name(), cases.MaskPhone(cs.Phone()), cs.SubmittedAt.In(cases.Zone).Format("01-02 15:04"), name)
	}
	if len(found) == 0 {
		fmt.Fprintln(c.env.Stdout, "没有案件 No cases")
	}
	return nil
}

func statusNames() string {
	names := make([]string, len(cases.Statuses))
	for i, s := range cases.Statuses {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

func casesShow(c *call, args []string) error {
	d, cs, err := c.openCase(c.flags(c.name), args, "")
	if err != nil {
		return err
	}
	defer d.close()
	if c.json {
		return writeJSON(c.env.Stdout, caseView(cs))
	}
	d.printCase(c, cs)
	return nil
}

// openCase parses a command that names one case (by number or ID), opens
// the device and finds the case. The caller closes the device.
func (c *call) openCase(fs *flag.FlagSet, args []string, example string) (*device, *cases.Case, error) {
	pos, err := c.parse(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if len(pos) != 1 {
		return nil, nil, badf("give one case number: tongban %s 261127-K01-0042%s", c.name, example)
	}
	d, err := c.open()
	if err != nil {
		return nil, nil, err
	}
	cs, err := d.lookup(pos[0])
	if err != nil {
		d.close()
		return nil, nil, err
	}
	return d, cs, nil
}

// lookup finds a case by number, or by ID as scripts may hold either, with
// the count of its events waiting to sync.
func (d *device) lookup(ref string) (*cases.Case, error) {
	var cs *cases.Case
	var err error
	if _, nerr := cases.NormalizeNumber(ref); nerr == nil {
		cs, err = d.store.ByNumber(ref)
	} else if cs, err = d.store.Case(ref); err != nil {
		return nil, badf("%q is not a case number; a case number looks like 261127-K01-0042", ref)
	}
	if err != nil {
		return nil, err
	}
	return cs, d.withPending(cs)
}

// withPending fills in the case's whole sync state: how many of its events
// wait to sync, and whether the platform has it.
func (d *device) withPending(cs *cases.Case) (err error) {
	cs.Sync, err = d.store.SyncOf(cs.ID)
	return err
}

func (d *device) itemName(code string) string {
	if it, ok := d.catalog.Item(code); ok {
		return it.NameZH
	}
	return code
}

// printCase writes a case for people: ID masked, timeline in order.
func (d *device) printCase(c *call, cs *cases.Case) {
	w := c.env.Stdout
	fmt.Fprintf(w, "案件编号 Number    %s\n", cs.Number)
	fmt.Fprintf(w, "事项 Item          %s (%s)\n", d.itemName(cs.ItemCode), cs.ItemCode)
	fmt.Fprintf(w, "状态 Status        %s %s\n", cs.Status.Label().ZH, cs.Status.Label().EN)
	fmt.Fprintf(w, "申请人 Applicant   %s  %s  %s\n", cs.Name(), cases.MaskIDNumber(cs.IDNumber()), cases.MaskPhone(cs.Phone()))
	fmt.Fprintf(w, "提交 Submitted     %s\n", cs.SubmittedAt.In(cases.Zone).Format("2006-01-02 15:04"))
	if it, ok := d.catalog.Item(cs.ItemCode); ok {
		if due, ok := cs.Due(d.calendar, it.PromisedDays, d.now()); ok {
			fmt.Fprintf(w, "承诺办结 Due       %s\n", due.Format(time.DateOnly))
		}
	}
	if it, ok := d.catalog.Item(cs.ItemCode); ok {
		fmt.Fprintln(w, "材料 Materials")
		for i, m := range it.Materials {
			mark := "  "
			if slices.Contains(cs.Received, i) {
				mark = "✓ "
			} else if slices.Contains(cs.Materials, i) {
				mark = "· "
			}
			fmt.Fprintf(w, "  %s%s\n", mark, m.NameZH)
		}
	}
	if !cs.Sync.Confirmed {
		fmt.Fprintf(w, "同步 Sync          未同步 not yet on the platform (%d pending)\n", cs.Sync.Pending)
	}
	fmt.Fprintln(w, "经过 Timeline")
	for _, e := range cs.Timeline {
		who := e.Device
		if e.Staff != "" {
			who = e.Staff + "@" + e.Device
		}
		fmt.Fprintf(w, "  %s  %-12s %s\n", e.Stamp.Time().In(cases.Zone).Format("01-02 15:04"), e.Kind.Label().ZH, who)
	}
	for _, b := range cs.Branches {
		fmt.Fprintf(w, "  分支 Branch: %s by %s\n", b[0].Kind.Label().ZH, b[0].Device)
	}
}
