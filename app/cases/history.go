package cases

import "slices"

// History returns the events in force and, in their place in time, the
// events of branches a resolved conflict set aside: nothing a clerk did
// vanishes from the record a counter or a support engineer reads.
func (c *Case) History() []Event {
	events := append(slices.Clone(c.Timeline), c.Discarded...)
	slices.SortStableFunc(events, func(x, y Event) int {
		switch {
		case x.Before(y):
			return -1
		case y.Before(x):
			return 1
		}
		return 0
	})
	return events
}

// SetAside reports whether e is an event of a branch a resolution did not
// keep.
func (c *Case) SetAside(e Event) bool {
	return slices.ContainsFunc(c.Discarded, func(d Event) bool { return d.ID == e.ID })
}

// Resolved returns what a resolution event of the case kept and set aside:
// the first event of the branch kept, and the first event of each branch
// that grew from the same point and was set aside. ok is false for an
// event that is not a resolution of this case.
func (c *Case) Resolved(e Event) (r Resolution, kept Event, aside []Event, ok bool) {
	if e.Kind != KindResolved || e.Decode(&r) != nil {
		return r, kept, nil, false
	}
	byID := make(map[string]Event, len(c.Events))
	for _, x := range c.Events {
		byID[x.ID] = x
	}
	if kept, ok = byID[r.Chosen]; !ok {
		return r, kept, nil, false
	}
	for _, x := range c.Discarded {
		if !c.SetAside(byID[x.Parent]) && branchBase(byID, x) == branchBase(byID, kept) {
			aside = append(aside, x)
		}
	}
	return r, kept, aside, true
}

// branchBase is the status event an event grew from: its parent, past any
// facts (printing, calls, ratings, reveals) in between, as the fold
// reckons branches.
func branchBase(byID map[string]Event, e Event) string {
	p := e.Parent
	for range len(byID) {
		q, ok := byID[p]
		if !ok {
			return p
		}
		switch q.Kind {
		case KindPrinted, KindRated, KindRevealed, KindCalled:
			p = q.Parent
			continue
		}
		return p
	}
	return p
}

// StaffOf returns the staff ID on the case's latest event of a kind in
// force, or "": the clerk whose decision a notice is signed for.
func (c *Case) StaffOf(k Kind) string {
	for i := len(c.Timeline) - 1; i >= 0; i-- {
		if e := c.Timeline[i]; e.Kind == k && e.Staff != "" {
			return e.Staff
		}
	}
	return ""
}
