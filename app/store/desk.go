package store

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// The counter's desk list asks two things of the store beyond Find: the
// cases whose promise may have run out, which were submitted days ago, and
// cases by the end of their number, which is what a citizen reads out.

// Running lists the cases whose promised time may be running — accepted,
// waiting for missing materials, or in conflict — oldest first, up to
// limit, without their events: the cases a desk list checks for being
// overdue or due today. (A suspended case's clock is stopped; a closed
// case has no promise left to keep.)
func (s *Store) Running(limit int) (out []*cases.Case, err error) {
	if limit <= 0 {
		limit = 200
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		idx := tx.Bucket(bucketIndex)
		for _, st := range []cases.Status{cases.StatusAccepted, cases.StatusSupplement, cases.StatusConflict} {
			n := 0
			err := scan(idx, []byte(idxStatus+string(st)+"\x00"), func(id []byte) (bool, error) {
				c, err := listed(tx, id)
				if err != nil {
					return false, err
				}
				out = append(out, c)
				n++
				return n < limit, nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	// Each status's run of index keys is in case ID order, which is
	// submission order (UUIDv7) to the millisecond: merge the runs, oldest
	// first.
	slices.SortStableFunc(out, func(a, b *cases.Case) int {
		if c := a.SubmittedAt.Compare(b.SubmittedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out[:min(len(out), limit)], err
}

// listed loads a case's record (no events) with its sync mark.
func listed(tx *bolt.Tx, id []byte) (*cases.Case, error) {
	var c cases.Case
	if err := json.Unmarshal(tx.Bucket(bucketCases).Get(id), &c); err != nil {
		return nil, err
	}
	var err error
	c.Sync, err = getSync(tx, string(id))
	return &c, err
}

// numberSpacing is what people put between the parts of a case number.
var numberSpacing = strings.NewReplacer("-", "", " ", "", "－", "", "—", "", "_", "")

var numberTailText = regexp.MustCompile(`^[A-Z0-9]*[0-9]$`)

// numberTail returns upper-case text as the end of a case number with its
// spacing taken out — the sequence ("0004") or the device code and the
// sequence ("K01-0004", "K01 0004") — or "" if it cannot be one: four
// characters at least, letters and digits, ending in a digit.
func numberTail(text string) string {
	t := numberSpacing.Replace(text)
	if len(t) < 4 || !numberTailText.MatchString(t) {
		return ""
	}
	return t
}

// numbersEnding visits the cases whose number ends in tail (spacing taken
// out), newest day first, as number keys begin with the date. When few
// numbers match it reads the whole number index; BenchmarkFindNumberTail
// measures that on a million cases.
func numbersEnding(idx *bolt.Bucket, tail string, visit func(id []byte) (bool, error)) error {
	return walkBack(idx, []byte(idxNumber), func(k, v []byte) (bool, error) {
		if !endsIn(k[len(idxNumber):], tail) {
			return true, nil
		}
		return visit(v)
	})
}

// endsIn reports whether a stored case number ends in tail once its
// dashes are taken out, without making a string of each key.
func endsIn(number []byte, tail string) bool {
	i := len(number) - 1
	for j := len(tail) - 1; j >= 0; j-- {
		for i >= 0 && number[i] == '-' {
			i--
		}
		if i < 0 || number[i] != tail[j] {
			return false
		}
		i--
	}
	return true
}

// skipping is visit for case IDs not already in found.
func skipping(found []*cases.Case, visit func(id []byte) (bool, error)) func(id []byte) (bool, error) {
	have := make(map[string]bool, len(found))
	for _, c := range found {
		have[c.ID] = true
	}
	return func(id []byte) (bool, error) {
		if have[string(id)] {
			return true, nil
		}
		return visit(id)
	}
}
