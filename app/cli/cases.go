package cli

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
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
		"find cases by number, phone, ID number (last four of either) or name; newest first", casesList},
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
	fs.Var(&materials, "material", "a material the applicant brings, numbered from 1 as tongban catalog show lists them (repeat; default: every required one)")
	pos, err := c.parse(fs, args)
	if err != nil {
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
		if was, twice := values[k]; twice {
			return badf(tFieldTwice, k, was, v)
		}
		values[k] = v
	}
	if len(pos) > 0 { // a value without --field (or a typo) must not be dropped unseen
		return badf(tStrayArgs, c.name, strings.Join(pos, " "), c.synopsis)
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
		idx, err := materialList(it, m, "--material")
		if err != nil {
			return err
		}
		picked = append(picked, idx...)
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
		return &badInput{fieldErrors(it, values, problems, now)}
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
		if err := d.withPending(cs); err != nil {
			return err
		}
		return writeJSON(c.env.Stdout, caseView(cs))
	}
	fmt.Fprintf(c.env.Stdout, "已提交 Submitted %s  %s\n", cs.Number, it.NameZH)
	return nil
}

// fieldErrors joins form problems: one sentence naming every required
// field left empty, then one sentence per other field. Two say more than
// the kiosk's words, which sit beside a form that shows the fields and
// the options: a key the item lacks lists the item's fields, and a choice
// outside its options lists them, in both languages.
func fieldErrors(it *catalog.Item, values map[string]string, problems []*cases.FieldError, now time.Time) error {
	var errs []error
	var empty []catalog.Field
	var unknown []string // one sentence for them all, listing the item's fields once
	for _, p := range problems {
		j := slices.IndexFunc(it.Fields, func(f catalog.Field) bool { return f.Key == p.Key })
		if j < 0 {
			unknown = append(unknown, p.Key)
			continue
		}
		f := it.Fields[j]
		if clean, _ := cases.CheckField(f, values[f.Key], now); f.Required && clean == "" {
			empty = append(empty, f)
			continue
		}
		if v := strings.TrimSpace(values[f.Key]); f.Kind == catalog.KindChoice && v != "" && !slices.Contains(f.Choices, v) {
			label := cases.Text{ZH: f.LabelZH, EN: f.LabelEN}
			en := f.Choices
			if f.ChoicesEN != nil {
				en = f.ChoicesEN
			}
			options := cases.Text{ZH: strings.Join(f.Choices, "、"), EN: strings.Join(en, ", ")}
			errs = append(errs, failf(tNotAChoice, f.Key, label, options, v))
			continue
		}
		errs = append(errs, p)
	}
	if len(unknown) > 0 {
		text := tNoSuchField
		if len(unknown) > 1 {
			text = tNoSuchFields
		}
		errs = append([]error{failf(text, strings.Join(unknown, ", "), it.Code, fieldList(it))}, errs...)
	}
	if len(empty) > 0 {
		slices.SortFunc(empty, func(a, b catalog.Field) int { return fieldIndex(it, a.Key) - fieldIndex(it, b.Key) })
		errs = append([]error{failf(tFieldsMissing, fieldNames(empty))}, errs...)
	}
	return errors.Join(errs...)
}

func fieldIndex(it *catalog.Item, key string) int {
	return slices.IndexFunc(it.Fields, func(f catalog.Field) bool { return f.Key == key })
}

// fieldList names an item's fields by key with their labels, in each
// language: "name（姓名）、phone（手机号码）".
func fieldList(it *catalog.Item) cases.Text { return fieldNames(it.Fields) }

// fieldNames names fields by key with their labels, in each language.
func fieldNames(fields []catalog.Field) cases.Text {
	zh, en := make([]string, len(fields)), make([]string, len(fields))
	for i, f := range fields {
		zh[i] = f.Key + "（" + f.LabelZH + "）"
		en[i] = f.Key + " (" + f.LabelEN + ")"
	}
	return cases.Text{ZH: strings.Join(zh, "、"), EN: strings.Join(en, ", ")}
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
		// Standard output stays a plain array for scripts; how many more
		// there are goes to standard error, as a warning does.
		views := make([]caseJSON, 0, len(found))
		for _, s := range found {
			full, err := d.store.Case(s.ID)
			if err != nil {
				return err
			}
			if err := d.withPending(full); err != nil {
				return err
			}
			views = append(views, caseView(full))
		}
		if err := writeJSON(c.env.Stdout, views); err != nil {
			return err
		}
		if line := moreLine(more, *limit); line != "" {
			fmt.Fprintf(c.env.Stderr, "tongban: %s\n", line)
		}
		return nil
	}
	w := c.env.Stdout
	for _, cs := range found {
		fmt.Fprintf(w, "%s %s %s %s %s  %s\n", pad(cs.Number, 16), pad(cs.Status.Label().ZH, 8),
			pad(cs.Name(), 10), pad(cases.MaskPhone(cs.Phone()), 12),
			cs.SubmittedAt.In(cases.Zone).Format("01-02 15:04"), d.itemName(cs.ItemCode))
	}
	if len(found) == 0 {
		fmt.Fprintln(w, "没有案件 No cases")
	} else if line := moreLine(more, *limit); line != "" {
		fmt.Fprintln(w, line)
	}
	return nil
}

// moreLine says how many cases a list cut at limit left out, and how to
// see them; "" when it left out none.
func moreLine(more, limit int) string {
	switch {
	case more >= moreCap:
		return bothf(tManyMore, moreCap)
	case more > 0:
		return bothf(tMore, more, limit+more)
	}
	return ""
}

func statusNames() string {
	names := make([]string, len(cases.Statuses))
	for i, s := range cases.Statuses {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

func casesShow(c *call, args []string) error {
	fs := c.flags(c.name)
	reveal := fs.Bool("reveal", false, "show the whole ID number, recorded in the case's audit trail under --staff")
	staffID := fs.String("staff", "", "the clerk who asks to see the whole ID number (with --reveal)")
	d, cs, err := c.openCase(fs, args)
	if err != nil {
		return err
	}
	defer d.close()
	if *reveal {
		return d.revealCase(c, cs, *staffID)
	}
	if c.json {
		return writeJSON(c.env.Stdout, caseView(cs))
	}
	d.printCase(c.env.Stdout, cs, false)
	return nil
}

// revealCase shows a case with the applicant's whole ID number, as the
// counter's Reveal (F7) does, and records who looked in the case's events.
func (d *device) revealCase(c *call, cs *cases.Case, staffID string) error {
	// The role first: a kiosk has no clerks to name.
	if id, err := d.store.Identity(); err != nil {
		return err
	} else if id.Enrolled() && !cases.RoleMakes(id.Role, cases.KindRevealed) {
		return badf(tRoleCannot, roleName(id.Role), tRevealWords)
	}
	if staffID == "" {
		return badf(tRevealStaff)
	}
	if err := d.checkClerk(staffID); err != nil {
		return err
	}
	updated, err := d.store.Act(cs.ID, cases.Action{Kind: cases.KindRevealed, Staff: staffID, Payload: cases.Reveal{Field: catalog.FieldIDNumber}})
	if err != nil {
		return err
	}
	// The reveal is an event of its own, waiting to sync like any other.
	if err := d.withPending(updated); err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.env.Stdout, caseViewRevealed(updated))
	}
	d.printCase(c.env.Stdout, updated, true)
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
