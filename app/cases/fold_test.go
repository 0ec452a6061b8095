package cases

import (
	"slices"
	"testing"
	"time"
)

// history builds events of one case as devices would, for fold tests.
type history struct {
	t      *testing.T
	c      *Case
	events []Event
	clock  Clock
}

func newHistory(t *testing.T) *history {
	t.Helper()
	h := &history{t: t}
	sub := Submission{Number: "261127-K01-0001", ItemCode: "X1", CatalogVersion: 1,
		Fields: map[string]string{"name": "张三"}, Materials: []int{0, 1}, Channel: ChannelKiosk}
	e, err := Submitted(sub, "130102", "kiosk-1", h.clock.Tick(time.Date(2026, 11, 27, 9, 0, 0, 0, Zone)))
	if err != nil {
		t.Fatal(err)
	}
	h.events = []Event{e}
	h.refold()
	return h
}

func (h *history) refold() {
	h.t.Helper()
	c, err := Fold(h.events)
	if err != nil {
		h.t.Fatalf("Fold: %v", err)
	}
	h.c = c
}

// act makes an event on the current fold, as a device that has seen it all.
func (h *history) act(device string, a Action) Event {
	h.t.Helper()
	e, err := h.c.Event(a, device, h.clock.Tick(time.Date(2026, 11, 27, 10, 0, 0, 0, Zone)))
	if err != nil {
		h.t.Fatalf("%s on %s: %v", a.Kind, h.c.Status, err)
	}
	h.events = append(h.events, e)
	h.refold()
	return e
}

func TestFoldLine(t *testing.T) {
	h := newHistory(t)
	if h.c.Status != StatusSubmitted || h.c.Name() != "张三" || h.c.Number != "261127-K01-0001" {
		t.Fatalf("new case = %s %q, want submitted 张三", h.c, h.c.Name())
	}
	h.act("counter-1", Action{Kind: KindSupplementRequested, Staff: "s1", Payload: SupplementRequest{Missing: []int{2}}})
	if h.c.Status != StatusSupplement || !h.c.AcceptedAt.IsZero() || !slices.Equal(h.c.Missing, []int{2}) {
		t.Fatalf("after the notice: %s accepted %v missing %v", h.c.Status, h.c.AcceptedAt, h.c.Missing)
	}
	h.act("counter-1", Action{Kind: KindSupplementReceived, Staff: "s1", Payload: SupplementReceipt{Received: []int{2}}})
	if h.c.Status != StatusAccepted || h.c.AcceptedAt.IsZero() || h.c.Missing != nil {
		t.Fatalf("materials came: %s accepted %v missing %v; acceptance counts from that day", h.c.Status, h.c.AcceptedAt, h.c.Missing)
	}
	h.act("counter-1", Action{Kind: KindSuspended, Staff: "s1", Payload: Reasoned{Reason: "现场勘验"}})
	h.act("counter-1", Action{Kind: KindResumed, Staff: "s1", Payload: Reasoned{Reason: "勘验完成"}})
	h.act("kiosk-1", Action{Kind: KindPrinted, Payload: Printing{Document: "receipt"}})
	h.act("counter-1", Action{Kind: KindCompleted, Staff: "s1", Payload: Completion{Approved: true}})
	if h.c.Status != StatusCompleted || !h.c.Approved || len(h.c.Suspensions) != 1 || h.c.Suspensions[0].To.IsZero() {
		t.Fatalf("completed case = %+v", h.c)
	}
	if len(h.c.Timeline) != len(h.events) || len(h.c.Invalid) != 0 {
		t.Fatalf("timeline has %d of %d events, invalid %v", len(h.c.Timeline), len(h.events), h.c.Invalid)
	}
	if _, err := h.c.Event(Action{Kind: KindAccepted, Payload: Acceptance{}}, "c", Stamp{}); err == nil {
		t.Fatal("a completed case accepted again")
	}
}

func TestFoldIgnoresOrderAndDuplicates(t *testing.T) {
	h := newHistory(t)
	h.act("counter-1", Action{Kind: KindAccepted, Payload: Acceptance{Received: []int{0}}})
	h.act("counter-1", Action{Kind: KindCompleted, Payload: Completion{Approved: false}})
	want := h.c
	shuffled := append(slices.Clone(h.events), h.events...)
	slices.Reverse(shuffled)
	got, err := Fold(shuffled)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != want.Status || got.Head != want.Head || len(got.Events) != len(h.events) {
		t.Fatalf("reversed and doubled: %s head %s (%d events), want %s head %s (%d)",
			got.Status, got.Head, len(got.Events), want.Status, want.Head, len(h.events))
	}
}

func TestFoldConflictAndResolution(t *testing.T) {
	h := newHistory(t)
	base := h.c
	// Two counters act on the same submitted case while offline.
	accept, _ := base.Event(Action{Kind: KindAccepted, Staff: "a"}, "counter-1", Stamp{Wall: base.UpdatedAt.UnixMilli() + 10})
	refuse, _ := base.Event(Action{Kind: KindRefused, Staff: "b", Payload: Refusal{Reasons: []string{"不属于本机关职权范围"}}}, "counter-2", Stamp{Wall: base.UpdatedAt.UnixMilli() + 20})
	h.events = append(h.events, accept, refuse)
	h.refold()
	if h.c.Status != StatusConflict || len(h.c.Branches) != 2 {
		t.Fatalf("accept and refuse from one base: %s with %d branches, want conflict with 2", h.c.Status, len(h.c.Branches))
	}
	if _, err := h.c.Event(Action{Kind: KindCompleted, Payload: Completion{Approved: true}}, "c", Stamp{}); err == nil {
		t.Fatal("a case in conflict accepted a completion before resolution")
	}
	h.act("counter-1", Action{Kind: KindResolved, Staff: "a", Payload: Resolution{Chosen: accept.ID}})
	if h.c.Status != StatusAccepted || len(h.c.Discarded) != 1 || h.c.Discarded[0].ID != refuse.ID {
		t.Fatalf("after resolving for acceptance: %s, discarded %v", h.c.Status, h.c.Discarded)
	}
	h.act("counter-1", Action{Kind: KindCompleted, Payload: Completion{Approved: true}})
	if h.c.Status != StatusCompleted {
		t.Fatalf("after completion: %s", h.c.Status)
	}
	// Every device folds the same events to the same state.
	other := slices.Clone(h.events)
	slices.Reverse(other)
	if c, _ := Fold(other); c.Status != StatusCompleted || c.Head != h.c.Head {
		t.Fatalf("another device sees %s head %s, want completed head %s", c.Status, c.Head, h.c.Head)
	}
}

func TestFoldEqualConcurrentTransitionsAreOneStep(t *testing.T) {
	h := newHistory(t)
	base := h.c
	a1, _ := base.Event(Action{Kind: KindAccepted}, "counter-1", Stamp{Wall: base.UpdatedAt.UnixMilli() + 10})
	a2, _ := base.Event(Action{Kind: KindAccepted}, "counter-2", Stamp{Wall: base.UpdatedAt.UnixMilli() + 20})
	h.events = append(h.events, a1, a2)
	h.refold()
	if h.c.Status != StatusAccepted {
		t.Fatalf("two acceptances: %s, want accepted", h.c.Status)
	}
	// counter-2 goes on from its own acceptance; that line is in force.
	done := Event{ID: NewID(), CaseID: h.c.ID, Center: h.c.Center, Kind: KindCompleted, Device: "counter-2",
		Stamp: Stamp{Wall: a2.Stamp.Wall + 5}, Parent: a2.ID, Payload: []byte(`{"approved":true}`)}
	h.events = append(h.events, done)
	h.refold()
	if h.c.Status != StatusCompleted {
		t.Fatalf("completion after the second acceptance: %s, want completed", h.c.Status)
	}
}

func TestFoldOneRating(t *testing.T) {
	h := newHistory(t)
	h.act("kiosk-1", Action{Kind: KindRated, Payload: Rating{Level: VerySatisfied, Channel: ChannelKiosk}})
	if h.c.Rating == nil || h.c.Rating.Level != VerySatisfied {
		t.Fatalf("rating = %+v", h.c.Rating)
	}
	if _, err := h.c.Event(Action{Kind: KindRated, Payload: Rating{Level: Fair}}, "k", Stamp{}); err == nil {
		t.Fatal("a second rating was accepted")
	}
	// A second rating merged from another device is set aside, not applied.
	second := Event{ID: NewID(), CaseID: h.c.ID, Kind: KindRated, Device: "k2", Stamp: Stamp{Wall: 1 << 50}, Payload: []byte(`{"level":1,"channel":"kiosk"}`)}
	h.events = append(h.events, second)
	h.refold()
	if h.c.Rating.Level != VerySatisfied || len(h.c.Invalid) != 1 {
		t.Fatalf("after a merged second rating: level %d, invalid %v", h.c.Rating.Level, h.c.Invalid)
	}
}

func TestFoldNeedsSubmission(t *testing.T) {
	if _, err := Fold([]Event{{ID: "a", CaseID: "b", Kind: KindAccepted}}); err == nil {
		t.Fatal("folded a case without its submission")
	}
}

func TestDigestSeesEveryChange(t *testing.T) {
	h := newHistory(t)
	e := h.events[0]
	changed := e
	changed.Payload = []byte(`{"number":"other"}`)
	if e.Digest() == changed.Digest() {
		t.Fatal("two different payloads share a digest")
	}
	if e.Digest() != h.events[0].Digest() {
		t.Fatal("the digest of one event changed")
	}
}

func TestNewIDAtCarriesTheTime(t *testing.T) {
	at := time.Date(2026, 11, 27, 9, 30, 0, 0, Zone)
	a, b := NewIDAt(at), NewIDAt(at)
	if a == b || a[:13] != b[:13] {
		t.Fatalf("NewIDAt gave %s and %s; want different IDs with the same time prefix", a, b)
	}
	later := NewIDAt(at.Add(time.Second))
	if later <= a {
		t.Fatalf("an ID a second later sorts before: %s <= %s", later, a)
	}
}
