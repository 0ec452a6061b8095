package faultproxy

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

// Fault is what the proxy does to one request.
type Fault int

// The faults, in the order a request meets them.
const (
	// Pass forwards the request and the whole response.
	Pass Fault = iota
	// Drop resets the client's connection before anything is forwarded.
	Drop
	// Delay waits (up to Config.MaxDelay) and then forwards normally.
	Delay
	// Unavailable answers 503 without forwarding.
	Unavailable
	// TooMany answers 429 with Retry-After (Config.RetryAfter) without
	// forwarding.
	TooMany
	// Reset forwards, then sends the status line, headers and half the
	// body, and resets the connection.
	Reset
	// LostReply forwards and lets the platform commit, then discards its
	// answer and resets the client's connection: the client cannot tell
	// whether anything happened.
	LostReply
	// BadGateway forwards and lets the platform commit, then answers 502,
	// as a load balancer does when the platform was too slow.
	BadGateway
	nFaults
)

var faultNames = [...]string{"pass", "drop", "delay", "unavailable", "too-many", "reset", "lost-reply", "bad-gateway"}

func (f Fault) String() string {
	if f >= 0 && f < nFaults {
		return faultNames[f]
	}
	return fmt.Sprintf("Fault(%d)", int(f))
}

// Forwards reports whether the platform sees a request that meets f.
func (f Fault) Forwards() bool {
	switch f {
	case Drop, Unavailable, TooMany:
		return false
	}
	return true
}

// Odds are the probabilities of each fault for a request; what is left
// to 1 passes. They are checked in the order of the fields.
type Odds struct {
	Drop, Delay, Unavailable, TooMany, Reset, LostReply, BadGateway float64
}

// All returns odds with every fault at probability p (so 7p must be at
// most 1).
func All(p float64) Odds {
	return Odds{Drop: p, Delay: p, Unavailable: p, TooMany: p, Reset: p, LostReply: p, BadGateway: p}
}

func (o Odds) pick(r float64) Fault {
	for i, p := range []float64{o.Drop, o.Delay, o.Unavailable, o.TooMany, o.Reset, o.LostReply, o.BadGateway} {
		if r < p {
			return Fault(i + 1)
		}
		r -= p
	}
	return Pass
}

// chooser decides the fault for each request: scripted faults first, in
// order, then the odds.
type chooser struct {
	mu     sync.Mutex
	script []Fault
	odds   Odds
	rng    *rand.Rand
	counts [nFaults]int
}

func (c *chooser) next() Fault {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := Pass
	if len(c.script) > 0 {
		f, c.script = c.script[0], c.script[1:]
	} else {
		f = c.odds.pick(c.rng.Float64())
	}
	c.counts[f]++
	return f
}

func (c *chooser) delay(maxDelay time.Duration) time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	if maxDelay <= 0 {
		return 0
	}
	return time.Duration(c.rng.Int64N(int64(maxDelay)))
}
