package store

import (
	"encoding/binary"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/app/cases"
)

// submittedAs makes the submitted event of a case numbered number, as
// device made it.
func submittedAs(t *testing.T, number, device string, at time.Time) cases.Event {
	t.Helper()
	sub := sample("赵六", "13500135000", "130102199003071233")
	sub.Number = number
	e, err := cases.Submitted(sub, "130102", device, cases.Stamp{Wall: at.UnixMilli()})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// A submission pulled from the platform that carries this device's short
// code raises that day's sequence, so the device does not issue the number
// again; any other number leaves the sequences alone.
func TestImportClaimsOwnNumbers(t *testing.T) {
	for _, tc := range []struct {
		name string
		// pulled makes the number pulled from the device's short code.
		pulled func(code string) string
		// want is the number of the next case taken today.
		want func(code string) string
	}{
		{"this device, today, ahead", func(c string) string { return "261127-" + c + "-0007" }, func(c string) string { return "261127-" + c + "-0008" }},
		{"this device, today, behind", func(c string) string { return "261127-" + c + "-0001" }, func(c string) string { return "261127-" + c + "-0003" }},
		{"this device, another day", func(c string) string { return "261126-" + c + "-0040" }, func(c string) string { return "261127-" + c + "-0003" }},
		{"another device, today", func(string) string { return "261127-K99-0050" }, func(c string) string { return "261127-" + c + "-0003" }},
		{"six digits", func(c string) string { return "261127-" + c + "-012345" }, func(c string) string { return "261127-" + c + "-12346" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t, t.TempDir())
			id, _ := s.Identity()
			for range 2 { // 0001 and 0002 issued here
				if _, err := s.Submit(sample("张三", "13800138000", "130102199003071233")); err != nil {
					t.Fatal(err)
				}
			}
			e := submittedAs(t, tc.pulled(id.ShortCode), cases.NewID(), testDay.Add(-time.Hour))
			if _, added, err := s.ApplyPage([]cases.Event{e}, "c1"); err != nil || added != 1 {
				t.Fatalf("pulling %s: added %d, %v", tc.pulled(id.ShortCode), added, err)
			}
			c, err := s.Submit(sample("李四", "13700137000", "510107197701018716"))
			if err != nil {
				t.Fatalf("the case after pulling %s was refused: %v", tc.pulled(id.ShortCode), err)
			}
			if want := tc.want(id.ShortCode); c.Number != want {
				t.Fatalf("after pulling %s the next case is %s, want %s", tc.pulled(id.ShortCode), c.Number, want)
			}
			pulled := tc.pulled(id.ShortCode)
			day, _ := cases.NumberDay(pulled)
			if own, seq := strings.Split(pulled, "-")[1] == id.ShortCode, seqOf(t, pulled); own {
				s.db.View(func(tx *bolt.Tx) error {
					if got := daySeq(tx.Bucket(bucketMeta), day); got < seq {
						t.Errorf("after pulling %s the sequence of its day is %d, want at least %d", pulled, got, seq)
					}
					return nil
				})
			}
		})
	}
}

// A store whose sequence is behind numbers it holds — one written before
// imports claimed numbers — skips them: the case is taken under the next
// free number, never refused. Only when the day has no number left is it
// refused, and then nothing is written.
func TestSubmitSkipsTakenNumbers(t *testing.T) {
	s := openTest(t, t.TempDir())
	id, _ := s.Identity()
	var pulled []cases.Event
	for _, seq := range []int{2, 3, 4, 5, 7} {
		pulled = append(pulled, submittedAs(t, cases.FormatNumber(testDay, id.ShortCode, seq), id.DeviceID, testDay))
	}
	if _, err := s.Import(pulled, false); err != nil {
		t.Fatal(err)
	}
	setDaySeq(t, s, 1) // as the store of an older version left it
	want := []string{"0006", "0008", "0009"}
	for _, w := range want {
		c, err := s.Submit(sample("张三", "13800138000", "130102199003071233"))
		if err != nil {
			t.Fatalf("a case on a store holding numbers ahead of its sequence was refused: %v", err)
		}
		if got := c.Number[len(c.Number)-4:]; got != w {
			t.Fatalf("the next case is %s, want sequence %s", c.Number, w)
		}
	}

	full := openTest(t, t.TempDir())
	setDaySeq(t, full, maxDaySeq)
	if _, err := full.Submit(sample("张三", "13800138000", "130102199003071233")); !errors.Is(err, ErrDuplicateNumber) {
		t.Fatalf("a case after sequence %d = %v, want ErrDuplicateNumber", maxDaySeq, err)
	}
	if n, _ := full.Pending(); n != 0 {
		t.Fatalf("a refused case left %d outbox entries", n)
	}
}

// setDaySeq sets the test day's case sequence.
func setDaySeq(t *testing.T, s *Store, n int) {
	t.Helper()
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(daySeqKey(testDay), binary.BigEndian.AppendUint32(nil, uint32(n)))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The audit's case: kiosk K01 took cases 0001-0005 and pushed them; a
// backup made after 0001 is restored on a new machine, whose first sync
// pulls 0002-0005 back. The next case there is 0006. The copy then pushes
// its 0006, and the original machine, pulling it, goes on at 0007.
func TestRestoreOnANewMachineThenPull(t *testing.T) {
	now := testDay
	original := openAt(t, t.TempDir(), &now)
	var made []cases.Event
	file := filepath.Join(t.TempDir(), "bk.db")
	for i := range 5 {
		c, err := original.Submit(sample("张三", "13800138000", "130102199003071233"))
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, c.Events...)
		if i == 0 {
			if _, err := original.BackupFile(file); err != nil {
				t.Fatal(err)
			}
		}
	}
	pushAll(t, original)

	dir := filepath.Join(t.TempDir(), "new")
	if _, err := RestoreFile(dir, file, RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	copied := openAt(t, dir, &now)
	if _, _, err := copied.ApplyPage(made, "after-5"); err != nil {
		t.Fatal(err)
	}
	sixth, err := copied.Submit(sample("李四", "13700137000", "510107197701018716"))
	if err != nil {
		t.Fatalf("the restored copy refused a new case after its first sync: %v", err)
	}
	if !hasSeq(sixth.Number, "0006") {
		t.Fatalf("the restored copy's next case is %s, want 0006", sixth.Number)
	}

	if _, _, err := original.ApplyPage(sixth.Events, "after-6"); err != nil {
		t.Fatal(err)
	}
	seventh, err := original.Submit(sample("王五", "13600136000", "11010519491231002X"))
	if err != nil {
		t.Fatalf("the original refused a new case after pulling the copy's %s: %v", sixth.Number, err)
	}
	if !hasSeq(seventh.Number, "0007") {
		t.Fatalf("the original's next case is %s, want 0007", seventh.Number)
	}
}

func seqOf(t *testing.T, number string) int {
	t.Helper()
	n, err := cases.NumberSeq(number)
	if err != nil {
		t.Fatalf("case number %q: %v", number, err)
	}
	return n
}

func hasSeq(number, seq string) bool { return len(number) > 4 && number[len(number)-4:] == seq }
