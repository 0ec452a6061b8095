package pgstore

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"tongban/sync/platform"
)

// Feed order. A bigserial would not do: its numbers are handed out when a
// row is inserted but become visible when the inserting transaction
// commits, so with two instances pushing, number 8 can commit before 7 and
// a reader that has passed 8 never sees 7. Instead each push takes its
// numbers from the center's row in feeds with INSERT … ON CONFLICT DO
// UPDATE … RETURNING, which locks that row until the push commits: pushes
// to one center run one after another, and their numbers become visible
// in order. Pushes to different centers do not wait for each other.
// Numbers of events that turn out to be there already are skipped, which
// leaves gaps that readers do not mind.
//
// The whole push is one statement (so one round trip and its own
// transaction): take the numbers, insert the events that are new, count
// them and record the device's sighting.
const pushSQL = `
WITH numbers AS (
	INSERT INTO feeds (center, seq) VALUES ($1, $4)
	ON CONFLICT (center) DO UPDATE SET seq = feeds.seq + EXCLUDED.seq
	RETURNING seq - $4 AS base
), inserted AS (
	INSERT INTO events (id, center, seq, digest, data, device, received)
	SELECT u.id, $1, numbers.base + u.k, u.digest, u.data, $2, $3
	FROM numbers, unnest($5::text[], $6::bigint[], $7::bytea[], $8::bytea[]) AS u(id, k, digest, data)
	ON CONFLICT (id) DO NOTHING
	RETURNING id
), counted AS (
	INSERT INTO feed_counts (center, events) SELECT $1, count(*) FROM inserted
	ON CONFLICT (center) DO UPDATE SET events = feed_counts.events + EXCLUDED.events
), seen AS (
	UPDATE devices SET last_seen = GREATEST(last_seen, $3) WHERE id = $2
)
SELECT id FROM inserted`

// Push stores a batch of events of one center.
func (s *Store) Push(ctx context.Context, center, device string, at time.Time, events []platform.Incoming) ([]platform.Outcome, error) {
	// The first of each ID goes to the INSERT; repeats inside the batch
	// are judged against what the first one found.
	first := make(map[string]bool, len(events))
	var uniq []int
	for i, e := range events {
		if !first[e.ID] {
			first[e.ID] = true
			uniq = append(uniq, i)
		}
	}
	if len(uniq) == 0 {
		_, err := s.pool.Exec(ctx, `UPDATE devices SET last_seen = GREATEST(last_seen, $2) WHERE id = $1`, device, at)
		return []platform.Outcome{}, err
	}
	// Sequence numbers follow the request's order (k); the rows go in
	// sorted by ID, so two pushes that share IDs lock them in the same
	// order and cannot deadlock.
	slices.SortStableFunc(uniq, func(a, b int) int { return strings.Compare(events[a].ID, events[b].ID) })
	ids := make([]string, len(uniq))
	ks := make([]int64, len(uniq))
	digests := make([][]byte, len(uniq))
	datas := make([][]byte, len(uniq))
	rank := requestRank(events, uniq)
	for j, i := range uniq {
		ids[j], ks[j], digests[j], datas[j] = events[i].ID, rank[i], events[i].Digest[:], events[i].Data
	}
	rows, _ := s.pool.Query(ctx, pushSQL, center, device, at, len(uniq), ids, ks, digests, datas)
	inserted, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	// ID → digest the platform held before this push. Stored events never
	// change, so reading them after the commit is as good as inside it.
	held := make(map[string][]byte, len(uniq)-len(inserted))
	if len(inserted) < len(uniq) {
		rows, _ := s.pool.Query(ctx, `SELECT id, digest FROM events WHERE id = ANY($1) AND NOT (id = ANY($2))`, ids, inserted)
		var id string
		var digest []byte
		_, err := pgx.ForEachRow(rows, []any{&id, &digest}, func() error {
			held[id] = digest // pgx scans bytea into a fresh slice
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]platform.Outcome, len(events))
	for i, e := range events {
		d, ok := held[e.ID]
		switch {
		case !ok: // the first of a new ID, inserted now
			out[i] = platform.Stored
			held[e.ID] = e.Digest[:]
		case bytes.Equal(d, e.Digest[:]):
			out[i] = platform.Duplicate
		default:
			out[i] = platform.Conflict
		}
	}
	return out, nil
}

// requestRank numbers the first occurrences 1, 2, 3 … in request order.
func requestRank(events []platform.Incoming, uniq []int) map[int]int64 {
	order := slices.Clone(uniq)
	slices.Sort(order)
	rank := make(map[int]int64, len(order))
	for k, i := range order {
		rank[i] = int64(k) + 1
	}
	return rank
}

// Pull returns a page of a center's feed.
func (s *Store) Pull(ctx context.Context, center string, after uint64, limit int) (platform.Page, error) {
	page := platform.Page{Next: after}
	rows, _ := s.pool.Query(ctx, `SELECT seq, data FROM events WHERE center = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
		center, int64(after), limit+1)
	var seq int64
	var data []byte
	_, err := pgx.ForEachRow(rows, []any{&seq, &data}, func() error {
		if len(page.Events) == limit {
			page.More = true
			return nil
		}
		page.Events = append(page.Events, json.RawMessage(data)) // a fresh slice per row
		page.Next = uint64(seq)
		return nil
	})
	return page, err
}

// Stats counts the events of every feed.
func (s *Store) Stats(ctx context.Context) (platform.Stats, error) {
	st := platform.Stats{Events: map[string]int64{}}
	rows, _ := s.pool.Query(ctx, `SELECT center, events FROM feed_counts`)
	var center string
	var n int64
	_, err := pgx.ForEachRow(rows, []any{&center, &n}, func() error {
		st.Events[center] = n
		return nil
	})
	return st, err
}
