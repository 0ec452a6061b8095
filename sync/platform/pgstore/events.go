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
// UPDATE, which locks that row until the push commits: pushes to one
// center run one after another, and their numbers become visible in
// order. Pushes to different centers do not wait for each other. Numbers
// of events that turn out not to be stored are skipped, which leaves gaps
// that readers do not mind.
//
// What is stored is decided in Go, as boltstore does, between two round
// trips of one transaction. The first takes the center's row and then
// reads which of the batch's IDs and case numbers are taken: in READ
// COMMITTED each statement sees what was committed when it began, so
// those reads, begun once the row is held, see every earlier push to the
// center. The second writes what was decided. An ID stored meanwhile by a
// push to another center (only a forged event can do that) makes the
// insert fail and the push with it, and the device sends it again.
const lockSQL = `
INSERT INTO feeds (center, seq) VALUES ($1, $2)
ON CONFLICT (center) DO UPDATE SET seq = feeds.seq + EXCLUDED.seq
RETURNING seq - $2`

// heldSQL and holdersSQL find the stored events among IDs and the cases
// holding case numbers, one index lookup each: with = ANY the planner
// may scan the whole table when its statistics are old, as they are
// while a table grows fast.
const (
	heldSQL = `
SELECT * FROM (SELECT u.id, (SELECT e.digest FROM events e WHERE e.id = u.id) AS digest
	FROM unnest($1::text[]) AS u(id)) found
WHERE digest IS NOT NULL`
	holdersSQL = `
SELECT * FROM (SELECT u.number, (SELECT n.case_id FROM case_numbers n WHERE n.center = $1 AND n.number = u.number) AS case_id
	FROM unnest($2::text[]) AS u(number)) found
WHERE case_id IS NOT NULL`
)

// insertSQL stores the events decided new, their sequence numbers base
// ($4) + k, counts them and records the device's sighting.
const insertSQL = `
WITH inserted AS (
	INSERT INTO events (id, center, seq, digest, data, device, received)
	SELECT u.id, $1, $4 + u.k, u.digest, u.data, $2, $3
	FROM unnest($5::text[], $6::bigint[], $7::bytea[], $8::bytea[]) AS u(id, k, digest, data)
	RETURNING 1
), counted AS (
	INSERT INTO feed_counts (center, events) SELECT $1, count(*) FROM inserted
	ON CONFLICT (center) DO UPDATE SET events = feed_counts.events + EXCLUDED.events
)
UPDATE devices SET last_seen = GREATEST(last_seen, $3) WHERE id = $2`

// Push stores a batch of events of one center.
func (s *Store) Push(ctx context.Context, center, device string, at time.Time, events []platform.Incoming) ([]platform.Result, error) {
	if len(events) == 0 {
		_, err := s.pool.Exec(ctx, `UPDATE devices SET last_seen = GREATEST(last_seen, $2) WHERE id = $1`, device, at)
		return []platform.Result{}, err
	}
	ids := make([]string, len(events))
	var numbers []string
	for i, e := range events {
		ids[i] = e.ID
		if e.Number != "" {
			numbers = append(numbers, e.Number)
		}
	}
	var b pgx.Batch
	b.BeginTx(pgx.TxOptions{})
	base := b.Queue(lockSQL, center, len(events))
	held := b.Queue(heldSQL, ids)
	var holders *pgx.QueuedQuery
	if len(numbers) > 0 {
		holders = b.Queue(holdersSQL, center, numbers)
	}
	res := s.pool.SendBatch(ctx, &b)
	tx := res.Tx()
	defer tx.Rollback(ctx)
	// decide adds every event it stores, and its number, to what was read.
	p := push{held: make(map[string][]byte, len(events)), holders: make(map[string]string, len(numbers))}
	if err := p.read(res, base, held, holders); err != nil {
		return nil, err
	}
	out := p.decide(events)
	if err := p.write(ctx, tx, center, device, at); err != nil {
		return nil, err
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

// push is what Push read and decided in its transaction.
type push struct {
	base    int64
	held    map[string][]byte // event ID → digest of the stored event
	holders map[string]string // case number → the case holding it
	// The events to store, as insertSQL's arrays, and the numbers they
	// claim.
	ids, numbers, claimants []string
	ks                      []int64
	digests, datas          [][]byte
}

// read takes in the answers of the first round trip (holders is nil when
// no event claims a number).
func (p *push) read(res pgx.BatchResults, base, held, holders *pgx.QueuedQuery) error {
	var id, number, caseID string
	var digest []byte
	base.QueryRow(func(row pgx.Row) error { return row.Scan(&p.base) })
	held.Query(func(rows pgx.Rows) error {
		_, err := pgx.ForEachRow(rows, []any{&id, &digest}, func() error {
			p.held[id] = digest // pgx scans bytea into a fresh slice
			return nil
		})
		return err
	})
	if holders != nil {
		holders.Query(func(rows pgx.Rows) error {
			_, err := pgx.ForEachRow(rows, []any{&number, &caseID}, func() error {
				p.holders[number] = caseID
				return nil
			})
			return err
		})
	}
	return res.Close()
}

// decide judges the events one after another, as Storage.Push says, and
// gathers the ones to store, sorted by ID so that two pushes that share
// IDs insert them in the same order and cannot deadlock.
func (p *push) decide(events []platform.Incoming) []platform.Result {
	out := make([]platform.Result, len(events))
	var refused map[string]string // event ID → holder, for IDs refused in this batch
	stored := make([]int, 0, len(events))
	for i, e := range events {
		if holder, ok := refused[e.ID]; ok {
			out[i] = platform.Result{Outcome: platform.NumberTaken, Holder: holder}
			continue
		}
		if d, ok := p.held[e.ID]; ok {
			out[i].Outcome = platform.Conflict
			if bytes.Equal(d, e.Digest[:]) {
				out[i].Outcome = platform.Duplicate
			}
			continue
		}
		if e.Number != "" {
			if h, ok := p.holders[e.Number]; ok && h != e.ID {
				out[i] = platform.Result{Outcome: platform.NumberTaken, Holder: h}
				if refused == nil {
					refused = map[string]string{}
				}
				refused[e.ID] = h
				continue
			}
			p.holders[e.Number] = e.ID
			p.numbers, p.claimants = append(p.numbers, e.Number), append(p.claimants, e.ID)
		}
		out[i].Outcome = platform.Stored
		p.held[e.ID] = events[i].Digest[:]
		stored = append(stored, i)
	}
	slices.SortFunc(stored, func(a, b int) int { return strings.Compare(events[a].ID, events[b].ID) })
	p.ids, p.ks = make([]string, len(stored)), make([]int64, len(stored))
	p.digests, p.datas = make([][]byte, len(stored)), make([][]byte, len(stored))
	for j, i := range stored {
		e := &events[i]
		p.ids[j], p.ks[j], p.digests[j], p.datas[j] = e.ID, int64(i)+1, e.Digest[:], e.Data
	}
	return out
}

// write sends the second round trip: the events, their numbers, the count
// and the sighting.
func (p *push) write(ctx context.Context, tx pgx.Tx, center, device string, at time.Time) error {
	var b pgx.Batch
	b.Queue(insertSQL, center, device, at, p.base, p.ids, p.ks, p.digests, p.datas)
	if len(p.numbers) > 0 {
		b.Queue(`INSERT INTO case_numbers (center, number, case_id) SELECT $1, * FROM unnest($2::text[], $3::text[])`,
			center, p.numbers, p.claimants)
	}
	return tx.SendBatch(ctx, &b).Close()
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
