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
//
// A resolution settles only what its clerk saw. A device that had not yet
// seen it may have gone on along a branch it set aside (completed the case
// it had accepted, while another counter kept the refusal): that event is
// news the resolution never weighed, and setting it aside unseen would
// tell no one that a citizen was told otherwise. Such an event opens the
// fork again, between the resolution's line and its own (see reopen).
//
// What a resolution saw it records: the status events its device held
// (Resolution.Seen). A resolution of an older device, which records
// nothing, is read from the hybrid logical clock: a device moves its clock
// past every event it takes in (Clock.Observe) before it stamps one, so an
// event it saw is stamped before it, and one stamped at or after it is one
// it cannot have seen. (The converse needs clocks that agree: an unseen
// event from a device whose clock is far behind reads as seen.)

// decision is what one resolution kept and what it set aside.
type decision struct {
	kept  Event
	aside []Event
}

// decide settles a fork. Its options are groups of events that agree: one
// branch's first event each at a fork of transitions, the resolutions
// that kept one branch each at a fork of resolutions. It returns the
// option kept and the resolutions that kept it, the deciding one (of the
// highest level) first; or, when the resolutions do not settle the fork,
// the branches a clerk chooses between. seen holds the resolutions
// already weighed: each counts at one level only, so a malformed one
// naming itself cannot climb for ever.
//
// At a fork of transitions (fork is true), a resolution that kept a
// branch another resolution of the fork cannot have seen (stamped at or
// after it) did not overrule that one: it waits for the fork that branch
// opens again (see reopen), unless every resolution of the fork is such.
func (f *folder) decide(options [][]Event, seen map[string]bool, fork bool) (int, [][]Event, []Event, bool) {
	optionOf := map[string]int{}
	for i, o := range options {
		for _, e := range o {
			optionOf[e.ID] = i
		}
	}
	// The resolutions of this fork and the option each keeps.
	type vote struct {
		e      Event
		chosen string
		option int
	}
	var all []vote
	for _, e := range f.c.Events {
		var r Resolution
		if e.Kind != KindResolved || seen[e.ID] || e.Decode(&r) != nil {
			continue
		}
		if i, ok := optionOf[r.Chosen]; ok {
			all = append(all, vote{e, r.Chosen, i})
		}
	}
	if fork {
		var counted []vote
		for _, v := range all {
			unseen := slices.ContainsFunc(all, func(w vote) bool {
				return w.option != v.option && !f.saw(w.e, options[v.option][0])
			})
			if !unseen {
				counted = append(counted, v)
			}
		}
		if len(counted) > 0 {
			all = counted
		}
	}
	// By the option they keep, in the order of each option's first
	// resolution.
	var kept []int
	var votes [][]Event
	for _, v := range all {
		seen[v.e.ID] = true
		if f.decisions == nil {
			f.decisions = map[string]decision{}
		}
		if _, ok := f.decisions[v.e.ID]; !ok { // the first fork it settled says what it did
			f.decisions[v.e.ID] = decision{kept: f.byID[v.chosen], aside: f.seenBy(others(options, v.option), v.e)}
		}
		if j := slices.Index(kept, v.option); j >= 0 {
			votes[j] = append(votes[j], v.e)
		} else {
			kept, votes = append(kept, v.option), append(votes, []Event{v.e})
		}
	}
	switch len(votes) {
	case 0:
		return -1, f.branches(options), nil, false
	case 1:
		return kept[0], nil, votes[0], true
	}
	j, branches, won, ok := f.decide(votes, seen, false)
	if !ok {
		return -1, branches, nil, false
	}
	return kept[j], nil, append(won, votes[j]...), true
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

// seenBy are the events of evs the resolution r saw. What it never saw it
// did not set aside.
func (f *folder) seenBy(evs []Event, r Event) []Event {
	return slices.DeleteFunc(evs, func(x Event) bool { return !f.saw(r, x) })
}

// saw reports whether the resolution r saw the event x: x is among those
// it records, or, for a resolution that records none, stamped before it
// (see the top of this file).
func (f *folder) saw(r, x Event) bool {
	seen, ok := f.seen[r.ID]
	if !ok {
		var res Resolution
		if r.Decode(&res) == nil && len(res.Seen) > 0 {
			seen = make(map[string]bool, len(res.Seen))
			for _, id := range res.Seen {
				seen[id] = true
			}
		}
		if f.seen == nil {
			f.seen = map[string]map[string]bool{}
		}
		f.seen[r.ID] = seen
	}
	if seen == nil {
		return x.Stamp.Compare(r.Stamp) < 0
	}
	return seen[x.ID]
}

// reopen goes on from a fork the resolutions settled in favour of kids[keep]
// (won are the resolutions that did, the deciding one first): while the
// branches set aside hold transitions none of them can have seen (see the
// top of this file), the fork opens again between the resolutions' line
// and each such transition's, and the resolutions of that settle it, or
// leave the case in conflict. It returns the kid whose line goes on, or
// the branches a clerk chooses between.
func (f *folder) reopen(kids []Event, keep int, won []Event, seen map[string]bool) (int, [][]Event, bool) {
	for range len(f.byID) {
		late := f.unseen(kids, keep, won)
		if len(late) == 0 {
			break
		}
		options := append([][]Event{won}, late...)
		i, branches, more, ok := f.decide(options, seen, false)
		if !ok {
			return -1, branches, false
		}
		won = append(more, won...)
		if k := f.kidOf(options[i][0], kids); i > 0 && k >= 0 {
			keep = k
		}
	}
	return keep, nil, true
}

// unseen are the transitions in the branches of kids other than kids[keep]
// that no resolution in won can have seen — the first of each line of
// them, those of one step that agree together — in time order.
func (f *folder) unseen(kids []Event, keep int, won []Event) [][]Event {
	late := func(x Event) bool {
		return x.Kind.isTransition() && x.Kind != KindResolved &&
			!slices.ContainsFunc(won, func(w Event) bool { return f.saw(w, x) })
	}
	var firsts []Event
	for i, k := range kids {
		if i == keep {
			continue
		}
		for _, x := range f.subtree(k) {
			if late(x) && (x.ID == k.ID || !late(f.byID[f.base(x)])) {
				firsts = append(firsts, x)
			}
		}
	}
	sort.Slice(firsts, func(i, j int) bool { return firsts[i].Before(firsts[j]) })
	var out [][]Event
	for _, x := range firsts {
		j := slices.IndexFunc(out, func(o []Event) bool { return f.base(o[0]) == f.base(x) && equivalent([]Event{o[0], x}) })
		if j < 0 {
			out = append(out, []Event{x})
		} else {
			out[j] = append(out[j], x)
		}
	}
	return out
}

// kidOf is the index of the kid whose branch holds e.
func (f *folder) kidOf(e Event, kids []Event) int {
	for range len(f.byID) {
		if i := slices.IndexFunc(kids, func(k Event) bool { return k.ID == e.ID }); i >= 0 {
			return i
		}
		p, ok := f.byID[f.base(e)]
		if !ok {
			break
		}
		e = p
	}
	return -1
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
		f.decide(options, map[string]bool{}, true)
	}
	d, ok := f.decisions[e.ID]
	return d, ok
}
