package client

import (
	"context"
	"errors"
	"net/http"
	"time"

	"tongban/sync/protocol"
)

// Nudge asks a running syncer to sync now: the windows call it after they
// saved a new event. It never blocks. While the syncer backs off from a
// failing platform the nudge only refreshes the pending count; the retry
// comes on its timer or as soon as the platform answers a health probe.
func (s *Syncer) Nudge() {
	select {
	case s.nudge <- struct{}{}:
	default:
	}
}

// Run syncs until ctx ends: at once, then every Interval while all is
// well, and at once after a Nudge. After a failure it waits as the
// platform asked (Retry-After on 429/503) or with exponential backoff and
// full jitter, and while an unreachable platform is awaited it probes
// /v1/health every ProbeEvery to sync the moment it answers. Retries come
// from the timer, never only from a new local write. After a 401 it waits
// for a nudge or a re-enrollment seen at the next Interval, without
// calling the platform.
func (s *Syncer) Run(ctx context.Context) {
	failures := 0
	for ctx.Err() == nil {
		_, err := s.Once(ctx)
		if ctx.Err() != nil {
			return
		}
		d, probe := s.opts.Interval, false
		switch {
		case err == nil, errors.Is(err, ErrNotEnrolled), errors.Is(err, ErrNeedsEnrollment),
			errors.Is(err, ErrBadCatalog): // events flow; only the catalog waits
			failures = 0
		default:
			var pe *PlatformError
			if errors.As(err, &pe) && pe.HasRetryAfter {
				d = pe.RetryAfter
			} else {
				// Back off; while the platform cannot be reached, or its
				// database does not answer, its health call says when to
				// come back (it answers 503 until the database does).
				d = s.opts.Backoff.Delay(failures)
				probe = errors.Is(err, ErrUnreachable) || errors.Is(err, ErrStorageDown)
			}
			failures++
		}
		s.wait(ctx, d, failures == 0, probe)
	}
}

// wait sleeps for d or until ctx ends. A nudge ends the wait when
// wakeOnNudge is set, and otherwise refreshes the pending count. With
// probe set it tries /v1/health every ProbeEvery and ends the wait when
// the platform answers.
func (s *Syncer) wait(ctx context.Context, d time.Duration, wakeOnNudge, probe bool) {
	timer := s.opts.After(d)
	var tick <-chan time.Time
	if probe {
		tick = s.opts.After(min(s.opts.ProbeEvery, d))
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer:
			return
		case <-s.nudge:
			if wakeOnNudge {
				return
			}
			if n, err := s.store.Pending(); err == nil {
				s.update(func(st *Status) { st.Pending = n })
			}
		case <-tick:
			if s.probe(ctx) {
				return
			}
			tick = s.opts.After(s.opts.ProbeEvery)
		}
	}
}

// probe reports whether the platform answers GET /v1/health, and marks
// the device online when it does.
func (s *Syncer) probe(ctx context.Context) bool {
	s.once.Lock()
	a, err := s.client()
	s.once.Unlock()
	if err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var h protocol.Health
	if _, err := a.call(ctx, http.MethodGet, protocol.PathHealth, nil, nil, false, &h); err != nil {
		return false
	}
	// The platform answers again: the error that said it could not be
	// reached is over, and the round that follows at once says what holds.
	s.update(func(st *Status) { st.Online, st.LastError = true, "" })
	return true
}
