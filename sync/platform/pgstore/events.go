package pgstore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"tongban/sync/platform"
)

// Feed order. A bigserial would not do: its numbers are handed out when a
// row is inserted but become visible when the inserting transaction
// commits, so with two instances pushing, number 8 can commit before 7 and
// a reader that has passed 8 never sees 7. Instead each push takes its
// numbers from the center's row in feeds with INSERT … ON CONFLICT DO
// UPDATE, which locks that row until the push commits: pushes to one
// center run one after another, and their numbers become visible in
// order. Pushes to different centers do not wait for each other. Numbers
// of events that turn out not to be stored are skipped, which leaves gaps
// that readers do not mind.
//
// Case numbers are held in events.number, whose unique index
// events_number keeps one case per number and center. A push is tried
// first as if no number clashed (pushNewSQL: one statement, one round
// trip): IDs stored already are left out by ON CONFLICT (id), and a
// number that is taken, by a stored case or by an earlier one of the
// batch, fails the statement on events_number, which undoes all of it.
// Only then is the batch judged event by event (judgedSQL). So a batch
// without a clash, nearly every batch, costs what it did before numbers
// were kept, plus the index (a sixth of the throughput went on a second
// table and on looking every number up first); the lookups and the
// judging are paid where a number clashes, and a device parks an event
// refused for its number rather than send it again.
//
// Rows go in sorted by ID, so two pushes to different centers that share
// IDs (only forged events do) insert them in the same order and cannot
// deadlock: the second waits for the first and then leaves the IDs out
// or, in judgedSQL, fails, and its device sends it again.
const pushNewSQL = `
WITH numbers AS (
	INSERT INTO feeds (center, seq) VALUES ($1, $4)
	ON CONFLICT (center) DO UPDATE SET seq = feeds.seq + EXCLUDED.seq
	RETURNING seq - $4 AS base
), inserted AS (
	INSERT INTO events (id, center, seq, digest, data, device, received, number)
	SELECT u.id, $1, numbers.base + u.k, u.digest, u.data, $2, $3, NULLIF(u.number, '')
	FROM numbers, unnest($5::text[], $6::bigint[], $7::bytea[], $8::bytea[], $9::text[]) AS u(id, k, digest, data, number)
	ON CONFLICT (id) DO NOTHING
	RETURNING id
), counted AS (
	INSERT INTO feed_counts (center, events) SELECT $1, count(*) FROM inserted
	ON CONFLICT (center) DO UPDATE SET events = feed_counts.events + EXCLUDED.events
), seen AS (
	UPDATE devices SET last_seen = GREATEST(last_seen, $3) WHERE id = $2
)
SELECT id FROM inserted`

// heldSQL reads the digests stored under IDs, one index lookup each: with
// = ANY the planner may scan the whole table when its statistics are old,
// as they are while a table grows fast.
const heldSQL = `
SELECT * FROM (SELECT u.id, (SELECT e.digest FROM events e WHERE e.id = u.id) AS digest
	FROM unnest($1::text[]) AS u(id)) found
WHERE digest IS NOT NULL`

// A judged push is two statements sent at once (one round trip, one
// implicit transaction, committed when both succeed): lockSQL takes the
// center's row, then judgedSQL judges and stores the events. In READ
// COMMITTED a statement sees what was committed when it began, so
// judgedSQL, begun once the row is held, sees every earlier push to the
// center.
const lockSQL = `
INSERT INTO feeds (center, seq) VALUES ($1, $2)
ON CONFLICT (center) DO UPDATE SET seq = feeds.seq + EXCLUDED.seq`

// judgedSQL judges the events as Storage.Push says, in request order (k):
// one whose ID is stored is left out, so is one whose number a stored
// case of the center holds, and of the rest the first to claim a number
// takes it. It stores those, numbered after the ones lockSQL took, counts
// them, records the device's sighting, and returns the events left out
// (by their place i in the arrays): the digest stored under the ID, or
// else the case that holds, or earlier in the batch claimed, the number.
// The lookups are one index lookup each, as in heldSQL.
const judgedSQL = `
WITH batch AS (
	SELECT u.i, u.k, u.id, NULLIF(u.number, '') AS number,
		(SELECT e.digest FROM events e WHERE e.id = u.id) AS held,
		(SELECT e.id FROM events e WHERE e.center = $1 AND e.number = NULLIF(u.number, '')) AS holder
	FROM unnest($5::text[], $6::bigint[], $9::text[]) WITH ORDINALITY AS u(id, k, number, i)
), judged AS (
	SELECT b.i, b.k, b.id, b.number, first_value(b.id) OVER (PARTITION BY coalesce(b.number, b.id) ORDER BY b.k) AS claimant
	FROM batch b WHERE b.held IS NULL AND b.holder IS NULL
), inserted AS (
	INSERT INTO events (id, center, seq, digest, data, device, received, number)
	SELECT j.id, $1, (SELECT f.seq - $4 FROM feeds f WHERE f.center = $1) + j.k, u.digest, u.data, $2, $3, j.number
	FROM judged j JOIN unnest($7::bytea[], $8::bytea[]) WITH ORDINALITY AS u(digest, data, i) ON u.i = j.i
	WHERE j.claimant = j.id
	ORDER BY j.i
	RETURNING 1
), counted AS (
	INSERT INTO feed_counts (center, events) SELECT $1, count(*) FROM inserted
	ON CONFLICT (center) DO UPDATE SET events = feed_counts.events + EXCLUDED.events
), seen AS (
	UPDATE devices SET last_seen = GREATEST(last_seen, $3) WHERE id = $2
)
SELECT b.i, b.held, coalesce(b.holder, j.claimant)
FROM batch b LEFT JOIN judged j ON j.i = b.i
WHERE j.i IS NULL OR j.claimant <> j.id`

// uniqueViolation is PostgreSQL's SQLSTATE for a unique index violated.
const uniqueViolation = "23505"

// Push stores a batch of events of one center.
func (s *Store) Push(ctx context.Context, center, device string, at time.Time, events []platform.Incoming) ([]platform.Result, error) {
	b := newPushBatch(events)
	if len(b.ids) == 0 {
		_, err := s.pool.Exec(ctx, `UPDATE devices SET last_seen = GREATEST(last_seen, $2) WHERE id = $1`, device, at)
		return []platform.Result{}, err
	}
	args := []any{center, device, at, len(b.ids), b.ids, b.ks, b.digests, b.datas, b.numbers}
	err := s.pushNew(ctx, args, b)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == uniqueViolation && pgErr.ConstraintName == "events_number" {
		b.reset()
		err = s.pushJudged(ctx, args, b)
	}
	if err != nil {
		return nil, err
	}
	return b.results(events), nil
}

// pushNew stores a batch in which no number clashes; it fails on
// events_number when one does, and stores nothing then.
func (s *Store) pushNew(ctx context.Context, args []any, b *pushBatch) error {
	rows, _ := s.pool.Query(ctx, pushNewSQL, args...)
	inserted, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, id := range inserted {
		b.stored[id] = true
	}
	if len(inserted) == len(b.ids) {
		return nil
	}
	// The rest were stored already. Stored events never change, so
	// reading them after the commit is as good as inside it.
	rows, _ = s.pool.Query(ctx, heldSQL, b.ids)
	var id string
	var digest []byte
	_, err = pgx.ForEachRow(rows, []any{&id, &digest}, func() error {
		if !b.stored[id] {
			b.held[id] = digest // pgx scans bytea into a fresh slice
		}
		return nil
	})
	if err == nil && len(inserted)+len(b.held) != len(b.ids) {
		err = fmt.Errorf("the platform's database left out %d events of a push without saying why", len(b.ids)-len(inserted)-len(b.held))
	}
	return err
}

// pushJudged stores a batch after judging each event.
func (s *Store) pushJudged(ctx context.Context, args []any, b *pushBatch) error {
	var batch pgx.Batch
	batch.Queue(lockSQL, args[0], args[3])
	batch.Queue(judgedSQL, args...).Query(func(rows pgx.Rows) error {
		var i int
		var digest []byte
		var holder *string
		_, err := pgx.ForEachRow(rows, []any{&i, &digest, &holder}, func() error {
			id := b.ids[i-1]
			b.left[id] = true
			switch {
			case digest != nil:
				b.held[id] = digest // pgx scans bytea into a fresh slice
			case holder != nil:
				b.holders[id] = *holder
			default:
				return fmt.Errorf("the platform's database left out event %s without saying why", id)
			}
			return nil
		})
		return err
	})
	if err := s.pool.SendBatch(ctx, &batch).Close(); err != nil {
		return err
	}
	for _, id := range b.ids {
		if !b.left[id] {
			b.stored[id] = true
		}
	}
	return nil
}

// pushBatch is a batch as the SQL takes it, and what became of it.
type pushBatch struct {
	// first is the index in the request of each ID's first occurrence:
	// only those are sent; repeats are judged against what became of them.
	first map[string]int
	// The first occurrences sorted by ID, with their places in request
	// order (k, from 1).
	ids, numbers   []string
	ks             []int64
	digests, datas [][]byte
	// What became of them: stored now; or left out, stored already
	// (digest) or refused for the number (holder).
	stored, left map[string]bool
	held         map[string][]byte
	holders      map[string]string
}

func newPushBatch(events []platform.Incoming) *pushBatch {
	b := &pushBatch{first: make(map[string]int, len(events))}
	var order []int
	for i, e := range events {
		if _, ok := b.first[e.ID]; !ok {
			b.first[e.ID] = i
			order = append(order, i)
		}
	}
	k := make(map[int]int64, len(order))
	for j, i := range order {
		k[i] = int64(j) + 1
	}
	slices.SortFunc(order, func(x, y int) int { return strings.Compare(events[x].ID, events[y].ID) })
	n := len(order)
	b.ids, b.numbers, b.ks = make([]string, n), make([]string, n), make([]int64, n)
	b.digests, b.datas = make([][]byte, n), make([][]byte, n)
	for j, i := range order {
		e := &events[i]
		b.ids[j], b.numbers[j], b.ks[j], b.digests[j], b.datas[j] = e.ID, e.Number, k[i], e.Digest[:], e.Data
	}
	b.reset()
	return b
}

// reset forgets what became of the batch, before it is sent again.
func (b *pushBatch) reset() {
	b.stored, b.left = map[string]bool{}, map[string]bool{}
	b.held, b.holders = map[string][]byte{}, map[string]string{}
}

// results says what became of each event of the request.
func (b *pushBatch) results(events []platform.Incoming) []platform.Result {
	out := make([]platform.Result, len(events))
	for i, e := range events {
		if h, ok := b.holders[e.ID]; ok {
			out[i] = platform.Result{Outcome: platform.NumberTaken, Holder: h}
			continue
		}
		d, ok := b.held[e.ID]
		if !ok { // stored now
			if b.first[e.ID] == i {
				out[i].Outcome = platform.Stored
				continue
			}
			d = events[b.first[e.ID]].Digest[:]
		}
		out[i].Outcome = platform.Conflict
		if bytes.Equal(d, e.Digest[:]) {
			out[i].Outcome = platform.Duplicate
		}
	}
	return out
}

// Pull returns a page of a center's feed. Only an empty page can come of
// a cursor ahead of the feed, so only then is the feed's end read: the
// last number its feeds row handed out, which only grows, so one read
// after the page is as good as one beside it.
func (s *Store) Pull(ctx context.Context, center string, after uint64, limit int) (platform.Page, error) {
	page := platform.Page{Next: after}
	// From the event at the cursor itself, which the device read last:
	// its ID is checked against the cursor (platform.Page.AfterID).
	rows, _ := s.pool.Query(ctx, `SELECT seq, data FROM events WHERE center = $1 AND seq >= $2 ORDER BY seq LIMIT $3`,
		center, int64(after), limit+2)
	var seq int64
	var data []byte
	_, err := pgx.ForEachRow(rows, []any{&seq, &data}, func() error {
		if after > 0 && uint64(seq) == after {
			page.AfterID = platform.EventID(data)
			return nil
		}
		if len(page.Events) == limit {
			page.More = true
			return nil
		}
		page.Events = append(page.Events, json.RawMessage(data)) // a fresh slice per row
		page.Seqs = append(page.Seqs, uint64(seq))
		page.Next = uint64(seq)
		return nil
	})
	if err != nil || len(page.Events) > 0 || after == 0 {
		return page, err
	}
	var end int64
	err = s.pool.QueryRow(ctx, `SELECT coalesce((SELECT seq FROM feeds WHERE center = $1), 0)`, center).Scan(&end)
	if err == nil && after > uint64(end) {
		err = &platform.CursorError{After: after, End: uint64(end)}
	}
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
