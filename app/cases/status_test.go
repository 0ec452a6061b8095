package cases

import (
	"errors"
	"testing"
)

func TestNextFollowsTheTable(t *testing.T) {
	kinds := []Kind{KindAccepted, KindSupplementRequested, KindSupplementReceived, KindRefused,
		KindSuspended, KindResumed, KindCompleted, KindWithdrawn, KindSubmitted, KindResolved}
	allowed := map[Status]map[Kind]Status{
		StatusSubmitted: {KindAccepted: StatusAccepted, KindSupplementRequested: StatusSupplement, KindRefused: StatusRefused, KindWithdrawn: StatusWithdrawn},
		StatusAccepted: {KindSupplementRequested: StatusSupplement, KindSupplementReceived: StatusAccepted, // owed materials
			KindSuspended: StatusSuspended, KindCompleted: StatusCompleted, KindWithdrawn: StatusWithdrawn},
		StatusSupplement: {KindSupplementReceived: StatusAccepted, KindWithdrawn: StatusWithdrawn},
		StatusSuspended:  {KindResumed: StatusAccepted, KindWithdrawn: StatusWithdrawn},
		StatusCompleted:  {},
		StatusRefused:    {},
		StatusWithdrawn:  {},
		StatusConflict:   {KindResolved: StatusConflict},
	}
	for from, row := range allowed {
		for _, k := range kinds {
			to, err := Next(from, k)
			want, ok := row[k]
			switch {
			case ok && err != nil:
				t.Errorf("Next(%s, %s) refused: %v", from, k, err)
			case ok && to != want:
				t.Errorf("Next(%s, %s) = %s, want %s", from, k, to, want)
			case !ok && err == nil:
				t.Errorf("Next(%s, %s) = %s, want a refusal", from, k, to)
			case !ok && !errors.Is(err, ErrNotAllowed):
				t.Errorf("Next(%s, %s) error %v does not wrap ErrNotAllowed", from, k, err)
			}
		}
		if got := len(Allowed(from)); got != len(row) {
			t.Errorf("Allowed(%s) lists %d kinds, the table has %d", from, got, len(row))
		}
	}
	for _, k := range []Kind{KindRated, KindPrinted, KindRevealed} {
		if to, err := Next(StatusCompleted, k); err != nil || to != StatusCompleted {
			t.Errorf("Next(completed, %s) = %s, %v; facts keep the status", k, to, err)
		}
	}
}
