package pgstore

import (
	"context"
	"math"

	"github.com/jackc/pgx/v5"

	"tongban/sync/platform"
)

// fillPage is how many events fillCaseNumbers reads at a time (a
// variable for the tests).
var fillPage = 5000

// fillCaseNumbers fills case_numbers from the events stored before it
// existed, center by center in feed order, so the first case of a center
// to claim a number holds it; cases of the same number stored before
// numbers were kept unique stay in the feed, unlisted. It reads in pages,
// so a large table is never held in memory at once. Only events whose
// canonical JSON says "kind":"submitted" can claim a number
// (platform.ClaimedNumber decides).
func fillCaseNumbers(ctx context.Context, tx pgx.Tx) error {
	center, seq := "", int64(math.MinInt64)
	for {
		var centers, numbers, caseIDs []string
		inPage := map[string]bool{} // center "/" number, first claim wins
		n := 0
		rows, _ := tx.Query(ctx, `
SELECT center, seq, data FROM events
WHERE (center, seq) > ($1, $2) AND position('"kind":"submitted"'::bytea IN data) > 0
ORDER BY center, seq LIMIT $3`, center, seq, fillPage)
		var data []byte
		_, err := pgx.ForEachRow(rows, []any{&center, &seq, &data}, func() error {
			n++
			caseID, number := platform.ClaimedNumber(data)
			if number == "" || inPage[center+"/"+number] {
				return nil
			}
			inPage[center+"/"+number] = true
			centers, numbers, caseIDs = append(centers, center), append(numbers, number), append(caseIDs, caseID)
			return nil
		})
		if err != nil {
			return err
		}
		if len(numbers) > 0 {
			if _, err := tx.Exec(ctx, `
INSERT INTO case_numbers (center, number, case_id)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
ON CONFLICT (center, number) DO NOTHING`, centers, numbers, caseIDs); err != nil {
				return err
			}
		}
		if n < fillPage {
			return nil
		}
	}
}
