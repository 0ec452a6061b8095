package cli

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/staff"
)

// The counter's actions on the command line, for scripts and support:
// the same status machine and the same one-transaction store path as the
// counter window. Each action takes only its own flags, so a flag that
// means nothing to it is refused rather than ignored.

// actionFlag is a flag some actions take; --staff, --data and --json are
// everyone's.
type actionFlag uint

const (
	takesReceived actionFlag = 1 << iota
	takesMissing
	takesReason
	takesNote
	takesDecision // --approved, --denied
	takesKeep
	takesLevel
	takesPrint
	takesTolerate
)

// action is one of the counter's actions: its event kind, its flags, and
// what its help says.
type action struct {
	kind              cases.Kind
	flags             actionFlag
	synopsis, summary string
	// words name the action in tNotAllowed: "不能受理", "cannot be accepted".
	words cases.Text
}

var actions = map[string]action{
	"accept": {cases.KindAccepted, takesReceived | takesTolerate | takesNote | takesPrint,
		"NUMBER --staff ID --received 1,2,4 [--tolerate] [--note TEXT] [--print]",
		"accept with the materials received: every required one, or --tolerate (容缺受理)",
		cases.Text{ZH: "受理", EN: "be accepted"}},
	"supplement": {cases.KindSupplementRequested, takesMissing | takesReceived | takesNote | takesPrint,
		"NUMBER --staff ID --missing 1,2 [--received 3] [--note TEXT] [--print]",
		"ask for every missing material in one notice (一次性告知)",
		cases.Text{ZH: "发出补正告知", EN: "be sent a notice of missing materials"}},
	"supplied": {cases.KindSupplementReceived, takesReceived | takesTolerate | takesPrint,
		"NUMBER --staff ID --received 1,2 [--tolerate] [--print]",
		"record materials handed in: every one a notice asked for (or --tolerate, 容缺受理), or those an accepted case owes",
		cases.Text{ZH: "登记补正材料", EN: "take in missing materials"}},
	"refuse": {cases.KindRefused, takesReason | takesPrint,
		"NUMBER --staff ID --reason TEXT … [--print]",
		"refuse the application, with every reason (不予受理)",
		cases.Text{ZH: "不予受理", EN: "be refused"}},
	"suspend": {cases.KindSuspended, takesReason,
		"NUMBER --staff ID --reason TEXT",
		"stop the clock for a special procedure (an inspection, a public notice…)",
		cases.Text{ZH: "中止", EN: "be suspended"}},
	"resume": {cases.KindResumed, takesReason,
		"NUMBER --staff ID --reason TEXT",
		"go on with a suspended case",
		cases.Text{ZH: "恢复办理", EN: "be resumed"}},
	"complete": {cases.KindCompleted, takesDecision | takesNote,
		"NUMBER --staff ID --approved|--denied [--note TEXT]",
		"close the case with its decision (办结)",
		cases.Text{ZH: "办结", EN: "be completed"}},
	"withdraw": {cases.KindWithdrawn, takesReason,
		"NUMBER --reason TEXT [--staff ID]",
		"withdraw the application, as the applicant asked",
		cases.Text{ZH: "撤回", EN: "be withdrawn"}},
	"resolve": {cases.KindResolved, takesKeep | takesNote,
		"NUMBER --staff ID --keep EVENT_ID [--note TEXT]",
		"keep one branch of a case two devices handled differently (cases show lists them)",
		cases.Text{ZH: "核对冲突", EN: "have a conflict resolved"}},
	"rate": {cases.KindRated, takesLevel | takesNote,
		"NUMBER --level 1…5 [--note COMMENT] [--staff ID]",
		"record the applicant's rating (好差评): 5 非常满意 … 1 非常不满意",
		cases.Text{ZH: "评价", EN: "be rated"}},
}

func init() {
	for verb, a := range actions {
		caseVerbs[verb] = caseVerb{a.synopsis, a.summary, func(c *call, args []string) error { return casesAct(c, args, a) }}
	}
}

// actionArgs are the flags of an action as given.
type actionArgs struct {
	staff, received, missing, note, keep string
	reasons                              stringList
	approved, denied, print, tolerate    bool
	level                                int
}

// define gives the flag set the flags a takes.
func (f *actionArgs) define(fs *flag.FlagSet, a action) {
	staffHelp := "the clerk's staff ID (see tongban staff list)"
	if a.kind == cases.KindRated || a.kind == cases.KindWithdrawn {
		staffHelp += "; may be left out"
	}
	fs.StringVar(&f.staff, "staff", "", staffHelp)
	if a.flags&takesReceived != 0 {
		fs.StringVar(&f.received, "received", "", "the materials checked in, numbered from 1 as tongban catalog show lists them: 1,2,4")
	}
	if a.flags&takesMissing != 0 {
		fs.StringVar(&f.missing, "missing", "", "every missing material, numbered from 1 as tongban catalog show lists them: 3,5 (one notice lists them all)")
	}
	if a.flags&takesTolerate != 0 {
		help := "accept although required materials are missing (容缺受理); the acceptance records them as owed and the receipt lists them"
		if a.kind == cases.KindSupplementReceived {
			help = "go on although materials the notice asked for are still missing (容缺受理); they are recorded as owed and the receipt lists them"
		}
		fs.BoolVar(&f.tolerate, "tolerate", false, help)
	}
	if a.flags&takesReason != 0 {
		help := "the reason"
		if a.kind == cases.KindRefused {
			help = "a reason the notice prints (repeat for each)"
		}
		fs.Var(&f.reasons, "reason", help)
	}
	if a.flags&takesDecision != 0 {
		fs.BoolVar(&f.approved, "approved", false, "the application is approved")
		fs.BoolVar(&f.denied, "denied", false, "the application is denied")
	}
	if a.flags&takesKeep != 0 {
		fs.StringVar(&f.keep, "keep", "", "the ID of the first event of the branch to keep")
	}
	if a.flags&takesLevel != 0 {
		fs.IntVar(&f.level, "level", 0, "5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意")
	}
	if a.flags&takesNote != 0 {
		help := "a note kept with the event"
		if a.kind == cases.KindRated {
			help = "the applicant's comment"
		}
		fs.StringVar(&f.note, "note", "", help)
	}
	if a.flags&takesPrint != 0 {
		doc := "the notice it gives"
		if a.kind == cases.KindAccepted || a.kind == cases.KindSupplementReceived {
			doc = "the acceptance receipt"
		}
		fs.BoolVar(&f.print, "print", false, "print "+doc+" on this device's printer")
	}
}

// checkClerk refuses a staff ID this device does not know, or a clerk
// disabled, with the sentence for what was typed.
func (d *device) checkClerk(id string) error {
	clerk, err := d.store.Clerk(id)
	if err != nil {
		return d.noClerk(id)
	}
	if clerk.Disabled {
		return &badInput{failf(tClerkDisabled, clerk.ID, staff.ErrDisabled)}
	}
	return nil
}

// noClerk says a staff ID is not on this device, and where clerks come
// from: the platform for an enrolled device, tongban staff add otherwise.
func (d *device) noClerk(id string) error {
	if ident, err := d.store.Identity(); err == nil && ident.Enrolled() {
		return badf(tNoClerkEnrolled, id)
	}
	return badf(tNoClerk, id)
}

func casesAct(c *call, args []string, a action) error {
	fs := c.flags(c.name)
	var f actionArgs
	f.define(fs, a)
	d, cs, err := c.openCase(fs, args)
	if err != nil {
		return err
	}
	defer d.close()
	// The platform takes from a device only the kinds its role makes; an
	// action saved here that it would set aside is refused here instead.
	if id, err := d.store.Identity(); err != nil {
		return err
	} else if id.Enrolled() && !cases.RoleMakes(id.Role, a.kind) {
		return badf(tRoleCannot, roleName(id.Role), a.words)
	}
	if a.kind != cases.KindRated && a.kind != cases.KindWithdrawn && f.staff == "" {
		return badf(tSayStaff)
	}
	if f.staff != "" {
		if err := d.checkClerk(f.staff); err != nil {
			return err
		}
	}
	// The status first: advice on materials is no help for an action
	// the case's status does not allow.
	if _, err := cases.Next(cs.Status, a.kind); err != nil {
		return actError(err, cs, a, f.staff, d)
	}
	item, _ := d.catalog.Item(cs.ItemCode)
	payload, tolerated, err := f.payload(a.kind, cs, item)
	if err != nil {
		return err
	}
	updated, err := d.store.Act(cs.ID, cases.Action{Kind: a.kind, Staff: f.staff, Payload: payload})
	if err != nil {
		return actError(err, cs, a, f.staff, d)
	}
	// The action is saved: a printer fault now leaves it so, and says so.
	// Materials received after a notice accept the case (or complete its
	// materials): the citizen's paper is the receipt, listing what is owed.
	// The paper goes first, so that the case shown (--json too) has it
	// among its events.
	var where string
	var printErr error
	if f.print {
		kind := a.kind
		if kind == cases.KindSupplementReceived {
			kind = cases.KindAccepted
		}
		d.clerk = f.staff
		where, printErr = d.printFor(updated, kind)
		if again, err := d.store.Case(updated.ID); err == nil {
			updated = again
		}
	}
	if c.json {
		if err := d.withPending(updated); err != nil {
			return err
		}
		if err := writeJSON(c.env.Stdout, caseView(updated)); err != nil {
			return err
		}
		return printErr
	}
	fmt.Fprintf(c.env.Stdout, "%s %s: %s %s\n", updated.Number, a.kind.Label().ZH, updated.Status.Label().ZH, updated.Status.Label().EN)
	if len(tolerated) > 0 {
		fmt.Fprintln(c.env.Stdout, bothf(tTolerated, cases.MaterialNames(item, tolerated)))
	}
	if where != "" {
		fmt.Fprintln(c.env.Stdout, where)
	}
	return printErr
}

// payload checks the flags of an action and makes its payload. For an
// acceptance or a receipt of supplements with --tolerate it also returns
// the materials accepted as owed. The rules of materials are app/cases's
// (RequiredMissing, Outstanding), the same as the counter window's.
func (f *actionArgs) payload(kind cases.Kind, cs *cases.Case, item *catalog.Item) (any, []int, error) {
	switch kind {
	case cases.KindAccepted:
		idx, err := materialList(item, f.received, "--received")
		if err != nil {
			return nil, nil, err
		}
		missing := cases.RequiredMissing(item, append(slices.Clone(cs.Received), idx...))
		if len(missing) > 0 && !f.tolerate {
			return nil, nil, badf(tRequiredMissing, cases.MaterialNames(item, missing), cs.Number, materialNumbers(missing))
		}
		// 容缺受理 is a decision: the event records it, and its note says so
		return cases.Acceptance{Received: idx, Shortfall: missing, Note: cases.ShortfallNote(item, missing, f.note)}, missing, nil
	case cases.KindSupplementReceived:
		idx, err := materialList(item, f.received, "--received")
		if err != nil {
			return nil, nil, err
		}
		left := cs.Outstanding(idx)
		if len(left) > 0 && !f.tolerate {
			return nil, nil, badf(tStillMissing, cases.MaterialNames(item, left), cs.Number, materialNumbers(cs.Missing))
		}
		return cases.SupplementReceipt{Received: idx, Shortfall: left}, left, nil
	case cases.KindSupplementRequested:
		idx, err := materialList(item, f.missing, "--missing")
		if err != nil {
			return nil, nil, err
		}
		if len(idx) == 0 {
			return nil, nil, badf(tNoMissing, cs.Number)
		}
		received, err := materialList(item, f.received, "--received")
		if err != nil {
			return nil, nil, err
		}
		if both := intersect(idx, received); len(both) > 0 {
			return nil, nil, badf(tMissingAndReceived, materialNumbers(both))
		}
		if left := cases.NoticeLeavesOut(item, cs, idx, received); len(left) > 0 {
			return nil, nil, badf(tNoticeLeavesOut, cases.MaterialNames(item, left), materialNumbers(left))
		}
		return cases.SupplementRequest{Missing: idx, Received: received, Note: f.note}, nil, nil
	case cases.KindRefused:
		reasons := cases.Reasons(f.reasons)
		if len(reasons) == 0 {
			return nil, nil, badf(tNoReasons)
		}
		return cases.Refusal{Reasons: reasons}, nil, nil
	case cases.KindSuspended, cases.KindResumed, cases.KindWithdrawn:
		reason := strings.TrimSpace(strings.Join(f.reasons, "；"))
		if reason == "" {
			return nil, nil, badf(tNoReason[kind])
		}
		return cases.Reasoned{Reason: reason}, nil, nil
	case cases.KindCompleted:
		if f.approved && f.denied {
			return nil, nil, badf(tOneDecision)
		}
		if !f.approved && !f.denied {
			return nil, nil, badf(tSayDecision)
		}
		return cases.Completion{Approved: f.approved, Note: f.note}, nil, nil
	case cases.KindResolved:
		if f.keep == "" {
			return nil, nil, badf(tGiveKeep, cs.Number)
		}
		if cs.Status == cases.StatusConflict && !slices.ContainsFunc(cs.Branches, func(b []cases.Event) bool { return b[0].ID == f.keep }) {
			return nil, nil, badf(tNotABranch, f.keep, cs.Number)
		}
		return cases.Resolution{Chosen: f.keep, Note: f.note}, nil, nil
	case cases.KindRated:
		if !cases.RatingLevel(f.level).Valid() {
			return nil, nil, badf(tBadLevel, f.level)
		}
		return cases.Rating{Level: cases.RatingLevel(f.level), Channel: cases.ChannelCounter, Comment: f.note}, nil, nil
	}
	return nil, nil, nil
}

// actError says why the store refused an action, for the case as it was,
// and where a command would do instead, that command for the clerk staff.
func actError(err error, cs *cases.Case, a action, staff string, d *device) error {
	item, _ := d.catalog.Item(cs.ItemCode)
	switch {
	case errors.Is(err, cases.ErrNotAllowed) && cs.Status == cases.StatusConflict:
		return badf(tInConflict, cs.Number)
	case errors.Is(err, cases.ErrNotAllowed) && cs.Status == cases.StatusSupplement && a.kind == cases.KindAccepted:
		// The applicant came back with the materials the notice asked for.
		return badf(tAwaitingSupplied, cs.Number, cases.MaterialNames(item, cs.Missing), staff, materialNumbers(cs.Missing), d.dir)
	case errors.Is(err, cases.ErrNotAllowed):
		st := cs.Status.Label()
		return badf(tNotAllowed, cs.Number, cases.Text{ZH: st.ZH, EN: strings.ToLower(st.EN)}, a.words)
	case errors.Is(err, cases.ErrAlreadyRated):
		return badf(tAlreadyRated, cs.Number)
	case errors.Is(err, cases.ErrOwed):
		return badf(tOwedFirst, cs.Number, cases.MaterialNames(item, cs.Owed), staff, materialNumbers(cs.Owed), d.dir)
	}
	return &badInput{err}
}

// materialList reads "1,2,4" as material numbers of an item, counted from
// 1 as tongban catalog show, the kiosk, the counter and the paper number
// them, and returns their indexes in the item (from 0).
func materialList(item *catalog.Item, s, flag string) ([]int, error) {
	var out []int
	// A number given twice (1,2,4,4) is one material, recorded once.
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		n, err := strconv.Atoi(part)
		switch {
		case item != nil && len(item.Materials) == 0:
			return nil, badf(tNoMaterials, flag, item.Code)
		case err != nil || n < 1 || item != nil && n > len(item.Materials):
			code, last := "CODE", 1
			if item != nil {
				code, last = item.Code, len(item.Materials)
			}
			return nil, badf(tBadMaterial, flag, part, last, code)
		}
		if !slices.Contains(out, n-1) {
			out = append(out, n-1)
		}
	}
	return out, nil
}

// intersect returns the numbers in both a and b, in a's order.
func intersect(a, b []int) []int {
	var out []int
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// materialNumber is the number people see for a material: its place in
// the item's list counted from 1, everywhere but JSON.
func materialNumber(index int) int { return index + 1 }

// materialNumbers writes materials by their indexes as a flag takes them:
// 2,4.
func materialNumbers(idx []int) string {
	s := make([]string, len(idx))
	for i, n := range idx {
		s[i] = strconv.Itoa(materialNumber(n))
	}
	return strings.Join(s, ",")
}
