package receipt

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"time"
)

// SecretSize is the length of a receipt key's secret: AES-256.
const SecretSize = 32

// MaxKeyIDLen bounds a key ID, which every receipt carries in the clear;
// each byte costs one and a half QR characters.
const MaxKeyIDLen = 16

// keyIDAlphabet has no 0/O or 1/I, so an ID read aloud or off paper is
// copied right.
const keyIDAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

// Key is one of a center's receipt keys. Its JSON is the shape of
// protocol.ReceiptKey ({"id", "key" in base64, "created"}), so keys issued
// by the platform and keys a device made itself are one format.
type Key struct {
	ID      string    `json:"id"`
	Secret  []byte    `json:"key"`
	Created time.Time `json:"created"`
}

// Keyring is every receipt key a device holds. The newest seals; any
// opens, so receipts printed before a key rotated still open. (A key
// taken in with tongban keys import is made the newest: see SealWith.)
type Keyring []Key

// NewKey makes a fresh center key for a device that is not enrolled: a
// random secret and a random four-character ID.
func NewKey() (Key, error) {
	k := Key{Secret: make([]byte, SecretSize), Created: time.Now().UTC().Truncate(time.Second)}
	if _, err := rand.Read(k.Secret); err != nil {
		return Key{}, fmt.Errorf("making a receipt key: %w", err)
	}
	id := make([]byte, 4)
	if _, err := rand.Read(id); err != nil {
		return Key{}, fmt.Errorf("making a receipt key: %w", err)
	}
	for i, b := range id {
		id[i] = keyIDAlphabet[int(b)%len(keyIDAlphabet)] // 256 is a multiple of 32: no bias
	}
	k.ID = string(id)
	return k, nil
}

// Valid reports whether k can seal and open: a short ID of letters,
// digits, - or _, and a 32-byte secret.
func (k Key) Valid() bool {
	if len(k.Secret) != SecretSize || k.ID == "" || len(k.ID) > MaxKeyIDLen {
		return false
	}
	for i := range len(k.ID) {
		c := k.ID[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// Newest returns the key that seals: the latest created, and of keys
// created at the same time the last listed.
func (r Keyring) Newest() (Key, bool) {
	best := -1
	for i, k := range r {
		if best < 0 || !k.Created.Before(r[best].Created) {
			best = i
		}
	}
	if best < 0 {
		return Key{}, false
	}
	return r[best], true
}

// SealWith returns a copy of r in which the key id is the newest, so it
// seals: dated at, or a second after the newest key if that is later.
// tongban keys import uses it, as a device that takes in a center's keys
// joins that center and must seal as its other devices do, whichever key
// it made first. Other devices keep the key's own date; only the order
// on this device matters.
func (r Keyring) SealWith(id string, at time.Time) Keyring {
	out := append(Keyring(nil), r...)
	i := -1
	for j, k := range out {
		if k.ID == id {
			i = j
		}
	}
	if i < 0 {
		return out
	}
	if newest, _ := out.Newest(); newest.ID != id {
		out[i].Created = at.UTC().Truncate(time.Second)
		if !newest.Created.Before(out[i].Created) {
			out[i].Created = newest.Created.Add(time.Second)
		}
	}
	return out
}

// Find returns the key with the given ID.
func (r Keyring) Find(id string) (Key, bool) {
	for _, k := range r {
		if k.ID == id {
			return k, true
		}
	}
	return Key{}, false
}

// Merge returns r with the keys of other it lacks appended, and how many
// were added. Existing keys are kept as they are; a key of other with an
// ID r already has but another secret is ErrKeyClash, and nothing merges.
func (r Keyring) Merge(other Keyring) (Keyring, int, error) {
	out := append(Keyring(nil), r...)
	added := 0
	for _, k := range other {
		if !k.Valid() {
			return r, 0, fmt.Errorf("%w (key %q)", ErrBadKey, k.ID)
		}
		have, ok := out.Find(k.ID)
		switch {
		case !ok:
			out = append(out, k)
			added++
		case !bytes.Equal(have.Secret, k.Secret):
			return r, 0, fmt.Errorf("%w (key %q)", ErrKeyClash, k.ID)
		}
	}
	return out, added, nil
}

// MarshalKeyring writes r as indented JSON, a list of {"id", "key",
// "created"}: the file `tongban keys export` writes and the store setting
// receipt/keys holds.
func MarshalKeyring(r Keyring) ([]byte, error) {
	for _, k := range r {
		if !k.Valid() {
			return nil, fmt.Errorf("%w (key %q)", ErrBadKey, k.ID)
		}
	}
	if r == nil {
		r = Keyring{}
	}
	return json.MarshalIndent(r, "", "  ")
}

// ParseKeyring reads what MarshalKeyring wrote (or the platform's list of
// receipt keys), checks every key, and drops exact repeats; two keys with
// one ID and different secrets are ErrKeyClash.
func ParseKeyring(data []byte) (Keyring, error) {
	var r Keyring
	if json.Unmarshal(data, &r) != nil {
		return nil, ErrNotKeyFile // the decoder's words name Go types, not what a person gave
	}
	out, _, err := Keyring(nil).Merge(r)
	return out, err
}
