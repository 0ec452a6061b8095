package cases

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// device acts on the events it has seen, as an offline counter does: it
// folds them and makes its event at a wall time of its own.
func device(t *testing.T, seen []Event, name string, wall int64, a Action) Event {
	t.Helper()
	c, err := Fold(seen)
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Event(a, name, Stamp{Wall: wall})
	if err != nil {
		t.Fatalf("%s on %s: %s on a %s case: %v", name, c.Number, a.Kind, c.Status, err)
	}
	return e
}

func keep(staff string, chosen Event) Action {
	return Action{Kind: KindResolved, Staff: staff, Payload: Resolution{Chosen: chosen.ID}}
}

// split is the audit's case: refused on C01, accepted on C02, and both
// counters have synced once, so each sees the conflict.
type split struct {
	events         []Event
	refuse, accept Event
	wall           int64
}

func newSplit(t *testing.T) *split {
	t.Helper()
	h := newHistory(t)
	w := h.c.UpdatedAt.UnixMilli()
	s := &split{wall: w + 1000}
	s.refuse = device(t, h.events, "C01", w+10, Action{Kind: KindRefused, Staff: "S002", Payload: Refusal{Reasons: []string{"不属于本机关职权范围"}}})
	s.accept = device(t, h.events, "C02", w+20, Action{Kind: KindAccepted, Staff: "S001", Payload: Acceptance{Received: []int{0, 1}}})
	s.events = append(slices.Clone(h.events), s.refuse, s.accept)
	return s
}

// on makes an event on device name from what the split's devices all saw,
// and keeps it.
func (s *split) on(t *testing.T, seen []Event, name string, a Action) Event {
	t.Helper()
	s.wall += 10
	e := device(t, seen, name, s.wall, a)
	s.events = append(s.events, e)
	return e
}

func (s *split) fold(t *testing.T) *Case {
	t.Helper()
	c, err := Fold(s.events)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func firsts(branches [][]Event) []string {
	var out []string
	for _, b := range branches {
		out = append(out, string(b[0].Kind)+"/"+b[0].Device)
	}
	return out
}

func ids(evs []Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

// The audit: C01's clerk keeps the acceptance, C02's the refusal, before
// they sync. Neither silently wins: the case is in conflict again, between
// the two resolutions, each of which says what it kept and set aside; a
// third resolution settles it either way.
func TestResolutionsThatDisagreeAreAConflict(t *testing.T) {
	for _, third := range []string{"C01", "C02"} {
		t.Run("third keeps the resolution of "+third, func(t *testing.T) {
			s := newSplit(t)
			conflict := slices.Clone(s.events)
			r1 := s.on(t, conflict, "C01", keep("S001", s.accept))
			r2 := s.on(t, conflict, "C02", keep("S002", s.refuse))
			c := s.fold(t)
			if c.Status != StatusConflict || len(c.Branches) != 2 {
				t.Fatalf("two resolutions keeping different branches: %s with branches %v, want a conflict between them", c.Status, firsts(c.Branches))
			}
			if c.Branches[0][0].ID != r1.ID || c.Branches[1][0].ID != r2.ID {
				t.Fatalf("branches %v, want C01's resolution then C02's", firsts(c.Branches))
			}
			if !slices.Contains(ids(c.Branches[0]), s.accept.ID) || !slices.Contains(ids(c.Branches[1]), s.refuse.ID) {
				t.Errorf("each resolution's branch shows the line it kept: %v / %v", ids(c.Branches[0]), ids(c.Branches[1]))
			}
			if len(c.Discarded) != 0 {
				t.Errorf("nothing is set aside while the resolutions disagree; discarded %v", ids(c.Discarded))
			}
			for _, tc := range []struct {
				r           Event
				kept, aside Event
				choice      string
			}{{r1, s.accept, s.refuse, "核对冲突（保留受理）"}, {r2, s.refuse, s.accept, "核对冲突（保留不予受理）"}} {
				_, kept, aside, ok := c.Resolved(tc.r)
				if !ok || kept.ID != tc.kept.ID || len(aside) != 1 || aside[0].ID != tc.aside.ID {
					t.Errorf("%s's resolution: kept %s, set aside %v (ok %v); want kept %s, set aside %s",
						tc.r.Device, kept.Kind, firsts([][]Event{aside}), ok, tc.kept.Kind, tc.aside.Kind)
				}
				if got := c.Choice(tc.r); got.ZH != tc.choice {
					t.Errorf("Choice(%s's resolution) = %q, want %q", tc.r.Device, got.ZH, tc.choice)
				}
			}

			// A clerk anywhere keeps one of them.
			winner, loser, status := r1, r2, StatusAccepted
			if third == "C02" {
				winner, loser, status = r2, r1, StatusRefused
			}
			r3 := s.on(t, slices.Clone(s.events), "C03", keep("S003", winner))
			c = s.fold(t)
			if c.Status != status || len(c.Branches) != 0 {
				t.Fatalf("after keeping %s's resolution: %s with branches %v, want %s", third, c.Status, firsts(c.Branches), status)
			}
			if !c.SetAside(loser) || c.SetAside(winner) || c.SetAside(r3) {
				t.Errorf("SetAside: loser %v, winner %v, third %v; want true, false, false", c.SetAside(loser), c.SetAside(winner), c.SetAside(r3))
			}
			if _, kept, aside, ok := c.Resolved(r3); !ok || kept.ID != winner.ID || len(aside) != 1 || aside[0].ID != loser.ID {
				t.Errorf("the third resolution kept %s, set aside %v; want %s's resolution kept and the other set aside", kept.Device, firsts([][]Event{aside}), third)
			}
			// The resolution set aside still says what it kept.
			if _, kept, _, ok := c.Resolved(loser); !ok || kept.ID == winner.ID || kept.ID != map[bool]string{true: s.refuse.ID, false: s.accept.ID}[loser.ID == r2.ID] {
				t.Errorf("the resolution set aside says it kept %s", kept.Kind)
			}
			// Nothing a clerk did vanishes.
			history := ids(c.History())
			for _, e := range s.events {
				if !slices.Contains(history, e.ID) {
					t.Errorf("the history lacks %s by %s", e.Kind, e.Device)
				}
			}
			if _, err := c.Event(Action{Kind: KindResolved, Payload: Resolution{Chosen: r1.ID}}, "C04", Stamp{Wall: s.wall + 100}); err == nil {
				t.Error("a settled case took another resolution")
			}
		})
	}
}

// Two clerks who kept the same branch agree: no conflict, and both
// resolutions stand.
func TestResolutionsThatAgreeAreNoConflict(t *testing.T) {
	s := newSplit(t)
	conflict := slices.Clone(s.events)
	r1 := s.on(t, conflict, "C01", keep("S001", s.accept))
	r2 := s.on(t, conflict, "C02", keep("S002", s.accept))
	c := s.fold(t)
	if c.Status != StatusAccepted || len(c.Branches) != 0 {
		t.Fatalf("two resolutions keeping the acceptance: %s with branches %v, want accepted", c.Status, firsts(c.Branches))
	}
	timeline := ids(c.Timeline)
	if !slices.Contains(timeline, r1.ID) || !slices.Contains(timeline, r2.ID) || !c.SetAside(s.refuse) {
		t.Fatalf("both resolutions are in force and the refusal is set aside: timeline %v", timeline)
	}
	for _, r := range []Event{r1, r2} {
		if _, kept, aside, ok := c.Resolved(r); !ok || kept.ID != s.accept.ID || len(aside) != 1 || aside[0].ID != s.refuse.ID {
			t.Errorf("%s's resolution kept %s, set aside %v", r.Device, kept.Kind, firsts([][]Event{aside}))
		}
	}
	// Either clerk's counter goes on from its own resolution.
	s.on(t, slices.Clone(s.events), "C02", Action{Kind: KindCompleted, Staff: "S002", Payload: Completion{Approved: true}})
	if c = s.fold(t); c.Status != StatusCompleted {
		t.Fatalf("completed after the agreed resolution: %s", c.Status)
	}
}

// A resolution made while the kept line went on elsewhere (C02 completed
// the case it had accepted; C03 resolved from what it had seen) does not
// fork the case: it only says which line goes on.
func TestResolutionBesideTheKeptLineGoingOn(t *testing.T) {
	s := newSplit(t)
	resolving := slices.Clone(s.events)
	onC02 := append(slices.Clone(s.events[:len(s.events)-2]), s.accept)
	done := s.on(t, onC02, "C02", Action{Kind: KindCompleted, Staff: "S001", Payload: Completion{Approved: true}})
	r := s.on(t, resolving, "C03", keep("S003", s.accept))
	c := s.fold(t)
	if c.Status != StatusCompleted || c.Head != done.ID && c.Head != r.ID {
		t.Fatalf("resolution beside a completion: %s, head %s", c.Status, c.Head)
	}
	if !slices.Contains(ids(c.Timeline), r.ID) || !c.SetAside(s.refuse) {
		t.Fatalf("the resolution is in force and the refusal set aside: timeline %v", firsts([][]Event{c.Timeline}))
	}
}

// Resolutions of resolutions may disagree too: each level is settled the
// same way, by a resolution keeping one of the branches.
func TestResolutionsThatDisagreeTwice(t *testing.T) {
	s := newSplit(t)
	conflict := slices.Clone(s.events)
	r1 := s.on(t, conflict, "C01", keep("S001", s.accept))
	r2 := s.on(t, conflict, "C02", keep("S002", s.refuse))
	second := slices.Clone(s.events)
	r3 := s.on(t, second, "C01", keep("S001", r1))
	r4 := s.on(t, second, "C02", keep("S002", r2))
	c := s.fold(t)
	if c.Status != StatusConflict || len(c.Branches) != 2 || c.Branches[0][0].ID != r3.ID || c.Branches[1][0].ID != r4.ID {
		t.Fatalf("resolutions of resolutions that disagree: %s with branches %v, want a conflict between them", c.Status, firsts(c.Branches))
	}
	if got := c.Choice(r4); got.ZH != "核对冲突（保留不予受理）" {
		t.Errorf("Choice(the second-level resolution keeping the refusal) = %q", got.ZH)
	}
	s.on(t, slices.Clone(s.events), "C05", keep("S005", r4))
	if c = s.fold(t); c.Status != StatusRefused || !c.SetAside(r1) || !c.SetAside(r3) || !c.SetAside(s.accept) {
		t.Fatalf("after keeping the refusal's line: %s; set aside r1 %v r3 %v accept %v", c.Status, c.SetAside(r1), c.SetAside(r3), c.SetAside(s.accept))
	}
}

// A malformed resolution that names itself decides nothing.
func TestMalformedResolutionsEndTheClimb(t *testing.T) {
	s := newSplit(t)
	conflict := slices.Clone(s.events)
	s.on(t, conflict, "C01", keep("S001", s.accept))
	s.on(t, conflict, "C02", keep("S002", s.refuse))
	id := NewID()
	self := Event{ID: id, CaseID: s.accept.CaseID, Center: s.accept.Center, Kind: KindResolved, Device: "C09",
		Stamp: Stamp{Wall: s.wall + 50}, Parent: s.accept.ID, Payload: []byte(fmt.Sprintf(`{"chosen":%q}`, id))}
	s.events = append(s.events, self)
	if c := s.fold(t); c.Status != StatusConflict {
		t.Fatalf("a resolution naming itself settled the case: %s", c.Status)
	}
}

// summary is what two folds must agree on.
func summary(c *Case) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s head=%s updated=%d\n", c.Status, c.Head, c.UpdatedAt.UnixMilli())
	fmt.Fprintf(&b, "timeline %v\n", ids(c.Timeline))
	discarded := ids(c.Discarded)
	slices.Sort(discarded)
	fmt.Fprintf(&b, "discarded %v\n", discarded)
	for _, br := range c.Branches {
		fmt.Fprintf(&b, "branch %v\n", ids(br))
	}
	for _, e := range c.Events {
		if r, kept, aside, ok := c.Resolved(e); ok {
			fmt.Fprintf(&b, "resolution %s kept %s aside %v\n", r.Chosen, kept.ID, ids(aside))
		}
	}
	var aside []string
	for _, e := range c.History() {
		if c.SetAside(e) {
			aside = append(aside, e.ID)
		}
	}
	fmt.Fprintf(&b, "set aside in the history %v\n", aside)
	fmt.Fprintf(&b, "invalid %d received %v reasons %v approved %v", len(c.Invalid), c.Received, c.Reasons, c.Approved)
	return b.String()
}

// Every device folds the same events to the same case, whatever order
// they came in and however often: shuffled, doubled, for each of the
// histories above.
func TestFoldOfResolutionsIgnoresOrder(t *testing.T) {
	histories := map[string]func(t *testing.T) []Event{
		"open conflict": func(t *testing.T) []Event { return newSplit(t).events },
		"resolutions disagree": func(t *testing.T) []Event {
			s := newSplit(t)
			conflict := slices.Clone(s.events)
			s.on(t, conflict, "C01", keep("S001", s.accept))
			s.on(t, conflict, "C02", keep("S002", s.refuse))
			return s.events
		},
		"settled by a third": func(t *testing.T) []Event {
			s := newSplit(t)
			conflict := slices.Clone(s.events)
			s.on(t, conflict, "C01", keep("S001", s.accept))
			r2 := s.on(t, conflict, "C02", keep("S002", s.refuse))
			s.on(t, slices.Clone(s.events), "C03", keep("S003", r2))
			return s.events
		},
		"resolutions agree, then completed": func(t *testing.T) []Event {
			s := newSplit(t)
			conflict := slices.Clone(s.events)
			s.on(t, conflict, "C01", keep("S001", s.accept))
			s.on(t, conflict, "C02", keep("S002", s.accept))
			s.on(t, slices.Clone(s.events), "C01", Action{Kind: KindCompleted, Staff: "S001", Payload: Completion{Approved: true}})
			return s.events
		},
		"completed beside the resolution": func(t *testing.T) []Event { return newBesideResolution(t, true).events },
		"completed beside the resolution, the resolution kept": func(t *testing.T) []Event {
			b := newBesideResolution(t, false)
			b.on(t, slices.Clone(b.events), "C03", keep("S003", b.resolution))
			return b.events
		},
		"completed beside the resolution, the completion kept": func(t *testing.T) []Event {
			b := newBesideResolution(t, true)
			b.on(t, slices.Clone(b.events), "C01", keep("S002", b.done))
			return b.events
		},
		"reopened twice": func(t *testing.T) []Event {
			// C02 suspends beside the resolution, C03 keeps the resolution
			// beside C02 resuming: each is news to the one before.
			s := newSplit(t)
			onC02 := append(slices.Clone(s.events[:len(s.events)-2]), s.accept)
			r := s.on(t, slices.Clone(s.events), "C01", keep("S002", s.refuse))
			suspended := s.on(t, onC02, "C02", Action{Kind: KindSuspended, Staff: "S001", Payload: Reasoned{Reason: "现场核查"}})
			s.on(t, slices.Clone(s.events), "C03", keep("S003", r))
			s.on(t, append(onC02, suspended), "C02", Action{Kind: KindResumed, Staff: "S001", Payload: Reasoned{Reason: "核查完毕"}})
			return s.events
		},
		"a branch the resolution never saw, kept beside it": func(t *testing.T) []Event {
			s := newSplit(t)
			submitted := slices.Clone(s.events[:len(s.events)-2])
			two := slices.Clone(s.events)
			s.on(t, two, "C01", keep("S002", s.refuse))
			asked := s.on(t, submitted, "C03", Action{Kind: KindSupplementRequested, Staff: "S003", Payload: SupplementRequest{Missing: []int{1}}})
			s.on(t, append(two, asked), "C03", keep("S003", asked))
			return s.events
		},
		"facts on the branch set aside": func(t *testing.T) []Event {
			s := newSplit(t)
			onC02 := append(slices.Clone(s.events[:len(s.events)-2]), s.accept)
			s.on(t, onC02, "C02", Action{Kind: KindPrinted, Staff: "S001", Payload: Printing{Document: DocReceipt}})
			s.on(t, slices.Clone(s.events), "C01", keep("S002", s.refuse))
			s.on(t, onC02, "C02", Action{Kind: KindRevealed, Staff: "S001", Payload: Reveal{Field: "id_number"}})
			return s.events
		},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for name, make := range histories {
		t.Run(name, func(t *testing.T) {
			events := make(t)
			want, err := Fold(events)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 200 {
				shuffled := slices.Clone(events)
				if i%3 == 0 {
					shuffled = append(shuffled, events[rng.IntN(len(events))])
				}
				rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
				got, err := Fold(shuffled)
				if err != nil {
					t.Fatal(err)
				}
				if g, w := summary(got), summary(want); g != w {
					t.Fatalf("shuffle %d folds otherwise:\n%s\nwant\n%s", i, g, w)
				}
			}
		})
	}
}
