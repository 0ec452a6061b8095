package receipt

import (
	"testing"

	"github.com/skip2/go-qrcode"

	"tongban/app/cases"
)

// benchCase is the largest receipt of the sample catalog: 130102-SCJG-005
// with every field full.
func benchCase(b testing.TB) (Keyring, cases.Event) {
	b.Helper()
	cat := sampleCatalog(b)
	it, ok := cat.Item("130102-SCJG-005")
	if !ok {
		b.Fatal("sample catalog lacks 130102-SCJG-005")
	}
	e, err := WorstCase(*it, cat.Version, cat.Center.Code)
	if err != nil {
		b.Fatal(err)
	}
	key, err := NewKey()
	if err != nil {
		b.Fatal(err)
	}
	return Keyring{key}, e
}

// BenchmarkSealCase: encode, seal and Base45 one receipt.
func BenchmarkSealCase(b *testing.B) {
	ring, e := benchCase(b)
	for b.Loop() {
		if _, err := SealCase(ring, e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenCase: what a counter does with a scan.
func BenchmarkOpenCase(b *testing.B) {
	ring, e := benchCase(b)
	s, err := SealCase(ring, e)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := OpenCase(ring, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSealCaseQR: seal, then build the QR symbol the printer gets.
func BenchmarkSealCaseQR(b *testing.B) {
	ring, e := benchCase(b)
	for b.Loop() {
		s, err := SealCase(ring, e)
		if err != nil {
			b.Fatal(err)
		}
		q, err := qrcode.New(s, qrcode.Medium)
		if err != nil {
			b.Fatal(err)
		}
		if q.VersionNumber > MaxQRVersion || len(q.Bitmap()) == 0 {
			b.Fatalf("QR version %d", q.VersionNumber)
		}
	}
}

// BenchmarkFitsQR: the size check alone (go-qrcode's encoder, no symbol).
func BenchmarkFitsQR(b *testing.B) {
	ring, e := benchCase(b)
	s, err := SealCase(ring, e)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, ok := FitsQR(s); !ok {
			b.Fatal("does not fit")
		}
	}
}
