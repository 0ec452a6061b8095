package cases

import "testing"

// After a resolution the history still holds the branch set aside, in its
// place in time, and the resolution names the branch kept and the one set
// aside.
func TestHistoryKeepsWhatAResolutionSetAside(t *testing.T) {
	h := newHistory(t)
	base := h.c
	accept, _ := base.Event(Action{Kind: KindAccepted, Staff: "a"}, "counter-1", Stamp{Wall: base.UpdatedAt.UnixMilli() + 10})
	refuse, _ := base.Event(Action{Kind: KindRefused, Staff: "b", Payload: Refusal{Reasons: []string{"材料虚假"}}}, "counter-2", Stamp{Wall: base.UpdatedAt.UnixMilli() + 20})
	h.events = append(h.events, accept, refuse)
	h.refold()
	h.act("counter-1", Action{Kind: KindResolved, Staff: "a", Payload: Resolution{Chosen: accept.ID, Note: "材料已核实"}})

	history := h.c.History()
	if len(history) != len(h.c.Timeline)+1 {
		t.Fatalf("history has %d events, want the %d in force and the one set aside", len(history), len(h.c.Timeline))
	}
	for i := 1; i < len(history); i++ {
		if history[i].Before(history[i-1]) {
			t.Fatalf("history out of order at %d: %s before %s", i, history[i-1].Kind, history[i].Kind)
		}
	}
	if !h.c.SetAside(refuse) || h.c.SetAside(accept) {
		t.Fatalf("SetAside(refuse) = %v, SetAside(accept) = %v; want true, false", h.c.SetAside(refuse), h.c.SetAside(accept))
	}
	resolution := history[len(history)-1]
	r, kept, aside, ok := h.c.Resolved(resolution)
	if !ok || kept.ID != accept.ID || len(aside) != 1 || aside[0].ID != refuse.ID || r.Note != "材料已核实" {
		t.Fatalf("Resolved = %v, kept %s, aside %v, note %q; want accept kept, refuse set aside", ok, kept.Kind, aside, r.Note)
	}
	if _, _, _, ok := h.c.Resolved(accept); ok {
		t.Fatal("Resolved of an acceptance says it is a resolution")
	}
}

// StaffOf names the clerk of the latest event of a kind in force.
func TestStaffOf(t *testing.T) {
	h := newHistory(t)
	h.act("counter-1", Action{Kind: KindSupplementRequested, Staff: "S001", Payload: SupplementRequest{Missing: []int{1}}})
	h.act("counter-1", Action{Kind: KindSupplementReceived, Staff: "S002", Payload: SupplementReceipt{Received: []int{1}}})
	h.act("counter-1", Action{Kind: KindSupplementRequested, Staff: "S003", Payload: SupplementRequest{Missing: []int{3}}})
	if got := h.c.StaffOf(KindSupplementRequested); got != "S003" {
		t.Errorf("StaffOf(supplement requested) = %q, want the latest, S003", got)
	}
	if got := h.c.StaffOf(KindRefused); got != "" {
		t.Errorf("StaffOf(refused) of a case never refused = %q, want none", got)
	}
}
