package store

import (
	"context"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"
)

// warmChunk is how many keys one read transaction of Warm visits: short
// transactions, so a commit that must grow the file never waits long for
// the warm-up to let go of the memory map.
var warmChunk = 20_000

// Warm reads every page of the store once, so that the first lookups of
// the day run at memory speed rather than waiting on page faults and the
// disk: the file is memory-mapped, and a page nobody has read since the
// process started costs a fault (and, after a reboot, a disk read) the first
// time a scan touches it. A counter holding a million cases warms in about
// two seconds. Windows call it in the background at start; it stops early
// when ctx ends and returns how many keys it visited. Reading every page,
// it is the first to meet a damaged one: that is a *DamagedError, not a
// panic that would end the window.
func (s *Store) Warm(ctx context.Context) (keys int, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer damageRecovered(s.path, &err)
	var names [][]byte
	err = s.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			names = append(names, append([]byte(nil), name...))
			return nil
		})
	})
	for _, name := range names {
		var after []byte // the last key visited, or nil at the start
		for done := false; !done && err == nil; {
			if err = ctx.Err(); err != nil {
				break
			}
			err = s.db.View(func(tx *bolt.Tx) error {
				b := tx.Bucket(name)
				if b == nil {
					done = true
					return nil
				}
				c := b.Cursor()
				k, v := c.First()
				if after != nil {
					if k, v = c.Seek(after); k != nil && string(k) == string(after) {
						k, v = c.Next()
					}
				}
				for n := 0; ; k, v = c.Next() {
					if k == nil {
						done = true
						return nil
					}
					touch(v)
					keys++
					if n++; n == warmChunk {
						after = append(after[:0], k...)
						return nil
					}
				}
			})
		}
	}
	return keys, err
}

// sink keeps touch's reads from being optimised away.
var sink byte

// touch reads one byte of every page a value spans (values larger than a
// page live on overflow pages of their own).
func touch(v []byte) {
	for i := 0; i < len(v); i += 4096 {
		sink += v[i]
	}
}
