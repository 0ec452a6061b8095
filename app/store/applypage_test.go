package store

import (
	"testing"

	"tongban/app/cases"
)

// TestApplyPageCountsOnlyNewEvents: a kiosk's own events coming back
// in the feed are not pulled; another device's are, once.
func TestApplyPageCountsOnlyNewEvents(t *testing.T) {
	kiosk := openTest(t, t.TempDir())
	counter := openTest(t, t.TempDir())
	c, err := kiosk.Submit(sample("张三", "13800138000", "130102199003071233"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		st     *Store
		events []cases.Event
		added  int
	}{
		{"the kiosk's own submission comes back", kiosk, c.Events, 0},
		{"the counter gets it", counter, c.Events, 1},
		{"the counter gets it again", counter, c.Events, 0},
		{"a page repeating one event", kiosk, append(c.Events, c.Events...), 0},
	}
	for i, tt := range tests {
		changed, added, err := tt.st.ApplyPage(tt.events, string(rune('a'+i)))
		if err != nil || added != tt.added {
			t.Errorf("%s: added %d (%d cases changed), %v; want %d", tt.name, added, len(changed), err, tt.added)
		}
		if cur, _ := tt.st.Get(KeyCursor); string(cur) != string(rune('a'+i)) {
			t.Errorf("%s: cursor %q was not saved with the page", tt.name, cur)
		}
	}
	orphan := cases.Event{ID: cases.NewID(), CaseID: cases.NewID(), Kind: cases.KindAccepted, Stamp: cases.Stamp{Wall: 1}}
	if _, added, err := counter.ApplyPage([]cases.Event{orphan, orphan}, "z"); err != nil || added != 1 {
		t.Errorf("an event whose case has not arrived: added %d, %v; want 1", added, err)
	}
}
