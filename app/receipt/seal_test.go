package receipt

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func testKey(t testing.TB, id string, created time.Time) Key {
	t.Helper()
	k, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	k.ID, k.Created = id, created
	return k
}

func TestSealCaseOpens(t *testing.T) {
	e := kioskEvent(t, sampleSubmission())
	ring := Keyring{testKey(t, "K2AB", time.Unix(100, 0))}
	s, err := SealCase(ring, e)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s, Prefix) || strings.Trim(s[len(Prefix):], base45Alphabet) != "" {
		t.Fatalf("receipt %q is not TB1: and Base45", s)
	}
	for _, scanned := range []string{s, s + "\r\n", strings.ToLower(s), s + "\n"} {
		got, err := OpenCase(ring, scanned)
		if err != nil {
			t.Fatalf("OpenCase(%q): %v", scanned, err)
		}
		if got.Digest() != e.Digest() {
			t.Fatalf("opened event differs from the sealed one")
		}
	}
	t.Logf("sample case: %d characters", len(s))
}

// A phone that scans the code sees the key ID and ciphertext, nothing of
// the applicant.
func TestSealedStringHidesTheCase(t *testing.T) {
	e := kioskEvent(t, sampleSubmission())
	s, err := SealCase(Keyring{testKey(t, "K2AB", time.Time{})}, e)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := DecodeBase45(s[len(Prefix):])
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range sampleSubmission().Fields {
		gb, _ := simplifiedchinese.GB18030.NewEncoder().String(v)
		for _, form := range []string{v, gb, string(appendText(nil, v))} {
			if len(form) >= 4 && (bytes.Contains(raw, []byte(form)) || strings.Contains(s, form)) {
				t.Errorf("the receipt shows %q in the clear", v)
			}
		}
	}
}

func TestKeysRotate(t *testing.T) {
	old := testKey(t, "OLD2", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	cur := testKey(t, "NEW2", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	ring := Keyring{cur, old} // order does not pick the sealing key; Created does
	e := kioskEvent(t, sampleSubmission())

	printed, err := SealCase(Keyring{old}, e) // printed before the rotation
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenCase(ring, printed); err != nil {
		t.Errorf("a receipt sealed with the older key does not open: %v", err)
	}
	fresh, err := SealCase(ring, e)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenCase(Keyring{cur}, fresh); err != nil {
		t.Errorf("SealCase did not use the newest key: %v", err)
	}
	if _, err := OpenCase(Keyring{old}, fresh); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("a device with only the old key: %v, want ErrUnknownKey", err)
	}
	if _, err := SealCase(nil, e); !errors.Is(err, ErrNoKey) {
		t.Errorf("SealCase with no key: %v, want ErrNoKey", err)
	}
}

func TestOpenFailures(t *testing.T) {
	key := testKey(t, "K2AB", time.Time{})
	ring := Keyring{key}
	s, err := Seal(key, []byte("payload"))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := DecodeBase45(s[len(Prefix):])
	reseal := func(edit func(raw []byte) []byte) string {
		return Prefix + EncodeBase45(edit(bytes.Clone(raw)))
	}
	sameID := testKey(t, "K2AB", time.Time{}) // another center that drew the same ID
	other, _ := Seal(sameID, []byte("payload"))

	for _, tc := range []struct {
		name, s string
		want    error
	}{
		{"a web address", "https://example.cn/x", ErrNotReceipt},
		{"empty", "", ErrNotReceipt},
		{"a later version", "TB2:" + s[len(Prefix):], ErrNewerVersion},
		{"another prefix", "TBX:" + s[len(Prefix):], ErrNotReceipt},
		{"not Base45", Prefix + "BB#", ErrBadBase45},
		{"one character over", s + strings.Repeat("A", 1+(3-(len(s)-len(Prefix))%3)%3), ErrBadBase45},
		{"cut short", s[:len(Prefix)+30], ErrBadBase45},
		{"unknown key ID", reseal(func(r []byte) []byte { r[2] = 'Z'; return r }), ErrUnknownKey},
		{"changed header version", reseal(func(r []byte) []byte { r[0] = envelopeVersion + 1; return r }), ErrAltered},
		{"key ID too long", reseal(func(r []byte) []byte { r[1] = MaxKeyIDLen + 1; return r }), ErrAltered},
		{"zero-length key ID", reseal(func(r []byte) []byte { r[1] = 0; return r }), ErrAltered},
		{"sealed by another key with the same ID", other, ErrAltered},
		{"flipped ciphertext bit", reseal(func(r []byte) []byte { r[len(r)-20] ^= 1; return r }), ErrAltered},
		{"flipped tag bit", reseal(func(r []byte) []byte { r[len(r)-1] ^= 0x80; return r }), ErrAltered},
		{"flipped nonce bit", reseal(func(r []byte) []byte { r[8] ^= 1; return r }), ErrAltered},
	} {
		if _, err := Open(ring, tc.s); !errors.Is(err, tc.want) {
			t.Errorf("%s: Open error %v, want %v", tc.name, err, tc.want)
		}
	}
}

// Whatever single character of a receipt is changed, to whatever other
// Base45 character, it does not open, and says so in one of the sentences.
func TestEveryChangedCharacterFails(t *testing.T) {
	ring := Keyring{testKey(t, "K2AB", time.Time{})}
	s, err := SealCase(ring, kioskEvent(t, sampleSubmission()))
	if err != nil {
		t.Fatal(err)
	}
	sentences := []error{ErrBadBase45, ErrUnknownKey, ErrAltered}
	counts := map[error]int{}
	for i := len(Prefix); i < len(s); i++ {
		for _, c := range []byte(base45Alphabet) {
			if c == s[i] {
				continue
			}
			changed := s[:i] + string(c) + s[i+1:]
			e, err := OpenCase(ring, changed)
			if err == nil {
				t.Fatalf("changing character %d to %q still opens", i, c)
			}
			if e.ID != "" {
				t.Fatalf("a failed open returned an event")
			}
			known := false
			for _, want := range sentences {
				if errors.Is(err, want) {
					known = true
					counts[want]++
				}
			}
			if !known {
				t.Fatalf("changing character %d: %v is not one of the receipt errors", i, err)
			}
		}
	}
	t.Logf("%d characters × 44 changes: altered %d, bad Base45 %d, unknown key %d",
		len(s)-len(Prefix), counts[ErrAltered], counts[ErrBadBase45], counts[ErrUnknownKey])
}

// Caps lock lowers every letter, and that is forgiven; one letter lowered
// among upper-case ones is a changed character and fails.
func TestOneLowerCaseLetterFails(t *testing.T) {
	ring := Keyring{testKey(t, "K2AB", time.Time{})}
	s, err := SealCase(ring, kioskEvent(t, sampleSubmission()))
	if err != nil {
		t.Fatal(err)
	}
	lowered := 0
	for i := range len(s) {
		if s[i] < 'A' || s[i] > 'Z' {
			continue
		}
		changed := s[:i] + strings.ToLower(s[i:i+1]) + s[i+1:]
		if _, err := OpenCase(ring, changed); err == nil {
			t.Fatalf("lowering character %d (%q) still opens", i, s[i])
		}
		lowered++
	}
	if lowered < 10 {
		t.Fatalf("only %d letters to lower in %q", lowered, s)
	}
}

func TestOpenCaseOfNonCase(t *testing.T) {
	key := testKey(t, "K2AB", time.Time{})
	s, err := Seal(key, []byte{payloadVersion, 0, 'n', 'o', 't', ' ', 'a', ' ', 'c', 'a', 's', 'e'})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenCase(Keyring{key}, s); !errors.Is(err, ErrBadPayload) {
		t.Errorf("OpenCase of an authentic non-case: %v, want ErrBadPayload", err)
	}
}

func FuzzOpen(f *testing.F) {
	key := Key{ID: "FUZZ", Secret: bytes.Repeat([]byte{7}, SecretSize)}
	ring := Keyring{key}
	// Fixed IDs: fuzz workers rerun this setup and must agree on the event.
	e := kioskEvent(f, sampleSubmission())
	e.ID, e.CaseID, e.Device = "019ac3f0-7c1e-7a2b-9d3e-2f4a5b6c7d8e", "019ac3f0-7c1e-7a2b-9d3e-2f4a5b6c7d8e", "019ac3ef-0000-7000-8000-000000000001"
	s, err := SealCase(ring, e)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{s, strings.ToLower(s), s[:40], "TB1:", "TB1:BB8", "hello", Prefix + strings.Repeat(":", 90)} {
		f.Add(seed)
	}
	sentences := []error{ErrNotReceipt, ErrBadBase45, ErrUnknownKey, ErrAltered, ErrNewerVersion, ErrBadPayload}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := OpenCase(ring, in)
		if err != nil {
			if got.ID != "" || got.Payload != nil {
				t.Fatalf("OpenCase returned an event with error %v", err)
			}
			for _, want := range sentences {
				if err == want {
					return
				}
			}
			t.Fatalf("OpenCase error %q is not one of the receipt sentences", err)
		}
		// Forging is out of reach, so whatever opens is the one case sealed.
		if got.Digest() != e.Digest() {
			t.Fatalf("OpenCase(%q) opened to another event", in)
		}
	})
}
