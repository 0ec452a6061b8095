package cases

import "time"

// Stamp is a hybrid logical clock reading: wall milliseconds and a counter
// that orders events within one millisecond, or when a device's clock is
// behind a stamp it has already seen. Ties between devices break on the
// event's device, then its ID (see Event.Before).
type Stamp struct {
	Wall    int64  `json:"wall"`
	Counter uint32 `json:"counter"`
}

// Compare returns -1, 0 or +1 as s is before, equal to or after o.
func (s Stamp) Compare(o Stamp) int {
	switch {
	case s.Wall < o.Wall:
		return -1
	case s.Wall > o.Wall:
		return 1
	case s.Counter < o.Counter:
		return -1
	case s.Counter > o.Counter:
		return 1
	}
	return 0
}

// Time is the stamp's wall time.
func (s Stamp) Time() time.Time { return time.UnixMilli(s.Wall) }

// Clock is a hybrid logical clock. The store keeps its last reading in the
// same transaction as the events it stamps, so stamps never go backwards
// across restarts, even when the wall clock does.
type Clock struct {
	Last Stamp
}

// Tick returns a stamp after every stamp the clock has issued or observed.
func (c *Clock) Tick(now time.Time) Stamp {
	wall := now.UnixMilli()
	if wall > c.Last.Wall {
		c.Last = Stamp{Wall: wall}
	} else {
		c.Last.Counter++
	}
	return c.Last
}

// MaxObserveAhead is how far ahead of this device's own clock a stamp
// seen on another device's event may move the clock. The platform refuses
// events stamped more than an hour ahead of its own clock (sync/platform),
// so past a day this bound is met only by a receipt or feed that is not
// honest, or by this device's own clock lagging by a day (status says
// clock_off): a stamp years ahead would otherwise carry every later event
// of the device into that year (and past 9999, where times no longer
// write as JSON).
const MaxObserveAhead = 24 * time.Hour

// Observe moves the clock past a stamp seen on another device's event,
// unless the stamp is more than MaxObserveAhead ahead of now.
func (c *Clock) Observe(s Stamp, now time.Time) {
	if s.Wall > now.Add(MaxObserveAhead).UnixMilli() {
		return
	}
	if s.Compare(c.Last) > 0 {
		c.Last = s
	}
}
