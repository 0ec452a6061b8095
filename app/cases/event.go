package cases

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Kind says what happened to a case.
type Kind string

// The kinds of events. Transition kinds change the status; the others
// (rated, printed, revealed) are facts recorded beside it.
const (
	KindSubmitted           Kind = "submitted"
	KindAccepted            Kind = "accepted"
	KindSupplementRequested Kind = "supplement_requested"
	KindSupplementReceived  Kind = "supplement_received"
	KindRefused             Kind = "refused"
	KindSuspended           Kind = "suspended"
	KindResumed             Kind = "resumed"
	KindCompleted           Kind = "completed"
	KindWithdrawn           Kind = "withdrawn"
	KindResolved            Kind = "resolved"
	KindRated               Kind = "rated"
	KindPrinted             Kind = "printed"
	KindRevealed            Kind = "revealed"
	KindCalled              Kind = "called"
)

// Kinds lists every event kind this version knows, so the platform can
// refuse the kinds of a newer device instead of half understanding them.
var Kinds = []Kind{KindSubmitted, KindAccepted, KindSupplementRequested, KindSupplementReceived,
	KindRefused, KindSuspended, KindResumed, KindCompleted, KindWithdrawn, KindResolved,
	KindRated, KindPrinted, KindRevealed, KindCalled}

// Event is one immutable fact about a case. Devices that were offline merge
// their events by union and drop duplicates by ID, so an event is never
// changed once written.
type Event struct {
	// ID is a UUIDv7. The submitted event's ID is the case ID, so a case
	// rebuilt from its printed receipt is the very same event.
	ID     string `json:"id"`
	CaseID string `json:"case_id"`
	// Center is the division code of the center the case belongs to.
	Center string `json:"center"`
	Kind   Kind   `json:"kind"`
	// Device made the event; Staff is the clerk, empty at a kiosk.
	Device string `json:"device"`
	Staff  string `json:"staff,omitempty"`
	Stamp  Stamp  `json:"stamp"`
	// Parent is the last status event the actor had seen on this case; two
	// transitions from one parent are concurrent.
	Parent  string          `json:"parent,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// NewID returns a fresh UUIDv7, time-ordered so keys cluster on disk.
func NewID() string { return uuid.Must(uuid.NewV7()).String() }

// NewIDAt returns a fresh UUIDv7 whose time is t: events take their
// stamp's time, so the order of case IDs is the order of submission on
// the device's own clock (the store lists a day's cases by ID range).
func NewIDAt(t time.Time) string {
	u := uuid.Must(uuid.NewV7())
	ms := uint64(max(t.UnixMilli(), 0))
	for i := range 6 {
		u[i] = byte(ms >> (40 - 8*i))
	}
	return u.String()
}

// Digest is the SHA-256 of the event's canonical JSON. Two events with one
// ID are the same event exactly when their digests match.
func (e Event) Digest() [32]byte {
	b, err := json.Marshal(e)
	if err != nil { // RawMessage that is not JSON; hash the raw form instead
		b = fmt.Appendf(nil, "%#v", e)
	}
	return sha256.Sum256(b)
}

// Before orders events: by hybrid logical clock, then device, then ID, so
// every device sorts the same events the same way.
func (e Event) Before(o Event) bool {
	if c := e.Stamp.Compare(o.Stamp); c != 0 {
		return c < 0
	}
	if e.Device != o.Device {
		return e.Device < o.Device
	}
	return e.ID < o.ID
}

// Decode unmarshals the payload into v.
func (e Event) Decode(v any) error {
	if len(e.Payload) == 0 {
		return nil
	}
	if err := json.Unmarshal(e.Payload, v); err != nil {
		return fmt.Errorf("%w: %s event %s: %v", ErrBadPayload, e.Kind, e.ID, err)
	}
	return nil
}

// isTransition reports whether events of this kind change the status.
func (k Kind) isTransition() bool {
	switch k {
	case KindRated, KindPrinted, KindRevealed, KindCalled:
		return false
	}
	return true
}

// Channel is where a case was submitted or rated.
type Channel string

// The channels.
const (
	ChannelKiosk   Channel = "kiosk"
	ChannelCounter Channel = "counter"
	ChannelScript  Channel = "cli"
)

// Submission is the payload of a submitted event: everything the applicant
// gave. The printed receipt carries exactly this, so a counter can rebuild
// the event byte for byte.
type Submission struct {
	Number         string            `json:"number"`
	ItemCode       string            `json:"item_code"`
	CatalogVersion int               `json:"catalog_version"`
	Fields         map[string]string `json:"fields"`
	// Materials are the indexes (in the item's list) of the materials the
	// applicant says they bring.
	Materials []int   `json:"materials,omitempty"`
	Channel   Channel `json:"channel"`
}

// Acceptance is the payload of an accepted event: the materials checked in.
// Shortfall lists the required materials accepted without (容缺受理): the
// clerk's decision to accept first, which the case then owes (Case.Owed)
// and the receipt prints (see RequiredMissing).
type Acceptance struct {
	Received  []int  `json:"received,omitempty"`
	Shortfall []int  `json:"shortfall,omitempty"`
	Note      string `json:"note,omitempty"`
}

// SupplementRequest lists every missing material at once (一次性告知).
// Received are the materials checked in when the notice was given: the
// notice lists only what is missing, and what did come stays on record.
type SupplementRequest struct {
	Missing  []int  `json:"missing"`
	Received []int  `json:"received,omitempty"`
	Note     string `json:"note,omitempty"`
}

// SupplementReceipt records materials handed in after a notice. It covers
// every material the notice asked for: each is received, or in Shortfall,
// accepted as still owed (容缺受理); see (*Case).Outstanding.
type SupplementReceipt struct {
	Received  []int `json:"received,omitempty"`
	Shortfall []int `json:"shortfall,omitempty"`
}

// Refusal gives the reasons a case was not accepted.
type Refusal struct {
	Reasons []string `json:"reasons"`
}

// Reasons is the reasons of a refusal as the notice prints them: each
// trimmed, blanks dropped, each once, in the order given. The window and
// the command line both take the clerk's reasons through it.
func Reasons(given []string) []string {
	var out []string
	for _, r := range given {
		if r = strings.TrimSpace(r); r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// Reasoned is the payload of suspended, resumed and withdrawn events.
type Reasoned struct {
	Reason string `json:"reason"`
}

// Completion is the decision that closes a case.
type Completion struct {
	Approved bool   `json:"approved"`
	Note     string `json:"note,omitempty"`
}

// Resolution picks one branch of a conflict: Chosen is the first event of
// the branch kept. The resolving event's Parent is that branch's last event.
type Resolution struct {
	Chosen string `json:"chosen"`
	Note   string `json:"note,omitempty"`
	// Seen are the status events the resolving device held, which (*Case).Event
	// fills in: what the clerk weighed, and so what the resolution settled
	// (see decide.go). Resolutions of older devices have none and are
	// read by their stamp.
	Seen []string `json:"seen,omitempty"`
}

// Rating is a citizen's evaluation (好差评).
type Rating struct {
	Level   RatingLevel `json:"level"`
	Channel Channel     `json:"channel"`
	Comment string      `json:"comment,omitempty"`
}

// Documents printed for a case.
const (
	DocReceipt    = "receipt"    // 受理回执
	DocTicket     = "ticket"     // 取号单
	DocSupplement = "supplement" // 一次性告知单
	DocRefusal    = "refusal"    // 不予受理通知书
)

// Printing records that a document of the case was printed. A queue
// ticket carries its number, so every counter learns of it by sync.
type Printing struct {
	Document string `json:"document"`
	Ticket   string `json:"ticket,omitempty"`
}

// Call records that a counter called the case's queue ticket.
type Call struct {
	Ticket string `json:"ticket"`
	Window string `json:"window"`
}

// Reveal records that a clerk looked at the unmasked ID number.
type Reveal struct {
	Field string `json:"field"`
}
