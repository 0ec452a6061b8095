package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"tongban/app/cases"
)

// caseVerb is a subcommand of tongban cases: its arguments and what it
// does, for its --help and the group's, and how it runs.
type caseVerb struct {
	synopsis, summary string
	run               func(c *call, args []string) error
}

// caseVerbs are the subcommands of tongban cases; actions.go adds the
// counter's actions.
var caseVerbs = map[string]caseVerb{
	"add": {"--item CODE --field key=value … [--material N …]",
		"take an application as the kiosk does (same checks, one transaction)", casesAdd},
	"list": {"[TEXT] [--status S] [--day YYYY-MM-DD|today] [--limit N]",
		"find cases by number, phone, last four of the ID or name; newest first", casesList},
	"show": {"NUMBER", "a case with its materials and timeline", casesShow},
}

// caseOrder is the order the group's help lists the subcommands in.
var caseOrder = []string{"add", "list", "show", "accept", "supplement", "supplied", "refuse",
	"suspend", "resume", "complete", "withdraw", "resolve", "rate"}

func casesCommand(c *call) error {
	if len(c.args) > 0 && isHelp(c.args[0]) {
		subs := make([]subcommand, len(caseOrder))
		for i, n := range caseOrder {
			subs[i] = subcommand{n, caseVerbs[n].summary}
		}
		groupHelp(c.env.Stdout, "cases", subs)
		return nil
	}
	if len(c.args) == 0 {
		return badf(tCasesWhat, strings.Join(caseOrder, "|"))
	}
	verb, ok := caseVerbs[c.args[0]]
	if !ok {
		return badf(tCasesNoVerb, c.args[0], strings.Join(caseOrder, ", "))
	}
	c.name, c.synopsis, c.summary = "cases "+c.args[0], verb.synopsis, verb.summary
	return verb.run(c, c.args[1:])
}

// casesAdd takes an application as the kiosk does: same checks, same store
// path, one transaction. A warning (a legacy credit code) goes to standard
// error and the case is saved all the same.
func casesAdd(c *call, args []string) error {
	fs := c.flags(c.name)
	item := fs.String("item", "", "the service item code (see tongban catalog search)")
	var fields, materials stringList
	fs.Var(&fields, "field", "a form value as key=value (repeat for each field)")
	fs.Var(&materials, "material", "number of a material the applicant brings, as tongban catalog show lists them (repeat; default: every required one)")
	if _, err := c.parse(fs, args); err != nil {
		return err
	}
	if *item == "" {
		return badf(tGiveItem)
	}
	values := map[string]string{}
	for _, f := range fields {
		k, v, ok := strings.Cut(f, "=")
		if !ok || k == "" {
			return badf(tFieldNotKV, f)
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
		return badf(tNoItem, *item)
	}
	var picked []int
	for _, m := range materials {
		n, err := strconv.Atoi(m)
		if err != nil || n < 0 || n >= len(it.Materials) {
			return badf(tBadMaterial, "--material", m, len(it.Materials)-1, *item)
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
	now := d.now()
	sub, problems, err := cases.NewSubmission(d.catalog, *item, values, picked, cases.ChannelScript, now)
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
	_, _, warnings := cases.CheckForm(it, values, now)
	for _, w := range warnings {
		fmt.Fprintf(c.env.Stderr, "tongban: %s\n", fieldWarning(w))
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

// fieldWarning is the sentence for a value let through with a warning.
func fieldWarning(w *cases.FieldError) string {
	return bothf(tFieldWarning, w.Key, w.Label, w.Problem.Text)
}

// moreCap bounds how far cases list reads past its limit to say how many
// more cases there are.
const moreCap = 1000

func casesList(c *call, args []string) error {
	fs := c.flags(c.name)
	status := fs.String("status", "", "only cases in this status (submitted, accepted, supplement, …)")
	day := fs.String("day", "", "only cases submitted on this date (YYYY-MM-DD, or today)")
	limit := fs.Int("limit", 50, "list at most this many cases, newest first; the last line says how many more there are")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if *limit <= 0 {
		return badf(tBadLimit, *limit)
	}
	q := cases.Query{Text: strings.Join(pos, " "), Status: cases.Status(*status), Limit: *limit + moreCap}
	if *status != "" && !slices.Contains(cases.Statuses, cases.Status(*status)) {
		return badf(tNoStatus, *status, statusNames())
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
			return badf(tBadDay, *day)
		}
		q.Day = t
	}
	found, err := d.store.Find(q)
	if err != nil {
		return err
	}
	more := max(len(found)-*limit, 0)
	found = found[:len(found)-more]
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
	w := c.env.Stdout
	for _, cs := range found {
		fmt.Fprintf(w, "%s %s %s %s %s  %s\n", pad(cs.Number, 16), pad(cs.Status.Label().ZH, 8),
			pad(cs.Name(), 10), pad(cases.MaskPhone(cs.Phone()), 12),
			cs.SubmittedAt.In(cases.Zone).Format("01-02 15:04"), d.itemName(cs.ItemCode))
	}
	switch {
	case len(found) == 0:
		fmt.Fprintln(w, "没有案件 No cases")
	case more >= moreCap:
		fmt.Fprintln(w, bothf(tManyMore, moreCap))
	case more > 0:
		fmt.Fprintln(w, bothf(tMore, more, *limit+more))
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
	d, cs, err := c.openCase(c.flags(c.name), args)
	if err != nil {
		return err
	}
	defer d.close()
	if c.json {
		return writeJSON(c.env.Stdout, caseView(cs))
	}
	d.printCase(c.env.Stdout, cs)
	return nil
}

// openCase parses a command that names one case (by number or ID), opens
// the device and finds the case. The caller closes the device.
func (c *call) openCase(fs *flag.FlagSet, args []string) (*device, *cases.Case, error) {
	pos, err := c.parse(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if len(pos) != 1 {
		return nil, nil, badf(tGiveOneCase, c.name, c.synopsis)
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
		return nil, badf(tNotCaseNumber, ref)
	}
	if errors.Is(err, cases.ErrNotFound) {
		return nil, badf(tNoCase, ref)
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
func (d *device) printCase(w io.Writer, cs *cases.Case) {
	fmt.Fprintf(w, "案件编号 Number    %s\n", cs.Number)
	fmt.Fprintf(w, "事项 Item          %s (%s)\n", d.itemName(cs.ItemCode), cs.ItemCode)
	fmt.Fprintf(w, "状态 Status        %s %s\n", cs.Status.Label().ZH, cs.Status.Label().EN)
	fmt.Fprintf(w, "申请人 Applicant   %s  %s  %s\n", cs.Name(), cases.MaskIDNumber(cs.IDNumber()), cases.MaskPhone(cs.Phone()))
	fmt.Fprintf(w, "提交 Submitted     %s\n", cs.SubmittedAt.In(cases.Zone).Format("2006-01-02 15:04"))
	it, known := d.catalog.Item(cs.ItemCode)
	if known {
		if due, ok := cs.Due(d.calendar, it.PromisedDays, d.now()); ok {
			fmt.Fprintf(w, "承诺办结 Due       %s\n", due.Format(time.DateOnly))
		}
		fmt.Fprintln(w, "材料 Materials")
		for i, m := range it.Materials {
			mark := "  "
			if slices.Contains(cs.Received, i) {
				mark = "✓ "
			} else if slices.Contains(cs.Materials, i) {
				mark = "· "
			}
			fmt.Fprintf(w, "  %s%d. %s\n", mark, i, m.NameZH)
		}
	}
	switch {
	case cs.Sync.FromReceipt:
		fmt.Fprintf(w, "同步 Sync          %s\n", tFromReceipt.Both())
	case !cs.Sync.Confirmed:
		fmt.Fprintf(w, "同步 Sync          未同步 not yet on the platform (%d pending)\n", cs.Sync.Pending)
	}
	fmt.Fprintln(w, "经过 Timeline")
	for _, e := range cs.Timeline {
		fmt.Fprintf(w, "  %s  %s %s\n", e.Stamp.Time().In(cases.Zone).Format("01-02 15:04"), pad(e.Kind.Label().ZH, 16), actor(e))
	}
	for _, b := range cs.Branches {
		fmt.Fprintf(w, "  分支 Branch: %s · %s · --keep %s\n", b[0].Kind.Label().Both(), actor(b[0]), b[0].ID)
	}
}

// actor names who made an event: the staff ID, and the device it was
// made on, shortened as the counter's timeline does.
func actor(e cases.Event) string {
	dev := tOnDevice.Both() + " " + cases.ShortDevice(e.Device)
	if e.Staff != "" {
		return e.Staff + " · " + dev
	}
	return dev
}
