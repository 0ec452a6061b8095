package client

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Backoff spaces out retries after failures: exponential with full jitter
// (AWS architecture blog, "Exponential Backoff And Jitter"), so a center's
// kiosks that lost the network together do not come back together.
type Backoff struct {
	// Base is the ceiling of the first retry's wait; Cap bounds every wait.
	Base, Cap time.Duration
	// Rand returns a number in [0, 1); nil means math/rand/v2.
	Rand func() float64
}

// DefaultBackoff starts at half a second and never waits more than a minute.
var DefaultBackoff = Backoff{Base: 500 * time.Millisecond, Cap: time.Minute}

// Ceiling is the longest wait after the n-th consecutive failure (n from
// 0): min(Cap, Base·2^n).
func (b Backoff) Ceiling(n int) time.Duration {
	c := b.Base
	for i := 0; i < n && c < b.Cap; i++ {
		c *= 2
	}
	return min(c, b.Cap)
}

// Delay is the wait after the n-th consecutive failure: uniformly random
// in [0, Ceiling(n)).
func (b Backoff) Delay(n int) time.Duration {
	r := rand.Float64
	if b.Rand != nil {
		r = b.Rand
	}
	return time.Duration(r() * float64(b.Ceiling(n)))
}

// MaxRetryAfter bounds a platform's Retry-After, so a misconfigured proxy
// cannot silence a kiosk for a day.
const MaxRetryAfter = 10 * time.Minute

// ParseRetryAfter reads a Retry-After header (RFC 9110 §10.2.3): a number
// of seconds or an HTTP date. It returns the wait from now, at most
// MaxRetryAfter, and whether the header said anything usable.
func ParseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(MaxRetryAfter/time.Second) {
			return MaxRetryAfter, true
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return min(max(t.Sub(now), 0), MaxRetryAfter), true
}
