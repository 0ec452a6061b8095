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
	// ErrCodeUsed, ErrCodeExpired, ErrOtherCenter, ErrOtherRole,
	// ErrCasesCenter or ErrShortCodesExhausted.
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
	// device was seen at a time. It returns one Result per event, in
	// order, judging the events one after another:
	//   - an event whose ID is stored already is never overwritten: it is
	//     Duplicate when its digest matches and Conflict when it does not;
	//   - a case number is held by one case per center: an event with a
	//     Number that a different case of the center holds (stored
	//     earlier, or earlier in the batch) is NumberTaken, with the
	//     holder's case ID, and nothing of it is stored; the same number
	//     in another center, or again for the same case, is no clash;
	//   - any other event is Stored, and its Number, if any, is then held
	//     by its case, in the same transaction.
	// Repeats of an ID inside the batch are judged against its first
	// occurrence: Duplicate or Conflict when that one was stored or was
	// there already, and the first one's NumberTaken when it was refused.
	Push(ctx context.Context, center, device string, at time.Time, events []Incoming) ([]Result, error)
	// Pull returns up to limit events of a center's feed after a sequence
	// number, in feed order. A sequence number is never handed out twice
	// and an event never appears before one with a lower number has become
	// visible (see each implementation for how), so a reader that resumes
	// after the last number it saw misses nothing. A cursor beyond the
	// last number the center's feed has handed out (a platform restored
	// from an older backup) returns a *CursorError, never an empty page
	// that would leave the device waiting for numbers already given out.
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
	// Centers lists, sorted, the centers the storage has heard of: those
	// with devices (revoked ones too), with enrollment codes given out
	// (used or not), and with a catalog of their own. The default catalog's center is in its data, not here.
	Centers(ctx context.Context) ([]string, error)
	// Stats counts what the storage holds, for /metrics.
	Stats(ctx context.Context) (Stats, error)
	// Ping reports whether the storage answers (a read of the bbolt file,
	// a round trip to PostgreSQL), for /v1/health; the caller bounds it
	// with ctx.
	Ping(ctx context.Context) error
	// Unavailable reports whether an error one of its methods returned
	// says that the storage does not answer (PostgreSQL down or out of
	// reach, its connections lost, the storage closed) rather than that
	// something failed inside it: the platform then answers 503
	// storage_unavailable, so devices wait and administrators look at the
	// database, where a 500 would send them to the platform's code.
	Unavailable(err error) bool
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
	// Used and UsedBy are set when the code has enrolled a device;
	// UsedProof is the hash (HashSecret) of the redemption proof that
	// device sent, "" for none (see Check).
	Used      time.Time
	UsedBy    string
	UsedProof string
}

// Enrollment is one use of an enrollment code. Storage applies these rules
// in one transaction:
//   - the code must exist, be unused and not expired at At; it is then
//     marked used (Code.Check);
//   - the device a code enrolled may redeem it again while it lasts and
//     the device is not revoked (a reply lost after the commit), with the
//     same redemption proof (ProofHash) as the first time: it gets the
//     new token, its old one stops working, its identity stays;
//   - a device already known by DeviceID keeps its ID, its earlier events
//     and its short code; it must belong to the code's center (else
//     ErrOtherCenter) and role (else ErrOtherRole); it is un-revoked and
//     its old token stops working;
//   - a new device gets the next short code of its role in the center
//     (ShortCode);
//   - the device keeps the FormerCodes it declared, added to those of
//     earlier enrollments (MergeFormerCodes);
//   - a center without receipt keys gets Key as its first one.
type Enrollment struct {
	CodeHash string
	DeviceID string
	Name     string // empty keeps a known device's name
	// CasesCenter is the center of the cases the device holds from before
	// enrollment; a code for another is ErrOtherCenter (see Renew).
	CasesCenter string
	// FormerCodes are the short codes the device numbered cases with
	// before, checked by the server (protocol.EnrollRequest.FormerCodes).
	FormerCodes []string
	// ProofHash is the hash (HashSecret) of the request's redemption
	// proof, "" when it sent none.
	ProofHash string
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
// (what Push stores and Pull returns), that JSON's SHA-256, which equals
// cases.Event.Digest, and the case number it claims.
type Incoming struct {
	ID     string
	Data   []byte
	Digest [32]byte
	// Number is the case number a submitted event claims for its case (its
	// payload's number), "" for every other event. A case's ID is the ID
	// of its submitted event, so ID names the case that claims it.
	Number string
}

// NewIncoming makes the canonical form of an event, with the number it
// claims as ClaimedNumber reads it.
func NewIncoming(id string, event any) (Incoming, error) {
	data, err := json.Marshal(event)
	if err != nil {
		return Incoming{}, fmt.Errorf("event %s cannot be encoded: %w", id, err)
	}
	_, number := ClaimedNumber(data)
	return Incoming{ID: id, Data: data, Digest: sha256.Sum256(data), Number: number}, nil
}

// ClaimedNumber reads an event's canonical JSON, as Push stored it, and
// returns the case number it claims and the ID of the case claiming it:
// for a submitted event its case ID and its payload's number, else "" and
// "". Storages use it to index the events they stored before they kept
// numbers unique. An event that does not read as JSON, or whose number is
// not one the platform takes now (checkNumber), claims nothing: no
// submission pushed today can clash with it.
func ClaimedNumber(data []byte) (caseID, number string) {
	var e struct {
		CaseID  string          `json:"case_id"`
		Kind    cases.Kind      `json:"kind"`
		Payload json.RawMessage `json:"payload"`
	}
	if json.Unmarshal(data, &e) != nil || e.Kind != cases.KindSubmitted {
		return "", ""
	}
	if number = submissionNumber(e.Payload); !canonicalNumber(number) {
		return "", ""
	}
	return e.CaseID, number
}

// incomingEvents makes the canonical form of events that decodePush and
// checkEvents passed (so every payload is valid JSON), as NewIncoming
// does but without reflection, all in one buffer: about size bytes, the
// request body's length. numbers are the events' case numbers, as
// checkEvents returned them.
func incomingEvents(events []cases.Event, numbers []string, size int) []Incoming {
	incoming := make([]Incoming, len(events))
	buf := make([]byte, 0, size+64*len(events))
	for i := range events {
		e := &events[i]
		start := len(buf)
		buf = appendCanonical(buf, e)
		data := buf[start:len(buf):len(buf)] // a later append that grows buf leaves it be
		incoming[i] = Incoming{ID: e.ID, Data: data, Digest: sha256.Sum256(data), Number: numbers[i]}
	}
	return incoming
}

// Result is what Push did with one event.
type Result struct {
	Outcome Outcome
	// Holder is, for NumberTaken, the ID of the case that holds the
	// event's number.
	Holder string
}

// String names the outcome, and the holder of a taken number.
func (r Result) String() string {
	if r.Holder == "" {
		return r.Outcome.String()
	}
	return r.Outcome.String() + " by " + r.Holder
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
	// NumberTaken: the event's case number is held by another case of the
	// center (Result.Holder); the event is not stored.
	NumberTaken
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
	case NumberTaken:
		return "number-taken"
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// Page is a slice of a center's feed.
type Page struct {
	// Events are the stored canonical JSON of each event, in feed order,
	// and Seqs the sequence number of each.
	Events []json.RawMessage
	Seqs   []uint64
	// Next is the sequence number of the last event returned, or the
	// requested one when there is none.
	Next uint64
	// More is set when events after Next are waiting.
	More bool
	// AfterID is the ID of the event at the requested sequence number
	// (the one the device read last), "" for none: the platform checks
	// it against the device's cursor (see cursor.go).
	AfterID string
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
