package store

import (
	"crypto/rand"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// Identity is who this device is. Before enrollment a device names itself
// (an X short code); enrollment replaces that with the platform's.
type Identity struct {
	DeviceID  string `json:"device_id"`
	Name      string `json:"name,omitempty"`
	Role      string `json:"role"` // kiosk or counter
	Center    string `json:"center"`
	ShortCode string `json:"short_code"`
	// Platform and Token are set by enrollment.
	Platform string `json:"platform,omitempty"`
	Token    string `json:"token,omitempty"`
	CA       string `json:"ca,omitempty"` // PEM of a private CA for the platform, if any
	// NeedsEnrollment is set when the platform refused the token (401):
	// the device keeps its data and waits for a new enrollment code.
	NeedsEnrollment bool `json:"needs_enrollment,omitempty"`
}

// Enrolled reports whether the device has a platform to sync with.
func (id Identity) Enrolled() bool { return id.Platform != "" && id.Token != "" }

var keyIdentity = []byte("identity")

// unambiguous are the characters of self-chosen short codes: no 0/O, 1/I.
const unambiguous = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

// demoCodeChars is how many of them follow the X of a demo identity's
// short code: 32³ = 32,768 codes, so ten demo kiosks of one center share
// one with a chance of about 1 in 730 (two characters gave 1 in 23). An
// identity made before keeps its code.
const demoCodeChars = 3

func initIdentity(tx *bolt.Tx, opts Options) error {
	if tx.Bucket(bucketMeta).Get(keyIdentity) != nil {
		return nil
	}
	role := opts.Role
	if role == "" {
		role = "kiosk"
	}
	code := "X"
	b := make([]byte, demoCodeChars)
	rand.Read(b)
	for _, c := range b {
		code += string(unambiguous[int(c)%len(unambiguous)]) // 256 is a multiple of 32: uniform
	}
	return putJSON(tx.Bucket(bucketMeta), keyIdentity, Identity{
		DeviceID: cases.NewID(), Role: role, Center: opts.Center, ShortCode: code,
	})
}

// Identity returns the device's identity.
func (s *Store) Identity() (id Identity, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		id, err = identity(tx)
		return err
	})
	return id, err
}

// SetIdentity replaces the device's identity (enrollment, re-enrollment).
func (s *Store) SetIdentity(id Identity) error {
	if !cases.ValidShortCode(id.ShortCode) {
		return fmt.Errorf("short code %q is not 2 to 4 capitals or digits", id.ShortCode)
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketMeta), keyIdentity, id)
	})
}

func identity(tx *bolt.Tx) (Identity, error) {
	var id Identity
	err := getJSON(tx.Bucket(bucketMeta), keyIdentity, &id)
	return id, err
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

func getJSON(b *bolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("the store's %s record is damaged: %w", key, err)
	}
	return nil
}
