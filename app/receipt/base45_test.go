package receipt

import (
	"bytes"
	"errors"
	"testing"
)

// The examples of RFC 9285 section 4.
func TestBase45RFCVectors(t *testing.T) {
	for _, tc := range []struct{ plain, encoded string }{
		{"AB", "BB8"},
		{"Hello!!", "%69 VD92EX0"},
		{"base-45", "UJCLQE7W581"},
		{"ietf!", "QED8WEX0"},
		{"", ""},
		{"\xff\xff", "FGW"},
		{"\x00", "00"},
		{"\xff", "U5"},
	} {
		if got := EncodeBase45([]byte(tc.plain)); got != tc.encoded {
			t.Errorf("EncodeBase45(%q) = %q, want %q", tc.plain, got, tc.encoded)
		}
		got, err := DecodeBase45(tc.encoded)
		if err != nil || string(got) != tc.plain {
			t.Errorf("DecodeBase45(%q) = %q, %v; want %q", tc.encoded, got, err, tc.plain)
		}
	}
}

func TestBase45Invalid(t *testing.T) {
	for _, s := range []string{
		"GGW",    // 65536: more than two bytes hold
		":::",    // 91124, the largest triple
		"V5",     // 256: more than one byte holds
		"A",      // one character over
		"BB8A",   // one character over after a group
		"bb8",    // lower case is not in the alphabet
		"BB#",    // # is not in the alphabet
		"BB\x00", // nor is NUL
		"中文",     // nor is anything beyond ASCII
	} {
		if b, err := DecodeBase45(s); !errors.Is(err, ErrBadBase45) {
			t.Errorf("DecodeBase45(%q) = %q, %v; want ErrBadBase45", s, b, err)
		}
	}
}

func FuzzBase45(f *testing.F) {
	for _, s := range []string{"BB8", "%69 VD92EX0", "UJCLQE7W581", "QED8WEX0", "GGW", "A", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Decoding any string never panics, and a string that decodes is
		// the one encoding of its bytes.
		if b, err := DecodeBase45(s); err == nil {
			if back := EncodeBase45(b); back != s {
				t.Fatalf("EncodeBase45(DecodeBase45(%q)) = %q", s, back)
			}
		}
		// Any bytes survive encoding and decoding.
		b := []byte(s)
		got, err := DecodeBase45(EncodeBase45(b))
		if err != nil || !bytes.Equal(got, b) {
			t.Fatalf("DecodeBase45(EncodeBase45(%x)) = %x, %v", b, got, err)
		}
	})
}
