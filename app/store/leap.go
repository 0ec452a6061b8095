package store

import (
	"bytes"
	"encoding/binary"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// A backup restored where nothing tells what the device issued after it —
// a new machine, a damaged store, or another device's identity taken over
// — cannot know which of today's numbers the old machine used since: they
// come back only with the first sync, and a citizen may stand at the kiosk
// before it. So today's sequences leap to a block of their own, which the
// old machine's day would have to be long to reach: case numbers to a
// thousand at least 500 above the backup's (…-1000), queue tickets to a
// hundred at least 50 above (A100). A gap
// in the numbers costs nothing; a number issued twice sends two citizens
// to one case.

// Blocks the sequences leap to.
const (
	caseLeap   = 1000
	ticketLeap = 100
)

// leapToday moves the day's case and ticket sequences of the store at path
// to their next block, and returns the first case sequence it will issue.
func leapToday(path string, now time.Time) (next int, err error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return 0, err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		// Events of this device pulled back later that are older than
		// the restore are the old machine's last work, not a copy's.
		if err := meta.Put(keyRestoredAt, binary.BigEndian.AppendUint64(nil, uint64(now.UnixMilli()))); err != nil {
			return err
		}
		seq := leap(daySeq(meta, now), caseLeap)
		if err := meta.Put(daySeqKey(now), binary.BigEndian.AppendUint32(nil, uint32(seq))); err != nil {
			return err
		}
		next = seq + 1
		tickets, err := tx.CreateBucketIfNotExists(bucketTickets)
		if err != nil {
			return err
		}
		// Every queue letter of today; a letter not issued yet starts its
		// block when first used, as IssueTicket reads a missing key as 0:
		// only letters the backup knows can clash, the others leap too.
		prefix := []byte("seq/" + now.In(cases.Zone).Format("2006-01-02") + "/")
		for letter := byte('A'); letter <= 'Z'; letter++ {
			key := append(bytes.Clone(prefix), letter)
			var n uint32
			if v := tickets.Get(key); len(v) == 4 {
				n = binary.BigEndian.Uint32(v)
			}
			if err := tickets.Put(key, binary.BigEndian.AppendUint32(nil, uint32(leap(int(n), ticketLeap)))); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return next, err
}

// leap returns the sequence to record so that the next one issued starts
// a block and leaves at least half a block after seq for the old machine:
// for blocks of 1000, 2 → 999 (next 1000), 999 → 1999 (next 2000).
func leap(seq, block int) int {
	next := (seq + block/2 + block - 1) / block * block
	return next - 1
}
