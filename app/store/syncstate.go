package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// Of a case's sync state only one fact is kept: that it was taken from a
// receipt and the platform has not confirmed it yet (a record "<id>#s"
// beside the case, present only then). The rest is derived when asked
// (SyncOf): the events waiting in the outbox, and whether the platform has
// the case — nothing waits and the submission was not refused. So taking
// an application, acting on a case, and acknowledging a push write no
// sync records at all.

func syncKey(id string) []byte { return []byte(id + "#s") }

// fromReceiptMark is the value of the record; its presence is the fact.
var fromReceiptMark = []byte("receipt")

func putSync(tx *bolt.Tx, id string, s cases.SyncState) error {
	if !s.FromReceipt {
		return tx.Bucket(bucketCases).Delete(syncKey(id))
	}
	return tx.Bucket(bucketCases).Put(syncKey(id), fromReceiptMark)
}

func getSync(tx *bolt.Tx, id string) (cases.SyncState, error) {
	return cases.SyncState{FromReceipt: tx.Bucket(bucketCases).Get(syncKey(id)) != nil}, nil
}

// SyncOf returns a case's whole sync state: from a receipt or not, how
// many of its events wait to be pushed, and whether the platform has it.
func (s *Store) SyncOf(caseID string) (st cases.SyncState, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		if st, err = getSync(tx, caseID); err != nil {
			return err
		}
		pending, err := pendingByCase(tx, []string{caseID})
		if err != nil {
			return err
		}
		st.Pending = pending[caseID]
		st.Confirmed = confirmed(tx, caseID, st, st.Pending)
		return nil
	})
	return st, err
}

// confirmed reports whether the platform has a case: nothing of it waits
// in the outbox, it is not a receipt's unconfirmed case, and its
// submission (whose ID is the case ID) was not refused.
func confirmed(tx *bolt.Tx, caseID string, st cases.SyncState, pending int) bool {
	return pending == 0 && !st.FromReceipt && tx.Bucket(bucketRejected).Get([]byte(caseID)) == nil
}

// pendingByCase counts the outbox's events by case, for the cases named
// (all cases when none are).
func pendingByCase(tx *bolt.Tx, only []string) (map[string]int, error) {
	want := map[string]bool{}
	for _, id := range only {
		want[id] = true
	}
	counts := map[string]int{}
	err := tx.Bucket(bucketOutbox).ForEach(func(k, v []byte) error {
		head, err := eventHeadOf(v)
		if err != nil {
			return fmt.Errorf("outbox entry %x is damaged: %w", k, err)
		}
		if len(want) == 0 || want[head.CaseID] {
			counts[head.CaseID]++
		}
		return nil
	})
	return counts, err
}
