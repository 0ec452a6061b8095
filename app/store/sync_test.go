package store

import (
	"bytes"
	"encoding/json"
	"testing"

	"tongban/app/cases"
)

func TestOutboxAfter(t *testing.T) {
	s := openTest(t, t.TempDir())
	var ids []string
	for range 5 {
		c, err := s.Submit(sample("张三", "13800138000", "130102199003071233"))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	all, err := s.OutboxAfter(0, 10)
	if err != nil || len(all) != 5 {
		t.Fatalf("OutboxAfter(0) = %d entries, %v", len(all), err)
	}
	for i, e := range all {
		if e.ID != ids[i] {
			t.Errorf("entry %d has ID %s, want %s", i, e.ID, ids[i])
		}
	}
	rest, err := s.OutboxAfter(all[1].Seq, 2)
	if err != nil || len(rest) != 2 || rest[0].Seq != all[2].Seq || rest[1].Seq != all[3].Seq {
		t.Errorf("OutboxAfter(seq of #2, 2) = %+v, %v; want entries #3 and #4", rest, err)
	}
}

func TestEventID(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{`{"id":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","case_id":"x"}`, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", true},
		{`{"case_id":"x","id":"abc"}`, "abc", true},  // not first: decoded in full
		{`{"id":"a\"b","case_id":"x"}`, `a"b`, true}, // escaped: decoded in full
		{`{"id":"","case_id":"x"}`, "", false},       // empty
		{`{"id":"abc`, "", false},                    // cut off
		{`not json`, "", false},
	}
	for _, tt := range tests {
		got, err := eventID([]byte(tt.in))
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("eventID(%s) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	// The fast path holds for events as the store writes them.
	e, _ := cases.Submitted(sample("李四", "13900139000", "130102199003071233"), "130102", "dev", cases.Stamp{Wall: 1})
	data, _ := json.Marshal(e)
	if !bytes.HasPrefix(data, []byte(`{"id":"`+e.ID+`"`)) {
		t.Errorf("an event's JSON no longer starts with its ID: %.40s; OutboxAfter decodes every entry in full", data)
	}
}

func TestEventHeadOf(t *testing.T) {
	e := cases.Event{ID: "01900000-0000-7000-8000-000000000001", CaseID: "01900000-0000-7000-8000-000000000002",
		Center: "130102", Kind: cases.KindAccepted, Payload: []byte(`{"kind":"decoy","case_id":"decoy"}`)}
	b, _ := json.Marshal(e)
	h, err := eventHeadOf(b)
	if err != nil || h.ID != e.ID || h.CaseID != e.CaseID || h.Kind != e.Kind {
		t.Fatalf("eventHeadOf = %+v, %v", h, err)
	}
	// Another field order falls back to a full decode.
	h, err = eventHeadOf([]byte(`{"kind":"printed","case_id":"c","id":"i"}`))
	if err != nil || h.ID != "i" || h.CaseID != "c" || h.Kind != cases.KindPrinted {
		t.Fatalf("eventHeadOf in another order = %+v, %v", h, err)
	}
	if _, err := eventHeadOf([]byte(`not json`)); err == nil {
		t.Fatal("garbage read as an event head")
	}
}
