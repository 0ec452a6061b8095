package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// Events are keyed "<case ID>/<event ID>" in the cases bucket, right after
// the case's record, so one prefix scan reads a case.

func eventKey(e cases.Event) []byte { return []byte(e.CaseID + "/" + e.ID) }

// isRecordKey tells a case's record from its sync state and events in the
// cases bucket: a record's key is the bare case ID.
func isRecordKey(k []byte) bool { return bytes.IndexAny(k, "/#") < 0 }

func putEvent(tx *bolt.Tx, e cases.Event) error {
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return appendOnly(tx.Bucket(bucketCases)).Put(eventKey(e), data)
}

// caseEvents reads a case's events. Events in have (by ID) were just
// written by the caller, who holds them decoded already.
func caseEvents(tx *bolt.Tx, caseID string, have map[string]cases.Event) ([]cases.Event, error) {
	prefix := []byte(caseID + "/")
	var evs []cases.Event
	c := tx.Bucket(bucketCases).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if e, ok := have[string(k[len(prefix):])]; ok {
			evs = append(evs, e)
			continue
		}
		var e cases.Event
		if err := json.Unmarshal(v, &e); err != nil {
			return nil, fmt.Errorf("the stored event %s is damaged: %w", k, err)
		}
		evs = append(evs, e)
	}
	return evs, nil
}

// Source says where imported events come from.
type Source int

// The sources of imported events.
const (
	// FromPlatform: a sync page; the platform has these events already.
	FromPlatform Source = iota
	// FromReceipt: a case rebuilt from its printed receipt; this device
	// pushes it on, and the platform's answer confirms it.
	FromReceipt
)

// Import saves events made elsewhere and returns the cases they changed.
// Known events are skipped; a known ID with other content is an error for
// a receipt and set aside for a sync page (the platform is the judge).
func (s *Store) Import(events []cases.Event, fromReceipt bool) (changed []*cases.Case, err error) {
	src := FromPlatform
	if fromReceipt {
		src = FromReceipt
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		changed, _, err = importEvents(tx, events, src, s.now())
		return err
	})
	return changed, err
}

// ApplyPage imports a page of the platform's change feed and saves the
// cursor after it in the same transaction, so a crash between pages
// neither skips nor repeats one. It also counts the page's events this
// device did not hold — what a sync report calls pulled: a device's own
// events come back to it in the feed and change nothing, so they are not
// counted; an event of its own it had lost (a restored backup) is.
func (s *Store) ApplyPage(events []cases.Event, cursor string) (changed []*cases.Case, added int, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		if changed, added, err = importEvents(tx, events, FromPlatform, s.now()); err != nil {
			return err
		}
		return putSetting(tx, KeyCursor, []byte(cursor))
	})
	return changed, added, err
}

// KeyCursor is the setting that holds the change-feed cursor.
const KeyCursor = "sync/cursor"

// importEvents stores the events this device does not hold yet, refolds
// the cases they touch and returns those cases and how many events were
// new. A new submission numbered with this device's short code raises the
// day's sequence past it (claimNumber), so the device does not issue that
// number again.
func importEvents(tx *bolt.Tx, events []cases.Event, src Source, now time.Time) (changed []*cases.Case, added int, err error) {
	clock, err := loadClock(tx)
	if err != nil {
		return nil, 0, err
	}
	self, err := identity(tx)
	if err != nil {
		return nil, 0, err
	}
	byCase := map[string][]cases.Event{}
	var order []string
	b := tx.Bucket(bucketCases)
	for _, e := range events {
		clock.Observe(e.Stamp, now)
		old := b.Get(eventKey(e))
		if old != nil {
			var known cases.Event
			if json.Unmarshal(old, &known) == nil && known.Digest() == e.Digest() {
				if src == FromPlatform && e.Kind == cases.KindSubmitted {
					// The feed has the submission: a case taken from a
					// receipt is a receipt's case no longer.
					if err := putSync(tx, e.CaseID, cases.SyncState{}); err != nil {
						return nil, 0, err
					}
				}
				continue
			}
			if src == FromReceipt {
				return nil, 0, fmt.Errorf("event %s: %w", e.ID, ErrEventMismatch)
			}
			continue // the platform refuses such twins; keep ours
		}
		if err := putEvent(tx, e); err != nil {
			return nil, 0, err
		}
		if src == FromPlatform {
			if err := noteCopy(tx, self, e, now); err != nil {
				return nil, 0, err
			}
		}
		if e.Kind == cases.KindSubmitted {
			if err := claimNumber(tx, self.ShortCode, submissionNumber(e)); err != nil {
				return nil, 0, err
			}
		}
		if src == FromReceipt {
			if err := enqueue(tx, e); err != nil {
				return nil, 0, err
			}
		}
		if _, seen := byCase[e.CaseID]; !seen {
			order = append(order, e.CaseID)
		}
		byCase[e.CaseID] = append(byCase[e.CaseID], e)
		added++
	}
	for _, id := range order {
		c, err := refold(tx, id, byCase[id], src)
		if err != nil {
			return nil, 0, err
		}
		if c != nil {
			changed = append(changed, c)
		}
	}
	return changed, added, saveClock(tx, clock)
}

// refold recomputes a case after new events and updates its record. A case
// whose submission has not arrived yet has no record until it does.
func refold(tx *bolt.Tx, id string, added []cases.Event, src Source) (*cases.Case, error) {
	old, err := loadSummary(tx, id)
	if err != nil {
		return nil, err
	}
	have := make(map[string]cases.Event, len(added))
	for _, e := range added {
		have[e.ID] = e
	}
	evs, err := caseEvents(tx, id, have)
	if err != nil {
		return nil, err
	}
	c, err := cases.Fold(evs)
	if err != nil {
		return nil, nil // waiting for the submission
	}
	if old != nil {
		c.Sync = old.Sync
	}
	for _, e := range added {
		if e.Kind == cases.KindSubmitted { // the case is new here: from a receipt, or from the platform
			c.Sync.FromReceipt = src == FromReceipt
		}
	}
	return c, putCase(tx, c, old)
}
