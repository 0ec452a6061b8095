// Package storetest builds large stores for benchmarks: a million cases
// take minutes to write, so the store is built once per schema version and
// kept in the temp folder between runs.
package storetest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
)

// Cases is how many cases Million holds.
const Cases = 1_000_000

// revision names the fixture's layout: bump it when the store's records
// change shape within one schema version, so a stale fixture is rebuilt.
const revision = 4

// Million opens a store of a million synthetic cases, building it the
// first time, and returns a random sample of 10,000 of their numbers. The
// store is closed when the benchmark ends.
func Million(tb testing.TB) (*store.Store, []string) {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("tongban-bench-%d-v%d-r%d", Cases, store.SchemaVersion, revision))
	ready := filepath.Join(dir, "ready")
	if _, err := os.Stat(ready); err != nil {
		os.RemoveAll(dir)
		tb.Logf("building a store of %d cases in %s (once)", Cases, dir)
		s, err := store.Open(dir, store.Options{Center: "130102", NoSync: true})
		if err != nil {
			tb.Fatal(err)
		}
		const page = 20_000
		for start := 0; start < Cases; start += page {
			events := make([]cases.Event, 0, page)
			for i := start; i < start+page && i < Cases; i++ {
				events = append(events, Submitted(i))
			}
			if _, err := s.Import(events, false); err != nil {
				tb.Fatal(err)
			}
		}
		s.Close()
		if err := os.WriteFile(ready, nil, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	s, err := store.Open(dir, store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	numbers := make([]string, 10_000)
	for i := range numbers {
		numbers[i] = Number(rand.IntN(Cases))
	}
	return s, numbers
}

var day0 = time.Date(2025, 1, 1, 9, 0, 0, 0, cases.Zone)

// Number is the case number of the i-th synthetic case.
func Number(i int) string {
	return cases.FormatNumber(day0.AddDate(0, 0, i/5000), fmt.Sprintf("B%d", i%5000/1000), i%1000+1)
}

// Submitted is the submitted event of the i-th synthetic case.
func Submitted(i int) cases.Event {
	sub := cases.Submission{ItemCode: "130102-SCJG-003", CatalogVersion: 1, Channel: cases.ChannelKiosk,
		Number: Number(i), Materials: []int{0, 1, 3},
		Fields: map[string]string{"name": fmt.Sprintf("申请人%d", i), "phone": fmt.Sprintf("138%08d", i),
			"id_number": fmt.Sprintf("1301021990030%05d", i), "company": "石家庄通办科技有限公司", "change": "住所"}}
	e, _ := cases.Submitted(sub, "130102", "01900000-0000-7000-8000-000000000001", cases.Stamp{Wall: day0.UnixMilli() + int64(i)})
	return e
}
