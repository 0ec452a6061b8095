package store

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

var (
	phoneText    = regexp.MustCompile(`^1\d{10}$`)
	idTailText   = regexp.MustCompile(`^\d{3}[\dX]$`)
	idNumberText = regexp.MustCompile(`^\d{17}[\dX]$`)
)

// Find lists cases without their events, newest first. The query text is
// read as a case number, a mobile number, a whole ID number, the last four
// characters of an ID number or digits of a phone, the end of a case
// number (see numberTail), or else the start of a name.
func (s *Store) Find(q cases.Query) (out []*cases.Case, err error) {
	if q.Limit <= 0 {
		q.Limit = 200
	}
	text := strings.ToUpper(strings.TrimSpace(q.Text))
	// match is what the text asks beyond its index key: a whole ID number
	// is looked up by its last four, which other ID numbers share.
	match := func(*cases.Case) bool { return true }
	err = s.db.View(func(tx *bolt.Tx) error {
		cb := tx.Bucket(bucketCases)
		idx := tx.Bucket(bucketIndex)
		// take loads a case and keeps it if it passes the filters; it
		// returns false once the limit is reached.
		take := func(id []byte) (bool, error) {
			var c cases.Case
			if err := json.Unmarshal(cb.Get(id), &c); err != nil {
				return false, err
			}
			var err error
			if c.Sync, err = getSync(tx, string(id)); err != nil {
				return false, err
			}
			if (q.Status == "" || c.Status == q.Status) && (q.Day.IsZero() || sameDay(c.SubmittedAt, q.Day)) && match(&c) {
				out = append(out, &c)
			}
			return len(out) < q.Limit, nil
		}
		switch {
		case text == "" && q.Day.IsZero() && q.Status != "":
			return scanBackward(idx, []byte(idxStatus+string(q.Status)+"\x00"), take)
		case text == "":
			return newestFirst(cb, q.Day, take)
		case numberLike(text) != "":
			if id := idx.Get(numberKey(numberLike(text))); id != nil {
				_, err := take(id)
				return err
			}
			return nil
		// One phone or ID tail is one run of index keys in case ID order,
		// which is time order: read it from the newest, so a limit keeps
		// the newest cases.
		case phoneText.MatchString(cases.NormalizePhone(text)):
			return scanBackward(idx, []byte(idxPhone+cases.NormalizePhone(text)+"\x00"), take)
		case idNumberText.MatchString(cases.NormalizeIDNumber(text)):
			whole := cases.NormalizeIDNumber(text)
			match = func(c *cases.Case) bool { return c.IDNumber() == whole }
			return scanBackward(idx, []byte(idxIDTail+whole[len(whole)-4:]+"\x00"), take)
		case idTailText.MatchString(text):
			// Four digits are also the end of a phone and of case
			// numbers: list all three, each case once.
			if err := scanBackward(idx, []byte(idxIDTail+text+"\x00"), take); err != nil || len(out) >= q.Limit || numberTail(text) == "" {
				return err
			}
			if err := phonesEnding(idx, text, skipping(out, take)); err != nil || len(out) >= q.Limit {
				return err
			}
			return numbersEnding(idx, text, skipping(out, take))
		case numberTail(text) != "":
			return numbersEnding(idx, numberTail(text), take)
		default:
			return scan(idx, []byte(idxName+strings.TrimSpace(q.Text)), take)
		}
	})
	slices.SortStableFunc(out, func(a, b *cases.Case) int { return b.SubmittedAt.Compare(a.SubmittedAt) })
	return out, err
}

// scan visits the case IDs of index keys "<value>\x00<id>" under prefix.
func scan(b *bolt.Bucket, prefix []byte, visit func(id []byte) (bool, error)) error {
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if more, err := visit(caseIDOf(k)); err != nil || !more {
			return err
		}
	}
	return nil
}

// scanBackward is scan from the newest key down: within one value, index
// keys end in UUIDv7 case IDs, which sort by time.
func scanBackward(b *bolt.Bucket, prefix []byte, visit func(id []byte) (bool, error)) error {
	return walkBack(b, prefix, func(k, _ []byte) (bool, error) { return visit(caseIDOf(k)) })
}

// walkBack visits the keys under prefix and their values from the last
// down, until visit says to stop.
func walkBack(b *bolt.Bucket, prefix []byte, visit func(k, v []byte) (bool, error)) error {
	c := b.Cursor()
	end := append(bytes.Clone(prefix[:len(prefix)-1]), prefix[len(prefix)-1]+1)
	k, v := c.Seek(end)
	if k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, v = c.Prev() {
		if more, err := visit(k, v); err != nil || !more {
			return err
		}
	}
	return nil
}

// newestFirst visits case IDs from the newest down, only those of one day
// when day is set. Case IDs are UUIDv7, so key order is time order.
func newestFirst(cb *bolt.Bucket, day time.Time, visit func(id []byte) (bool, error)) error {
	c := cb.Cursor()
	var from []byte
	k, _ := c.Last()
	if !day.IsZero() {
		var to []byte
		from, to = dayRange(day)
		if k, _ = c.Seek(to); k == nil {
			k, _ = c.Last()
		} else {
			k, _ = c.Prev()
		}
	}
	for ; k != nil && bytes.Compare(k, from) >= 0; k, _ = c.Prev() {
		if !isRecordKey(k) {
			continue
		}
		if more, err := visit(k); err != nil || !more {
			return err
		}
	}
	return nil
}

func caseIDOf(key []byte) []byte {
	return key[bytes.LastIndexByte(key, 0)+1:]
}

func numberLike(s string) string {
	n, err := cases.NormalizeNumber(s)
	if err != nil {
		return ""
	}
	return n
}

func sameDay(a, b time.Time) bool {
	return a.In(cases.Zone).Format(time.DateOnly) == b.In(cases.Zone).Format(time.DateOnly)
}
