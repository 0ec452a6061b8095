package store

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// BenchmarkIntakeCommit compares one kiosk submission (case, event, indexes
// and outbox entry in one fsync'd transaction) with a bare fsync'd bbolt
// write of the same number of bytes, in the same run. The target is a
// ratio of at most 1.5.
func BenchmarkIntakeCommit(b *testing.B) {
	s, err := Open(b.TempDir(), Options{Center: "130102"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	bare, err := bolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer bare.Close()
	bare.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("b")); return err })

	sub := sample("张三", "13800138000", "130102199003071233")
	c, _ := s.Submit(sub)
	size := approxWrite(c)
	value := make([]byte, size)

	var submit, plain time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		if _, err := s.Submit(sub); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		err := bare.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("b")).Put([]byte(cases.NewID()), value)
		})
		if err != nil {
			b.Fatal(err)
		}
		submit += t1.Sub(t0)
		plain += time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(submit.Microseconds())/n, "submit-µs/op")
	b.ReportMetric(float64(plain.Microseconds())/n, "bare-µs/op")
	b.ReportMetric(float64(submit)/float64(plain), "ratio")
	b.ReportMetric(float64(size), "bytes/op")
}

// approxWrite is how many bytes a submission writes: the event twice (the
// events bucket and the outbox), the case record and the index keys.
func approxWrite(c *cases.Case) int {
	ev, _ := json.Marshal(c.Events[0])
	rec := *c
	rec.Events = nil
	cr, _ := json.Marshal(rec)
	idx := 0
	for _, k := range append(indexKeys(c), string(numberKey(c.Number))) {
		idx += len(k)
	}
	return 2*len(ev) + len(cr) + idx + len(c.Number) + len(c.ID)
}

// BenchmarkByNumber looks up cases by number in a store of 1,000,000
// cases (built once and kept in the temp folder between runs). Target:
// at most 50 µs a lookup.
func BenchmarkByNumber(b *testing.B) {
	s, numbers := millionStore(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		n := numbers[rand.IntN(len(numbers))]
		c, err := s.ByNumber(n)
		if err != nil || c.Number != n {
			b.Fatalf("ByNumber(%s) = %v, %v", n, c, err)
		}
	}
}

const benchCases = 1_000_000

// millionStore opens (building it the first time) a store of a million
// synthetic cases, and returns a sample of their numbers.
func millionStore(b *testing.B) (*Store, []string) {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("tongban-bench-%d-v%d", benchCases, SchemaVersion))
	ready := filepath.Join(dir, "ready")
	if _, err := os.Stat(ready); err != nil {
		os.RemoveAll(dir)
		b.Logf("building a store of %d cases in %s (once)", benchCases, dir)
		s, err := Open(dir, Options{Center: "130102", NoSync: true})
		if err != nil {
			b.Fatal(err)
		}
		for start := 0; start < benchCases; start += 20_000 {
			page := make([]cases.Event, 0, 20_000)
			for i := start; i < start+20_000 && i < benchCases; i++ {
				page = append(page, syntheticCase(i))
			}
			if _, err := s.Import(page, false); err != nil {
				b.Fatal(err)
			}
		}
		s.Close()
		os.WriteFile(ready, nil, 0o600)
	}
	s, err := Open(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	numbers := make([]string, 10_000)
	for i := range numbers {
		numbers[i] = benchNumber(rand.IntN(benchCases))
	}
	return s, numbers
}

var benchDay = time.Date(2025, 1, 1, 9, 0, 0, 0, cases.Zone)

func benchNumber(i int) string {
	return cases.FormatNumber(benchDay.AddDate(0, 0, i/5000), fmt.Sprintf("B%d", i%5000/1000), i%1000+1)
}

// syntheticCase is the submitted event of the i-th benchmark case.
func syntheticCase(i int) cases.Event {
	sub := sample(fmt.Sprintf("申请人%d", i), fmt.Sprintf("138%08d", i), fmt.Sprintf("1301021990030%05d", i))
	sub.Number = benchNumber(i)
	e, _ := cases.Submitted(sub, "130102", "bench", cases.Stamp{Wall: benchDay.UnixMilli() + int64(i)})
	return e
}
