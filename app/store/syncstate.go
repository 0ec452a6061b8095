package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// A case's sync state lives in its own small record: the platform's
// answers change it for every pushed event, and rewriting the whole case
// record for that was most of the cost of a push.

func putSync(tx *bolt.Tx, id string, s cases.SyncState) error {
	return putJSON(tx.Bucket(bucketSync), []byte(id), s)
}

func getSync(tx *bolt.Tx, id string) (s cases.SyncState, err error) {
	if err := getJSON(tx.Bucket(bucketSync), []byte(id), &s); err != nil {
		return s, fmt.Errorf("the sync state of case %s is damaged: %w", id, err)
	}
	return s, nil
}
