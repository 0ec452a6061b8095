package cli

import (
	"fmt"
	"strconv"
	"strings"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/staff"
)

// The counter's actions on the command line, for scripts and support:
// the same status machine and the same one-transaction store path as the
// counter window.
func init() {
	for verb, kind := range map[string]cases.Kind{
		"accept":     cases.KindAccepted,
		"supplement": cases.KindSupplementRequested,
		"supplied":   cases.KindSupplementReceived,
		"refuse":     cases.KindRefused,
		"suspend":    cases.KindSuspended,
		"resume":     cases.KindResumed,
		"complete":   cases.KindCompleted,
		"withdraw":   cases.KindWithdrawn,
		"resolve":    cases.KindResolved,
		"rate":       cases.KindRated,
	} {
		caseVerbs[verb] = func(c *call, args []string) error { return casesAct(c, args, kind) }
	}
}

func casesAct(c *call, args []string, kind cases.Kind) error {
	fs := c.flags(c.name)
	staffID := fs.String("staff", "", "the clerk's staff ID (see tongban staff list)")
	received := fs.String("received", "", "materials checked in, as indexes: 0,1,3 (accept, supplied)")
	missing := fs.String("missing", "", "every missing material, as indexes: 1,2 (supplement)")
	var reasons stringList
	fs.Var(&reasons, "reason", "a reason (refuse: repeat for each; suspend, withdraw)")
	note := fs.String("note", "", "a note kept with the event")
	approved := fs.Bool("approved", false, "complete: the application is approved")
	denied := fs.Bool("denied", false, "complete: the application is denied")
	keep := fs.String("keep", "", "resolve: the ID of the first event of the branch to keep")
	level := fs.Int("level", 0, "rate: 5 非常满意 … 1 非常不满意")
	print := fs.Bool("print", false, "print the notice this action gives (supplement, refuse) or the receipt (accept)")
	d, cs, err := c.openCase(fs, args, " --staff ID")
	if err != nil {
		return err
	}
	defer d.close()
	if kind != cases.KindRated && kind != cases.KindWithdrawn && *staffID == "" {
		return badf("say who acts with --staff ID; tongban staff list shows the clerks")
	}
	if *staffID != "" {
		clerk, err := d.store.Clerk(*staffID)
		if err != nil {
			return badf("there is no clerk %q on this device; add one with tongban staff add", *staffID)
		}
		if clerk.Disabled {
			return &badInput{fmt.Errorf("clerk %s: %w", clerk.ID, staff.ErrDisabled)}
		}
	}
	item, _ := d.catalog.Item(cs.ItemCode)
	var payload any
	switch kind {
	case cases.KindAccepted:
		idx, err := materialList(item, *received, "--received")
		if err != nil {
			return err
		}
		payload = cases.Acceptance{Received: idx, Note: *note}
	case cases.KindSupplementReceived:
		idx, err := materialList(item, *received, "--received")
		if err != nil {
			return err
		}
		payload = cases.SupplementReceipt{Received: idx}
	case cases.KindSupplementRequested:
		idx, err := materialList(item, *missing, "--missing")
		if err != nil {
			return err
		}
		payload = cases.SupplementRequest{Missing: idx, Note: *note}
	case cases.KindRefused:
		payload = cases.Refusal{Reasons: reasons}
	case cases.KindSuspended, cases.KindResumed, cases.KindWithdrawn:
		payload = cases.Reasoned{Reason: strings.Join(reasons, "；")}
	case cases.KindCompleted:
		if *approved == *denied {
			return badf("say how the case ends: --approved or --denied")
		}
		payload = cases.Completion{Approved: *approved, Note: *note}
	case cases.KindResolved:
		payload = cases.Resolution{Chosen: *keep, Note: *note}
	case cases.KindRated:
		payload = cases.Rating{Level: cases.RatingLevel(*level), Channel: cases.ChannelCounter, Comment: *note}
	}
	updated, err := d.store.Act(cs.ID, cases.Action{Kind: kind, Staff: *staffID, Payload: payload})
	if err != nil {
		return &badInput{err}
	}
	if *print {
		if err := d.printFor(updated, kind, *staffID); err != nil {
			return err
		}
	}
	if c.json {
		return writeJSON(c.env.Stdout, caseView(updated))
	}
	fmt.Fprintf(c.env.Stdout, "%s %s: %s %s\n", updated.Number, kind.Label().ZH, updated.Status.Label().ZH, updated.Status.Label().EN)
	return nil
}

// materialList reads "0,1,3" as material indexes of an item.
func materialList(item *catalog.Item, s, flag string) ([]int, error) {
	var out []int
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		n, err := strconv.Atoi(part)
		if err != nil || item != nil && (n < 0 || n >= len(item.Materials)) {
			return nil, badf("%s %q is not a list of material numbers; tongban catalog show lists them from 0", flag, s)
		}
		out = append(out, n)
	}
	return out, nil
}
