// Package protocol holds the wire types of the sync API, shared by the
// device client and the platform, and its OpenAPI description. Every call
// is JSON over HTTP (gzip allowed both ways), authorized by a bearer token
// per device, and safe to repeat.
package protocol

import (
	"time"

	"tongban/app/cases"
)

// Paths of the API.
const (
	PathEnroll  = "/v1/enroll"
	PathEvents  = "/v1/events"
	PathCatalog = "/v1/catalog"
	PathHealth  = "/v1/health"
	PathOpenAPI = "/v1/openapi.json"
	PathMetrics = "/metrics"
	// Admin calls take the platform's admin token.
	PathAdminCodes   = "/v1/admin/codes"
	PathAdminDevices = "/v1/admin/devices"
	PathAdminCatalog = "/v1/admin/catalog"
)

// Limits of the API.
const (
	// MaxPush is the most events one POST /v1/events may carry.
	MaxPush = 500
	// MaxPull is the largest page GET /v1/events returns.
	MaxPull = 5000
	// MaxPullBytes bounds a page of GET /v1/events in bytes as well: a
	// page of MaxPull events at MaxPayload each would be 160 MB for a
	// device on a lobby's network to take in one answer. A page holds at
	// least one event, whatever its size.
	MaxPullBytes = 4 << 20
	// MaxBody is the largest request body, after gzip decoding.
	MaxBody = 8 << 20
	// MaxPayload is the largest payload one event may carry: a submission
	// with every field of the catalog at its longest takes a few KB, and
	// every device of the center pulls what the platform stores.
	MaxPayload = 32 << 10
)

// Roles a device can enroll as.
const (
	RoleKiosk   = "kiosk"
	RoleCounter = "counter"
)

// EnrollRequest trades a single-use enrollment code for a device token.
type EnrollRequest struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// DeviceID is the device's existing ID, kept on re-enrollment so its
	// earlier events stay its own. Empty for a new device. The device a
	// code enrolled may redeem it again with its ID and RedemptionProof
	// while the code lasts (a lost reply): it gets a fresh token for the
	// same identity.
	DeviceID string `json:"device_id,omitempty"`
	// CasesCenter is the center of the cases a device made before it was
	// enrolled (a demo kept with --keep-cases), which it will send: a code
	// for another center is refused and stays unused, as those cases could
	// never be sent there. Empty when the device holds none.
	CasesCenter string `json:"cases_center,omitempty"`
	// FormerCodes are the short codes the device numbered cases with
	// before this enrollment: its demo identity's (a demo kept with
	// --keep-cases) and those of the platforms it was enrolled with
	// before. The platform takes a case number with one of them only
	// for a case dated on or before the day the device enrolled there
	// (sync/platform/casenumber.go). At most MaxFormerCodes.
	FormerCodes []string `json:"former_codes,omitempty"`
	// RedemptionProof proves that a code is redeemed again by the device
	// that used it: hex HMAC-SHA256 of the code under a secret only the
	// device holds (64 lower-case hex digits). The platform keeps its hash
	// with the code's use and lets the code be redeemed again (a lost
	// reply) only with the same proof; a code first used without one is
	// never redeemed again.
	RedemptionProof string `json:"redemption_proof,omitempty"`
}

// MaxFormerCodes bounds EnrollRequest.FormerCodes and the former codes a
// platform keeps per device.
const MaxFormerCodes = 16

// EnrollResponse tells a device who it is.
type EnrollResponse struct {
	DeviceID   string `json:"device_id"`
	Token      string `json:"token"`
	Role       string `json:"role"`
	Center     string `json:"center"`
	CenterName string `json:"center_name"`
	// ShortCode is unique in the center; it goes into case numbers.
	ShortCode      string       `json:"short_code"`
	ReceiptKeys    []ReceiptKey `json:"receipt_keys"`
	CatalogVersion int          `json:"catalog_version"`
}

// ReceiptKey is one of the center's AES-256 receipt keys. The newest is the
// one devices seal with; older ones still open receipts already printed.
type ReceiptKey struct {
	ID      string    `json:"id"`
	Key     []byte    `json:"key"` // 32 bytes, base64 in JSON
	Created time.Time `json:"created"`
}

// PushRequest carries up to MaxPush events from a device's outbox.
type PushRequest struct {
	Events []cases.Event `json:"events"`
}

// Push result statuses.
const (
	// Stored: the platform did not have the event and now does.
	Stored = "stored"
	// Duplicate: the platform had this event, with the same content.
	Duplicate = "duplicate"
	// Rejected: the platform has another event with this ID (other
	// content) and keeps it, or the event's case number is held by another
	// case of the center; Reason says which. An event that is malformed or
	// not the device's to send fails the whole push instead (an Error
	// with EventID), since no honest, up-to-date device sends one.
	Rejected = "rejected"
)

// PushResponse answers for every pushed event, in request order. It comes
// only when every event of the request passed the platform's checks.
type PushResponse struct {
	Results []PushResult `json:"results"`
}

// PushResult is the answer for one event.
type PushResult struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// PullResponse is one page of the center's change feed: events of every
// device of the center, in the platform's order, after the given cursor.
type PullResponse struct {
	Events []cases.Event `json:"events"`
	// Next is the cursor to ask with next time, opaque to devices (see
	// sync/platform/cursor.go); the request's position when the page is
	// empty.
	Next string `json:"next"`
	// More is set when further events are waiting after Next.
	More bool `json:"more"`
}

// Health answers GET /v1/health.
type Health struct {
	Status  string    `json:"status"` // "ok"
	Version string    `json:"version"`
	Time    time.Time `json:"time"`
}

// Error is the body of every 4xx and 5xx answer: one sentence saying what
// is wrong and what to do, and a stable code for programs.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"error"`
	// EventID names the event a refused push failed on (its ID as sent),
	// so the device parks that one event and pushes the rest again. The
	// sentence names it too, with its index in the request.
	EventID string `json:"event_id,omitempty"`
}

// Error codes.
const (
	CodeBadRequest   = "bad_request"
	CodeUnauthorized = "unauthorized"
	CodeRevoked      = "revoked"
	CodeTooLarge     = "too_large"
	CodeTooMany      = "too_many_events"
	CodeBadCode      = "bad_enrollment_code"
	CodeNotFound     = "not_found"
	CodeRateLimited  = "rate_limited"
	CodeInternal     = "internal"
	// CodeBadEvent answers a push with an event no honest, up-to-date
	// device makes (422): a malformed ID, a missing field, an unknown kind,
	// a payload that is not its kind's. Nothing of the request is stored.
	CodeBadEvent = "bad_event"
	// CodeForbiddenEvent answers a push with an event the device may not
	// send (403): another center's, another device's, or a kind its role
	// does not make. Nothing of the request is stored.
	CodeForbiddenEvent = "forbidden_event"
)

// CodeRequest asks the platform (admin) for a single-use enrollment code.
type CodeRequest struct {
	Center string `json:"center"` // 6-digit division code
	Role   string `json:"role"`   // kiosk or counter
	// TTL is how long the code stays valid; zero means 24 hours.
	TTL time.Duration `json:"ttl,omitempty"`
	// NewCenter opens a center the platform has not heard of (no
	// published catalog and no device names it). Without it such a code
	// is refused (CodeUnknownCenter), so a mistyped center cannot split a
	// center's devices in two.
	NewCenter bool `json:"new_center,omitempty"`
}

// CodeResponse carries a new enrollment code.
type CodeResponse struct {
	Code    string    `json:"code"`
	Center  string    `json:"center"`
	Role    string    `json:"role"`
	Expires time.Time `json:"expires"`
	// Warning is one sentence for the administrator when the code is
	// usable but something needs doing, else empty: the center has no
	// catalog of its own, so its devices get the default catalog and
	// print that center's name and address on their receipts.
	Warning string `json:"warning,omitempty"`
	// DefaultCatalogCenter is, when Warning is about the catalog, the
	// center whose catalog (the default) the code's devices get until the
	// center publishes its own; empty when no default is published either.
	DefaultCatalogCenter string `json:"default_catalog_center,omitempty"`
}

// Device is a device as the platform's admin sees it.
type Device struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	Center    string    `json:"center"`
	ShortCode string    `json:"short_code"`
	Enrolled  time.Time `json:"enrolled"`
	LastSeen  time.Time `json:"last_seen,omitzero"`
	Revoked   bool      `json:"revoked"`
	// FormerCodes are the short codes the device declared at enrollment
	// as the ones it numbered cases with before (EnrollRequest), oldest
	// first; none for most devices.
	FormerCodes []string `json:"former_codes,omitempty"`
}
