package staff

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func init() { Iterations = 1000 } // keep tests fast; the cost is a parameter

func TestPIN(t *testing.T) {
	c, err := New("S001", "王芳", "2468")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Check("2468"); err != nil {
		t.Fatalf("right PIN refused: %v", err)
	}
	for _, wrong := range []string{"2469", "", "24680"} {
		if err := c.Check(wrong); !errors.Is(err, ErrWrongPIN) {
			t.Errorf("PIN %q: %v, want ErrWrongPIN", wrong, err)
		}
	}
	c.Disabled = true
	if err := c.Check("2468"); !errors.Is(err, ErrDisabled) {
		t.Errorf("disabled clerk: %v", err)
	}
	for _, bad := range []string{"12", "abcd", "123456789"} {
		if _, err := New("S2", "x", bad); !errors.Is(err, ErrBadPIN) {
			t.Errorf("PIN %q accepted: %v", bad, err)
		}
	}
	if _, err := New("bad id!", "x", "1234"); !errors.Is(err, ErrBadID) {
		t.Errorf("bad ID accepted: %v", err)
	}
}

func TestLock(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	var l Lock
	for i := 1; i < MaxFailures; i++ {
		l = l.Record(false, now)
		if l.Check(now) != nil {
			t.Fatalf("locked after %d failures", i)
		}
	}
	l = l.Record(false, now)
	var locked *LockedError
	if err := l.Check(now.Add(time.Minute)); !errors.As(err, &locked) {
		t.Fatalf("not locked after %d failures: %v", MaxFailures, err)
	}
	if l.Check(now.Add(LockFor)) != nil {
		t.Fatal("still locked after the lock ran out")
	}
	l = l.Record(false, now.Add(LockFor))
	if l.Failures != 1 {
		t.Fatalf("after the lock ran out, a failure counts %d, want 1", l.Failures)
	}
	if l = l.Record(true, now); l.Failures != 0 {
		t.Fatal("a success did not clear the count")
	}
}

// The lock's time reads in China Standard Time whatever zone the clock
// handed it in: the counter's status bar and timeline use that zone.
func TestLockedErrorTellsChinaTime(t *testing.T) {
	for _, until := range []time.Time{
		time.Date(2026, 11, 27, 9, 18, 56, 0, time.UTC),
		time.Date(2026, 11, 27, 4, 18, 56, 0, time.FixedZone("EST", -5*3600)),
	} {
		got := (&LockedError{Until: until}).Error()
		if !strings.Contains(got, "柜台已锁定至17:18:56") || !strings.Contains(got, "locked until 17:18:56") {
			t.Errorf("locked until %v reads %q, want 17:18:56 China time", until, got)
		}
	}
}

func TestCheckInput(t *testing.T) {
	for _, c := range []struct {
		id, pin string
		want    error
	}{
		{"S001", "2468", nil},
		{"S001", "12345678", nil},
		{"TB1:6BFA0" + strings.Repeat("X", 280), "2468", ErrBadID},
		{"S001", "2468TB1:ABC", ErrBadPIN},
		{"S001", "123", ErrBadPIN},
		{"S001", "123456789", ErrBadPIN},
		{"", "2468", ErrBadID},
	} {
		if err := CheckInput(c.id, c.pin); !errors.Is(err, c.want) {
			t.Errorf("CheckInput(%.12q, %q) = %v, want %v", c.id, c.pin, err, c.want)
		}
	}
}
