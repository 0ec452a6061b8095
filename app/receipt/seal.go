package receipt

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"fmt"
	"strings"

	"tongban/app/cases"
)

// Prefix starts every receipt string. It is QR alphanumeric, like Base45.
const Prefix = "TB1:"

// envelopeVersion is the first byte of the clear header. It repeats the
// digit of Prefix, which is what tells versions apart: a later format
// starts TB2:, so a changed header byte reads as an altered receipt, not
// as a newer one.
const envelopeVersion = 1

// nonceSize is AES-GCM's standard nonce. Nonces are random: a center
// prints far fewer than the 2^32 receipts per key where that gets risky.
const nonceSize = 12

// Seal encrypts plaintext under key and returns Prefix + Base45(header ‖
// nonce ‖ ciphertext and tag). The header, version byte then the key ID
// with its length, travels in the clear so any device can pick the key,
// and is authenticated as additional data, so it cannot be swapped.
func Seal(key Key, plaintext []byte) (string, error) {
	if !key.Valid() {
		return "", fmt.Errorf("%w (key %q)", ErrBadKey, key.ID)
	}
	aead, err := newAEAD(key)
	if err != nil {
		return "", err
	}
	// Header and nonce get storage of their own: AEAD.Seal forbids dst
	// overlapping the additional data.
	header := append([]byte{envelopeVersion, byte(len(key.ID))}, key.ID...)
	nonce := make([]byte, nonceSize)
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("making a receipt nonce: %w", err)
	}
	out := make([]byte, 0, len(header)+nonceSize+len(plaintext)+aead.Overhead())
	out = append(append(out, header...), nonce...)
	out = aead.Seal(out, nonce, plaintext, header)
	return Prefix + EncodeBase45(out), nil
}

// Open checks and decrypts a receipt string with whichever key of ring
// sealed it. Every failure is one of the sentinel errors: ErrNotReceipt,
// ErrNewerVersion, ErrBadBase45, ErrUnknownKey or ErrAltered (ErrBadKey
// only for a key that never passed Key.Valid). Line ends a
// scanner adds and lower case from a caps-lock keyboard are forgiven.
func Open(ring Keyring, s string) ([]byte, error) {
	s = upperASCII(strings.Trim(s, "\r\n\t"))
	body, ok := strings.CutPrefix(s, Prefix)
	if !ok {
		if len(s) >= 4 && s[:2] == "TB" && '1' < s[2] && s[2] <= '9' && s[3] == ':' {
			return nil, ErrNewerVersion
		}
		return nil, ErrNotReceipt
	}
	raw, err := DecodeBase45(body)
	if err != nil {
		return nil, err
	}
	if len(raw) < 2 {
		return nil, ErrBadBase45
	}
	idLen := int(raw[1])
	if raw[0] != envelopeVersion || idLen == 0 || idLen > MaxKeyIDLen {
		return nil, ErrAltered
	}
	if len(raw) < 2+idLen+nonceSize+16 {
		return nil, ErrBadBase45 // cut short
	}
	n := 2 + idLen
	key, ok := ring.Find(string(raw[2:n]))
	if !ok {
		return nil, ErrUnknownKey
	}
	aead, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	plain, err := aead.Open(nil, raw[n:n+nonceSize], raw[n+nonceSize:], raw[:n])
	if err != nil {
		return nil, ErrAltered
	}
	return plain, nil
}

// SealCase encodes a case's submitted event and seals it with the
// keyring's newest key: the string the receipt's QR code holds. Check the
// result with FitsQR before printing.
func SealCase(ring Keyring, e cases.Event) (string, error) {
	key, ok := ring.Newest()
	if !ok {
		return "", ErrNoKey
	}
	b, err := EncodeCase(e)
	if err != nil {
		return "", err
	}
	return Seal(key, b)
}

// OpenCase opens a receipt string and rebuilds the case's submitted event,
// identical to the one the kiosk stored.
func OpenCase(ring Keyring, s string) (cases.Event, error) {
	b, err := Open(ring, s)
	if err != nil {
		return cases.Event{}, err
	}
	e, err := DecodeCase(b)
	if err == ErrNewerVersion {
		return cases.Event{}, err
	}
	if err != nil {
		return cases.Event{}, ErrBadPayload
	}
	return e, nil
}

func newAEAD(key Key) (cipher.AEAD, error) {
	if len(key.Secret) != SecretSize {
		return nil, fmt.Errorf("%w (key %q)", ErrBadKey, key.ID)
	}
	block, err := aes.NewCipher(key.Secret)
	if err != nil {
		return nil, fmt.Errorf("%w (key %q): %v", ErrBadKey, key.ID, err)
	}
	return cipher.NewGCM(block)
}

// upperASCII undoes a caps-lock keyboard: a receipt typed all in lower
// case gets its upper case back (lower-case letters are never Base45). A
// string with letters of both cases is left alone, to fail as altered: a
// scanner inverts every letter or none, so a single lower-case letter is
// a changed character, not caps lock.
func upperASCII(s string) string {
	lower := strings.ContainsFunc(s, func(r rune) bool { return 'a' <= r && r <= 'z' })
	if !lower || strings.ContainsFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' }) {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
