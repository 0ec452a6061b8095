package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/sync/platform"
)

// Each center's feed is a bucket of sequence → event JSON, and the ids
// bucket maps every event ID to its center, sequence and digest. A push is
// one transaction and bbolt has a single writer, so sequence numbers are
// handed out and committed strictly in order: a reader never sees number
// n+1 before n. The numbers bucket holds, per center, each case number
// and the case that holds it, written in the push's transaction.

// idValue is the ids bucket's value: center length, center, sequence, digest.
func idValue(center string, seq uint64, digest [32]byte) []byte {
	v := make([]byte, 0, 1+len(center)+8+32)
	v = append(v, byte(len(center)))
	v = append(v, center...)
	v = binary.BigEndian.AppendUint64(v, seq)
	return append(v, digest[:]...)
}

// idDigest returns the digest part of an ids value.
func idDigest(v []byte) ([]byte, error) {
	if len(v) < 1 || len(v) != 1+int(v[0])+8+32 {
		return nil, fmt.Errorf("the platform's event index entry is damaged (%d bytes); restore a backup", len(v))
	}
	return v[len(v)-32:], nil
}

// Push stores a batch of events of one center.
func (s *Store) Push(ctx context.Context, center, device string, at time.Time, events []platform.Incoming) (out []platform.Result, err error) {
	out = make([]platform.Result, len(events))
	err = s.update(ctx, func(tx *bolt.Tx) error {
		if len(events) == 0 {
			return touch(tx, device, at)
		}
		ids := tx.Bucket(bucketIDs)
		ids.FillPercent = 0.9 // UUIDv7 keys arrive nearly in order
		feed, err := tx.Bucket(bucketFeeds).CreateBucketIfNotExists([]byte(center))
		if err != nil {
			return err
		}
		feed.FillPercent = 1 // append only
		numbers, err := tx.Bucket(bucketNumbers).CreateBucketIfNotExists([]byte(center))
		if err != nil {
			return err
		}
		numbers.FillPercent = 0.9 // a device's numbers rise through the day
		idsAt, numbersAt := ids.Cursor(), numbers.Cursor()
		var refused map[string]string // event ID → holder, for IDs refused in this batch
		for i, e := range events {
			if holder, ok := refused[e.ID]; ok {
				out[i] = platform.Result{Outcome: platform.NumberTaken, Holder: holder}
				continue
			}
			id := []byte(e.ID)
			if v := lookup(idsAt, id); v != nil {
				d, err := idDigest(v)
				if err != nil {
					return err
				}
				out[i].Outcome = platform.Conflict
				if bytes.Equal(d, e.Digest[:]) {
					out[i].Outcome = platform.Duplicate
				}
				continue
			}
			if e.Number != "" {
				holder, err := claim(numbers, numbersAt, []byte(e.Number), id)
				if err != nil {
					return err
				}
				if holder != "" {
					out[i] = platform.Result{Outcome: platform.NumberTaken, Holder: holder}
					if refused == nil {
						refused = map[string]string{}
					}
					refused[e.ID] = holder
					continue
				}
			}
			seq, err := feed.NextSequence()
			if err != nil {
				return err
			}
			if err := feed.Put(u64(seq), e.Data); err != nil {
				return err
			}
			if err := ids.Put(id, idValue(center, seq, e.Digest)); err != nil {
				return err
			}
			out[i].Outcome = platform.Stored
		}
		return touch(tx, device, at)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// lookup returns the value at key, as Bucket.Get does, through a cursor
// kept for a whole push: Bucket.Get makes a new cursor for each call.
func lookup(c *bolt.Cursor, key []byte) []byte {
	k, v := c.Seek(key)
	if !bytes.Equal(k, key) {
		return nil
	}
	return v
}

// claim makes the case caseID hold a number in its center's numbers
// bucket (at is a cursor on it), unless another case holds it already:
// then it returns that case's ID.
func claim(numbers *bolt.Bucket, at *bolt.Cursor, number, caseID []byte) (holder string, err error) {
	if h := lookup(at, number); h != nil && !bytes.Equal(h, caseID) {
		return string(h), nil
	}
	return "", numbers.Put(number, caseID)
}

// indexNumbers fills the numbers index from the feeds, for a file written
// before the index existed: the first event of a center (in feed order)
// to claim a number holds it. Events of other cases with the same number,
// stored before numbers were kept unique, stay in the feed unindexed.
func indexNumbers(tx *bolt.Tx) error {
	feeds, index := tx.Bucket(bucketFeeds), tx.Bucket(bucketNumbers)
	return feeds.ForEachBucket(func(center []byte) error {
		numbers, err := index.CreateBucketIfNotExists(center)
		if err != nil {
			return err
		}
		return feeds.Bucket(center).ForEach(func(_, data []byte) error {
			caseID, number := platform.ClaimedNumber(data)
			if number == "" || numbers.Get([]byte(number)) != nil {
				return nil
			}
			return numbers.Put([]byte(number), []byte(caseID))
		})
	})
}

// Pull returns a page of a center's feed. The feed's bucket sequence is
// the last number it handed out, so a cursor above it is ahead of the feed.
func (s *Store) Pull(ctx context.Context, center string, after uint64, limit int) (page platform.Page, err error) {
	page.Next = after
	err = s.view(ctx, func(tx *bolt.Tx) error {
		feed := tx.Bucket(bucketFeeds).Bucket([]byte(center))
		var end uint64
		if feed != nil {
			end = feed.Sequence()
		}
		if after > end {
			return &platform.CursorError{After: after, End: end}
		}
		if feed == nil {
			return nil
		}
		if after > 0 {
			page.AfterID = platform.EventID(feed.Get(u64(after)))
		}
		c := feed.Cursor()
		for k, v := c.Seek(u64(after + 1)); k != nil; k, v = c.Next() {
			if len(page.Events) == limit {
				page.More = true
				break
			}
			page.Events = append(page.Events, json.RawMessage(bytes.Clone(v)))
			page.Next = binary.BigEndian.Uint64(k)
			page.Seqs = append(page.Seqs, page.Next)
		}
		return nil
	})
	return page, err
}

// Stats counts the events of every feed: a feed's sequence is its count,
// since bbolt hands out numbers without gaps.
func (s *Store) Stats(ctx context.Context) (st platform.Stats, err error) {
	st.Events = map[string]int64{}
	err = s.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFeeds).ForEachBucket(func(k []byte) error {
			st.Events[string(k)] = int64(tx.Bucket(bucketFeeds).Bucket(k).Sequence())
			return nil
		})
	})
	return st, err
}
