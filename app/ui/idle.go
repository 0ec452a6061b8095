package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// IdleState is what an idle timer says at one moment.
type IdleState struct {
	// Left is the time until the timer expires (0 once it has).
	Left time.Duration
	// Warning is set in the warning window before expiry, when a screen
	// shows its countdown.
	Warning bool
	// Expired is set by the one Check that finds the time up; later checks
	// report nothing until the next Touch.
	Expired bool
}

// Seconds returns Left in whole seconds, rounded up, for a countdown.
func (s IdleState) Seconds() int { return int((s.Left + time.Second - 1) / time.Second) }

// IdleTimer notices that nobody has touched the screen for a while. It has
// no clock of its own: Touch and Check take the time, so tests drive it
// with a fake clock, and Run checks it from a ticker and hands each state
// to the UI with fyne.Do. Feed it from every widget's own events (taps,
// typing, keypad keys): canvas key handlers fire only when no widget has
// focus.
type IdleTimer struct {
	mu      sync.Mutex
	timeout time.Duration
	warn    time.Duration // as asked; the window is never longer than the timeout
	last    time.Time
	paused  bool
	fired   bool
}

// NewIdleTimer returns a timer that expires timeout after the last touch
// and warns in the last warn of it, started at now.
func NewIdleTimer(timeout, warn time.Duration, now time.Time) *IdleTimer {
	return &IdleTimer{timeout: timeout, warn: warn, last: now}
}

// Touch restarts the wait: somebody is there.
func (t *IdleTimer) Touch(now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.last, t.fired = now, false
}

// SetTimeout changes the wait (a receipt screen waits less than a form)
// and restarts it.
func (t *IdleTimer) SetTimeout(timeout time.Duration, now time.Time) {
	t.mu.Lock()
	t.timeout = timeout
	t.mu.Unlock()
	t.Touch(now)
}

// Pause stops the timer (a start screen has nothing to clear); Resume
// starts it again from now.
func (t *IdleTimer) Pause() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.paused = true
}

// Resume restarts a paused timer from now.
func (t *IdleTimer) Resume(now time.Time) {
	t.mu.Lock()
	t.paused = false
	t.mu.Unlock()
	t.Touch(now)
}

// Check returns the state at now.
func (t *IdleTimer) Check(now time.Time) IdleState {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.paused || t.fired {
		return IdleState{Left: t.timeout}
	}
	left := t.timeout - now.Sub(t.last)
	if left <= 0 {
		t.fired = true
		return IdleState{Expired: true}
	}
	return IdleState{Left: left, Warning: left <= min(t.warn, t.timeout)}
}

// Run checks the timer every interval on a goroutine and hands each state
// to apply on the UI goroutine (fyne.Do). It returns a function that stops
// it.
func (t *IdleTimer) Run(every time.Duration, now func() time.Time, apply func(IdleState)) (stop func()) {
	done := make(chan struct{})
	ticker := time.NewTicker(every)
	go func() {
		defer ticker.Stop()
		for {
			select {
			case <-done:
				return
			case <-ticker.C:
				s := t.Check(now())
				fyne.Do(func() { apply(s) })
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done) }) }
}
