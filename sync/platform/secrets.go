package platform

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"

	"tongban/sync/protocol"
)

// Tokens and enrollment codes are random and only their SHA-256 is kept:
// with 256 and 60 bits of entropy a salted slow hash would add nothing, and
// a plain hash lets a token be looked up with one index read.

// codeAlphabet has no 0/O, 1/I/L, so a code read aloud or typed from
// paper survives; 12 characters carry 60 bits.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// newToken returns a fresh device token.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return "tb_" + base64.RawURLEncoding.EncodeToString(b)
}

// HashSecret is the stored form of a token or an enrollment code.
func HashSecret(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// newCode returns a fresh enrollment code, grouped as XXXX-XXXX-XXXX.
func newCode() string {
	var sb strings.Builder
	for i := range 12 {
		if i > 0 && i%4 == 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(codeAlphabet[randIndex(len(codeAlphabet))])
	}
	return sb.String()
}

// normalizeCode accepts a code as a person types it: any case, with or
// without dashes and spaces.
func normalizeCode(s string) string {
	s = strings.ToUpper(s)
	var sb strings.Builder
	for _, r := range s {
		if r == '-' || r == ' ' {
			continue
		}
		if sb.Len() > 0 && sb.Len()%5 == 4 {
			sb.WriteByte('-')
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// randIndex returns a uniform random number below n (n ≤ 256) by
// rejection sampling, so no character is likelier than another.
func randIndex(n int) int {
	limit := 256 - 256%n
	var b [1]byte
	for {
		rand.Read(b[:])
		if int(b[0]) < limit {
			return int(b[0]) % n
		}
	}
}

// newReceiptKey makes a 32-byte AES-256 key with a short random ID. The ID
// travels in the clear header of every receipt, so it is 4 characters:
// enough to tell a center's few keys apart.
func newReceiptKey(now time.Time) protocol.ReceiptKey {
	key := make([]byte, 32)
	rand.Read(key)
	id := make([]byte, 4)
	for i := range id {
		id[i] = codeAlphabet[randIndex(len(codeAlphabet))]
	}
	return protocol.ReceiptKey{ID: string(id), Key: key, Created: now.UTC()}
}
