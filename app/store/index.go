package store

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// Index key prefixes in the index bucket. Number keys map a case number to
// its case ID; the others are value-less keys "<prefix><value>\x00<case ID>".
const (
	idxNumber = "n:"
	idxPhone  = "p:"
	idxIDTail = "t:"
	idxName   = "m:"
	idxStatus = "s:"
)

// There is no index by day: case IDs are UUIDv7, so the cases bucket is
// already in order of submission time (see dayRange).

// putCase writes a case's record and moves its index entries from the old
// state to the new. The record is what lists need (status, dates, queue
// ticket, the applicant's name, phone and ID number for the indexes); the
// rest is folded from the events when the case is opened.
func putCase(tx *bolt.Tx, c, old *cases.Case) error {
	data, err := json.Marshal(summary(c))
	if err != nil {
		return err
	}
	if err := appendOnly(tx.Bucket(bucketCases)).Put([]byte(c.ID), data); err != nil {
		return err
	}
	if c.Rating != nil && (old == nil || old.Rating == nil) {
		if err := putRating(tx, c); err != nil {
			return err
		}
	}
	var was cases.SyncState
	if old != nil {
		was = old.Sync
	}
	if c.Sync != was {
		if err := putSync(tx, c.ID, c.Sync); err != nil {
			return err
		}
	}
	idx := tx.Bucket(bucketIndex)
	newKeys := indexKeys(c)
	var oldKeys []string
	if old != nil {
		oldKeys = indexKeys(old)
	}
	for i, key := range oldKeys {
		if newKeys[i] != key {
			if err := idx.Delete([]byte(key)); err != nil {
				return err
			}
		}
	}
	for i, key := range newKeys {
		if key == "" || (old != nil && oldKeys[i] == key) {
			continue
		}
		if err := idx.Put([]byte(key), nil); err != nil {
			return err
		}
	}
	if n := numberKey(c.Number); idx.Get(n) == nil {
		return idx.Put(n, []byte(c.ID))
	}
	return nil
}

// indexKeys are a case's value-less index keys, in a fixed order so old and
// new can be compared position by position; an empty key means none.
func indexKeys(c *cases.Case) []string {
	keys := []string{
		idxStatus + string(c.Status) + "\x00" + c.ID,
		"", "", "",
	}
	if p := c.Phone(); p != "" {
		keys[1] = idxPhone + p + "\x00" + c.ID
	}
	if n := c.IDNumber(); len(n) >= 4 {
		keys[2] = idxIDTail + n[len(n)-4:] + "\x00" + c.ID
	}
	if n := c.Name(); n != "" {
		keys[3] = idxName + n + "\x00" + c.ID
	}
	return keys
}

func numberKey(number string) []byte { return []byte(idxNumber + number) }

// dayRange returns the first possible case ID of a day and of the next: a
// UUIDv7 starts with its 48-bit millisecond time in hex.
func dayRange(day time.Time) (from, to []byte) {
	start := dateStart(day)
	return uuidTimePrefix(start), uuidTimePrefix(start.AddDate(0, 0, 1))
}

func uuidTimePrefix(t time.Time) []byte {
	ms := uint64(t.UnixMilli())
	return fmt.Appendf(nil, "%08x-%04x", ms>>16, ms&0xffff)
}

func dateStart(t time.Time) time.Time {
	y, m, d := t.In(cases.Zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, cases.Zone)
}

// summary is the part of a case kept in its record.
func summary(c *cases.Case) cases.Case {
	rec := *c
	rec.Fields = map[string]string{}
	for _, k := range []string{catalog.FieldName, catalog.FieldPhone, catalog.FieldIDNumber} {
		if v, ok := c.Fields[k]; ok {
			rec.Fields[k] = v
		}
	}
	rec.Materials, rec.Received, rec.Missing = nil, nil, nil
	rec.Branches, rec.Discarded, rec.Invalid = nil, nil, nil
	rec.Events, rec.Timeline, rec.Sync = nil, nil, cases.SyncState{}
	return rec
}
