package client

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// Status is what the windows show about sync: online or offline, how many
// events wait to be sent, and when the last sync succeeded.
type Status struct {
	// Enrolled is false on a device that has no platform (the demo kiosk).
	Enrolled bool
	// Online is set while the platform answers.
	Online bool
	// Pending counts events in the outbox.
	Pending int
	// LastSync is when a round last finished without error; zero: never.
	LastSync time.Time
	// LastError is the last round's error as one plain sentence; empty
	// after a good round.
	LastError string
	// LastErrorCode is the platform's error code (protocol.Code…) of the
	// last round's error when the platform answered with one, else empty:
	// protocol.CodeStorageDown says the platform runs but its database
	// does not answer, which Online alone cannot tell from a platform
	// that cannot be reached.
	LastErrorCode string
	// NeedsEnrollment is set when the platform refused the device's token.
	NeedsEnrollment bool
}

// savedStatus is the part of Status kept in the store (KeyStatus).
type savedStatus struct {
	LastSync  time.Time `json:"last_sync,omitzero"`
	LastError string    `json:"last_error,omitempty"`
	// LastErrorCode is Status.LastErrorCode.
	LastErrorCode string `json:"last_error_code,omitempty"`
}

// ReadStatus returns a device's sync status from its store alone, for
// tongban status and for a window before its syncer has run. Online is
// false: only a running syncer knows.
func ReadStatus(st Store) (Status, error) {
	s, _ := readStatus(st)
	id, err := st.Identity()
	if err != nil {
		return s, err
	}
	s.Enrolled, s.NeedsEnrollment = id.Enrolled(), id.NeedsEnrollment
	s.Pending, err = st.Pending()
	return s, err
}

func readStatus(st Store) (Status, savedStatus) {
	var saved savedStatus
	if raw, err := st.Get(KeyStatus); err == nil && raw != nil {
		json.Unmarshal(raw, &saved) // a damaged record only loses the display
	}
	s := Status{LastSync: saved.LastSync, LastError: saved.LastError, LastErrorCode: saved.LastErrorCode}
	if id, err := st.Identity(); err == nil {
		s.Enrolled, s.NeedsEnrollment = id.Enrolled(), id.NeedsEnrollment
	}
	if n, err := st.Pending(); err == nil {
		s.Pending = n
	}
	return s, saved
}

// Status returns the current status.
func (s *Syncer) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}

// OnChange calls f with the new status each time it changes, from the
// syncer's goroutine (a window hands it to fyne.Do). f must return quickly
// and must not call Once. It returns a function
// that ends the subscription.
func (s *Syncer) OnChange(f func(Status)) (cancel func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextID
	s.nextID++
	s.subs[id] = f
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.subs, id)
	}
}

// update changes the status with f and tells the subscribers if it changed.
func (s *Syncer) update(f func(*Status)) {
	s.mu.Lock()
	old := s.status
	f(&s.status)
	now := s.status
	var subs []func(Status)
	if now != old {
		for _, sub := range s.subs {
			subs = append(subs, sub)
		}
	}
	s.mu.Unlock()
	for _, sub := range subs {
		sub(now)
	}
}

// record sets the status after a round and keeps its lasting part in the
// store: at most once a minute while nothing changes, so an idle kiosk
// does not write its disk every few seconds.
func (s *Syncer) record(rep Report, err error) {
	// A request that timed out wraps context.DeadlineExceeded too, but it
	// is a failed round (ErrUnreachable), not a stopped one.
	if (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) && !errors.Is(err, ErrUnreachable) {
		s.update(func(st *Status) { st.Pending = rep.Pending }) // stopped, not failed
		return
	}
	now := s.opts.Now()
	s.update(func(st *Status) {
		st.Pending = rep.Pending
		st.Online = reachedPlatform(err)
		st.NeedsEnrollment = errors.Is(err, ErrNeedsEnrollment)
		st.Enrolled = !errors.Is(err, ErrNotEnrolled)
		st.LastErrorCode = errorCode(err)
		if err == nil {
			st.LastSync, st.LastError = now, ""
		} else {
			st.LastError = err.Error()
		}
	})
	st := s.Status()
	next := savedStatus{LastSync: st.LastSync, LastError: st.LastError, LastErrorCode: st.LastErrorCode}
	worked := rep.Pushed+rep.Rejected+rep.Pulled > 0
	if next.LastError == s.saved.LastError && next.LastErrorCode == s.saved.LastErrorCode && !worked && next.LastSync.Sub(s.saved.LastSync) < time.Minute {
		return
	}
	if raw, jerr := json.Marshal(next); jerr == nil && s.store.Put(KeyStatus, raw) == nil {
		s.saved = next
	}
}

// errorCode is the platform's error code an error carries, or "".
func errorCode(err error) string {
	var pe *PlatformError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// reachedPlatform reports whether an error is an answer of a working
// platform (a refusal, a rate limit) rather than its absence.
func reachedPlatform(err error) bool {
	if errors.Is(err, ErrUnreachable) || errors.Is(err, ErrUntrusted) || errors.Is(err, ErrNotPlatform) || errors.Is(err, ErrNotEnrolled) {
		return false
	}
	var pe *PlatformError
	if errors.As(err, &pe) {
		return pe.Status < 500
	}
	return true
}
