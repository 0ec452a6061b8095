package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A damaged store file (a bad disk, a copy cut short, a page written in
// the wrong place) is caught before it is copied over a good backup or put
// in place by a restore: bbolt reads pages through a memory map and
// panics on a page that is not what its parent says it is, far from the
// command that read it.

// DamagedError is a store file that failed the consistency check.
type DamagedError struct {
	// File is the store or backup that is damaged.
	File string
	// Where is the first problem found, in bbolt's words ("page 12: ...").
	Where string
}

func (e *DamagedError) Error() string {
	if strings.HasPrefix(e.Where, "page") {
		return fmt.Sprintf("数据文件 %s 已损坏。 The data file %s is damaged at %s", e.File, e.File, e.Where)
	}
	// Not a page bbolt named, such as a Go runtime error from reading
	// one: said as what was reported.
	return fmt.Sprintf("数据文件 %s 已损坏。 The data file %s is damaged (reading it failed: %s)", e.File, e.File, e.Where)
}

// Is makes errors.Is(err, ErrDamaged) hold.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// Check runs the consistency check on the store as it is now (see verify).
// It reads every page, so it takes a while on a large store; the device
// keeps working meanwhile.
func (s *Store) Check() error {
	return s.db.View(func(tx *bolt.Tx) error { return verify(tx, s.path) })
}

// CheckFile runs the consistency check (see verify) on a store file
// nobody has open, such as a backup: nil, or a *DamagedError.
func CheckFile(path string) error { return checkFile(path, path) }

// checkFile runs the consistency check on a store file nobody has open,
// naming it name in the error.
// It is opened for writing (nothing is written) so that bbolt reads its
// freelist here, where a panic is recovered, and not in the goroutine of
// tx.Check, where it could not be.
func checkFile(path, name string) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer damageRecovered(name, &err)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return &DamagedError{File: name, Where: err.Error()}
	}
	err = db.View(func(tx *bolt.Tx) error { return verify(tx, name) })
	return errors.Join(err, db.Close())
}

// verify checks a transaction's view of a store: every page of every
// bucket is read here first, so a page whose header is wrong panics in
// this goroutine, where it is recovered, and not in the one tx.Check
// runs in (a panic there ends the process); then tx.Check looks for pages
// freed twice, pages out of bounds or unreachable, and keys out of order.
// The freelist was read when the file was opened; only a freelist page
// whose header names another page would still escape (tx.Check reads it).
func verify(tx *bolt.Tx, name string) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer damageRecovered(name, &err)
	if err := tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
		b.Stats()
		return nil
	}); err != nil {
		return &DamagedError{File: name, Where: err.Error()}
	}
	if at := badMetaPage(tx); at != "" {
		return &DamagedError{File: name, Where: at}
	}
	var first error
	problems := 0
	for e := range tx.Check() {
		if first == nil {
			first = e
		}
		problems++
	}
	if first == nil {
		return nil
	}
	at := Where(first.Error())
	if problems > 1 {
		at = fmt.Sprintf("%s, and %d more problems", at, problems-1)
	}
	return &DamagedError{File: name, Where: at}
}

// Guard runs f, which reads the store file name: bbolt's panic over a
// damaged page, or a fault reading its memory map, is a *DamagedError.
func Guard(name string, f func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer damageRecovered(name, &err)
	return f()
}

// damageRecovered, deferred after debug.SetPanicOnFault(true), turns a
// panic of bbolt's over a damaged page, or a fault reading the memory
// map, into a *DamagedError of the file name in *err.
func damageRecovered(name string, err *error) {
	if r := recover(); r != nil {
		*err = &DamagedError{File: name, Where: Where(fmt.Sprint(r))}
	}
}

var pageOf = regexp.MustCompile(`^(?:assertion failed: )?[Pp]age (?:expected to be: )?(\d+)`)

// Where says where bbolt found a problem (in a message of its own or a
// panic of its own): "page 7 (…)" when its message
// names the page, as most do, and its message as it is otherwise.
func Where(msg string) string {
	if m := pageOf.FindStringSubmatch(msg); m != nil {
		return "page " + m[1] + " (" + strings.TrimPrefix(msg, "assertion failed: ") + ")"
	}
	return msg
}

// badMetaPage reads the headers of the two meta pages, which tx.Check
// reads in its own goroutine: one whose header names another page would
// panic there, out of reach of verify's recover. bbolt opens a store with
// one good meta page, so the other can be damaged unseen until then. A
// meta page whose header is right but whose checksum is not is what a
// power cut during a save leaves: bbolt opened the store from the other
// page, the save cut short had not been reported done, and the next save
// writes the torn page over, so that is not damage (telling IT to restore
// an older backup would lose cases). It returns where the damage is, or "".
func badMetaPage(tx *bolt.Tx) string {
	size := tx.DB().Info().PageSize
	f, err := os.Open(tx.DB().Path())
	if err != nil {
		return ""
	}
	defer f.Close()
	// The page header (ID 8 bytes, flags 2, count 2, overflow 4), then the
	// meta: magic, version, page size, flags (4 bytes each), root bucket
	// (16), freelist, page count and transaction ID (8 each), and the FNV-64a
	// checksum of all that; native byte order, as bbolt writes them.
	const header, sumAt = 16, 56
	page := make([]byte, header+sumAt+8)
	torn := 0
	for id := range uint64(2) {
		if _, err := f.ReadAt(page, int64(id)*int64(size)); err != nil {
			return fmt.Sprintf("page %d (a meta page cannot be read: %v)", id, err)
		}
		if got := nativeEndian.Uint64(page); got != id || nativeEndian.Uint16(page[8:]) != metaPageFlag {
			return fmt.Sprintf("page %d (a meta page whose header names page %d)", id, got)
		}
		meta := page[header:]
		sum := fnv.New64a()
		sum.Write(meta[:sumAt])
		if nativeEndian.Uint32(meta) != metaMagic || nativeEndian.Uint64(meta[sumAt:]) != sum.Sum64() {
			torn++
		}
	}
	if torn == 2 {
		return "pages 0 and 1 (both meta pages' contents do not match their checksums)"
	}
	return ""
}

// metaMagic opens every bbolt meta page (bbolt's common.Magic).
const metaMagic = 0xED0CDAED

// metaPageFlag marks a meta page in its header (bbolt's common.MetaPageFlag).
const metaPageFlag = 0x04

// nativeEndian is the byte order bbolt writes page headers in: the
// machine's own.
var nativeEndian = binary.NativeEndian
