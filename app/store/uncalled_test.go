package store

import (
	"testing"
	"time"

	"tongban/app/cases"
)

// A busy day has more cases than any list limit: Uncalled returns every
// ticket of the day still waiting, the oldest first, and none of the
// called ones, the cases without a ticket or another day's.
func TestUncalledListsEveryTicketOfTheDay(t *testing.T) {
	now := testDay
	s, err := Open(t.TempDir(), Options{Center: "130102", Role: "counter", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetNoSync(true)
	submit := func(ticket bool) *cases.Case {
		c, err := s.Submit(sample("张三", "13800138000", "130102199003071233"))
		if err != nil {
			t.Fatal(err)
		}
		if ticket {
			if _, c, err = s.IssueTicket(c.ID, "A"); err != nil {
				t.Fatal(err)
			}
		}
		now = now.Add(2 * time.Millisecond)
		return c
	}

	now = testDay.AddDate(0, 0, -1)
	submit(true) // yesterday's ticket, never called
	now = testDay
	const n = 1100 // more than the 1,000 the counter read before
	var ticketed []*cases.Case
	for i := range n {
		ticketed = append(ticketed, submit(true))
		if i%100 == 0 {
			submit(false) // a case with no ticket
		}
	}
	for _, c := range ticketed[:3] {
		if _, err := s.Act(c.ID, cases.Action{Kind: cases.KindCalled, Staff: "S001", Payload: cases.Call{Ticket: c.Ticket, Window: "A03"}}); err != nil {
			t.Fatal(err)
		}
	}

	got, err := s.Uncalled(testDay)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n-3 {
		t.Fatalf("Uncalled = %d cases, want the %d tickets not called", len(got), n-3)
	}
	if got[0].ID != ticketed[3].ID || got[len(got)-1].ID != ticketed[n-1].ID {
		t.Fatalf("Uncalled runs %s (%s) … %s (%s), want %s … %s", got[0].Ticket, got[0].Number,
			got[len(got)-1].Ticket, got[len(got)-1].Number, ticketed[3].Ticket, ticketed[n-1].Ticket)
	}
	for i, c := range got {
		if c.ID != ticketed[i+3].ID {
			t.Fatalf("Uncalled[%d] = %s, want %s: not in the order of submission", i, c.Ticket, ticketed[i+3].Ticket)
		}
	}
}
