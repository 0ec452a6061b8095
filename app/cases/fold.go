package cases

import (
	"fmt"
	"slices"
	"sort"
)

// Fold computes a case from its events, in any order and with duplicates.
// Status events form a tree by Parent: a single line is the normal case;
// two different transitions from one parent are a conflict that stays until
// a resolved event picks a branch. Equal transitions from one parent (two
// counters both accepted) are one step. Resolutions do not fork the tree:
// they are marks on the line they keep, and what they decide is worked out
// from all of them together (see decide), so two clerks who settled one
// conflict differently make a conflict of their own.
func Fold(events []Event) (*Case, error) {
	f, err := newFolder(events)
	if err != nil {
		return nil, err
	}
	f.walk()
	for _, e := range f.c.Events {
		if f.inForce[e.ID] {
			f.c.Timeline = append(f.c.Timeline, e)
		}
	}
	return f.c, nil
}

type folder struct {
	c    *Case
	root Event
	byID map[string]Event
	kids map[string][]Event // transition events (not resolutions) by their base
	// marks are the resolutions by their base: the line each one kept.
	marks map[string][]Event
	// inForce marks the events the case's state was folded from.
	inForce map[string]bool
	// decisions says, for each resolution the fold weighed, what it kept
	// and what it set aside (see Case.Resolved); nil until one is.
	decisions map[string]decision
	// seen holds, for each resolution asked about, the events it records
	// having seen (nil for one that records none); see saw.
	seen map[string]map[string]bool
}

// newFolder sorts out a case's events: the submission, the transitions by
// the status event they grew from, the resolutions, and the facts.
func newFolder(events []Event) (*folder, error) {
	evs := dedupe(events)
	root, ok := findRoot(evs)
	if !ok {
		return nil, ErrNoSubmission
	}
	c, err := fromSubmission(root)
	if err != nil {
		return nil, err
	}
	c.Events = evs
	f := &folder{c: c, root: root, byID: make(map[string]Event, len(evs)), kids: map[string][]Event{},
		marks: map[string][]Event{}, inForce: map[string]bool{}}
	for _, e := range evs {
		f.byID[e.ID] = e
	}
	for _, e := range evs {
		switch {
		case e.ID == root.ID:
		case e.Kind == KindSubmitted:
			f.invalid(e, "a case has one submission")
		case e.Kind == KindResolved:
			b := f.base(e)
			f.marks[b] = append(f.marks[b], e)
		case e.Kind.isTransition():
			b := f.base(e)
			f.kids[b] = append(f.kids[b], e)
		default:
			f.fact(e)
		}
	}
	return f, nil
}

// base is the nearest status event at or above e's parent that moved the
// case: facts in between (a print, a rating) do not fork the case, and
// neither do resolutions, which only say which line goes on.
func (f *folder) base(e Event) string {
	p := e.Parent
	for range len(f.byID) {
		q, ok := f.byID[p]
		if !ok || q.Kind.isTransition() && q.Kind != KindResolved {
			return p
		}
		p = q.Parent
	}
	return p
}

// walk follows the line in force from the submission: one step at a time
// while the transitions from the heads agree, through the branch the
// resolutions keep at a fork, to a conflict where they do not settle it.
func (f *folder) walk() {
	c := f.c
	c.Head = f.root.ID
	f.enter(f.root)
	head := []Event{f.root}
	for {
		var kids []Event
		for _, h := range head {
			for _, k := range f.kids[h.ID] {
				if _, err := Next(c.Status, k.Kind); err != nil {
					f.invalid(k, err.Error())
					continue
				}
				kids = append(kids, k)
			}
		}
		if len(kids) == 0 {
			return
		}
		sort.Slice(kids, func(i, j int) bool { return kids[i].Before(kids[j]) })
		if equivalent(kids) {
			f.apply(kids[0])
			for _, k := range kids {
				f.enter(k)
			}
			head = kids
			continue
		}
		options := make([][]Event, len(kids))
		for i, k := range kids {
			options[i] = []Event{k}
		}
		seen := map[string]bool{}
		chosen, branches, won, ok := f.decide(options, seen, true)
		if ok {
			chosen, branches, ok = f.reopen(kids, chosen, won, seen)
		}
		if !ok {
			c.Status = StatusConflict
			c.Branches = branches
			return
		}
		for i, k := range kids {
			if i != chosen {
				c.Discarded = append(c.Discarded, f.subtree(k)...)
			}
		}
		f.apply(kids[chosen])
		f.enter(kids[chosen])
		head = []Event{kids[chosen]}
	}
}

// enter puts a status event in force with the resolutions that kept its
// line, the latest of which becomes the head (what the next event grows
// from) unless a transition follows.
func (f *folder) enter(e Event) {
	f.inForce[e.ID] = true
	for _, m := range f.marks[e.ID] {
		f.inForce[m.ID] = true
		if !m.Before(f.byID[f.c.Head]) {
			f.c.Head = m.ID
		}
		if at := m.Stamp.Time(); at.After(f.c.UpdatedAt) {
			f.c.UpdatedAt = at
		}
	}
}

// equivalent reports whether concurrent transitions agree: same kind, and
// for completions the same decision.
func equivalent(kids []Event) bool {
	first := kids[0]
	for _, k := range kids[1:] {
		if k.Kind != first.Kind {
			return false
		}
		if k.Kind == KindCompleted {
			var a, b Completion
			if first.Decode(&a) != nil || k.Decode(&b) != nil || a.Approved != b.Approved {
				return false
			}
		}
	}
	return true
}

// apply moves the case through one status event.
func (f *folder) apply(e Event) {
	c := f.c
	next, _ := Next(c.Status, e.Kind) // checked by walk
	at := e.Stamp.Time()
	var err error
	switch e.Kind {
	case KindAccepted:
		var p Acceptance
		err = e.Decode(&p)
		c.Received = union(c.Received, p.Received)
		c.Owed = minus(union(c.Owed, p.Shortfall), c.Received)
		if c.AcceptedAt.IsZero() {
			c.AcceptedAt = at
		}
	case KindSupplementRequested:
		var p SupplementRequest
		err = e.Decode(&p)
		c.Missing = p.Missing
		c.Received = minus(union(c.Received, p.Received), p.Missing)
	case KindSupplementReceived:
		var p SupplementReceipt
		err = e.Decode(&p)
		c.Received = union(c.Received, p.Received)
		// What the notice asked for and did not come is owed: a receipt
		// names it in Shortfall; one from a device of an older version
		// that took part of the notice leaves it out, and it is owed all
		// the same rather than forgotten.
		c.Owed = minus(union(union(c.Owed, p.Shortfall), c.Missing), c.Received)
		c.Missing = nil
		if c.AcceptedAt.IsZero() {
			c.AcceptedAt = at
		}
	case KindRefused:
		var p Refusal
		err = e.Decode(&p)
		c.Reasons = p.Reasons
	case KindSuspended:
		var p Reasoned
		err = e.Decode(&p)
		c.Reason = p.Reason
		c.Suspensions = append(c.Suspensions, Span{From: at})
	case KindResumed:
		if n := len(c.Suspensions); n > 0 {
			c.Suspensions[n-1].To = at
		}
	case KindCompleted:
		var p Completion
		err = e.Decode(&p)
		c.Approved = p.Approved
		c.CompletedAt = at
	case KindWithdrawn:
		var p Reasoned
		err = e.Decode(&p)
		c.Reason = p.Reason
	}
	if err != nil {
		f.invalid(e, err.Error())
	}
	c.Status = next
	c.Head = e.ID
	c.UpdatedAt = at
	f.inForce[e.ID] = true
}

// fact records an event that does not change the status.
func (f *folder) fact(e Event) {
	c := f.c
	switch e.Kind {
	case KindRated:
		if c.Rating != nil {
			f.invalid(e, ErrAlreadyRated.Error())
			return
		}
		var r Rating
		if err := e.Decode(&r); err != nil {
			f.invalid(e, err.Error())
			return
		}
		c.Rating = &r
	case KindPrinted:
		c.Printed++
		var p Printing
		if e.Decode(&p) == nil && p.Ticket != "" && c.Ticket == "" {
			c.Ticket, c.IssuedAt = p.Ticket, e.Stamp.Time()
		}
	case KindCalled:
		var p Call
		if err := e.Decode(&p); err != nil {
			f.invalid(e, err.Error())
			return
		}
		c.CalledAt, c.Window = e.Stamp.Time(), p.Window
	}
	f.inForce[e.ID] = true
}

func (f *folder) invalid(e Event, reason string) {
	f.c.Invalid = append(f.c.Invalid, Invalid{Event: e, Reason: reason})
}

func fromSubmission(root Event) (*Case, error) {
	var s Submission
	if err := root.Decode(&s); err != nil {
		return nil, err
	}
	at := root.Stamp.Time()
	return &Case{
		ID: root.CaseID, Number: s.Number, ItemCode: s.ItemCode, Center: root.Center,
		CatalogVersion: s.CatalogVersion, Status: StatusSubmitted, Channel: s.Channel,
		Device: root.Device, Fields: s.Fields, Materials: s.Materials,
		SubmittedAt: at, UpdatedAt: at,
	}, nil
}

// findRoot returns the submitted event whose ID is the case ID.
func findRoot(evs []Event) (Event, bool) {
	for _, e := range evs {
		if e.Kind == KindSubmitted && e.ID == e.CaseID {
			return e, true
		}
	}
	return Event{}, false
}

// dedupe sorts events and keeps the first of each ID.
func dedupe(events []Event) []Event {
	evs := slices.Clone(events)
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Before(evs[j]) })
	seen := make(map[string]bool, len(evs))
	out := evs[:0]
	for _, e := range evs {
		if !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e)
		}
	}
	return out
}

func union(a, b []int) []int {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	slices.Sort(a)
	return a
}

// String names a case for messages: its number and status.
func (c *Case) String() string { return fmt.Sprintf("%s (%s)", c.Number, c.Status) }
