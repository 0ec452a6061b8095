package receipt

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"tongban/sync/protocol"
)

func TestNewKey(t *testing.T) {
	seen := map[string]bool{}
	for range 50 {
		k, err := NewKey()
		if err != nil {
			t.Fatal(err)
		}
		if !k.Valid() || len(k.ID) != 4 || strings.Trim(k.ID, keyIDAlphabet) != "" {
			t.Fatalf("NewKey gave ID %q with a %d-byte secret", k.ID, len(k.Secret))
		}
		if k.Created.IsZero() {
			t.Fatal("NewKey left Created zero, so it could never be the newest key")
		}
		seen[string(k.Secret)] = true
	}
	if len(seen) != 50 {
		t.Fatalf("50 new keys hold only %d distinct secrets", len(seen))
	}
}

func TestKeyringFileRoundTrip(t *testing.T) {
	a, b := testKey(t, "AAAA", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), testKey(t, "BBBB", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	data, err := MarshalKeyring(Keyring{a, b})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseKeyring(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "AAAA" || !bytes.Equal(got[1].Secret, b.Secret) || !got[1].Created.Equal(b.Created) {
		t.Fatalf("ParseKeyring(MarshalKeyring) = %+v", got)
	}
	if empty, err := MarshalKeyring(nil); err != nil || string(empty) != "[]" {
		t.Errorf("MarshalKeyring(nil) = %s, %v; want []", empty, err)
	}
}

// The sync client stores the platform's keys as JSON of
// []protocol.ReceiptKey; a keyring reads that, and writes it.
func TestKeyringIsTheProtocolShape(t *testing.T) {
	issued := []protocol.ReceiptKey{{ID: "P7QX", Key: bytes.Repeat([]byte{1}, 32), Created: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)}}
	data, err := json.Marshal(issued)
	if err != nil {
		t.Fatal(err)
	}
	ring, err := ParseKeyring(data)
	if err != nil {
		t.Fatalf("ParseKeyring of platform keys: %v", err)
	}
	if len(ring) != 1 || ring[0].ID != "P7QX" || !bytes.Equal(ring[0].Secret, issued[0].Key) || !ring[0].Created.Equal(issued[0].Created) {
		t.Fatalf("platform key read as %+v", ring)
	}
	out, err := MarshalKeyring(ring)
	if err != nil {
		t.Fatal(err)
	}
	var back []protocol.ReceiptKey
	if err := json.Unmarshal(out, &back); err != nil || len(back) != 1 || !bytes.Equal(back[0].Key, issued[0].Key) {
		t.Fatalf("keyring JSON does not read as []protocol.ReceiptKey: %v %+v", err, back)
	}
}

func TestParseKeyringRefuses(t *testing.T) {
	secret := `"` + strings.Repeat("A", 43) + `="` // 32 bytes in base64
	for _, tc := range []struct {
		name, data string
		want       error
	}{
		{"short secret", `[{"id":"AAAA","key":"AAAA","created":"2026-01-01T00:00:00Z"}]`, ErrBadKey},
		{"no ID", `[{"id":"","key":` + secret + `}]`, ErrBadKey},
		{"ID with a space", `[{"id":"A A","key":` + secret + `}]`, ErrBadKey},
		{"ID too long", `[{"id":"` + strings.Repeat("A", MaxKeyIDLen+1) + `","key":` + secret + `}]`, ErrBadKey},
		{"one ID, two secrets", `[{"id":"AAAA","key":` + secret + `},{"id":"AAAA","key":"` + strings.Repeat("B", 43) + `="}]`, ErrKeyClash},
	} {
		if _, err := ParseKeyring([]byte(tc.data)); !errors.Is(err, tc.want) {
			t.Errorf("%s: ParseKeyring error %v, want %v", tc.name, err, tc.want)
		}
	}
	if _, err := ParseKeyring([]byte(`{"id":"AAAA"}`)); !errors.Is(err, ErrNotKeyFile) {
		t.Errorf("ParseKeyring of an object: %v, want a sentence saying it is not a key file", err)
	}
	twice := `[{"id":"AAAA","key":` + secret + `},{"id":"AAAA","key":` + secret + `}]`
	if r, err := ParseKeyring([]byte(twice)); err != nil || len(r) != 1 {
		t.Errorf("ParseKeyring of one key listed twice = %d keys, %v; want 1 key", len(r), err)
	}
}

func TestKeyringMerge(t *testing.T) {
	mine := testKey(t, "MINE", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	theirs := testKey(t, "THRS", time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	ring := Keyring{mine}

	merged, added, err := ring.Merge(Keyring{mine, theirs})
	if err != nil || added != 1 || len(merged) != 2 || merged[0].ID != "MINE" || merged[1].ID != "THRS" {
		t.Fatalf("Merge = %v, %d added, %v; want MINE then THRS, 1 added", merged, added, err)
	}
	if len(ring) != 1 {
		t.Fatalf("Merge changed the keyring it was called on")
	}
	if newest, _ := merged.Newest(); newest.ID != "THRS" {
		t.Errorf("after the import the newest key is %s, want THRS", newest.ID)
	}

	clash := theirs
	clash.ID = "MINE"
	if got, added, err := merged.Merge(Keyring{clash}); !errors.Is(err, ErrKeyClash) || added != 0 || len(got) != 2 {
		t.Errorf("Merge of another secret under MINE = %d keys, %d added, %v; want the keyring unchanged and ErrKeyClash", len(got), added, err)
	}
	if _, _, err := merged.Merge(Keyring{{ID: "BAD", Secret: []byte{1}}}); !errors.Is(err, ErrBadKey) {
		t.Errorf("Merge of a short secret: %v, want ErrBadKey", err)
	}
}

func TestNewestBreaksTiesByOrder(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r := Keyring{testKey(t, "AAAA", at), testKey(t, "BBBB", at), testKey(t, "CCCC", at.Add(-time.Hour))}
	if k, ok := r.Newest(); !ok || k.ID != "BBBB" {
		t.Errorf("Newest = %s, want BBBB (latest created, last listed)", k.ID)
	}
	if _, ok := Keyring(nil).Newest(); ok {
		t.Error("an empty keyring has a newest key")
	}
}

// SealWith makes the named key the newest, whatever the clock says, and
// leaves the keyring it was called on as it was.
func TestSealWith(t *testing.T) {
	jan := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ring := Keyring{testKey(t, "OLD1", jan), testKey(t, "MINE", jan.Add(time.Hour))}
	for _, tc := range []struct {
		name string
		at   time.Time
		id   string
		want time.Time // OLD1's date afterwards
	}{
		{"now is later", jan.Add(48 * time.Hour), "OLD1", jan.Add(48 * time.Hour)},
		{"a clock behind", jan, "OLD1", jan.Add(time.Hour + time.Second)},
	} {
		got := ring.SealWith(tc.id, tc.at)
		if k, _ := got.Newest(); k.ID != tc.id || !got[0].Created.Equal(tc.want) {
			t.Errorf("%s: newest %s, OLD1 dated %v; want OLD1 newest, dated %v", tc.name, k.ID, got[0].Created, tc.want)
		}
	}
	if !ring[0].Created.Equal(jan) {
		t.Errorf("SealWith changed the keyring it was called on")
	}
	if got := ring.SealWith("MINE", jan.Add(99*time.Hour)); !got[1].Created.Equal(jan.Add(time.Hour)) {
		t.Errorf("SealWith of the newest key changed its date to %v", got[1].Created)
	}
	if got := ring.SealWith("NONE", jan); len(got) != 2 {
		t.Errorf("SealWith of a key not held = %v", got)
	}
}
