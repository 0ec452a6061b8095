package platform

import (
	"errors"
	"fmt"
)

// Sentinel errors of the platform and its storage, each one sentence saying
// what is wrong and what to do. Storage implementations return them
// (wrapped or not) so the server can answer with the right status.
var (
	// ErrNotFound is returned for a device, code or catalog that is not there.
	ErrNotFound = errors.New("no such record on the platform")
	// ErrCodeUnknown is returned for an enrollment code the platform never issued.
	ErrCodeUnknown = errors.New("this enrollment code is unknown; check it for typing mistakes or ask the platform administrator for a new one")
	// ErrCodeUsed is returned for an enrollment code that already enrolled a device.
	ErrCodeUsed = errors.New("this enrollment code has already been used; each code enrolls one device, ask the platform administrator for a new one")
	// ErrCodeExpired is returned for an enrollment code past its expiry.
	ErrCodeExpired = errors.New("this enrollment code has expired; ask the platform administrator for a new one")
	// ErrOtherCenter is returned when a device enrolled in one center tries
	// to re-enroll with a code for another.
	ErrOtherCenter = errors.New("this device is enrolled in another center; use a code for that center, or reset the device's data folder to move it")
	// ErrCasesCenter is returned when a device enrolls with cases made
	// before enrollment (a demo it keeps) of another center than the code's.
	ErrCasesCenter = errors.New("the cases this device made before enrollment belong to another center, where they could never be sent from a device of this one; use a code for their center, or enroll from an empty data folder")
	// ErrOtherRole is returned when a device enrolled in one role tries to
	// re-enroll with a code for another: its past work would then read as
	// done by a device of the other role (a kiosk that accepted cases).
	ErrOtherRole = errors.New("this device is enrolled in another role; use a code for that role, or enroll the device from an empty data folder, which makes it a new device, to give it the other role")
	// ErrDeviceActive is returned when a new code names a device that is
	// enrolled and not revoked: whoever knows a device's ID (the center's
	// devices see it, and so does a copy of its disk) would otherwise take
	// its identity, its short code and its token with any code of its
	// center and role, and two machines would number cases alike.
	ErrDeviceActive = errors.New("this device is enrolled and in use on this platform")
	// ErrShortCodesExhausted is returned when a center has used every short code of a role.
	ErrShortCodesExhausted = errors.New("this center has no free device short code left for this role; revoke and reuse devices or split the center")
	// ErrCatalogVersion is returned for a catalog whose version is not newer
	// than the one the platform serves.
	ErrCatalogVersion = errors.New("the catalog's version is not newer than the one the platform serves; raise its version and import it again")
	// ErrCursorAhead is returned by Storage.Pull (as a *CursorError) for a
	// cursor beyond the end of the center's feed.
	ErrCursorAhead = errors.New("the device's feed cursor is beyond the end of the platform's feed; the platform was probably restored from a backup, so read the feed again from the start")
	// ErrClosed is returned by a storage after Close.
	ErrClosed = errors.New("the platform storage is closed")
)

// VersionError says which catalog version a refused import had to beat.
type VersionError struct {
	Have int // the version the platform serves now
	Got  int // the version of the refused catalog
}

// Error says which version to beat, in one sentence.
func (e *VersionError) Error() string {
	return fmt.Sprintf("the catalog's version %d is not newer than version %d that the platform serves; raise its version above %d and import it again", e.Got, e.Have, e.Have)
}

// Is makes errors.Is(err, ErrCatalogVersion) true.
func (e *VersionError) Is(target error) bool { return target == ErrCatalogVersion }

// CursorError says how far a pull's cursor is beyond the end of a feed:
// the platform's feed is behind the device, as after a restore from a
// backup older than the device's last pull.
type CursorError struct {
	After uint64 // the cursor asked with
	End   uint64 // the last sequence number the feed has handed out
}

// Error says what happened and what the device does, in one sentence.
func (e *CursorError) Error() string {
	return fmt.Sprintf("the feed cursor %d is beyond the end of this platform's feed (%d): the platform's feed is behind the device's cursor (restored from a backup?), so the device reads the feed again from the start", e.After, e.End)
}

// Is makes errors.Is(err, ErrCursorAhead) true.
func (e *CursorError) Is(target error) bool { return target == ErrCursorAhead }
