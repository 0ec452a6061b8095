package scan

import (
	"testing"

	"tongban/app/receipt"
	"tongban/app/store/storetest"
)

// BenchmarkOpenReceipt is a counter's scan in a store of 1,000,000 cases:
// open the sealed receipt, find the case, fold its events, ready to show.
// Target: at most 2 ms.
func BenchmarkOpenReceipt(b *testing.B) {
	s, numbers := storetest.Million(b)
	key, err := receipt.NewKey()
	if err != nil {
		b.Fatal(err)
	}
	ring := receipt.Keyring{key}
	payloads := make([]string, 1000)
	for i := range payloads {
		c, err := s.ByNumber(numbers[i])
		if err != nil {
			b.Fatal(err)
		}
		if payloads[i], err = receipt.SealCase(ring, c.Events[0]); err != nil {
			b.Fatal(err)
		}
	}
	o := Opener{Store: s, Keys: func() (receipt.Keyring, error) { return ring, nil }}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c, err := o.Open(payloads[i%len(payloads)])
		if err != nil || c.Number != numbers[i%len(payloads)] {
			b.Fatalf("Open = %v, %v", c, err)
		}
	}
}
