package store_test

import (
	"testing"

	"tongban/app/cases"
	"tongban/app/store/storetest"
)

// BenchmarkFindNumberTail finds cases by the end of their number in a
// store of 1,000,000 cases (storetest.Million): a common tail ("0004",
// 1,000 matches, the first 15 wanted) and a tail no number has, which
// reads the whole number index.
func BenchmarkFindNumberTail(b *testing.B) {
	s, _ := storetest.Million(b)
	for _, tt := range []struct{ name, text string }{{"common", "0004"}, {"none", "B9-0004"}} {
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Find(cases.Query{Text: tt.text, Limit: 16}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRunning lists the open promises of a store of 1,000,000 cases,
// none of them accepted: the index walk alone.
func BenchmarkRunning(b *testing.B) {
	s, _ := storetest.Million(b)
	for b.Loop() {
		if _, err := s.Running(2000); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFindPhoneTail finds every case four digits match in a store of
// 1,000,000 cases — about 100 ID tails, 100 phone tails (138… phones) and
// 1,000 number endings — so the whole phone index is read (phonesEnding)
// as well as the number index: the most a search by four digits costs.
func BenchmarkFindPhoneTail(b *testing.B) {
	s, _ := storetest.Million(b)
	for b.Loop() {
		got, err := s.Find(cases.Query{Text: "0004", Limit: 1 << 20})
		if err != nil || len(got) < 1000 {
			b.Fatalf("Find(0004) = %d cases, %v", len(got), err)
		}
	}
}
