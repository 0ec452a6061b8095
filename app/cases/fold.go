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
// counters both accepted) are one step.
func Fold(events []Event) (*Case, error) {
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
	f := folder{c: c, byID: make(map[string]Event, len(evs)), kids: map[string][]Event{}, inForce: map[string]bool{}}
	for _, e := range evs {
		f.byID[e.ID] = e
	}
	for _, e := range evs {
		switch {
		case e.ID == root.ID:
		case e.Kind == KindSubmitted:
			f.invalid(e, "a case has one submission")
		case e.Kind.isTransition():
			b := f.base(e)
			f.kids[b] = append(f.kids[b], e)
		default:
			f.fact(e)
		}
	}
	f.walk(root)
	for _, e := range evs {
		if f.inForce[e.ID] {
			c.Timeline = append(c.Timeline, e)
		}
	}
	return c, nil
}

type folder struct {
	c    *Case
	byID map[string]Event
	kids map[string][]Event // transition events by their base
	// inForce marks the events the case's state was folded from.
	inForce map[string]bool
}

// base is the nearest status event at or above e's parent: facts in between
// (a print, a rating) do not fork the case.
func (f *folder) base(e Event) string {
	p := e.Parent
	for range len(f.byID) {
		q, ok := f.byID[p]
		if !ok || q.Kind.isTransition() {
			return p
		}
		p = q.Parent
	}
	return p
}

func (f *folder) walk(root Event) {
	c := f.c
	head := []string{root.ID}
	c.Head = root.ID
	f.inForce[root.ID] = true
	for {
		var kids []Event
		for _, h := range head {
			for _, k := range f.kids[h] {
				if _, err := Next(c.Status, k.Kind); err != nil && k.Kind != KindResolved {
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
			head = head[:0]
			for _, k := range kids {
				head = append(head, k.ID)
			}
			continue
		}
		chosen, ok := f.resolution(kids)
		if !ok {
			c.Status = StatusConflict
			for _, k := range kids {
				c.Branches = append(c.Branches, f.chain(k))
			}
			return
		}
		for _, k := range kids {
			if k.ID != chosen.ID {
				c.Discarded = append(c.Discarded, f.chain(k)...)
			}
		}
		f.apply(chosen)
		head = []string{chosen.ID}
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

// resolution finds the resolved event that picked one of these branches.
func (f *folder) resolution(kids []Event) (Event, bool) {
	for _, e := range f.c.Events {
		if e.Kind != KindResolved {
			continue
		}
		var r Resolution
		if e.Decode(&r) != nil {
			continue
		}
		for _, k := range kids {
			if k.ID == r.Chosen {
				return k, true
			}
		}
	}
	return Event{}, false
}

// chain is a branch from its first event down its line of descendants.
func (f *folder) chain(e Event) []Event {
	out := []Event{e}
	for len(out) <= len(f.byID) {
		next := f.kids[out[len(out)-1].ID]
		if len(next) == 0 {
			break
		}
		out = append(out, next...)
		if len(next) > 1 { // a fork inside a branch: show it, stop there
			break
		}
	}
	return out
}

// apply moves the case through one status event.
func (f *folder) apply(e Event) {
	c := f.c
	next := c.Status
	if e.Kind != KindResolved {
		next, _ = Next(c.Status, e.Kind) // checked by walk
	}
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
