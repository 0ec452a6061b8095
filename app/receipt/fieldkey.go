package receipt

import (
	"encoding/binary"
	"slices"

	"tongban/app/catalog"
)

// Field keys are written apart from other text: they are catalog keys,
// lowercase snake_case, and three of them are in every case. A key's
// uvarint header is 0 for a key written as text (any other key), 1 + the
// index of a reserved key, or keyPacked + length for a snake_case key
// packed three characters in two bytes.
var reservedKeys = []string{catalog.FieldName, catalog.FieldIDNumber, catalog.FieldPhone}

// keyAlphabet holds lowercase snake_case.
const keyAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz_"

var keyValue = alphabetIndex(keyAlphabet)

const keyPacked = 1 + 3 // after the escape and the reserved keys

func appendKey(b []byte, k string) []byte {
	if i := slices.Index(reservedKeys, k); i >= 0 {
		return append(b, byte(1+i))
	}
	if k == "" || !inAlphabet(k, &keyValue) {
		return appendText(append(b, 0), k)
	}
	b = binary.AppendUvarint(b, uint64(keyPacked+len(k)))
	return appendBase40(b, k, &keyValue)
}

// key reads what appendKey wrote.
func (r *reader) key() string {
	h := r.uvarint()
	switch {
	case r.err != nil:
		return ""
	case h == 0:
		return r.text()
	case h < keyPacked:
		return reservedKeys[h-1]
	}
	return r.base40(h-keyPacked, keyAlphabet)
}
