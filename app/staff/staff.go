// Package staff is the counter's clerks: who they are, their PINs (kept as
// slow hashes), and the lock that five wrong PINs put on a counter.
package staff

import (
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"regexp"
	"time"

	"tongban/app/cases"
)

// Clerk is a member of staff who may sign in at a counter.
type Clerk struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Windows []string `json:"windows,omitempty"` // counter windows they serve, e.g. A03
	Queues  []string `json:"queues,omitempty"`  // queue letters they call
	PIN     PINHash  `json:"pin"`
	// Disabled clerks cannot sign in; their past events keep their ID.
	Disabled bool `json:"disabled,omitempty"`
}

// PINHash is a PBKDF2-SHA256 hash of a PIN with its salt and cost. A PIN
// has few digits, so the hash is slow on purpose: a stolen store takes
// real work per guess, and the lock stops guessing at the counter.
type PINHash struct {
	Salt       []byte `json:"salt"`
	Iterations int    `json:"iterations"`
	Hash       []byte `json:"hash"`
}

// Iterations is the PBKDF2 cost of new PINs (OWASP's figure for SHA-256).
var Iterations = 600_000

var (
	idPattern  = regexp.MustCompile(`^[A-Za-z0-9_-]{1,16}$`)
	pinPattern = regexp.MustCompile(`^\d{4,8}$`)
)

// Sentinel errors, each a sentence for the clerk.
var (
	ErrBadID    = errors.New("工号只能是1至16位字母或数字。 A staff ID is 1 to 16 letters or digits")
	ErrBadPIN   = errors.New("密码应为4至8位数字。 A PIN is 4 to 8 digits")
	ErrWrongPIN = errors.New("工号或密码不对，请重试。 The staff ID or PIN is wrong; try again")
	ErrDisabled = errors.New("此工号已停用，请联系管理员。 This staff ID is disabled; ask the administrator")
)

// New makes a clerk with a hashed PIN.
func New(id, name, pin string) (Clerk, error) {
	if !idPattern.MatchString(id) {
		return Clerk{}, ErrBadID
	}
	h, err := HashPIN(pin)
	if err != nil {
		return Clerk{}, err
	}
	return Clerk{ID: id, Name: name, PIN: h}, nil
}

// CheckInput says whether a staff ID and a PIN have the form New gives
// them, before any clerk is looked up: input of another form signs nobody
// in, so a counter need not count it as a wrong PIN.
func CheckInput(id, pin string) error {
	if !idPattern.MatchString(id) {
		return ErrBadID
	}
	if !pinPattern.MatchString(pin) {
		return ErrBadPIN
	}
	return nil
}

// HashPIN hashes a PIN with a fresh salt.
func HashPIN(pin string) (PINHash, error) {
	if !pinPattern.MatchString(pin) {
		return PINHash{}, ErrBadPIN
	}
	salt := make([]byte, 16)
	rand.Read(salt)
	h, err := pbkdf2.Key(sha256.New, pin, salt, Iterations, 32)
	if err != nil {
		return PINHash{}, err
	}
	return PINHash{Salt: salt, Iterations: Iterations, Hash: h}, nil
}

// Check compares a PIN with the clerk's hash in constant time.
func (c Clerk) Check(pin string) error {
	if c.Disabled {
		return ErrDisabled
	}
	if c.PIN.Iterations <= 0 || len(c.PIN.Salt) == 0 {
		return ErrWrongPIN
	}
	h, err := pbkdf2.Key(sha256.New, pin, c.PIN.Salt, c.PIN.Iterations, len(c.PIN.Hash))
	if err != nil || subtle.ConstantTimeCompare(h, c.PIN.Hash) != 1 {
		return ErrWrongPIN
	}
	return nil
}

// Lock counts wrong PINs at one counter. It is stored with the device, so
// restarting the program does not reset it.
type Lock struct {
	Failures int       `json:"failures"`
	Until    time.Time `json:"until,omitzero"`
}

// Lock policy: five wrong PINs in a row lock the counter for five minutes.
const (
	MaxFailures = 5
	LockFor     = 5 * time.Minute
)

// LockedError says how long the counter stays locked.
type LockedError struct{ Until time.Time }

// Error tells the time in China Standard Time, as every clock of the
// counter does, whatever the machine's own time zone.
func (e *LockedError) Error() string {
	until := e.Until.In(cases.Zone).Format("15:04:05")
	return fmt.Sprintf("密码错误次数过多，柜台已锁定至%s。 Too many wrong PINs: the counter is locked until %s", until, until)
}

// Check returns a LockedError while the lock holds.
func (l Lock) Check(now time.Time) error {
	if now.Before(l.Until) {
		return &LockedError{Until: l.Until}
	}
	return nil
}

// Record returns the lock after a sign-in attempt: a success clears it,
// the fifth failure in a row locks for LockFor.
func (l Lock) Record(ok bool, now time.Time) Lock {
	if ok {
		return Lock{}
	}
	if !l.Until.IsZero() && !now.Before(l.Until) {
		l = Lock{} // the last lock ran out: count afresh
	}
	l.Failures++
	if l.Failures >= MaxFailures {
		l.Until = now.Add(LockFor)
	}
	return l
}
