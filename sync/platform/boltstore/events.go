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
// n+1 before n.

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
func (s *Store) Push(ctx context.Context, center, device string, at time.Time, events []platform.Incoming) (out []platform.Outcome, err error) {
	out = make([]platform.Outcome, len(events))
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
		for i, e := range events {
			if v := ids.Get([]byte(e.ID)); v != nil {
				d, err := idDigest(v)
				if err != nil {
					return err
				}
				out[i] = platform.Conflict
				if bytes.Equal(d, e.Digest[:]) {
					out[i] = platform.Duplicate
				}
				continue
			}
			seq, err := feed.NextSequence()
			if err != nil {
				return err
			}
			if err := feed.Put(u64(seq), e.Data); err != nil {
				return err
			}
			if err := ids.Put([]byte(e.ID), idValue(center, seq, e.Digest)); err != nil {
				return err
			}
			out[i] = platform.Stored
		}
		return touch(tx, device, at)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Pull returns a page of a center's feed.
func (s *Store) Pull(ctx context.Context, center string, after uint64, limit int) (page platform.Page, err error) {
	page.Next = after
	err = s.view(ctx, func(tx *bolt.Tx) error {
		feed := tx.Bucket(bucketFeeds).Bucket([]byte(center))
		if feed == nil {
			return nil
		}
		c := feed.Cursor()
		for k, v := c.Seek(u64(after + 1)); k != nil; k, v = c.Next() {
			if len(page.Events) == limit {
				page.More = true
				break
			}
			page.Events = append(page.Events, json.RawMessage(bytes.Clone(v)))
			page.Next = binary.BigEndian.Uint64(k)
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
