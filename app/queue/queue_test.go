package queue

import (
	"testing"
	"time"

	"tongban/app/cases"
)

func TestWaitingOrderAndFilters(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 9, 0, 0, 0, cases.Zone)
	letter := map[string]string{"I1": "A", "I2": "B"}
	of := func(code string) string { return letter[code] }
	cs := []*cases.Case{
		{Number: "late", ItemCode: "I1", Status: cases.StatusSubmitted, Ticket: "A002", IssuedAt: t0.Add(2 * time.Minute)},
		{Number: "early", ItemCode: "I1", Status: cases.StatusSubmitted, Ticket: "A001", IssuedAt: t0},
		{Number: "called", ItemCode: "I1", Status: cases.StatusSubmitted, Ticket: "A003", IssuedAt: t0, CalledAt: t0.Add(time.Minute)},
		{Number: "other-queue", ItemCode: "I2", Status: cases.StatusSubmitted, Ticket: "B001", IssuedAt: t0},
		{Number: "no-ticket", ItemCode: "I1", Status: cases.StatusSubmitted},
		{Number: "closed", ItemCode: "I1", Status: cases.StatusWithdrawn, Ticket: "A004", IssuedAt: t0},
		// Scanned at a counter without a call: served all the same.
		{Number: "taken-up", ItemCode: "I1", Status: cases.StatusAccepted, Ticket: "A005", IssuedAt: t0},
		{Number: "asked-for-more", ItemCode: "I1", Status: cases.StatusSupplement, Ticket: "A006", IssuedAt: t0},
	}
	got := Waiting(cs, []string{"A"}, of)
	if len(got) != 2 || got[0].Number != "early" || got[1].Number != "late" {
		t.Fatalf("Waiting(A) = %v, want early then late", got)
	}
	if all := Waiting(cs, nil, of); len(all) != 3 {
		t.Fatalf("Waiting(any) = %d cases, want 3", len(all))
	}
	if n := Ahead(cs, "A", t0.Add(2*time.Minute), of); n != 1 {
		t.Fatalf("Ahead of the second A ticket = %d, want 1", n)
	}
	for _, tc := range []struct{ kiosk, want string }{
		{"K01", "A1007"}, {"K12", "A12007"}, {"XAB", "A007"}, {"", "A007"}, {"KX", "A007"},
	} {
		if got := Number("A", tc.kiosk, 7); got != tc.want {
			t.Errorf("Number(A, %q, 7) = %s, want %s", tc.kiosk, got, tc.want)
		}
	}
}
