package platform

import (
	"crypto/subtle"
	"fmt"
	"slices"
	"time"

	"tongban/sync/protocol"
)

// The rules of enrollment live here, as plain functions, so both storage
// implementations apply exactly the same ones inside their transactions.

// Check says whether a code can enroll a device at a time. A code is used
// once, but the device it enrolled may redeem it again while it lasts: a
// device whose enrollment reply was lost (killed, or the network dropped
// it after the platform committed) tries again with the same code, its
// own ID and the same redemption proof, and gets a fresh token for the
// same identity (Renew refuses a device revoked since). The ID alone is no
// proof: device IDs are public within a center (the feed, GET
// /v1/devices), so anyone holding a used code could take the device's
// identity with it. A code first used without a proof is never redeemed
// again.
func (c Code) Check(at time.Time, deviceID, proofHash string) error {
	switch {
	case !c.Used.IsZero() && !c.redeemableBy(deviceID, proofHash):
		return ErrCodeUsed
	case !at.Before(c.Expires):
		return ErrCodeExpired
	}
	return nil
}

// redeemableBy reports whether a used code may be redeemed again by a
// device with a proof's hash: the device that used it, with its proof.
func (c Code) redeemableBy(deviceID, proofHash string) bool {
	return c.UsedBy == deviceID && c.UsedProof != "" &&
		subtle.ConstantTimeCompare([]byte(c.UsedProof), []byte(proofHash)) == 1
}

// Renew builds the device record an enrollment leaves behind, from the
// code and the device as stored before (nil for a new device). A new
// device gets its short code from allocate (the storage's next short code
// of the role in the center, NextShortCode), called only then. A code
// used already (by this device, Check saw to that) renews the device only
// while it is not revoked: a revocation stands against the code that
// enrolled the device. A new code renews a device only once it is revoked
// (ErrDeviceActive).
func Renew(e Enrollment, c Code, old *protocol.Device, allocate func(center, role string) (string, error)) (protocol.Device, error) {
	if e.CasesCenter != "" && e.CasesCenter != c.Center {
		return protocol.Device{}, fmt.Errorf("%w (they are center %s's, the code is for %s)", ErrCasesCenter, e.CasesCenter, c.Center)
	}
	if !c.Used.IsZero() && (old == nil || old.Revoked) {
		return protocol.Device{}, ErrCodeUsed
	}
	dev := protocol.Device{
		ID: e.DeviceID, Name: e.Name, Role: c.Role, Center: c.Center,
		Enrolled: e.At, LastSeen: e.At,
	}
	if old == nil {
		var err error
		if dev.ShortCode, err = allocate(c.Center, c.Role); err != nil {
			return protocol.Device{}, err
		}
		dev.FormerCodes = MergeFormerCodes(nil, e.FormerCodes, dev.ShortCode)
		return dev, nil
	}
	if old.Center != c.Center {
		return protocol.Device{}, fmt.Errorf("%w (device %s is in center %s, the code is for %s)", ErrOtherCenter, old.ID, old.Center, c.Center)
	}
	if old.Role != c.Role {
		return protocol.Device{}, fmt.Errorf("%w (device %s is a %s, %s; the code is for a %s)", ErrOtherRole, old.ID, old.Role, old.ShortCode, c.Role)
	}
	if c.Used.IsZero() && !old.Revoked {
		return protocol.Device{}, fmt.Errorf("%w as %s %s; to enroll it again, an administrator revokes it first (tongban platform devices --revoke %s --center %s --url PLATFORM --token ADMIN), or, for a copy of another's disk, enroll from an empty data folder",
			ErrDeviceActive, old.Role, old.ShortCode, old.ShortCode, old.Center)
	}
	if dev.Name == "" {
		dev.Name = old.Name
	}
	dev.ShortCode = old.ShortCode
	dev.FormerCodes = MergeFormerCodes(old.FormerCodes, e.FormerCodes, dev.ShortCode)
	return dev, nil
}

// MergeFormerCodes adds the former codes an enrollment declared to those
// the device had, oldest first, each once, without the device's current
// short code (which numbers its cases on any date anyway), keeping the
// newest protocol.MaxFormerCodes. Nil for none, so both storages read
// back what they were given.
func MergeFormerCodes(had, declared []string, current string) []string {
	var out []string
	for _, c := range slices.Concat(had, declared) {
		if c != current && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if len(out) > protocol.MaxFormerCodes {
		out = out[len(out)-protocol.MaxFormerCodes:]
	}
	return out
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
