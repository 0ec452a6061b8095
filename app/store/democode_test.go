package store

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoShortCode: a new store names itself X and three unambiguous
// characters; a store opened again keeps the code it has, whatever its
// length (an identity made with two characters stays so).
func TestDemoShortCode(t *testing.T) {
	seen := map[string]bool{}
	for i := range 20 {
		st, err := Open(filepath.Join(t.TempDir(), "d"), Options{Center: "130102"})
		if err != nil {
			t.Fatal(err)
		}
		id, err := st.Identity()
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		code := id.ShortCode
		if len(code) != 4 || code[0] != 'X' || strings.Trim(code[1:], unambiguous) != "" {
			t.Fatalf("store %d named itself %q, want X and 3 of %s", i, code, unambiguous)
		}
		seen[code] = true
	}
	if len(seen) < 19 {
		t.Errorf("20 stores share %d short codes; want them drawn from 32,768", len(seen))
	}

	dir := t.TempDir()
	st, err := Open(dir, Options{Center: "130102"})
	if err != nil {
		t.Fatal(err)
	}
	id, _ := st.Identity()
	id.ShortCode = "X7K"
	if err := st.SetIdentity(id); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if st, err = Open(dir, Options{Center: "130102"}); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if again, _ := st.Identity(); again.ShortCode != "X7K" {
		t.Fatalf("a store opened again has short code %q, want the X7K it had", again.ShortCode)
	}
}
