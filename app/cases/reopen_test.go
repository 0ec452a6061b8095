package cases

import (
	"slices"
	"testing"
)

// besideResolution is the audit's case: C02 accepted and C01 refused;
// C01, having seen both, keeps the refusal; C02, which never saw the
// refusal nor the resolution, completes the case it had accepted.
type besideResolution struct {
	*split
	resolution, done Event
}

func newBesideResolution(t *testing.T, approved bool) *besideResolution {
	t.Helper()
	s := newSplit(t)
	conflict := slices.Clone(s.events)
	onC02 := append(slices.Clone(s.events[:len(s.events)-2]), s.accept)
	b := &besideResolution{split: s}
	b.resolution = s.on(t, conflict, "C01", keep("S002", s.refuse))
	b.done = s.on(t, onC02, "C02", Action{Kind: KindCompleted, Staff: "S001", Payload: Completion{Approved: approved}})
	return b
}

// A completion made on the branch a resolution set aside, by a device
// that had not seen the resolution, is news the resolution never weighed:
// the case is in conflict again, between the resolution's line and the
// completion's, and nothing is set aside until a clerk keeps one.
func TestEventBesideAResolutionOpensTheForkAgain(t *testing.T) {
	b := newBesideResolution(t, true)
	c := b.fold(t)
	if c.Status != StatusConflict || len(c.Branches) != 2 {
		t.Fatalf("a completion beside the resolution that set its branch aside: %s with branches %v, want a conflict", c.Status, firsts(c.Branches))
	}
	if c.Branches[0][0].ID != b.resolution.ID || c.Branches[1][0].ID != b.done.ID {
		t.Fatalf("branches %v, want the resolution's line then the completion's", firsts(c.Branches))
	}
	if !slices.Contains(ids(c.Branches[0]), b.refuse.ID) {
		t.Errorf("the resolution's branch does not show the refusal it kept: %v", ids(c.Branches[0]))
	}
	if len(c.Discarded) != 0 {
		t.Errorf("events set aside while the case is in conflict: %v", firsts([][]Event{c.Discarded}))
	}
	// The resolution still says what it kept, and set aside only what it
	// saw: the acceptance, not the completion.
	if _, kept, aside, ok := c.Resolved(b.resolution); !ok || kept.ID != b.refuse.ID || len(aside) != 1 || aside[0].ID != b.accept.ID {
		t.Errorf("the resolution kept %s and set aside %v; want the refusal kept and the acceptance set aside", kept.Kind, firsts([][]Event{aside}))
	}
	// A clerk on either counter can now keep one line; C02 can no longer
	// act on its own branch.
	if _, err := c.Event(Action{Kind: KindCompleted, Payload: Completion{Approved: true}}, "C02", Stamp{Wall: b.wall + 100}); err == nil {
		t.Error("a case in conflict took a completion")
	}
}

// Keeping either line settles it: the resolution's (the refusal stands,
// the acceptance and completion are set aside) or the completion's (the
// case is completed, the refusal and the first resolution set aside).
func TestReopenedForkIsSettledByAResolution(t *testing.T) {
	for _, tc := range []struct {
		name   string
		keepIt func(b *besideResolution) Event
		status Status
	}{
		{"the resolution's line", func(b *besideResolution) Event { return b.resolution }, StatusRefused},
		{"the completion's line", func(b *besideResolution) Event { return b.done }, StatusCompleted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBesideResolution(t, true)
			kept := tc.keepIt(b)
			third := b.on(t, slices.Clone(b.events), "C03", keep("S003", kept))
			c := b.fold(t)
			if c.Status != tc.status || len(c.Branches) != 0 {
				t.Fatalf("after keeping %s: %s with branches %v, want %s", tc.name, c.Status, firsts(c.Branches), tc.status)
			}
			var in, aside []Event
			if kept.ID == b.resolution.ID {
				in, aside = []Event{b.refuse, b.resolution, third}, []Event{b.accept, b.done}
			} else {
				in, aside = []Event{b.accept, b.done, third}, []Event{b.refuse, b.resolution}
				if !c.Approved {
					t.Error("the completion kept was an approval; the case says denied")
				}
			}
			for _, e := range in {
				if c.SetAside(e) || !slices.Contains(ids(c.Timeline), e.ID) {
					t.Errorf("%s by %s: set aside %v, in force %v; want it in force", e.Kind, e.Device, c.SetAside(e), slices.Contains(ids(c.Timeline), e.ID))
				}
			}
			for _, e := range aside {
				if !c.SetAside(e) {
					t.Errorf("%s by %s is not set aside", e.Kind, e.Device)
				}
			}
			if _, k, a, ok := c.Resolved(third); !ok || k.ID != kept.ID || len(a) == 0 {
				t.Errorf("the third resolution kept %s, set aside %v", k.Kind, firsts([][]Event{a}))
			}
			if len(c.History()) != len(c.Events) {
				t.Errorf("the history has %d of the %d events", len(c.History()), len(c.Events))
			}
		})
	}
}

// What the resolution saw it set aside for good: C02 completed before it
// synced, C01 saw the acceptance and the completion and kept the refusal.
// The case is refused, with no conflict.
func TestWhatAResolutionSawStaysSetAside(t *testing.T) {
	s := newSplit(t)
	onC02 := append(slices.Clone(s.events[:len(s.events)-2]), s.accept)
	suspended := s.on(t, onC02, "C02", Action{Kind: KindSuspended, Staff: "S001", Payload: Reasoned{Reason: "现场核查"}})
	resumed := s.on(t, append(onC02, suspended), "C02", Action{Kind: KindResumed, Staff: "S001", Payload: Reasoned{Reason: "核查完毕"}})
	done := s.on(t, append(onC02, suspended, resumed), "C02", Action{Kind: KindCompleted, Staff: "S001", Payload: Completion{Approved: false}})
	s.on(t, slices.Clone(s.events), "C01", keep("S002", s.refuse))
	c := s.fold(t)
	if c.Status != StatusRefused || len(c.Branches) != 0 {
		t.Fatalf("a resolution that saw the whole branch: %s with branches %v, want refused", c.Status, firsts(c.Branches))
	}
	for _, e := range []Event{s.accept, suspended, resumed, done} {
		if !c.SetAside(e) {
			t.Errorf("%s is not set aside", e.Kind)
		}
	}
}

// A branch the resolution never saw at all (a third counter asked for
// materials while the other two were being resolved) is not set aside
// unseen either: the fork opens again between the resolution and it. A
// resolution that saw all three branches and kept the third, made beside
// the first, weighed the refusal the first one kept: it settles the case.
func TestBranchAResolutionNeverSawOpensTheForkAgain(t *testing.T) {
	ask := Action{Kind: KindSupplementRequested, Staff: "S003", Payload: SupplementRequest{Missing: []int{1}}}
	t.Run("alone", func(t *testing.T) {
		s := newSplit(t)
		submitted := slices.Clone(s.events[:len(s.events)-2])
		r := s.on(t, slices.Clone(s.events), "C01", keep("S002", s.refuse))
		asked := s.on(t, submitted, "C03", ask)
		c := s.fold(t)
		if c.Status != StatusConflict || len(c.Branches) != 2 || c.Branches[0][0].ID != r.ID || c.Branches[1][0].ID != asked.ID {
			t.Fatalf("a third branch the resolution never saw: %s with branches %v, want the resolution against it", c.Status, firsts(c.Branches))
		}
		if _, _, aside, _ := c.Resolved(r); len(aside) != 1 || aside[0].ID != s.accept.ID {
			t.Errorf("the resolution set aside %v, want only the acceptance it saw", firsts([][]Event{aside}))
		}
		s.on(t, slices.Clone(s.events), "C03", keep("S003", asked))
		if c = s.fold(t); c.Status != StatusSupplement || !c.SetAside(s.refuse) || !c.SetAside(r) || !c.SetAside(s.accept) {
			t.Fatalf("after keeping the request: %s; refusal, resolution, acceptance set aside: %v %v %v",
				c.Status, c.SetAside(s.refuse), c.SetAside(r), c.SetAside(s.accept))
		}
	})
	t.Run("beside a resolution that saw it", func(t *testing.T) {
		s := newSplit(t)
		submitted := slices.Clone(s.events[:len(s.events)-2])
		two := slices.Clone(s.events)
		r := s.on(t, two, "C01", keep("S002", s.refuse))
		asked := s.on(t, submitted, "C03", ask)
		mine := s.on(t, append(slices.Clone(two), asked), "C03", keep("S003", asked))
		c := s.fold(t)
		if c.Status != StatusSupplement || len(c.Branches) != 0 {
			t.Fatalf("a resolution that weighed all three branches beside one that weighed two: %s with branches %v, want the third kept", c.Status, firsts(c.Branches))
		}
		if !c.SetAside(r) || c.SetAside(mine) {
			t.Errorf("set aside: the first resolution %v, the second %v; want true, false", c.SetAside(r), c.SetAside(mine))
		}
	})
}

// A receipt printed on the branch set aside is set aside with it, and so
// is every fact made on it (a look at the ID number, a call); one printed
// on the line kept is not. Facts open no fork again.
func TestFactsOnABranchSetAsideAreSetAside(t *testing.T) {
	s := newSplit(t)
	onC02 := append(slices.Clone(s.events[:len(s.events)-2]), s.accept)
	printed := s.on(t, onC02, "C02", Action{Kind: KindPrinted, Staff: "S001", Payload: Printing{Document: DocReceipt}})
	r := s.on(t, slices.Clone(s.events), "C01", keep("S002", s.refuse))
	looked := s.on(t, onC02, "C02", Action{Kind: KindRevealed, Staff: "S001", Payload: Reveal{Field: "id_number"}})
	notice := s.on(t, slices.Clone(s.events), "C01", Action{Kind: KindPrinted, Staff: "S002", Payload: Printing{Document: DocRefusal}})
	c := s.fold(t)
	if c.Status != StatusRefused {
		t.Fatalf("facts on the branch set aside: %s with branches %v, want refused", c.Status, firsts(c.Branches))
	}
	for _, tc := range []struct {
		e     Event
		aside bool
	}{{printed, true}, {looked, true}, {notice, false}, {r, false}, {s.accept, true}} {
		if got := c.SetAside(tc.e); got != tc.aside {
			t.Errorf("SetAside(%s by %s) = %v, want %v", tc.e.Kind, tc.e.Device, got, tc.aside)
		}
	}
	if !slices.Contains(ids(c.History()), printed.ID) {
		t.Error("the history lacks the receipt printed on the branch set aside")
	}
}

// News after news: C02 suspends beside the resolution (the fork opens
// again), C03 keeps the resolution having seen the suspension, and C02,
// still not synced, resumes. The resumption is news to C03's resolution:
// the fork opens once more, between that resolution and the resumption.
func TestForkOpensAgainForEachResolutionThatMissedNews(t *testing.T) {
	s := newSplit(t)
	onC02 := append(slices.Clone(s.events[:len(s.events)-2]), s.accept)
	r := s.on(t, slices.Clone(s.events), "C01", keep("S002", s.refuse))
	suspended := s.on(t, onC02, "C02", Action{Kind: KindSuspended, Staff: "S001", Payload: Reasoned{Reason: "现场核查"}})
	if c := s.fold(t); c.Status != StatusConflict || len(c.Branches) != 2 || c.Branches[1][0].ID != suspended.ID {
		t.Fatalf("after the suspension: %s with branches %v", c.Status, firsts(c.Branches))
	}
	r2 := s.on(t, slices.Clone(s.events), "C03", keep("S003", r))
	if c := s.fold(t); c.Status != StatusRefused || !c.SetAside(suspended) {
		t.Fatalf("after C03 kept the resolution: %s, suspension set aside %v", c.Status, c.SetAside(suspended))
	}
	resumed := s.on(t, append(onC02, suspended), "C02", Action{Kind: KindResumed, Staff: "S001", Payload: Reasoned{Reason: "核查完毕"}})
	c := s.fold(t)
	if c.Status != StatusConflict || len(c.Branches) != 2 || c.Branches[0][0].ID != r2.ID || c.Branches[1][0].ID != resumed.ID {
		t.Fatalf("after the resumption: %s with branches %v, want C03's resolution against the resumption", c.Status, firsts(c.Branches))
	}
	s.on(t, slices.Clone(s.events), "C02", keep("S001", resumed))
	if c = s.fold(t); c.Status != StatusAccepted || !c.SetAside(r) || !c.SetAside(r2) || c.SetAside(suspended) {
		t.Fatalf("after keeping the resumption: %s; set aside: resolutions %v %v, suspension %v", c.Status, c.SetAside(r), c.SetAside(r2), c.SetAside(suspended))
	}
}

// A resolution records what it saw, so clocks that disagree change
// nothing: C02's clock runs behind, and its completion, made before it saw
// the resolution, is stamped before it. Not among what the resolution
// saw, it opens the fork again all the same. A resolution of an older
// device records nothing and is read by its stamp: it takes the same
// completion for seen, and it stays set aside.
func TestAResolutionSettlesWhatItRecordsSeeing(t *testing.T) {
	for _, tc := range []struct {
		name     string
		recorded bool
		status   Status
	}{
		{"recorded", true, StatusConflict},
		{"older device, by stamp", false, StatusRefused},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSplit(t)
			conflict := slices.Clone(s.events)
			onC02 := append(slices.Clone(s.events[:len(s.events)-2]), s.accept)
			behind := s.accept.Stamp.Wall + 1 // C02's clock: well before the resolution's
			done := device(t, onC02, "C02", behind, Action{Kind: KindCompleted, Staff: "S001", Payload: Completion{Approved: true}})
			res := s.on(t, conflict, "C01", keep("S002", s.refuse))
			var r Resolution
			if err := res.Decode(&r); err != nil || !slices.Contains(r.Seen, s.accept.ID) || slices.Contains(r.Seen, done.ID) {
				t.Fatalf("the resolution records seeing %v (%v); want the acceptance and not the completion", r.Seen, err)
			}
			if !tc.recorded {
				res.Payload = []byte(`{"chosen":"` + s.refuse.ID + `"}`)
				s.events[len(s.events)-1] = res
			}
			if done.Stamp.Compare(res.Stamp) >= 0 {
				t.Fatalf("the completion is stamped after the resolution; the test wants it before")
			}
			s.events = append(s.events, done)
			c := s.fold(t)
			if c.Status != tc.status {
				t.Fatalf("%s with branches %v, want %s", c.Status, firsts(c.Branches), tc.status)
			}
			if tc.status == StatusConflict && (len(c.Branches) != 2 || c.Branches[1][0].ID != done.ID) {
				t.Errorf("branches %v, want the resolution's line and the completion's", firsts(c.Branches))
			}
		})
	}
}
