package store

import (
	"bytes"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// Uncalled lists the cases submitted on day that hold a queue ticket not
// yet called, without their events, in submission order: every one of
// them, however many cases the day has. The queue's rules (open cases
// only, the counter's letters, the order of the tickets) are
// queue.Waiting's; this is what it needs from the store. A list of the
// day's cases cut at a limit, newest first, would leave out the oldest
// tickets, which are the ones due first.
//
// Tickets issued on other devices arrive with their cases by sync, so
// the cases are read rather than the tickets bucket, which holds the
// numbers this device issued.
func (s *Store) Uncalled(day time.Time) (out []*cases.Case, err error) {
	// A record holds these keys only when the case has a ticket and a
	// call (both are omitted when empty); a value written inside a JSON
	// string has its quotes escaped, so applicants' text cannot fake them.
	// Checking the bytes first spares decoding the day's other cases.
	ticket, called := []byte(`"ticket":`), []byte(`"called_at":`)
	err = s.db.View(func(tx *bolt.Tx) error {
		from, to := dayRange(day)
		c := tx.Bucket(bucketCases).Cursor()
		for k, v := c.Seek(from); k != nil && bytes.Compare(k, to) < 0; k, v = c.Next() {
			if !isRecordKey(k) || !bytes.Contains(v, ticket) || bytes.Contains(v, called) {
				continue
			}
			cs, err := listed(tx, k)
			if err != nil {
				return err
			}
			if cs.Ticket != "" && cs.CalledAt.IsZero() {
				out = append(out, cs)
			}
		}
		return nil
	})
	return out, err
}
