package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"tongban/app/cases"
)

var testDay = time.Date(2026, 11, 27, 9, 30, 0, 0, cases.Zone)

func openTest(t testing.TB, dir string) *Store {
	t.Helper()
	s, err := Open(dir, Options{Center: "130102", Role: "kiosk", Now: func() time.Time { return testDay }})
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func sample(name, phone, id string) cases.Submission {
	return cases.Submission{ItemCode: "130102-SCJG-001", CatalogVersion: 1, Channel: cases.ChannelKiosk,
		Fields: map[string]string{"name": name, "phone": phone, "id_number": id}, Materials: []int{0}}
}

func TestSubmitSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir)
	c, err := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	if err != nil {
		t.Fatal(err)
	}
	id, _ := s.Identity()
	if want := "261127-" + id.ShortCode + "-0001"; c.Number != want {
		t.Fatalf("first number of the day = %s, want %s", c.Number, want)
	}
	s.Close()
	s = openTest(t, dir)
	got, err := s.ByNumber(c.Number)
	if err != nil {
		t.Fatalf("after reopening, ByNumber(%s): %v", c.Number, err)
	}
	if got.ID != c.ID || got.Name() != "张三" || got.Status != cases.StatusSubmitted {
		t.Fatalf("reopened case = %+v", got)
	}
	if st, _ := s.SyncOf(c.ID); st.Pending != 1 || st.Confirmed {
		t.Fatalf("the case's sync state is %+v, want 1 event waiting, not confirmed", st)
	}
	if n, _ := s.Pending(); n != 1 {
		t.Fatalf("outbox holds %d entries, want 1", n)
	}
	c2, _ := s.Submit(sample("李四", "13900139000", "11010519491231002X"))
	if c2.Number == c.Number {
		t.Fatalf("two cases share number %s", c.Number)
	}
}

func TestActAndRefusal(t *testing.T) {
	s := openTest(t, t.TempDir())
	c, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	before, _ := s.Case(c.ID)
	_, err := s.Act(c.ID, cases.Action{Kind: cases.KindCompleted, Staff: "s1", Payload: cases.Completion{Approved: true}})
	if !errors.Is(err, cases.ErrNotAllowed) {
		t.Fatalf("completing a case never accepted: err = %v, want ErrNotAllowed", err)
	}
	after, _ := s.Case(c.ID)
	if len(after.Events) != len(before.Events) {
		t.Fatalf("a refused action wrote events: %d → %d", len(before.Events), len(after.Events))
	}
	if n, _ := s.Pending(); n != 1 {
		t.Fatalf("a refused action queued an event: outbox %d", n)
	}
	c, err = s.Act(c.ID, cases.Action{Kind: cases.KindAccepted, Staff: "s1", Payload: cases.Acceptance{Received: []int{0}}})
	if err != nil || c.Status != cases.StatusAccepted {
		t.Fatalf("accept: %v, status %s", err, c.Status)
	}
	found, _ := s.Find(cases.Query{Status: cases.StatusAccepted})
	if len(found) != 1 {
		t.Fatalf("status index finds %d accepted cases, want 1", len(found))
	}
	if found, _ := s.Find(cases.Query{Status: cases.StatusSubmitted}); len(found) != 0 {
		t.Fatalf("the old status index entry remains: %d submitted", len(found))
	}
}

func TestFind(t *testing.T) {
	s := openTest(t, t.TempDir())
	a, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	s.Submit(sample("张三丰", "13900139000", "11010519491231002X"))
	s.Submit(sample("李四", "13700137000", "510107197701018716"))
	tests := []struct {
		text string
		want int
	}{
		{a.Number, 1},
		{"138 0013 8000", 1},
		{"1233", 1},
		{"002x", 1},
		{"张三", 2},
		{"王五", 0},
		{"", 3},
	}
	for _, tt := range tests {
		got, err := s.Find(cases.Query{Text: tt.text})
		if err != nil || len(got) != tt.want {
			t.Errorf("Find(%q) = %d cases, %v; want %d", tt.text, len(got), err, tt.want)
		}
	}
	if got, _ := s.Find(cases.Query{Day: testDay.AddDate(0, 0, -1)}); len(got) != 0 {
		t.Errorf("yesterday's list has %d cases", len(got))
	}
	if got, _ := s.Find(cases.Query{Day: testDay, Limit: 2}); len(got) != 2 {
		t.Errorf("today's list with limit 2 has %d cases", len(got))
	}
}

func TestImportFromReceiptThenConfirm(t *testing.T) {
	kiosk := openTest(t, t.TempDir())
	counter := openTest(t, t.TempDir())
	c, _ := kiosk.Submit(sample("张三", "13800138000", "130102199003071233"))
	changed, err := counter.Import(c.Events, true)
	if err != nil || len(changed) != 1 {
		t.Fatalf("import from receipt: %v, %d changed", err, len(changed))
	}
	got, _ := counter.ByNumber(c.Number)
	if st, _ := counter.SyncOf(got.ID); !got.Sync.FromReceipt || st.Confirmed || st.Pending != 1 {
		t.Fatalf("imported case sync = %+v, whole state %+v; want from receipt, pending 1", got.Sync, st)
	}
	// Importing the same receipt again changes nothing.
	if changed, err := counter.Import(c.Events, true); err != nil || len(changed) != 0 {
		t.Fatalf("second import: %v, %d changed", err, len(changed))
	}
	entries, _ := counter.Outbox(10)
	if len(entries) != 1 || entries[0].Event.ID != c.ID {
		t.Fatalf("counter outbox = %v, want the submitted event", entries)
	}
	if err := counter.Acknowledge([]Outcome{{Seq: entries[0].Seq}}); err != nil {
		t.Fatal(err)
	}
	got, _ = counter.ByNumber(c.Number)
	if st, _ := counter.SyncOf(got.ID); got.Sync.FromReceipt || !st.Confirmed || st.Pending != 0 {
		t.Fatalf("after the platform answered, sync = %+v, whole state %+v", got.Sync, st)
	}
	// A twin event with other content is refused from a receipt.
	twin := c.Events[0]
	twin.Payload = []byte(`{"number":"x"}`)
	if _, err := counter.Import([]cases.Event{twin}, true); !errors.Is(err, ErrEventMismatch) {
		t.Fatalf("twin import: %v, want ErrEventMismatch", err)
	}
}

func TestApplyPageSavesCursorWithEvents(t *testing.T) {
	kiosk := openTest(t, t.TempDir())
	counter := openTest(t, t.TempDir())
	c, _ := kiosk.Submit(sample("张三", "13800138000", "130102199003071233"))
	if _, _, err := counter.ApplyPage(c.Events, "42"); err != nil {
		t.Fatal(err)
	}
	cur, _ := counter.Get(KeyCursor)
	got, err := counter.ByNumber(c.Number)
	if st, _ := counter.SyncOf(got.ID); string(cur) != "42" || err != nil || !st.Confirmed {
		t.Fatalf("cursor %q, case %v, err %v", cur, got, err)
	}
	// An event whose submission has not arrived waits without a record.
	orphan := cases.Event{ID: cases.NewID(), CaseID: cases.NewID(), Kind: cases.KindAccepted, Stamp: cases.Stamp{Wall: 1}}
	if changed, _, err := counter.ApplyPage([]cases.Event{orphan}, "43"); err != nil || len(changed) != 0 {
		t.Fatalf("orphan page: %v, %d changed", err, len(changed))
	}
}

func TestOutboxRejectionIsParked(t *testing.T) {
	s := openTest(t, t.TempDir())
	s.Submit(sample("张三", "13800138000", "130102199003071233"))
	s.Submit(sample("李四", "13700137000", "510107197701018716"))
	entries, _ := s.Outbox(10)
	if len(entries) != 2 || entries[0].Seq >= entries[1].Seq {
		t.Fatalf("outbox = %v, want two entries in order", entries)
	}
	err := s.Acknowledge([]Outcome{{Seq: entries[0].Seq, Rejected: true, Reason: "event for another center"}})
	if err != nil {
		t.Fatal(err)
	}
	rej, _ := s.Rejected()
	left, _ := s.Outbox(10)
	if len(rej) != 1 || rej[0].Reason != "event for another center" || len(left) != 1 {
		t.Fatalf("rejected %v, left %d", rej, len(left))
	}
	if n, _ := s.Pending(); n != 1 {
		t.Fatalf("pending = %d, want 1", n)
	}
}

func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir)
	c, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	file := filepath.Join(t.TempDir(), "backup.db")
	if _, err := s.BackupFile(file); err != nil {
		t.Fatal(err)
	}
	if err := Restore(dir, file); !errors.Is(err, ErrLocked) {
		t.Fatalf("restore over an open store: %v, want ErrLocked", err)
	}
	s.Close()
	other := t.TempDir()
	if err := Restore(other, file); err != nil {
		t.Fatal(err)
	}
	r := openTest(t, other)
	if got, err := r.ByNumber(c.Number); err != nil || got.ID != c.ID {
		t.Fatalf("restored store: %v, %v", got, err)
	}
	junk := filepath.Join(t.TempDir(), "junk")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	if err := Restore(t.TempDir(), junk); !errors.Is(err, ErrNotStore) {
		t.Fatalf("restore of junk: %v, want ErrNotStore", err)
	}
}

func TestPurgeKeepsOpenAndUnsynced(t *testing.T) {
	s := openTest(t, t.TempDir())
	open, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	done, _ := s.Submit(sample("李四", "13700137000", "510107197701018716"))
	s.Act(done.ID, cases.Action{Kind: cases.KindWithdrawn, Payload: cases.Reasoned{Reason: "申请人撤回"}})
	if n, _ := s.Purge(testDay.AddDate(0, 0, 1)); n != 0 {
		t.Fatalf("purged %d unsynced cases", n)
	}
	entries, _ := s.Outbox(10)
	var outs []Outcome
	for _, e := range entries {
		outs = append(outs, Outcome{Seq: e.Seq})
	}
	s.Acknowledge(outs)
	if n, _ := s.Purge(testDay.AddDate(0, 0, 1)); n != 1 {
		t.Fatalf("purged %d, want the one closed synced case", n)
	}
	if _, err := s.Case(done.ID); !errors.Is(err, cases.ErrNotFound) {
		t.Fatalf("purged case still there: %v", err)
	}
	if found, _ := s.Find(cases.Query{Text: "李四"}); len(found) != 0 {
		t.Fatal("the purged case is still in the name index")
	}
	if _, err := s.Case(open.ID); err != nil {
		t.Fatalf("the open case was purged: %v", err)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	dir := t.TempDir()
	openTest(t, dir)
	if _, err := Open(dir, Options{}); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
}

func TestARefusedSubmissionIsNotConfirmed(t *testing.T) {
	s := openTest(t, t.TempDir())
	c, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	entries, _ := s.Outbox(1)
	s.Acknowledge([]Outcome{{Seq: entries[0].Seq, Rejected: true, Reason: "event for another center"}})
	if st, _ := s.SyncOf(c.ID); st.Confirmed || st.Pending != 0 {
		t.Fatalf("a refused submission: %+v, want not confirmed, nothing pending", st)
	}
	s.Act(c.ID, cases.Action{Kind: cases.KindWithdrawn, Payload: cases.Reasoned{Reason: "x"}})
	e2, _ := s.Outbox(1)
	s.Acknowledge([]Outcome{{Seq: e2[0].Seq}})
	if n, _ := s.Purge(testDay.AddDate(1, 0, 0)); n != 0 {
		t.Fatal("a case the platform refused was purged")
	}
}
