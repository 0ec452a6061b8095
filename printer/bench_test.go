package printer_test

import (
	"fmt"
	"testing"

	"github.com/skip2/go-qrcode"

	"tongban/printer"
)

// The documents are acceptance receipts of about 25 lines with a
// 500-character Base45 QR payload, as the kiosk prints them. Fonts are
// parsed and glyphs cached on the first iteration, as in a running kiosk;
// each iteration has a new payload, so the Renderer's QR cache never hits,
// except in the "reprint" cases, which print the same receipt again.

// receipts returns a function giving the i-th receipt, each with its own
// payload, built before the timer runs.
func receipts(b *testing.B, n int) func(i int) printer.Document {
	b.Helper()
	base := base45Payload(500)
	docs := make([]printer.Document, n)
	for i := range docs {
		docs[i] = receipt(fmt.Sprintf("%s%06d", base[:494], i))
	}
	return func(i int) printer.Document { return docs[i%n] }
}

func BenchmarkEncodeESCPOSReceipt(b *testing.B) {
	// More receipts than the QR cache holds, so every one is encoded anew.
	doc := receipts(b, 64)
	for _, tc := range []struct {
		name    string
		reprint bool
	}{{"58", false}, {"58-raster", false}, {"58-raster", true}, {"80-epson", false}} {
		p := printer.Profiles[tc.name]
		name := tc.name
		if tc.reprint {
			name += "/reprint"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var n, i int
			start := cpuTime()
			for b.Loop() {
				if !tc.reprint {
					i++
				}
				job, err := printer.EncodeESCPOS(doc(i), p, fonts())
				if err != nil {
					b.Fatal(err)
				}
				n = len(job)
			}
			reportCPU(b, start)
			b.ReportMetric(float64(n), "job-bytes")
		})
	}
}

func BenchmarkRenderPNG(b *testing.B) {
	doc := receipts(b, 64)
	for _, name := range []string{"58", "80"} {
		p := printer.Profiles[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var n, i int
			start := cpuTime()
			for b.Loop() {
				i++
				png, err := printer.EncodePNG(doc(i), p, fonts())
				if err != nil {
					b.Fatal(err)
				}
				n = len(png)
			}
			reportCPU(b, start)
			b.ReportMetric(float64(n), "png-bytes")
		})
	}
}

// BenchmarkQRBitmap is the floor under the raster-QR cases: go-qrcode alone
// encoding and masking the 500-character payload (version 14 at level M).
func BenchmarkQRBitmap(b *testing.B) {
	payload := base45Payload(500)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		q, err := qrcode.New(payload, qrcode.Medium)
		if err != nil {
			b.Fatal(err)
		}
		q.Bitmap()
	}
	reportCPU(b, start)
}
