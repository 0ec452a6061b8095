package receipt

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/assets"
)

func sampleCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Parse(assets.SampleCatalog())
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

type measured struct {
	code string
	fit  Fit
}

// measureAll seals each item's worst case, with text fields refilled by
// fill when it is not nil, and returns the results longest first.
func measureAll(t *testing.T, fill func(f catalog.Field) string) []measured {
	t.Helper()
	cat := sampleCatalog(t)
	ring := Keyring{testKey(t, "K2AB", submittedAt)}
	var out []measured
	for _, it := range cat.Items {
		e, err := WorstCase(it, cat.Version, cat.Center.Code)
		if err != nil {
			t.Fatalf("item %s: %v", it.Code, err)
		}
		if fill != nil {
			e = refill(t, e, it, fill)
		}
		s, err := SealCase(ring, e)
		if err != nil {
			t.Fatalf("item %s: %v", it.Code, err)
		}
		got, err := OpenCase(ring, s)
		if err != nil || got.Digest() != e.Digest() {
			t.Fatalf("item %s: the worst-case receipt does not open to its case: %v", it.Code, err)
		}
		out = append(out, measured{it.Code, FitOf(s)})
	}
	slices.SortFunc(out, func(a, b measured) int { return cmp.Compare(b.fit.Chars, a.fit.Chars) })
	return out
}

func refill(t *testing.T, e cases.Event, it catalog.Item, fill func(f catalog.Field) string) cases.Event {
	var s cases.Submission
	if err := e.Decode(&s); err != nil {
		t.Fatal(err)
	}
	for _, f := range it.Fields {
		if f.Kind == catalog.KindText {
			s.Fields[f.Key] = fill(f)
		}
	}
	e, err := cases.Submitted(s, e.Center, e.Device, e.Stamp)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func logWorst(t *testing.T, ms []measured, n int) {
	t.Helper()
	for _, m := range ms[:min(n, len(ms))] {
		t.Logf("%-16s %3d chars, QR version %d", m.code, m.fit.Chars, m.fit.Version)
	}
}

// The acceptance test of the budget: every item of the sample catalog,
// every field at its limit in two-byte hanzi, every material ticked, fits
// QR version 15 at level M.
func TestEveryItemFitsQR(t *testing.T) {
	ms := measureAll(t, nil)
	t.Logf("budget: %d characters fit version %d at M", maxChars(), MaxQRVersion)
	logWorst(t, ms, 8)
	for _, m := range ms {
		if !m.fit.OK {
			t.Errorf("item %s: its worst-case receipt has %d characters and needs QR version %d, over version %d by %d characters; "+
				"lower its text fields' max_len by about %d hanzi in all",
				m.code, m.fit.Chars, m.fit.Version, MaxQRVersion, m.fit.Over, (m.fit.Over+2)/3)
		}
	}
}

// rareHanzi are Extension A characters: four bytes in GB18030, three in
// UTF-8. A text of them must fall back to UTF-8.
const rareHanzi = "㐀㐁㐂㐃㐄㐅㐆㐇㐈㐉"

func fillWith(chars string) func(f catalog.Field) string {
	return func(f catalog.Field) string {
		r := []rune(strings.Repeat(chars, f.Limit()/len([]rune(chars))+1))
		return string(r[:f.Limit()])
	}
}

// A name with one rare character among common ones, the case that occurs,
// stays in GB18030 and fits.
func TestRareHanziInNamesFit(t *testing.T) {
	ms := measureAll(t, func(f catalog.Field) string {
		v := fillWith(commonHanzi)(f)
		if f.Key == catalog.FieldName {
			r := []rune(v)
			r[len(r)-1] = '㐀'
			v = string(r)
		}
		return v
	})
	logWorst(t, ms, 3)
	for _, m := range ms {
		if !m.fit.OK {
			t.Errorf("item %s with a rare hanzi in the name: %d characters, QR version %d", m.code, m.fit.Chars, m.fit.Version)
		}
	}
}

// rareToLimit fills a text field to its limit with rare characters as the
// kiosk and the checks count them (catalog.Length: two each), topped up
// with one common hanzi when the limit is odd.
func rareToLimit(rare string) func(f catalog.Field) string {
	return func(f catalog.Field) string {
		r := []rune(strings.Repeat(rare, f.Limit()))[:f.Limit()/2]
		v := string(r)
		if catalog.Length(v) < f.Limit() {
			v += "国"
		}
		return v
	}
}

// Rare characters count twice against a field's limit, so a field full of
// them takes no more bytes than one full of common hanzi: every item still
// fits, whether they are Extension A (four bytes in GB18030, three in
// UTF-8) or Extension B (four in both).
func TestRareHanziToTheLimitFit(t *testing.T) {
	v := fillWith(rareHanzi)(catalog.Field{Kind: catalog.KindText, MaxLen: 30})
	if got, want := len(appendText(nil, v)), 2+3*30; got != want { // two-byte header
		t.Fatalf("30 rare hanzi take %d bytes, want %d (UTF-8, not GB18030's 4 a character)", got, want)
	}
	for _, rare := range []string{rareHanzi, "𠮷𡈼𤭢𨚕𪚥"} {
		ms := measureAll(t, rareToLimit(rare))
		logWorst(t, ms, 3)
		for _, m := range ms {
			if !m.fit.OK {
				t.Errorf("item %s with text fields full of %q: %d characters, QR version %d, over version %d",
					m.code, []rune(rare)[:2], m.fit.Chars, m.fit.Version, MaxQRVersion)
			}
		}
	}
}

// CheckItem is what a catalog check calls; an item with too much text says
// by how much it is over.
func TestCheckItem(t *testing.T) {
	cat := sampleCatalog(t)
	it, _ := cat.Item("130102-SCJG-005")
	fit, err := CheckItem(*it, cat.Version, cat.Center.Code)
	if err != nil || !fit.OK || fit.Version > MaxQRVersion || fit.Over != 0 {
		t.Fatalf("CheckItem(130102-SCJG-005) = %+v, %v; want it to fit", fit, err)
	}

	big := *it
	big.Fields = append([]catalog.Field(nil), it.Fields...)
	for i := range 6 {
		big.Fields = append(big.Fields, catalog.Field{Key: fmt.Sprintf("extra_%d", i), Kind: catalog.KindText, MaxLen: catalog.MaxTextLen})
	}
	fit, err = CheckItem(big, cat.Version, cat.Center.Code)
	if err != nil {
		t.Fatal(err)
	}
	if fit.OK || fit.Over <= 0 || fit.Version <= MaxQRVersion || fit.Chars-fit.Over != maxChars() {
		t.Fatalf("CheckItem of an item with 240 more hanzi = %+v; want it over by Chars-%d", fit, maxChars())
	}
	t.Logf("an item with six more 40-hanzi fields: %d characters, version %d, over by %d", fit.Chars, fit.Version, fit.Over)
}
