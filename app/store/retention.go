package store

import (
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// Purge deletes from this device the cases that are closed, fully synced
// and last changed before cutoff, with their events and index entries:
// personal information is kept only as long as needed. Kiosks purge;
// counters keep their cases. It returns how many cases went.
func (s *Store) Purge(cutoff time.Time) (n int, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		pending, err := pendingByCase(tx, nil)
		if err != nil {
			return err
		}
		var doomed []*cases.Case
		err = tx.Bucket(bucketCases).ForEach(func(k, v []byte) error {
			if !isRecordKey(k) {
				return nil
			}
			c, err := loadSummary(tx, string(k))
			if err != nil {
				return err
			}
			if !c.Status.Open() && confirmed(tx, c.ID, c.Sync, pending[c.ID]) && c.UpdatedAt.Before(cutoff) {
				doomed = append(doomed, c)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, c := range doomed {
			if err := deleteCase(tx, c); err != nil {
				return err
			}
		}
		n = len(doomed)
		return nil
	})
	return n, err
}

func deleteCase(tx *bolt.Tx, c *cases.Case) error {
	idx := tx.Bucket(bucketIndex)
	for _, key := range append(indexKeys(c), string(numberKey(c.Number))) {
		if err := idx.Delete([]byte(key)); err != nil {
			return err
		}
	}
	evs, err := caseEvents(tx, c.ID, nil)
	if err != nil {
		return err
	}
	for _, e := range evs {
		if err := tx.Bucket(bucketCases).Delete(eventKey(e)); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketCases).Delete(syncKey(c.ID)); err != nil {
		return err
	}
	return tx.Bucket(bucketCases).Delete([]byte(c.ID))
}
