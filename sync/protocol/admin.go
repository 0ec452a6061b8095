package protocol

import "time"

// Added for the platform's admin calls and answers; the names above in
// protocol.go are unchanged.

// More error codes.
const (
	// CodeMethodNotAllowed answers a call made with the wrong HTTP method (405).
	CodeMethodNotAllowed = "method_not_allowed"
	// CodeStaleCatalog answers a catalog import whose version is not newer
	// than the one the platform serves (409).
	CodeStaleCatalog = "stale_catalog_version"
	// CodeUnknownCenter answers a code request for a center the platform
	// has not heard of, without CodeRequest.NewCenter (422).
	CodeUnknownCenter = "unknown_center"
	// CodeForbidden answers a call the caller's role may not make (403): a
	// kiosk asking for the staff list, an admin call on a platform started
	// without an admin token. CodeUnauthorized is for a missing or wrong
	// token (401) only.
	CodeForbidden = "forbidden"
	// CodeCursorAhead answers GET /v1/events with a cursor beyond the end of
	// the center's feed (409): the platform was restored from a backup
	// older than the device's last pull. The device reads the feed again
	// from the start (no cursor); applying events it holds already changes
	// nothing.
	CodeCursorAhead = "cursor_ahead"
	// CodeStorageDown answers any call (503) when the platform runs but
	// its storage (its bbolt file or PostgreSQL) does not answer: the
	// database is down or unreachable, or its connections were lost.
	// Devices try again later, as after any 5xx.
	CodeStorageDown = "storage_unavailable"
)

// The refusals of POST /v1/enroll with 409, each its own code so a device
// tells them apart without reading the sentence. The code stays unused.
const (
	// CodeOtherCenter: the device is enrolled in another center.
	CodeOtherCenter = "other_center"
	// CodeOtherRole: the device is enrolled in another role.
	CodeOtherRole = "other_role"
	// CodeCasesCenter: the cases the device made before enrollment
	// (EnrollRequest.CasesCenter) are another center's.
	CodeCasesCenter = "cases_center"
	// CodeShortCodesExhausted: the center has no short code left for the
	// code's role.
	CodeShortCodesExhausted = "short_codes_exhausted"
	// CodeDeviceActive: a new code names a device that is enrolled and
	// not revoked (its token works): an administrator revokes it first.
	CodeDeviceActive = "device_active"
)

// CatalogPublished answers POST /v1/admin/catalog.
type CatalogPublished struct {
	// Center is the catalog's own center; Default says it was published
	// as the catalog of every center that has none of its own.
	Center    string    `json:"center"`
	Default   bool      `json:"default"`
	Version   int       `json:"version"`
	Items     int       `json:"items"`
	Published time.Time `json:"published"`
}
