package staff

import (
	"errors"
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
