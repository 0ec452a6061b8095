package store

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
	"tongban/app/queue"
)

// IssueTicket gives a case a queue ticket of the given letter: the day's
// next number for that letter on this device (with the kiosk's number in
// it, see queue.Number), recorded as a printed event
// of the case in the same transaction, so the ticket syncs with the case.
// A case that already has a ticket gets it back unchanged.
func (s *Store) IssueTicket(caseID, letter string) (t queue.Ticket, c *cases.Case, err error) {
	if len(letter) != 1 || letter[0] < 'A' || letter[0] > 'Z' {
		return t, nil, fmt.Errorf("queue letter %q is not one letter A–Z", letter)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		id, err := identity(tx)
		if err != nil {
			return err
		}
		if c, err = loadCase(tx, caseID); err != nil {
			return err
		}
		now := s.now()
		t = queue.Ticket{Letter: letter, Day: now.In(cases.Zone).Format("2006-01-02"), CaseID: c.ID,
			CaseNumber: c.Number, ItemCode: c.ItemCode, Device: id.ShortCode, IssuedAt: now}
		if c.Ticket != "" {
			t.Number, t.IssuedAt = c.Ticket, c.IssuedAt
			return nil
		}
		b := tx.Bucket(bucketTickets)
		key := []byte("seq/" + t.Day + "/" + letter)
		var n uint32
		if v := b.Get(key); len(v) == 4 {
			n = binary.BigEndian.Uint32(v)
		}
		n++
		if err := b.Put(key, binary.BigEndian.AppendUint32(nil, n)); err != nil {
			return err
		}
		t.Seq, t.Number = int(n), queue.Number(letter, id.ShortCode, int(n))
		if err := putJSON(b, []byte(t.Day+"/"+t.Number+"/"+c.ID), t); err != nil {
			return err
		}
		c, err = s.act(tx, caseID, cases.Action{Kind: cases.KindPrinted,
			Payload: cases.Printing{Document: cases.DocTicket, Ticket: t.Number}})
		return err
	})
	return t, c, err
}
