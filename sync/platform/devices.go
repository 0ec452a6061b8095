package platform

import (
	"fmt"
	"strconv"
	"time"

	"tongban/sync/protocol"
)

// The rules of enrollment live here, as plain functions, so both storage
// implementations apply exactly the same ones inside their transactions.

// Check says whether a code can enroll a device at a time. A code is used
// once, but the device it enrolled may redeem it again while it lasts: a
// device whose enrollment reply was lost (killed, or the network dropped
// it after the platform committed) tries again with the same code and its
// own ID, and gets a fresh token for the same identity (Renew refuses a
// device revoked since).
func (c Code) Check(at time.Time, deviceID string) error {
	switch {
	case !c.Used.IsZero() && c.UsedBy != deviceID:
		return ErrCodeUsed
	case !at.Before(c.Expires):
		return ErrCodeExpired
	}
	return nil
}

// Renew builds the device record an enrollment leaves behind, from the
// code and the device as stored before (nil for a new device). When
// needsShortCode is true the caller allocates the next short code of the
// role (NextShortCode) and sets it. A code used already (by this device,
// Check saw to that) renews the device only while it is not revoked: a
// revocation stands against the code that enrolled the device.
func Renew(e Enrollment, c Code, old *protocol.Device) (dev protocol.Device, needsShortCode bool, err error) {
	if e.CasesCenter != "" && e.CasesCenter != c.Center {
		return protocol.Device{}, false, fmt.Errorf("%w (they are center %s's, the code is for %s)", ErrCasesCenter, e.CasesCenter, c.Center)
	}
	if !c.Used.IsZero() && (old == nil || old.Revoked) {
		return protocol.Device{}, false, ErrCodeUsed
	}
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
	if old.Role != c.Role {
		return protocol.Device{}, false, fmt.Errorf("%w (device %s is a %s, %s; the code is for a %s)", ErrOtherRole, old.ID, old.Role, old.ShortCode, c.Role)
	}
	if dev.Name == "" {
		dev.Name = old.Name
	}
	dev.ShortCode = old.ShortCode
	return dev, false, nil
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

// platformShortCode reports whether a short code has the form
// NextShortCode gives (K01 … K999, C01 … C999), so a device of a center
// may hold it; a device's self-chosen demo code (X7K) never has.
func platformShortCode(code string) bool {
	if len(code) < 3 || len(code) > 4 || (code[0] != 'K' && code[0] != 'C') || !digitsOnly(code[1:]) {
		return false
	}
	n, _ := strconv.Atoi(code[1:])
	c, err := NextShortCode(protocol.RoleKiosk, n)
	return err == nil && c[1:] == code[1:]
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
