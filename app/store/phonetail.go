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
	end := []byte(tail + "\x00")
	return walkBack(idx, []byte(idxPhone), func(k, _ []byte) (bool, error) {
		if phone := k[:bytes.LastIndexByte(k, 0)+1]; !bytes.HasSuffix(phone, end) { // "p:13800138000\x00"
			return true, nil
		}
		return visit(caseIDOf(k))
	})
}
