package printer_test

import (
	"os"
	"testing"

	"tongban/printer"
)

// TestSample writes the sample receipt and test page when -sample is given,
// for a person to look at.
func TestSample(t *testing.T) {
	if *sampleOut == "" {
		t.Skip("no -sample file")
	}
	doc := receipt(base45Payload(500))
	doc.Blocks = append(doc.Blocks, printer.TestPage(printer.Profiles["58"]).Blocks...)
	doc.Blocks = append(doc.Blocks, printer.Text{Text: "罕见字：王㛃 𠮷 ¥ · — “引号” A–Z"})
	png, err := printer.EncodePNG(doc, printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*sampleOut, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
