package ui

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestIdleTimer(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	at := func(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
	it := NewIdleTimer(90*time.Second, 10*time.Second, t0)
	steps := []struct {
		touch   bool
		at      float64
		warning bool
		expired bool
		seconds int
	}{
		{at: 30, seconds: 60},
		{touch: true, at: 50},
		{at: 129, seconds: 11},                  // 79 s after the touch
		{at: 130.5, warning: true, seconds: 10}, // the countdown starts
		{at: 139.2, warning: true, seconds: 1},
		{at: 140, expired: true},
		{at: 141, seconds: 90}, // reported once
		{touch: true, at: 200},
		{at: 285, warning: true, seconds: 5},
		{touch: true, at: 286}, // touching during the countdown cancels it
		{at: 300, seconds: 76},
	}
	for i, s := range steps {
		if s.touch {
			it.Touch(at(s.at))
			continue
		}
		got := it.Check(at(s.at))
		if got.Warning != s.warning || got.Expired != s.expired || (!s.expired && got.Seconds() != s.seconds) {
			t.Errorf("step %d at %vs: %+v (%d s), want warning %v expired %v %d s", i, s.at, got, got.Seconds(), s.warning, s.expired, s.seconds)
		}
	}
}

func TestIdleTimerPauseAndTimeout(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	it := NewIdleTimer(90*time.Second, 10*time.Second, t0)
	it.Pause()
	if s := it.Check(t0.Add(time.Hour)); s.Expired || s.Warning {
		t.Errorf("a paused timer reports %+v", s)
	}
	it.Resume(t0.Add(time.Hour))
	it.SetTimeout(30*time.Second, t0.Add(time.Hour))
	if s := it.Check(t0.Add(time.Hour + 25*time.Second)); !s.Warning || s.Seconds() != 5 {
		t.Errorf("after SetTimeout(30s), 25 s on: %+v", s)
	}
	if s := it.Check(t0.Add(time.Hour + 30*time.Second)); !s.Expired {
		t.Errorf("after SetTimeout(30s), 30 s on: %+v", s)
	}
	// A timeout shorter than the warning counts down all the way, and a
	// longer one afterwards warns for the full window again.
	it.SetTimeout(4*time.Second, t0)
	if s := it.Check(t0.Add(time.Second)); !s.Warning || s.Seconds() != 3 {
		t.Errorf("4 s timeout, 1 s on: %+v", s)
	}
	it.SetTimeout(60*time.Second, t0)
	if s := it.Check(t0.Add(49 * time.Second)); s.Warning {
		t.Errorf("60 s timeout, 49 s on: %+v, want no warning yet", s)
	}
	if s := it.Check(t0.Add(51 * time.Second)); !s.Warning {
		t.Errorf("60 s timeout, 51 s on: %+v, want the 10 s warning", s)
	}
}

// Run hands the states to the UI goroutine until stopped.
func TestIdleTimerRun(t *testing.T) {
	themed(t, Kiosk)
	// The clock moves 2 ms a tick whatever the machine's load, so the
	// ticks pass through the warning's 10 ms however late they come.
	start := time.Now()
	var ticks atomic.Int64
	now := func() time.Time { return start.Add(time.Duration(ticks.Add(1)) * 2 * time.Millisecond) }
	it := NewIdleTimer(30*time.Millisecond, 10*time.Millisecond, start)
	states := make(chan IdleState, 100)
	stop := it.Run(2*time.Millisecond, now, func(s IdleState) {
		select {
		case states <- s:
		default:
		}
	})
	defer stop()
	deadline := time.After(5 * time.Second)
	for warned := false; ; {
		select {
		case s := <-states:
			warned = warned || s.Warning
			if s.Expired {
				if !warned {
					t.Error("expired without a warning first")
				}
				stop()
				stop() // stopping twice is harmless
				return
			}
		case <-deadline:
			t.Fatal("Run never reported the timer expired")
		}
	}
}
