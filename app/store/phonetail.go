package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"
)

// phonesEnding visits the cases whose phone ends in tail (手机尾号, the
// four digits every list shows of a masked phone), reading the phone index
// from its end. It costs no index key of its own: one more key a case made
// every intake write one more page, and a search by four digits is rare
// beside the intakes; BenchmarkFindPhoneTail measures the read on a
// million cases.
func phonesEnding(idx *bolt.Bucket, tail string, visit func(id []byte) (bool, error)) error {
	prefix := []byte(idxPhone)
	end := []byte(tail + "\x00")
	c := idx.Cursor()
	k, _ := c.Seek(append(bytes.Clone(prefix[:len(prefix)-1]), prefix[len(prefix)-1]+1))
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
		phone := k[:bytes.LastIndexByte(k, 0)+1] // "p:13800138000\x00"
		if !bytes.HasSuffix(phone, end) {
			continue
		}
		if more, err := visit(caseIDOf(k)); err != nil || !more {
			return err
		}
	}
	return nil
}
