package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"tongban/app/cases"
)

// Restoring an older backup carries the replaced store's unsent events
// into it — new cases, later events of a case the backup holds, a case
// taken from a receipt with its mark — each once, after the backup's own
// outbox entries; nothing a citizen holds a receipt for is lost.
func TestRestoreCarriesUnsentEvents(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir)
	first, err := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b1.db")
	if _, err := s.BackupFile(file); err != nil {
		t.Fatal(err)
	}
	second, _ := s.Submit(sample("李四", "13700137000", "510107197701018716"))
	third, _ := s.Submit(sample("王五", "13600136000", "11010519491231002X"))
	accepted, err := s.Act(first.ID, cases.Action{Kind: cases.KindAccepted, Staff: "s1", Payload: cases.Acceptance{Received: []int{0}}})
	if err != nil {
		t.Fatal(err)
	}
	fromReceipt := submittedAs(t, "261127-K77-0003", cases.NewID(), testDay)
	if _, err := s.Import([]cases.Event{fromReceipt}, true); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Pending()
	s.Close()

	r, err := RestoreFile(dir, file, RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// second, third, first's acceptance and the receipt's case; first's
	// submission is in the backup's own outbox.
	if r.Carried != 4 || r.Left != 0 || r.Damaged || r.OtherDevice() {
		t.Fatalf("restore = %+v, want 4 events carried, none left", r)
	}
	s = openTest(t, dir)
	if n, _ := s.Pending(); n != before {
		t.Fatalf("pending after the restore = %d, want the %d of before", n, before)
	}
	entries, _ := s.Outbox(100)
	seen := map[string]bool{}
	for i, e := range entries {
		if seen[e.Event.ID] {
			t.Fatalf("event %s is in the outbox twice", e.Event.ID)
		}
		seen[e.Event.ID] = true
		if i == 0 && e.Event.ID != first.ID {
			t.Fatalf("the outbox starts with %s, want the backup's own entry %s first", e.Event.ID, first.ID)
		}
	}
	for _, tc := range []struct {
		name   string
		number string
		status cases.Status
		events int
	}{
		{"a case made before the backup, accepted after", first.Number, cases.StatusAccepted, len(accepted.Events)},
		{"a case made after the backup", second.Number, cases.StatusSubmitted, 1},
		{"another case made after the backup", third.Number, cases.StatusSubmitted, 1},
		{"a case taken from a receipt", "261127-K77-0003", cases.StatusSubmitted, 1},
	} {
		c, err := s.ByNumber(tc.number)
		if err != nil {
			t.Errorf("%s (%s) after the restore: %v", tc.name, tc.number, err)
			continue
		}
		if c.Status != tc.status || len(c.Events) != tc.events {
			t.Errorf("%s (%s): status %s with %d events, want %s with %d", tc.name, tc.number, c.Status, len(c.Events), tc.status, tc.events)
		}
	}
	if st, _ := s.SyncOf(fromReceipt.CaseID); !st.FromReceipt || st.Pending != 1 {
		t.Errorf("the receipt's case after the restore: %+v, want from a receipt, 1 pending", st)
	}
	if c, err := s.Submit(sample("赵六", "13500135000", "130102199003071233")); err != nil || !hasSeq(c.Number, "0004") {
		t.Errorf("the next case after the restore: %v, %v; want 0004", c, err)
	}
}

// A backup of another device is refused onto this device's store, and
// nothing changes; with OtherDevice it replaces it, carrying no unsent
// event of the replaced device (they are in the kept store). A folder
// with no store takes any backup.
func TestRestoreOfAnotherDevice(t *testing.T) {
	kiosk := t.TempDir()
	k := openTest(t, kiosk)
	k.Submit(sample("张三", "13800138000", "130102199003071233"))
	kioskID, _ := k.Identity()
	file := filepath.Join(t.TempDir(), "kiosk.db")
	if _, err := k.BackupFile(file); err != nil {
		t.Fatal(err)
	}

	counter := t.TempDir()
	c, err := Open(counter, Options{Center: "130102", Role: "counter"})
	if err != nil {
		t.Fatal(err)
	}
	c.Submit(sample("李四", "13700137000", "510107197701018716"))
	c.Submit(sample("王五", "13600136000", "11010519491231002X"))
	counterID, _ := c.Identity()
	c.Close()
	live := filepath.Join(counter, FileName)
	was, _ := os.Stat(live)

	_, err = RestoreFile(counter, file, RestoreOptions{})
	var other *OtherDeviceError
	if !errors.Is(err, ErrOtherDevice) || !errors.As(err, &other) {
		t.Fatalf("restoring the kiosk's backup onto the counter = %v, want ErrOtherDevice", err)
	}
	if other.Backup.ShortCode != kioskID.ShortCode || other.Here.ShortCode != counterID.ShortCode || other.Here.Role != "counter" {
		t.Errorf("the refusal names %+v and %+v, want the kiosk %s and the counter %s", other.Backup, other.Here, kioskID.ShortCode, counterID.ShortCode)
	}
	if now, err := os.Stat(live); err != nil || !os.SameFile(was, now) {
		t.Fatalf("the refused restore replaced the counter's store (%v)", err)
	}
	if entries, _ := os.ReadDir(counter); len(entries) != 1 {
		t.Fatalf("the refused restore left %d files in the data folder", len(entries))
	}

	r, err := RestoreFile(counter, file, RestoreOptions{OtherDevice: true})
	if err != nil {
		t.Fatalf("restore with OtherDevice: %v", err)
	}
	if r.Carried != 0 || r.Left != 2 || r.Kept == "" || !r.OtherDevice() || r.Device.ShortCode != kioskID.ShortCode || r.Replaced.ShortCode != counterID.ShortCode {
		t.Fatalf("restore with OtherDevice = %+v, want nothing carried, the counter's 2 unsent events left in the kept store", r)
	}
	s := openTest(t, counter)
	if id, _ := s.Identity(); !sameDevice(id, kioskID) {
		t.Fatalf("after restoring with OtherDevice the device is %+v, want the kiosk %+v", id, kioskID)
	}
	if n, _ := s.Pending(); n != 1 {
		t.Fatalf("pending after restoring the kiosk's backup = %d, want the kiosk's 1", n)
	}

	fresh := filepath.Join(t.TempDir(), "new")
	if _, err := RestoreFile(fresh, file, RestoreOptions{}); err != nil {
		t.Fatalf("restore onto an empty folder: %v", err)
	}
}

// A backup restored where nothing tells what the device issued after it
// (a new machine) leaps today's sequences to a block of their own, so a
// case taken before the first sync cannot reuse a number the old machine
// issued after the backup; a restore over the device's own store carries
// its sequences instead and leaps nothing.
func TestRestoreOntoANewMachineLeapsTodaysNumbers(t *testing.T) {
	old := openTest(t, t.TempDir())
	first, _ := old.Submit(sample("张三", "13800138000", "130102199003071233"))
	if _, _, err := old.IssueTicket(first.ID, "A"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b.db")
	if _, err := old.BackupFile(file); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ { // issued by the old machine after the backup
		old.Submit(sample("李四", "13700137000", "510107197701018716"))
	}

	fresh := t.TempDir()
	r, err := RestoreFile(fresh, file, RestoreOptions{Now: func() time.Time { return testDay }})
	if err != nil || r.NextNumber != 1000 {
		t.Fatalf("restore onto a new machine = %+v, %v; want today's numbers from 1000", r, err)
	}
	s := openTest(t, fresh)
	c, err := s.Submit(sample("王五", "13600136000", "11010519491231002X"))
	if err != nil {
		t.Fatal(err)
	}
	if seq, _ := cases.NumberSeq(c.Number); seq != 1000 {
		t.Errorf("first case after the restore is %s, want sequence 1000", c.Number)
	}
	ticket, _, err := s.IssueTicket(c.ID, "A")
	if err != nil || ticket.Number != "A100" {
		t.Errorf("first ticket after the restore = %q, %v; want A100", ticket.Number, err)
	}
	s.Close()

	again, err := RestoreFile(fresh, file, RestoreOptions{Now: func() time.Time { return testDay }})
	if err != nil || again.NextNumber != 0 {
		t.Fatalf("restore over the device's own store = %+v, %v; want its sequences carried, no leap", again, err)
	}
}

func TestLeap(t *testing.T) {
	for _, tt := range []struct{ seq, block, want int }{{0, 1000, 999}, {2, 1000, 999}, {499, 1000, 999}, {501, 1000, 1999}, {999, 1000, 1999}, {1500, 1000, 1999}, {7, 100, 99}, {60, 100, 199}} {
		if got := leap(tt.seq, tt.block); got != tt.want {
			t.Errorf("leap(%d, %d) = %d, want %d", tt.seq, tt.block, got, tt.want)
		}
	}
}
