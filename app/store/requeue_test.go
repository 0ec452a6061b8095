package store

import (
	"slices"
	"testing"
	"time"

	"tongban/app/cases"
)

// TestSwitchPlatform: a device moving to another platform saves its new
// identity and keys, forgets the old cursor and queues every event it made
// again, each once, in one transaction; the old platform's rejections go,
// and other devices' events stay put.
func TestSwitchPlatform(t *testing.T) {
	s := openTest(t, t.TempDir())
	own, err := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	if err != nil {
		t.Fatal(err)
	}
	if own, err = s.Act(own.ID, cases.Action{Kind: cases.KindAccepted, Staff: "s1", Payload: cases.Acceptance{Received: []int{0}}}); err != nil {
		t.Fatal(err)
	}
	refused, err := s.Submit(sample("李四", "13900139000", "11010519491231002X"))
	if err != nil {
		t.Fatal(err)
	}
	waiting, err := s.Submit(sample("王五", "13700137000", "130102199003071233"))
	if err != nil {
		t.Fatal(err)
	}
	// Another device of the center, and a device of another center, as the
	// old platform's feed brought them.
	peer, err := Open(t.TempDir(), Options{Center: "130102", Role: "kiosk", Now: func() time.Time { return testDay }})
	if err != nil {
		t.Fatal(err)
	}
	defer peer.Close()
	theirs, _ := peer.Submit(sample("赵六", "13600136000", "130102199003071233"))
	other, err := Open(t.TempDir(), Options{Center: "130103", Role: "kiosk", Now: func() time.Time { return testDay }})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	foreign, _ := other.Submit(sample("钱七", "13500135000", "130102199003071233"))
	if _, _, err := s.ApplyPage(append(theirs.Events, foreign.Events...), "42"); err != nil {
		t.Fatal(err)
	}
	// The old platform answered for all but the last case, refusing one.
	head, _ := s.Outbox(10)
	var outcomes []Outcome
	for _, e := range head {
		if e.Event.CaseID != waiting.ID {
			outcomes = append(outcomes, Outcome{Seq: e.Seq, Rejected: e.Event.ID == refused.ID, Reason: "no"})
		}
	}
	if err := s.Acknowledge(outcomes); err != nil {
		t.Fatal(err)
	}
	mustPending(t, s, 1)

	id, _ := s.Identity()
	id.Platform, id.Token, id.ShortCode = "https://new.example", "tok", "K07"
	n, err := s.SwitchPlatform(id, map[string][]byte{"receipt/keys": []byte(`[]`)})
	if err != nil {
		t.Fatal(err)
	}
	// Own: submitted + accepted, and the refused submission; the waiting
	// submission was queued already.
	if n != 3 {
		t.Errorf("SwitchPlatform requeued %d events, want 3", n)
	}
	mustPending(t, s, 4)
	queued, _ := s.Outbox(100)
	var got []string
	for _, e := range queued {
		got = append(got, e.Event.ID)
	}
	requeued := []string{own.Events[0].ID, own.Events[1].ID, refused.ID}
	slices.Sort(requeued)
	rest := slices.Clone(got[min(1, len(got)):])
	slices.Sort(rest)
	if len(got) != 4 || got[0] != waiting.ID || !slices.Equal(rest, requeued) {
		t.Errorf("outbox after the switch = %v; want %s first, then %v, each once", got, waiting.ID, requeued)
	}
	if slices.Contains(got, foreign.ID) || slices.Contains(got, theirs.ID) {
		t.Errorf("another device's event was queued: %v (the peer's %s, center 130103's %s)", got, theirs.ID, foreign.ID)
	}
	if r, _ := s.Rejected(); len(r) != 0 {
		t.Errorf("the old platform's rejections are still parked: %+v", r)
	}
	if cur, _ := s.Get(KeyCursor); cur != nil {
		t.Errorf("the old cursor %q survived the switch", cur)
	}
	if keys, _ := s.Get("receipt/keys"); string(keys) != `[]` {
		t.Errorf("the settings were not saved with the identity: %q", keys)
	}
	if saved, _ := s.Identity(); saved != id {
		t.Errorf("identity after the switch = %+v, want %+v", saved, id)
	}

	// Once more: everything is queued already.
	if n, err := s.SwitchPlatform(id, nil); err != nil || n != 0 {
		t.Errorf("a second switch requeued %d (%v), want 0", n, err)
	}
	mustPending(t, s, 4)

	bad := id
	bad.ShortCode, bad.Platform = "x", "https://other.example"
	if _, err := s.SwitchPlatform(bad, nil); err == nil {
		t.Errorf("a bad short code was saved")
	}
	if saved, _ := s.Identity(); saved != id {
		t.Errorf("a refused switch changed the identity to %+v", saved)
	}
}

// TestSwitchPlatformToAnotherCenter: a device enrolled in another center
// keeps its old center's events to itself.
func TestSwitchPlatformToAnotherCenter(t *testing.T) {
	s := openTest(t, t.TempDir())
	c, err := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	if err != nil {
		t.Fatal(err)
	}
	head, _ := s.Outbox(1)
	if err := s.Acknowledge([]Outcome{{Seq: head[0].Seq}}); err != nil {
		t.Fatal(err)
	}
	id, _ := s.Identity()
	id.Center, id.Platform, id.Token, id.ShortCode = "130103", "https://new.example", "tok", "K01"
	if n, err := s.SwitchPlatform(id, nil); err != nil || n != 0 {
		t.Errorf("moving to center 130103 requeued %d events of 130102 (%v), want none", n, err)
	}
	mustPending(t, s, 0)
	if got, err := s.Case(c.ID); err != nil || got.Number != c.Number {
		t.Errorf("the old center's case is gone: %v", err)
	}
}

func TestPendingCases(t *testing.T) {
	s := openTest(t, t.TempDir())
	if n, err := s.PendingCases(); err != nil || n != 0 {
		t.Fatalf("a new store has %d pending cases (%v)", n, err)
	}
	c, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	s.Act(c.ID, cases.Action{Kind: cases.KindAccepted, Staff: "s1", Payload: cases.Acceptance{Received: []int{0}}})
	s.Submit(sample("李四", "13900139000", "11010519491231002X"))
	if n, err := s.PendingCases(); err != nil || n != 2 {
		t.Fatalf("PendingCases = %d (%v), want 2 (three events of two cases)", n, err)
	}
}

func mustPending(t *testing.T, s *Store, want int) {
	t.Helper()
	if n, err := s.Pending(); err != nil || n != want {
		t.Fatalf("pending = %d (%v), want %d", n, err, want)
	}
}
