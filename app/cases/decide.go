package cases

import (
	"slices"
	"sort"
)

// How a fork is settled. A resolution keeps one branch of a fork: its
// Chosen is the branch's first event. Resolutions of one fork that keep
// the same branch agree. Two that keep different branches — made on two
// counters before they synced, so neither had seen the other — are a
// conflict of their own: its branches are those resolutions, and a later
// resolution keeping one of them settles it (and so on, should that
// happen again). Which resolution came first decides nothing, so every
// device folds the same events to the same case whatever their order.

// decision is what one resolution kept and what it set aside.
type decision struct {
	kept  Event
	aside []Event
}

// decide settles a fork. Its options are groups of events that agree: one
// branch's first event each at a fork of transitions, the resolutions
// that kept one branch each at a fork of resolutions. It returns the
// option kept, or, when the resolutions do not settle the fork, the
// branches a clerk chooses between. seen holds the resolutions already
// weighed: each counts at one level only, so a malformed one naming
// itself cannot climb for ever.
func (f *folder) decide(options [][]Event, seen map[string]bool) (int, [][]Event, bool) {
	optionOf := map[string]int{}
	for i, o := range options {
		for _, e := range o {
			optionOf[e.ID] = i
		}
	}
	// The resolutions of this fork, by the option they keep, in the order
	// of each option's first resolution.
	var kept []int
	var votes [][]Event
	for _, e := range f.c.Events {
		var r Resolution
		if e.Kind != KindResolved || seen[e.ID] || e.Decode(&r) != nil {
			continue
		}
		i, ok := optionOf[r.Chosen]
		if !ok {
			continue
		}
		seen[e.ID] = true
		if f.decisions == nil {
			f.decisions = map[string]decision{}
		}
		f.decisions[e.ID] = decision{kept: f.byID[r.Chosen], aside: others(options, i)}
		if j := slices.Index(kept, i); j >= 0 {
			votes[j] = append(votes[j], e)
		} else {
			kept, votes = append(kept, i), append(votes, []Event{e})
		}
	}
	switch len(votes) {
	case 0:
		return -1, f.branches(options), false
	case 1:
		return kept[0], nil, true
	}
	j, branches, ok := f.decide(votes, seen)
	if !ok {
		return -1, branches, false
	}
	return kept[j], nil, true
}

// others are the events of every option but option i.
func others(options [][]Event, i int) []Event {
	var out []Event
	for j, o := range options {
		if j != i {
			out = append(out, o...)
		}
	}
	return out
}

// branches are what a clerk chooses between at an unsettled fork: each
// option's first event (what a resolution names as Chosen), then the line
// it stands for in time order — for a resolution, the line it kept.
func (f *folder) branches(options [][]Event) [][]Event {
	out := make([][]Event, 0, len(options))
	for _, o := range options {
		first := o[0]
		rest := slices.DeleteFunc(f.line(f.target(first)), func(e Event) bool { return e.ID == first.ID })
		sort.SliceStable(rest, func(i, j int) bool { return rest[i].Before(rest[j]) })
		out = append(out, append([]Event{first}, rest...))
	}
	return out
}

// target is the transition a resolution stands for: the first event of
// the branch it kept, through resolutions of resolutions. Any other event
// stands for itself.
func (f *folder) target(e Event) Event {
	for range len(f.byID) {
		var r Resolution
		if e.Kind != KindResolved || e.Decode(&r) != nil {
			return e
		}
		next, ok := f.byID[r.Chosen]
		if !ok {
			return e
		}
		e = next
	}
	return e
}

// line is a branch from its first event down its line of descendants,
// with the resolutions that kept it.
func (f *folder) line(e Event) []Event {
	out := []Event{e}
	cur := []Event{e}
	for range len(f.byID) {
		var next []Event
		for _, x := range cur {
			out = append(out, f.marks[x.ID]...)
			next = append(next, f.kids[x.ID]...)
		}
		if len(next) == 0 {
			break
		}
		out = append(out, next...)
		if len(next) > 1 { // a fork inside a branch: show it, stop there
			break
		}
		cur = next
	}
	return out
}

// subtree is an event and everything that grew from it: what a resolution
// sets aside with the branch it did not keep, forks inside it included.
func (f *folder) subtree(e Event) []Event {
	var out []Event
	seen := map[string]bool{}
	var visit func(x Event)
	visit = func(x Event) {
		if seen[x.ID] {
			return
		}
		seen[x.ID] = true
		out = append(out, x)
		for _, m := range f.marks[x.ID] {
			if !seen[m.ID] {
				seen[m.ID] = true
				out = append(out, m)
			}
		}
		for _, k := range f.kids[x.ID] {
			visit(k)
		}
	}
	visit(e)
	return out
}

// weigh works out what a resolution decided when the fold never came to
// its fork (one inside a branch set aside, or past a conflict still
// open): the fork is the transitions that grew where the branch it kept
// did.
func (f *folder) weigh(e Event) (decision, bool) {
	if d, ok := f.decisions[e.ID]; ok {
		return d, true
	}
	t := f.target(e)
	var options [][]Event
	for _, k := range f.kids[f.base(t)] {
		options = append(options, []Event{k})
	}
	if slices.ContainsFunc(options, func(o []Event) bool { return o[0].ID == t.ID }) {
		f.decide(options, map[string]bool{})
	}
	d, ok := f.decisions[e.ID]
	return d, ok
}
