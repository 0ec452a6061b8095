// Package scan turns what a counter's scanner reads — a keyboard-mode
// scanner's typing, a serial scanner's line, a decoded camera frame or
// image — into the case on screen. All of them end in Opener.Open.
package scan

import (
	"errors"
	"fmt"
	"strings"

	"tongban/app/cases"
	"tongban/app/receipt"
)

// KeysSetting is the store setting holding the center's receipt keys, as
// JSON of a receipt.Keyring (the shape enrollment writes too).
const KeysSetting = "receipt/keys"

// Store is what opening needs from the device's store.
type Store interface {
	Case(id string) (*cases.Case, error)
	ByNumber(number string) (*cases.Case, error)
	Import(events []cases.Event, fromReceipt bool) ([]*cases.Case, error)
}

// Opener opens scanned receipts against a store.
type Opener struct {
	Store Store
	// Keys returns the center's receipt keys.
	Keys func() (receipt.Keyring, error)
}

// ErrNothing is returned for input with neither a receipt nor a number.
var ErrNothing = errors.New("扫描内容不是通办回执或案件编号，请重新扫描。 The scan is neither a Tongban receipt nor a case number; scan again")

// Open returns the case a scan names. A sealed receipt whose case this
// device does not have yet is imported from the receipt itself (it is then
// marked as from the receipt until the platform confirms it); a case
// number is looked up.
func (o *Opener) Open(input string) (*cases.Case, error) {
	return o.open(input, true)
}

// Peek is Open without the import: a public kiosk shows a citizen the case
// their receipt carries without keeping a copy of it.
func (o *Opener) Peek(input string) (*cases.Case, error) {
	return o.open(input, false)
}

func (o *Opener) open(input string, keep bool) (*cases.Case, error) {
	payload, ok := Payload(input)
	if !ok {
		if n, err := cases.NormalizeNumber(strings.TrimSpace(input)); err == nil {
			c, err := o.Store.ByNumber(n)
			if errors.Is(err, cases.ErrNotFound) {
				return nil, &noCase{n}
			}
			return c, err
		}
		return nil, ErrNothing
	}
	ring, err := o.Keys()
	if err != nil {
		return nil, err
	}
	e, err := openTrimmed(ring, payload)
	if err != nil {
		return nil, err
	}
	c, err := o.Store.Case(e.CaseID)
	if err == nil {
		return c, nil
	}
	if !errors.Is(err, cases.ErrNotFound) {
		return nil, err
	}
	if !keep {
		c, err := cases.Fold([]cases.Event{e})
		if err == nil {
			c.Sync.FromReceipt = true
		}
		return c, err
	}
	if _, err := o.Store.Import([]cases.Event{e}, true); err != nil {
		return nil, fmt.Errorf("the receipt opened but its case could not be saved: %w", err)
	}
	return o.Store.Case(e.CaseID)
}

// maxSuffix is how many stray characters a scanner may add after a
// receipt (a check character, a symbology suffix such as "#" or "~").
const maxSuffix = 3

// openTrimmed opens a receipt, and when that fails, the receipt without
// its last one, two or three characters: a scanner's stray suffix. Each
// try is checked by the seal, so a wrong cut never opens.
func openTrimmed(ring receipt.Keyring, payload string) (cases.Event, error) {
	e, err := receipt.OpenCase(ring, payload)
	if err == nil || !(errors.Is(err, receipt.ErrBadBase45) || errors.Is(err, receipt.ErrAltered)) {
		return e, err
	}
	for n := 1; n <= maxSuffix && len(payload)-n > len(receipt.Prefix); n++ {
		if e, err2 := receipt.OpenCase(ring, payload[:len(payload)-n]); err2 == nil {
			return e, nil
		}
	}
	return e, err
}

// noCase is a case number this device does not hold.
type noCase struct{ number string }

func (e *noCase) Error() string {
	return fmt.Sprintf("本机没有案件 %[1]s，请核对编号，或同步后再试。 No case %[1]s on this device; check the number, or sync and try again.", e.number)
}

func (e *noCase) Unwrap() error { return cases.ErrNotFound }

// Payload finds a sealed receipt in scanner input: scanners may add a
// symbology prefix (]Q1), a suffix (CR, LF, Tab) or type in caps lock.
func Payload(input string) (string, bool) {
	i := strings.Index(strings.ToUpper(input), receipt.Prefix)
	if i < 0 {
		return "", false
	}
	return strings.TrimRight(input[i:], "\r\n\t"), true
}
