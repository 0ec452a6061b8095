package store

import (
	"testing"
	"time"

	"tongban/app/cases"
)

// A case of this device's ID that it never made, pulled while it is
// recent, is a second copy's at work; one a week old is old work of its
// own coming back (purged, then pulled with the feed from its start).
// The sign goes once no such case has come for CopyQuiet.
func TestCopySeen(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.Local)
	s := openAt(t, t.TempDir(), &now)
	id, err := s.Identity()
	if err != nil {
		t.Fatal(err)
	}
	old := submittedAs(t, "261120-"+id.ShortCode+"-0003", id.DeviceID, now.Add(-8*24*time.Hour))
	if _, _, err := s.ApplyPage([]cases.Event{old}, "1"); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.CopySeen(); ok || err != nil {
		t.Fatalf("a week-old case of its own came back: CopySeen = %v, %v; want none", ok, err)
	}
	recent := submittedAs(t, "261128-"+id.ShortCode+"-0007", id.DeviceID, now.Add(-time.Hour))
	if _, _, err := s.ApplyPage([]cases.Event{recent}, "2"); err != nil {
		t.Fatal(err)
	}
	seen, ok, err := s.CopySeen()
	if !ok || err != nil || seen.Number != "261128-"+id.ShortCode+"-0007" {
		t.Fatalf("a case made an hour ago under this device's ID: CopySeen = %+v, %v, %v; want it", seen, ok, err)
	}
	now = now.Add(CopyQuiet + time.Hour)
	if _, ok, _ := s.CopySeen(); ok {
		t.Fatalf("the sign stays %v after the last case of the other copy", CopyQuiet+time.Hour)
	}
}
