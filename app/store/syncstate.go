package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// A case's sync state lives in its own small record, written only when it
// changes: once when the platform confirms the submission, and once for a
// case taken from a receipt. A case on the default state (made here, not
// yet confirmed) has none, so taking an application writes nothing here.
// How many of a case's events wait in the outbox is counted from the
// outbox itself (PendingFor), not kept, so pushing writes no case records.

func syncKey(id string) []byte { return []byte(id + "#s") }

func putSync(tx *bolt.Tx, id string, s cases.SyncState) error {
	s.Pending = 0
	if s == (cases.SyncState{}) {
		return tx.Bucket(bucketCases).Delete(syncKey(id))
	}
	return putJSON(tx.Bucket(bucketCases), syncKey(id), s)
}

func getSync(tx *bolt.Tx, id string) (s cases.SyncState, err error) {
	if err := getJSON(tx.Bucket(bucketCases), syncKey(id), &s); err != nil {
		return s, fmt.Errorf("the sync state of case %s is damaged: %w", id, err)
	}
	return s, nil
}

// PendingFor counts each case's events waiting in the outbox, for the cases
// named (all cases when none are).
func (s *Store) PendingFor(caseIDs ...string) (counts map[string]int, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		counts, err = pendingByCase(tx, caseIDs)
		return err
	})
	return counts, err
}

func pendingByCase(tx *bolt.Tx, only []string) (map[string]int, error) {
	want := map[string]bool{}
	for _, id := range only {
		want[id] = true
	}
	counts := map[string]int{}
	err := tx.Bucket(bucketOutbox).ForEach(func(k, v []byte) error {
		var head struct {
			CaseID string `json:"case_id"`
		}
		if err := json.Unmarshal(v, &head); err != nil {
			return fmt.Errorf("outbox entry %x is damaged: %w", k, err)
		}
		if len(want) == 0 || want[head.CaseID] {
			counts[head.CaseID]++
		}
		return nil
	})
	return counts, err
}
