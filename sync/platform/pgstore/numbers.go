package pgstore

import (
	"context"
	"math"

	"github.com/jackc/pgx/v5"

	"tongban/sync/platform"
)

// fillPage is how many events fillNumbers reads at a time (a variable for
// the tests).
var fillPage = 5000

// fillNumbers sets events.number from the events stored before the
// column existed, center by center in feed order, so the first case of a
// center to claim a number holds it; cases of the same number stored
// before numbers were kept unique stay in the feed with no number. It
// reads in pages, so a large table is never held in memory at once: a
// page's repeats are told apart here, repeats of an earlier page by the
// unique index's lookup. Only events whose canonical JSON says
// "kind":"submitted" can claim a number (platform.ClaimedNumber decides),
// and only for themselves: a submission stored, in the platform's early
// days, under an ID other than its case's holds nothing.
func fillNumbers(ctx context.Context, tx pgx.Tx) error {
	center, seq := "", int64(math.MinInt64)
	for {
		var ids, numbers []string
		inPage := map[string]bool{} // center "/" number, first claim wins
		n := 0
		rows, _ := tx.Query(ctx, `
SELECT center, seq, id, data FROM events
WHERE (center, seq) > ($1, $2) AND position('"kind":"submitted"'::bytea IN data) > 0
ORDER BY center, seq LIMIT $3`, center, seq, fillPage)
		var id string
		var data []byte
		_, err := pgx.ForEachRow(rows, []any{&center, &seq, &id, &data}, func() error {
			n++
			caseID, number := platform.ClaimedNumber(data)
			if number == "" || caseID != id || inPage[center+"/"+number] {
				return nil
			}
			inPage[center+"/"+number] = true
			ids, numbers = append(ids, id), append(numbers, number)
			return nil
		})
		if err != nil {
			return err
		}
		if len(ids) > 0 {
			if _, err := tx.Exec(ctx, `
UPDATE events e SET number = u.number
FROM unnest($1::text[], $2::text[]) AS u(id, number)
WHERE e.id = u.id AND NOT EXISTS (SELECT 1 FROM events h WHERE h.center = e.center AND h.number = u.number)`,
				ids, numbers); err != nil {
				return err
			}
		}
		if n < fillPage {
			return nil
		}
	}
}
