package cases

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation(time.DateOnly, s, Zone)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCalendar(t *testing.T) {
	cal, err := ParseCalendar([]byte(`{"holidays":["2026-10-01","2026-10-02","2026-10-05"],"workdays":["2026-10-10"]}`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-11-27", 1, "2026-11-30"}, // Friday + 1 → Monday
		{"2026-11-23", 5, "2026-11-30"},
		{"2026-09-30", 1, "2026-10-06"}, // holidays and a weekend skipped
		{"2026-10-09", 1, "2026-10-10"}, // a make-up Saturday counts
		{"2026-11-27", 0, "2026-11-27"},
	}
	for _, tt := range tests {
		if got := cal.AddWorkdays(day(tt.from), tt.n).Format(time.DateOnly); got != tt.want {
			t.Errorf("AddWorkdays(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
	if n := cal.WorkdaysBetween(day("2026-09-30"), day("2026-10-10")); n != 5 {
		t.Errorf("WorkdaysBetween(09-30, 10-10) = %d, want 5 (10-06..09 and the make-up 10-10)", n)
	}
	if _, err := ParseCalendar([]byte(`{"holidays":["2026-13-01"]}`)); err == nil {
		t.Error("a calendar with month 13 was accepted")
	}
}

func TestDuePausesWhileSuspended(t *testing.T) {
	cal, _ := ParseCalendar([]byte(`{}`))
	c := &Case{Status: StatusAccepted, AcceptedAt: day("2026-11-23")}
	if due, _ := c.Due(cal, 5, day("2026-11-24")); !due.Equal(day("2026-11-30")) {
		t.Fatalf("due = %s, want 2026-11-30", due.Format(time.DateOnly))
	}
	c.Suspensions = []Span{{From: day("2026-11-24"), To: day("2026-11-26")}}
	if due, _ := c.Due(cal, 5, day("2026-11-27")); !due.Equal(day("2026-12-02")) {
		t.Fatalf("due after two suspended days = %s, want 2026-12-02", due.Format(time.DateOnly))
	}
	if !c.Overdue(cal, 5, day("2026-12-03")) || c.Overdue(cal, 5, day("2026-12-02")) {
		t.Fatal("overdue is wrong around the due date")
	}
}

func TestNumbers(t *testing.T) {
	n := FormatNumber(time.Date(2026, 11, 27, 23, 30, 0, 0, time.UTC), "K01", 42)
	if n != "261128-K01-0042" { // 23:30 UTC is the next morning in China
		t.Fatalf("FormatNumber = %s", n)
	}
	for in, want := range map[string]string{
		"261127-K01-0042":   "261127-K01-0042",
		" 261127 k01 0042 ": "261127-K01-0042",
		"261127K010042":     "261127-K01-0042",
	} {
		if got, err := NormalizeNumber(in); err != nil || got != want {
			t.Errorf("NormalizeNumber(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "hello", "2611-K01-0042", "261127-K-0042"} {
		if _, err := NormalizeNumber(bad); err == nil {
			t.Errorf("NormalizeNumber(%q) accepted it", bad)
		}
	}
}

func TestClockNeverGoesBack(t *testing.T) {
	var c Clock
	t0 := time.UnixMilli(1_000_000)
	a := c.Tick(t0)
	b := c.Tick(t0.Add(-time.Hour)) // the wall clock jumped back
	c.Observe(Stamp{Wall: 2_000_000, Counter: 7}, t0)
	d := c.Tick(t0)
	if a.Compare(b) >= 0 || b.Compare(d) >= 0 || d.Compare(Stamp{Wall: 2_000_000, Counter: 7}) <= 0 {
		t.Fatalf("stamps went backwards: %v %v %v", a, b, d)
	}
	// A stamp years ahead is not followed: the device's next stamps stay
	// in its own year.
	far := t0.Add(MaxObserveAhead + time.Hour).UnixMilli()
	c.Observe(Stamp{Wall: far}, t0)
	if e := c.Tick(t0); e.Wall >= far || e.Compare(d) <= 0 {
		t.Fatalf("after a stamp years ahead the clock reads %v (before %v)", e, d)
	}
}
