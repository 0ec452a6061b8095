package cases

import "slices"

// History returns the events in force and, in their place in time, the
// events of branches a resolved conflict set aside: nothing a clerk did
// vanishes from the record a counter or a support engineer reads.
func (c *Case) History() []Event {
	return InTime(append(slices.Clone(c.Timeline), c.Discarded...))
}

// InTime returns the events in the order they happened (their stamps),
// as a new slice; events of one moment keep their order.
func InTime(events []Event) []Event {
	out := slices.Clone(events)
	slices.SortStableFunc(out, func(x, y Event) int {
		switch {
		case x.Before(y):
			return -1
		case y.Before(x):
			return 1
		}
		return 0
	})
	return out
}

// SetAside reports whether e is an event of a branch a resolution did not
// keep: one of its transitions or resolutions, or a fact recorded on it —
// a receipt printed, an ID number looked at, a ticket called, a rating —
// whose Parent (the status event its device stood on) was set aside. Facts
// stay in force (a printed receipt was printed all the same), but a
// receipt printed for an acceptance no longer in force must not read as
// if it stood.
func (c *Case) SetAside(e Event) bool {
	aside := func(id string) bool {
		return slices.ContainsFunc(c.Discarded, func(d Event) bool { return d.ID == id })
	}
	if aside(e.ID) {
		return true
	}
	return !e.Kind.isTransition() && e.Parent != "" && aside(e.Parent)
}

// Resolved returns what a resolution event of the case kept and set
// aside: the first event of the branch it kept, and the first event of
// each other branch of the same fork. Each resolution speaks for itself:
// of two that settled one conflict differently, each names what it kept,
// whichever of them was kept in the end. ok is false for an event that is
// not a resolution of this case.
//
// A Case carries no trace of how it was folded, so the fork is worked out
// again from the case's events; a screen shows a few resolutions at most.
func (c *Case) Resolved(e Event) (r Resolution, kept Event, aside []Event, ok bool) {
	if e.Kind != KindResolved || e.Decode(&r) != nil {
		return r, kept, nil, false
	}
	f, err := newFolder(c.Events)
	if err != nil {
		return r, kept, nil, false
	}
	if kept, ok = f.byID[r.Chosen]; !ok {
		return r, kept, nil, false
	}
	f.walk()
	if d, found := f.weigh(e); found {
		return r, d.kept, d.aside, true
	}
	return r, kept, nil, true
}

// Labels of a branch that is a resolution.
var tKeptBranch = Text{ZH: "核对冲突（保留%[1]s）", EN: "Conflict resolved (kept: %[2]s)"}

// Choice names what the first event of a conflict's branch stands for, as
// a clerk choosing between branches reads it: its title, or for a
// resolution the kind of the branch it kept, so two clerks' different
// resolutions read "核对冲突（保留受理）" and "核对冲突（保留不予受理）".
func (c *Case) Choice(e Event) Text {
	if e.Kind != KindResolved {
		return e.Title()
	}
	byID := make(map[string]Event, len(c.Events))
	for _, x := range c.Events {
		byID[x.ID] = x
	}
	t := (&folder{byID: byID}).target(e)
	if t.Kind == KindResolved {
		return t.Kind.Label()
	}
	return tKeptBranch.Format(t.Title().ZH, t.Title().EN)
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
