package store

import (
	"encoding/json"
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
