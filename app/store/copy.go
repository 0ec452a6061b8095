package store

import (
	"encoding/binary"
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// A device's data restored into a second folder while the first is still
// in use makes two copies of one device: both number cases with its short
// code, and the platform refuses whichever number comes second, stranding
// that citizen's case. Each copy sees the other in the feed: events under
// its own device ID that it never made. After a restore such events made
// before it are expected (the old machine's last work, pulled back), so
// only those stamped after the restore, or at any time on a store never
// restored, tell of a copy. The first seen is kept for tongban status.

// KeyCopySeen is the setting that records events of this device's ID
// that another copy of its data made (CopySeen).
const KeyCopySeen = "sync/copy-seen"

// keyRestoredAt is when the store was restored from a backup (unix
// milliseconds, big-endian), absent for a store never restored.
var keyRestoredAt = []byte("restored-at")

// How recent a copy's work is. A copy at work sends what it does now:
// an event of this device's ID older than copyRecent when it comes is
// old work of its own coming back (a case the retention purge deleted,
// pulled again with the feed from its start), not a copy's. And once
// none has come for CopyQuiet, the other copy is taken to be retired.
const (
	copyRecent = 7 * 24 * time.Hour
	// CopyQuiet is how long device_copied stays after the last case of
	// another copy came.
	CopyQuiet = 3 * 24 * time.Hour
)

// CopySeen is the sign of another copy of this device's data at work.
type CopySeen struct {
	// Number is the latest case of the other copy that came, At when it
	// was made there, and Last when it came here.
	Number string    `json:"number"`
	At     time.Time `json:"at"`
	Last   time.Time `json:"last"`
}

// noteCopy records e when it is this device's own, never made here, made
// since the store was restored (or ever, on one never restored), and
// recent.
func noteCopy(tx *bolt.Tx, self Identity, e cases.Event, now time.Time) error {
	if e.Device != self.DeviceID {
		return nil
	}
	meta := tx.Bucket(bucketMeta)
	at := e.Stamp.Time()
	if v := meta.Get(keyRestoredAt); len(v) == 8 && e.Stamp.Wall <= int64(binary.BigEndian.Uint64(v)) {
		return nil
	}
	if now.Sub(at) > copyRecent {
		return nil
	}
	// The case's number is its submission's, stored by now if it came.
	// A copy that worked offline for days sends old cases at once: the
	// sign lasts from when they came, not from when they were made.
	seen := CopySeen{At: at, Last: now}
	var sub cases.Event
	if raw := tx.Bucket(bucketCases).Get(eventKey(cases.Event{CaseID: e.CaseID, ID: e.CaseID})); raw != nil && json.Unmarshal(raw, &sub) == nil {
		seen.Number = submissionNumber(sub)
	}
	b, err := json.Marshal(seen)
	if err != nil {
		return err
	}
	return putSetting(tx, KeyCopySeen, b)
}

// CopySeen returns the sign of another copy of this device's data while
// it is recent: the latest of its events came within CopyQuiet.
func (s *Store) CopySeen() (seen CopySeen, ok bool, err error) {
	raw, err := s.Get(KeyCopySeen)
	if err != nil || raw == nil {
		return seen, false, err
	}
	if err := json.Unmarshal(raw, &seen); err != nil {
		return seen, false, err
	}
	return seen, s.now().Sub(seen.Last) <= CopyQuiet, nil
}
