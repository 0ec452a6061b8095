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

// KeyCopySeen is the setting that records an event of this device's ID
// that another copy of its data made (CopySeen).
const KeyCopySeen = "sync/copy-seen"

// keyRestoredAt is when the store was restored from a backup (unix
// milliseconds, big-endian), absent for a store never restored.
var keyRestoredAt = []byte("restored-at")

// CopySeen is the sign of another copy of this device's data at work.
type CopySeen struct {
	// Number is the case the other copy handled, At when it did.
	Number string    `json:"number"`
	At     time.Time `json:"at"`
}

// noteCopy records e when it is this device's own, never made here, and
// made since the store was restored (or ever, on one never restored).
func noteCopy(tx *bolt.Tx, self Identity, e cases.Event) error {
	meta := tx.Bucket(bucketMeta)
	if e.Device != self.DeviceID || meta.Get(settingKey(KeyCopySeen)) != nil {
		return nil
	}
	if v := meta.Get(keyRestoredAt); len(v) == 8 && e.Stamp.Wall <= int64(binary.BigEndian.Uint64(v)) {
		return nil
	}
	// The case's number is its submission's, stored by now if it came.
	number := ""
	var sub cases.Event
	if raw := tx.Bucket(bucketCases).Get(eventKey(cases.Event{CaseID: e.CaseID, ID: e.CaseID})); raw != nil && json.Unmarshal(raw, &sub) == nil {
		number = submissionNumber(sub)
	}
	b, err := json.Marshal(CopySeen{Number: number, At: e.Stamp.Time()})
	if err != nil {
		return err
	}
	return putSetting(tx, KeyCopySeen, b)
}

// CopySeen returns the sign of another copy of this device's data, if a
// sync pulled one.
func (s *Store) CopySeen() (seen CopySeen, ok bool, err error) {
	raw, err := s.Get(KeyCopySeen)
	if err != nil || raw == nil {
		return seen, false, err
	}
	return seen, true, json.Unmarshal(raw, &seen)
}
