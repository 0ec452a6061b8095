package platform

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// Storage keeps everything the platform knows: enrollment codes, devices
// and their token hashes, the centers' receipt keys, the events of every
// center's feed, the published catalogs and the centers' clerks. Every
// method is one transaction. The package boltstore implements it in one
// bbolt file (the default), pgstore in PostgreSQL (for several platform
// instances); the suite in storetest holds both to the same contract.
type Storage interface {
	// AddCode saves a new enrollment code.
	AddCode(ctx context.Context, c Code) error
	// Enroll uses up an enrollment code and creates or renews the device,
	// all at once: see Enrollment for the rules. It returns ErrCodeUnknown,
	// ErrCodeUsed, ErrCodeExpired, ErrOtherCenter or ErrShortCodesExhausted.
	Enroll(ctx context.Context, e Enrollment) (Enrolled, error)
	// DeviceByToken returns the device whose token has this hash (revoked
	// ones too), or ErrNotFound.
	DeviceByToken(ctx context.Context, tokenHash string) (protocol.Device, error)
	// Devices lists the devices of a center ("" for every center), ordered
	// by center and short code.
	Devices(ctx context.Context, center string) ([]protocol.Device, error)
	// Revoke marks a device revoked, so its token stops working at once,
	// and returns it; ErrNotFound for an unknown ID.
	Revoke(ctx context.Context, id string) (protocol.Device, error)
	// Touch records that a device was seen at a time (never moving it back).
	Touch(ctx context.Context, id string, at time.Time) error
	// Push stores a batch of events of one center and records that the
	// device was seen at a time. It returns one Outcome per event, in
	// order. An event whose ID is stored already is never overwritten: it
	// is Duplicate when its digest matches and Conflict when it does not;
	// the same holds for repeats inside the batch.
	Push(ctx context.Context, center, device string, at time.Time, events []Incoming) ([]Outcome, error)
	// Pull returns up to limit events of a center's feed after a sequence
	// number, in feed order. A sequence number is never handed out twice
	// and an event never appears before one with a lower number has become
	// visible (see each implementation for how), so a reader that resumes
	// after the last number it saw misses nothing.
	Pull(ctx context.Context, center string, after uint64, limit int) (Page, error)
	// PutCatalog publishes a catalog version for a center ("" for the
	// default catalog). The version must be above the one the center is
	// served now (its own, or the default when it has none); otherwise it
	// returns a *VersionError.
	PutCatalog(ctx context.Context, c CatalogRecord) error
	// Catalog returns the catalog served to a center: its own, else the
	// default, else ErrNotFound. Data is filled only when the version is
	// above since, so a device that is up to date costs no copy.
	Catalog(ctx context.Context, center string, since int) (CatalogRecord, error)
	// PutClerk stores one clerk of a center as opaque JSON (an
	// app/staff.Clerk the server has checked), replacing the one with the
	// same staff ID, and raises the center's staff version by one in the
	// same transaction. It returns the new version.
	PutClerk(ctx context.Context, center, id string, data []byte) (version int, err error)
	// Clerks returns a center's staff version (0 for a center without
	// clerks) and, when since differs from it, the JSON of every clerk of
	// the center ordered by staff ID, read consistently with the version.
	// since -1 always gets the list.
	Clerks(ctx context.Context, center string, since int) (version int, data [][]byte, err error)
	// Stats counts what the storage holds, for /metrics.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the storage.
	Close() error
}

// Code is an enrollment code as stored: only its hash, never the code.
type Code struct {
	Hash    string
	Center  string
	Role    string
	Created time.Time
	Expires time.Time
	// Used and UsedBy are set when the code has enrolled a device.
	Used   time.Time
	UsedBy string
}

// Enrollment is one use of an enrollment code. Storage applies these rules
// in one transaction:
//   - the code must exist, be unused and not expired at At; it is then
//     marked used;
//   - a device already known by DeviceID keeps its ID, its earlier events
//     and, when the role is the same, its short code; it must belong to
//     the code's center (else ErrOtherCenter); it is un-revoked and its old
//     token stops working;
//   - a new device (or one changing role) gets the next short code of its
//     role in the center (ShortCode);
//   - a center without receipt keys gets Key as its first one.
type Enrollment struct {
	CodeHash  string
	DeviceID  string
	Name      string // empty keeps a known device's name
	TokenHash string
	At        time.Time
	Key       protocol.ReceiptKey
}

// Enrolled is the result of an enrollment.
type Enrolled struct {
	Device protocol.Device
	// Keys are the center's receipt keys, oldest first.
	Keys []protocol.ReceiptKey
}

// Incoming is a checked event ready to store: its ID, its canonical JSON
// (what Push stores and Pull returns) and that JSON's SHA-256, which equals
// cases.Event.Digest.
type Incoming struct {
	ID     string
	Data   []byte
	Digest [32]byte
}

// NewIncoming makes the canonical form of an event.
func NewIncoming(id string, event any) (Incoming, error) {
	data, err := json.Marshal(event)
	if err != nil {
		return Incoming{}, fmt.Errorf("event %s cannot be encoded: %w", id, err)
	}
	return Incoming{ID: id, Data: data, Digest: sha256.Sum256(data)}, nil
}

// incomingEvents makes the canonical form of events that decodePush and
// checkEvents passed (so every payload is valid JSON), as NewIncoming
// does but without reflection, all in one buffer: about size bytes, the
// request body's length.
func incomingEvents(events []cases.Event, size int) []Incoming {
	incoming := make([]Incoming, len(events))
	buf := make([]byte, 0, size+64*len(events))
	for i := range events {
		e := &events[i]
		start := len(buf)
		buf = appendCanonical(buf, e)
		data := buf[start:len(buf):len(buf)] // a later append that grows buf leaves it be
		incoming[i] = Incoming{ID: e.ID, Data: data, Digest: sha256.Sum256(data)}
	}
	return incoming
}

// Outcome is what Push did with one event.
type Outcome uint8

// The outcomes of Push.
const (
	// Stored: the event is new and now in the feed.
	Stored Outcome = iota + 1
	// Duplicate: an event with this ID and digest was there already.
	Duplicate
	// Conflict: an event with this ID but another digest was there; the
	// stored one is kept.
	Conflict
)

// String names the outcome.
func (o Outcome) String() string {
	switch o {
	case Stored:
		return "stored"
	case Duplicate:
		return "duplicate"
	case Conflict:
		return "conflict"
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// Page is a slice of a center's feed.
type Page struct {
	// Events are the stored canonical JSON of each event, in feed order.
	Events []json.RawMessage
	// Next is the sequence number of the last event returned, or the
	// requested one when there is none.
	Next uint64
	// More is set when events after Next are waiting.
	More bool
}

// CatalogRecord is a published catalog.
type CatalogRecord struct {
	Center     string // "" for the default catalog
	Version    int
	CenterName string // the catalog's center name (Chinese)
	Published  time.Time
	Data       []byte // the catalog JSON as imported
}

// Stats are counts for /metrics.
type Stats struct {
	// Events is the number of stored events per center.
	Events map[string]int64
}
