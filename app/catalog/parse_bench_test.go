package catalog

import (
	"testing"

	"tongban/assets"
)

// BenchmarkParseSample measures loading the sample catalog, index included.
func BenchmarkParseSample(b *testing.B) {
	data := assets.SampleCatalog()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
