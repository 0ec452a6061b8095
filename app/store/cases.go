package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

var _ cases.Store = (*Store)(nil)

var keyClock = []byte("clock")

// Submit numbers a new case with the device's short code and the day's
// next sequence, and saves its submitted event, the case, its indexes and
// the outbox entry in one transaction.
func (s *Store) Submit(sub cases.Submission) (c *cases.Case, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		id, err := identity(tx)
		if err != nil {
			return err
		}
		now := s.now()
		if sub.Number, err = nextNumber(tx, now, id.ShortCode); err != nil {
			return err
		}
		clock, err := loadClock(tx)
		if err != nil {
			return err
		}
		e, err := cases.Submitted(sub, id.Center, id.DeviceID, clock.Tick(now))
		if err != nil {
			return err
		}
		if c, err = cases.Fold([]cases.Event{e}); err != nil {
			return err
		}
		if err := putEvent(tx, e); err != nil {
			return err
		}
		if err := enqueue(tx, e); err != nil {
			return err
		}
		if err := putCase(tx, c, nil); err != nil {
			return err
		}
		return saveClock(tx, clock)
	})
	return c, err
}

// Act checks an action against the case as this device knows it and saves
// the resulting event with its outbox entry. A refused action writes
// nothing.
func (s *Store) Act(caseID string, a cases.Action) (c *cases.Case, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		c, err = s.act(tx, caseID, a)
		return err
	})
	return c, err
}

// act appends one action's event to a case inside a transaction.
func (s *Store) act(tx *bolt.Tx, caseID string, a cases.Action) (*cases.Case, error) {
	id, err := identity(tx)
	if err != nil {
		return nil, err
	}
	old, err := loadCase(tx, caseID)
	if err != nil {
		return nil, err
	}
	clock, err := loadClock(tx)
	if err != nil {
		return nil, err
	}
	e, err := old.Event(a, id.DeviceID, clock.Tick(s.now()))
	if err != nil {
		return nil, err
	}
	c, err := cases.Fold(append(old.Events, e))
	if err != nil {
		return nil, err
	}
	if !inForce(c, e.ID) { // the fold disagrees with the check: write nothing
		return nil, fmt.Errorf("case %s: %w", c.Number, cases.ErrNotAllowed)
	}
	c.Sync = old.Sync
	if err := putEvent(tx, e); err != nil {
		return nil, err
	}
	if err := enqueue(tx, e); err != nil {
		return nil, err
	}
	if err := putCase(tx, c, old); err != nil {
		return nil, err
	}
	return c, saveClock(tx, clock)
}

// Case returns a case with all its events.
func (s *Store) Case(id string) (c *cases.Case, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		c, err = loadCase(tx, id)
		return err
	})
	return c, err
}

// ByNumber returns a case by its number, typed loosely (see NormalizeNumber).
func (s *Store) ByNumber(number string) (c *cases.Case, err error) {
	n, err := cases.NormalizeNumber(number)
	if err != nil {
		return nil, err
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketIndex).Get(numberKey(n))
		if id == nil {
			return fmt.Errorf("case %s: %w", n, cases.ErrNotFound)
		}
		c, err = loadCase(tx, string(id))
		return err
	})
	return c, err
}

// loadCase folds a case from its stored events and adds its sync state.
func loadCase(tx *bolt.Tx, id string) (*cases.Case, error) {
	evs, err := caseEvents(tx, id, nil)
	if err != nil {
		return nil, err
	}
	c, err := cases.Fold(evs)
	if errors.Is(err, cases.ErrNoSubmission) { // no events, or waiting for the submission
		return nil, fmt.Errorf("case %s: %w", id, cases.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	c.Sync, err = getSync(tx, id)
	return c, err
}

// loadSummary reads a case's stored record, without folding its events:
// enough to list it or to move its index entries. Nil when there is none.
func loadSummary(tx *bolt.Tx, id string) (*cases.Case, error) {
	rec := tx.Bucket(bucketCases).Get([]byte(id))
	if rec == nil {
		return nil, nil
	}
	var c cases.Case
	if err := json.Unmarshal(rec, &c); err != nil {
		return nil, fmt.Errorf("the stored case %s is damaged: %w", id, err)
	}
	var err error
	c.Sync, err = getSync(tx, id)
	return &c, err
}

func inForce(c *cases.Case, eventID string) bool {
	for _, e := range c.Timeline {
		if e.ID == eventID {
			return true
		}
	}
	return false
}

func loadClock(tx *bolt.Tx) (*cases.Clock, error) {
	var c cases.Clock
	err := getJSON(tx.Bucket(bucketMeta), keyClock, &c.Last)
	return &c, err
}

func saveClock(tx *bolt.Tx, c *cases.Clock) error {
	return putJSON(tx.Bucket(bucketMeta), keyClock, c.Last)
}

// maxDaySeq is the highest sequence a case number can carry (its six
// digits, see cases.NumberSeq).
const maxDaySeq = 999_999

func daySeqKey(day time.Time) []byte { return []byte("seq/" + day.In(cases.Zone).Format("060102")) }

// daySeq reads the last sequence the device issued on a day.
func daySeq(meta *bolt.Bucket, day time.Time) int {
	if b := meta.Get(daySeqKey(day)); len(b) == 4 {
		return int(binary.BigEndian.Uint32(b))
	}
	return 0
}

// nextNumber issues the device's next case number of the day. A number
// this device already holds — one it issued that came back through the
// change feed after a restore, or one a copy of it issued elsewhere, on
// a store whose sequence was never raised for it — is skipped, not
// refused: a case is never lost for want of a number.
func nextNumber(tx *bolt.Tx, now time.Time, shortCode string) (string, error) {
	meta, idx := tx.Bucket(bucketMeta), tx.Bucket(bucketIndex)
	for seq := daySeq(meta, now) + 1; seq <= maxDaySeq; seq++ {
		number := cases.FormatNumber(now, shortCode, seq)
		if idx.Get(numberKey(number)) != nil {
			continue
		}
		return number, meta.Put(daySeqKey(now), binary.BigEndian.AppendUint32(nil, uint32(seq)))
	}
	return "", ErrDuplicateNumber
}

// claimNumber raises the day's sequence of a case number to the number's
// own when the number carries this device's short code: a submission of
// this device coming back from the platform (after a restore, or sent by
// a copy of the device) is a number this device must not issue again.
// Other numbers, and numbers that do not parse, change nothing.
func claimNumber(tx *bolt.Tx, shortCode, number string) error {
	day, code, seq, err := cases.ParseNumber(number)
	if err != nil || code != shortCode || seq < 1 || seq > maxDaySeq {
		return nil
	}
	meta := tx.Bucket(bucketMeta)
	if daySeq(meta, day) >= seq {
		return nil
	}
	return meta.Put(daySeqKey(day), binary.BigEndian.AppendUint32(nil, uint32(seq)))
}

// submissionNumber reads the case number of a submitted event. The
// payload is a cases.Submission, whose first field is the number, so it is
// read off the head of the JSON; anything else is decoded in full.
func submissionNumber(e cases.Event) string {
	if n, ok := stringField(e.Payload, `{"number":"`); ok {
		return n
	}
	var sub cases.Submission
	if e.Decode(&sub) != nil {
		return ""
	}
	return sub.Number
}
