package staff

import (
	"errors"
	"fmt"
)

// ErrBadPINHash is returned for a clerk record whose PIN hash cannot be
// checked against: one that came from the platform or a file damaged, or
// made by hand without a PIN.
var ErrBadPINHash = errors.New("该工号没有可用的密码摘要，请重新设置密码。 This clerk has no usable PIN hash; set the PIN again")

// MaxIterations bounds the PBKDF2 cost a clerk record may ask for: a
// record from elsewhere must not make every sign-in at a counter hang.
const MaxIterations = 10_000_000

// Valid checks a clerk record that was not made here by New (one synced
// from the platform, or sent to it): a valid staff ID and a PIN hash that
// Check can use at a bearable cost.
func (c Clerk) Valid() error {
	if !idPattern.MatchString(c.ID) {
		return ErrBadID
	}
	h := c.PIN
	switch {
	case h.Iterations <= 0 || h.Iterations > MaxIterations:
		return fmt.Errorf("%w (cost %d, allowed 1 to %d)", ErrBadPINHash, h.Iterations, MaxIterations)
	case len(h.Salt) < 8 || len(h.Salt) > 64:
		return fmt.Errorf("%w (salt of %d bytes, want 8 to 64)", ErrBadPINHash, len(h.Salt))
	case len(h.Hash) < 16 || len(h.Hash) > 64:
		return fmt.Errorf("%w (hash of %d bytes, want 16 to 64)", ErrBadPINHash, len(h.Hash))
	}
	return nil
}
