package store

import (
	"slices"
	"testing"
	"time"

	"tongban/app/cases"
)

// openTicking opens a store whose clock moves a minute at each reading,
// so cases submitted one after another have times in that order.
func openTicking(t *testing.T) *Store {
	t.Helper()
	now := testDay
	s, err := Open(t.TempDir(), Options{Center: "130102", Role: "kiosk", Now: func() time.Time {
		now = now.Add(time.Minute)
		return now
	}})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestFindByWholeIDNumber: a whole ID number finds the cases of that
// number only, however it is typed, and not those of another number with
// the same last four; a whole phone number and a name find theirs.
func TestFindByWholeIDNumber(t *testing.T) {
	s := openTicking(t)
	mine, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	again, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	s.Submit(sample("李四", "13900139000", "110105194912311233")) // same last four, another person
	wang, _ := s.Submit(sample("王五", "13700137000", "11010519491231002X"))
	tests := []struct {
		text string
		want []string // case numbers, newest first
	}{
		{"130102199003071233", []string{again.Number, mine.Number}},
		{" 1301 0219 9003 0712 33 ", []string{again.Number, mine.Number}},
		{"11010519491231002x", []string{wang.Number}}, // a small x
		{"130102199003071234", nil},                   // same first seventeen, another last
		{"13800138000", []string{again.Number, mine.Number}},
		{"+86 138-0013-8000", []string{again.Number, mine.Number}},
		{"张三", []string{again.Number, mine.Number}},
	}
	for _, tt := range tests {
		got, err := s.Find(cases.Query{Text: tt.text})
		if err != nil {
			t.Errorf("Find(%q): %v", tt.text, err)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("Find(%q) = %d cases, want %d", tt.text, len(got), len(tt.want))
			continue
		}
		for i, c := range got {
			if c.Number != tt.want[i] {
				t.Errorf("Find(%q)[%d] = %s, want %s", tt.text, i, c.Number, tt.want[i])
			}
		}
	}
	if got, _ := s.Find(cases.Query{Text: "1233"}); len(got) != 3 {
		t.Errorf("Find(1233), the last four alone, = %d cases; want all 3 that end so", len(got))
	}
	// The last four of a phone (手机尾号), newest first.
	if got, _ := s.Find(cases.Query{Text: "8000"}); !slices.Equal(numbers(got), []string{again.Number, mine.Number}) {
		t.Errorf("Find(8000), a phone's last four, = %v; want %s and %s", numbers(got), again.Number, mine.Number)
	}
}

// TestFindKeepsTheNewestUnderALimit: cut by a limit, a search by phone or
// ID number keeps the newest cases, as the list promises.
func TestFindKeepsTheNewestUnderALimit(t *testing.T) {
	s := openTicking(t)
	var last *cases.Case
	for range 3 {
		last, _ = s.Submit(sample("张三", "13800138000", "130102199003071233"))
	}
	for _, text := range []string{"13800138000", "130102199003071233", "1233"} {
		got, err := s.Find(cases.Query{Text: text, Limit: 1})
		if err != nil || len(got) != 1 || got[0].Number != last.Number {
			t.Errorf("Find(%q, limit 1) = %v, %v; want the newest, %s", text, numbers(got), err, last.Number)
		}
	}
}

func numbers(cs []*cases.Case) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Number
	}
	return out
}
