package platform

import (
	"fmt"
	"time"

	"tongban/sync/protocol"
)

// The rules of enrollment live here, as plain functions, so both storage
// implementations apply exactly the same ones inside their transactions.

// Check says whether a code can enroll a device at a time.
func (c Code) Check(at time.Time) error {
	switch {
	case !c.Used.IsZero():
		return ErrCodeUsed
	case !at.Before(c.Expires):
		return ErrCodeExpired
	}
	return nil
}

// Renew builds the device record an enrollment leaves behind, from the
// code and the device as stored before (nil for a new device). When
// needsShortCode is true the caller allocates the next short code of the
// role (NextShortCode) and sets it.
func Renew(e Enrollment, c Code, old *protocol.Device) (dev protocol.Device, needsShortCode bool, err error) {
	dev = protocol.Device{
		ID: e.DeviceID, Name: e.Name, Role: c.Role, Center: c.Center,
		Enrolled: e.At, LastSeen: e.At,
	}
	if old == nil {
		return dev, true, nil
	}
	if old.Center != c.Center {
		return protocol.Device{}, false, fmt.Errorf("%w (device %s is in center %s, the code is for %s)", ErrOtherCenter, old.ID, old.Center, c.Center)
	}
	if dev.Name == "" {
		dev.Name = old.Name
	}
	if old.Role == c.Role {
		dev.ShortCode = old.ShortCode
		return dev, false, nil
	}
	return dev, true, nil
}

// shortCodePrefix is the first letter of the short codes of a role.
func shortCodePrefix(role string) string {
	if role == protocol.RoleCounter {
		return "C"
	}
	return "K"
}

// MaxShortCodes is how many devices of one role a center can enroll.
const MaxShortCodes = 999

// NextShortCode formats the n-th short code (from 1) of a role: K01 … K99,
// then K100 … K999 for kiosks, C01 … for counters.
func NextShortCode(role string, n int) (string, error) {
	if n < 1 || n > MaxShortCodes {
		return "", ErrShortCodesExhausted
	}
	return fmt.Sprintf("%s%02d", shortCodePrefix(role), n), nil
}

// ShortCodeKey names the counter a store keeps per center and role.
func ShortCodeKey(center, role string) string { return center + "/" + shortCodePrefix(role) }

// ServedVersion is the version a PutCatalog must beat: for the default
// catalog the current default's, for a center its own catalog's, else the
// default's (which its devices get until it has its own).
func ServedVersion(center string, own, deflt int) int {
	if center != "" && own > 0 {
		return own
	}
	return deflt
}
