package platform

import (
	"math"
	"sync"
	"time"
)

// limiter is a token bucket per device: rate tokens a second, at most
// burst saved up. One platform instance limits what it sees; behind a load
// balancer each instance limits on its own, which is enough to stop a
// runaway device.
type limiter struct {
	rate  float64
	burst float64
	mu    sync.Mutex
	b     map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(rate float64, burst int) *limiter {
	if burst <= 0 {
		burst = int(math.Ceil(rate))
	}
	return &limiter{rate: rate, burst: float64(max(burst, 1)), b: map[string]*bucket{}}
}

// allow takes a token for a device; when none is left it returns the
// whole seconds to wait before the next one.
func (l *limiter) allow(id string, now time.Time) (ok bool, retryAfter int) {
	if l.rate <= 0 {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.b[id]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.b[id] = b
	}
	if d := now.Sub(b.last); d > 0 {
		b.tokens = math.Min(l.burst, b.tokens+d.Seconds()*l.rate)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, int(math.Ceil((1 - b.tokens) / l.rate))
}
