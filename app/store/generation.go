package store

import bolt "go.etcd.io/bbolt"

// Generation counts the store's committed writes: it changes whenever a
// transaction that may have written commits. A command that created a
// store and finds the same generation when it is done has saved nothing.
func (s *Store) Generation() (g uint64, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		g = uint64(tx.ID())
		return nil
	})
	return g, err
}
