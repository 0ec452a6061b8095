package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// What a restore carries from the store it replaces into the backup (see
// RestoreFile): the sequences and the clock, and the unsent events.

// carryInto carries into the store file at path what live has issued (its
// sequences and clock, where they are higher) and, when unsent is set,
// the events live has not sent yet. It returns how many events it carried
// and how many unsent events it left behind (all of them when unsent is
// not set; those it could not read otherwise). A panic reading live
// (a damaged page) is errReplacedDamaged, and nothing is carried.
func carryInto(path string, live *bolt.DB, unsent bool) (carried, left int, err error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return 0, 0, err
	}
	err = guard(func() error {
		return live.View(func(from *bolt.Tx) error {
			return db.Update(func(to *bolt.Tx) error {
				if err := carry(from, to); err != nil {
					return err
				}
				if !unsent {
					left = from.Bucket(bucketOutbox).Stats().KeyN
					return nil
				}
				var err error
				carried, left, err = carryUnsent(from, to)
				return err
			})
		})
	})
	if err != nil {
		carried, left = 0, 0
	}
	return carried, left, errors.Join(err, db.Close())
}

// sequenceBuckets hold the store's number sequences under "seq/" keys,
// each a big-endian uint32: the meta bucket the day's case sequence
// ("seq/YYMMDD", nextNumber), the tickets bucket each queue letter's
// ("seq/YYYY-MM-DD/L", IssueTicket).
var sequenceBuckets = [][]byte{bucketMeta, bucketTickets}

var sequencePrefix = []byte("seq/")

// carry raises every sequence of to that from has higher (or to lacks),
// and to's clock to from's if it is later.
func carry(from, to *bolt.Tx) error {
	for _, name := range sequenceBuckets {
		src := from.Bucket(name)
		if src == nil {
			continue
		}
		dst, err := to.CreateBucketIfNotExists(name)
		if err != nil {
			return err
		}
		c := src.Cursor()
		for k, v := c.Seek(sequencePrefix); k != nil && bytes.HasPrefix(k, sequencePrefix); k, v = c.Next() {
			if len(v) != 4 {
				continue
			}
			if old := dst.Get(k); len(old) == 4 && binary.BigEndian.Uint32(old) >= binary.BigEndian.Uint32(v) {
				continue
			}
			if err := dst.Put(bytes.Clone(k), bytes.Clone(v)); err != nil {
				return err
			}
		}
	}
	var was, is cases.Stamp
	if err := getJSON(from.Bucket(bucketMeta), keyClock, &was); err != nil {
		return err
	}
	meta, err := to.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	if err := getJSON(meta, keyClock, &is); err != nil {
		return err
	}
	if was.Compare(is) > 0 {
		return putJSON(meta, keyClock, was)
	}
	return nil
}

// carryUnsent stores in to each event waiting in from's outbox that to
// does not hold, with an outbox entry after to's own (in from's order),
// and refolds the cases they belong to, keeping the mark of a case taken
// from a receipt. An event to holds already (it was unsent when the backup
// was made, or came back through the change feed) is not stored twice.
// It reads nothing of from but its identity and outbox, so the unsent
// events of a store whose cases are damaged still come across. It returns
// how many events it carried, and how many outbox entries of from it
// could not read (they stay in the kept store only).
func carryUnsent(from, to *bolt.Tx) (carried, unreadable int, err error) {
	self, err := identity(to)
	if err != nil {
		return 0, 0, err
	}
	was, err := identity(from)
	if err != nil {
		return 0, 0, err
	}
	// A submission another device made is in the outbox only when it was
	// taken from a receipt (Import); the device's own events are requeued,
	// never another's (SwitchPlatform).
	receipt := map[string]bool{}
	held := to.Bucket(bucketCases)
	byCase := map[string][]cases.Event{}
	var order []string
	err = from.Bucket(bucketOutbox).ForEach(func(_, v []byte) error {
		var e cases.Event
		if json.Unmarshal(v, &e) != nil || e.ID == "" || e.CaseID == "" {
			unreadable++
			return nil
		}
		if held.Get(eventKey(e)) != nil {
			return nil
		}
		if err := putEvent(to, e); err != nil {
			return err
		}
		if err := enqueue(to, e); err != nil {
			return err
		}
		if e.Kind == cases.KindSubmitted {
			if err := claimNumber(to, self.ShortCode, submissionNumber(e)); err != nil {
				return err
			}
			receipt[e.CaseID] = e.Device != was.DeviceID
		}
		if _, seen := byCase[e.CaseID]; !seen {
			order = append(order, e.CaseID)
		}
		byCase[e.CaseID] = append(byCase[e.CaseID], e)
		carried++
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	for _, id := range order {
		src := FromPlatform
		if receipt[id] {
			src = FromReceipt
		}
		if _, err := refold(to, id, byCase[id], src); err != nil {
			return 0, 0, err
		}
	}
	return carried, unreadable, nil
}
