package protocol

import "encoding/json"

// Staff sync: an administrator sends a center's clerks to the platform
// and every device of the center pulls the list. The platform never sees
// a PIN: the admin command hashes it (app/staff) and sends the clerk with
// its PIN hash, which the platform keeps as opaque JSON.

// Paths of the staff calls.
const (
	// PathStaff is GET /v1/staff?since=VERSION (device token): the
	// center's clerks when its staff version differs from since, else 304.
	PathStaff = "/v1/staff"
	// PathAdminStaff is POST (add or replace one clerk of a center) and
	// GET ?center=C (the center's list) with the admin token.
	PathAdminStaff = "/v1/admin/staff"
)

// HeaderStaffVersion carries the center's staff version on a GET
// /v1/staff answer, 200 or 304.
const HeaderStaffVersion = "X-Staff-Version"

// StaffResponse is a center's whole staff list, disabled clerks included
// so devices learn of disabling.
type StaffResponse struct {
	// Version rises by one with every change to the center's clerks; a
	// device sends it back as since.
	Version int `json:"version"`
	// Clerks are app/staff.Clerk records as JSON, ordered by staff ID.
	Clerks []json.RawMessage `json:"clerks"`
}

// StaffUpdate is the body of POST /v1/admin/staff: one clerk of a center,
// added or replacing the one with its staff ID.
type StaffUpdate struct {
	Center string `json:"center"` // 6-digit division code
	// Clerk is an app/staff.Clerk as JSON: a valid staff ID and a PIN hash.
	Clerk json.RawMessage `json:"clerk"`
}

// StaffUpdated answers POST /v1/admin/staff.
type StaffUpdated struct {
	Center  string `json:"center"`
	ID      string `json:"id"`
	Version int    `json:"version"` // the center's staff version after the change
}
