package store

import (
	"slices"
	"strings"
	"testing"
	"time"

	"tongban/app/cases"
)

// Find takes the end of a case number as a citizen reads it out: the
// sequence, or the device code and the sequence, with or without the dash.
// Four digits are also an ID tail: both kinds of case are listed, once.
func TestFindByTheEndOfANumber(t *testing.T) {
	s := openTest(t, t.TempDir())
	var made []*cases.Case
	for _, name := range []string{"张三", "李四", "王五", "赵六"} {
		c, err := s.Submit(sample(name, "13800138000", "11010519491231002X"))
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, c)
	}
	fourth := made[3].Number // …-0004
	code := strings.Split(fourth, "-")[1]
	// 王五's ID number ends in 0004 too: an ID tail and a number's end.
	third, err := s.Submit(sample("钱七", "13900139000", "110105194912310004"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"0004", []string{fourth, third.Number}},
		{code + "-0004", []string{fourth}},
		{strings.ToLower(code) + " 0004", []string{fourth}},
		{code + "0004", []string{fourth}},
		{"0009", nil},
		{"004", nil}, // too short to be a number's end, and not a name
	} {
		got, err := s.Find(cases.Query{Text: tt.text})
		if err != nil {
			t.Fatalf("Find(%q): %v", tt.text, err)
		}
		var nums []string
		for _, c := range got {
			nums = append(nums, c.Number)
		}
		slices.Sort(nums)
		slices.Sort(tt.want)
		if !slices.Equal(nums, tt.want) {
			t.Errorf("Find(%q) = %v, want %v", tt.text, nums, tt.want)
		}
	}
}

// Running lists the accepted, waiting-for-materials and conflicting cases
// oldest first, and no submitted, suspended or closed one.
func TestRunningListsOpenPromisesOldestFirst(t *testing.T) {
	now := testDay
	s, err := Open(t.TempDir(), Options{Center: "130102", Role: "counter", Now: func() time.Time {
		now = now.Add(time.Minute) // each case a minute after the last
		return now
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	submit := func(name string) *cases.Case {
		t.Helper()
		c, err := s.Submit(sample(name, "13800138000", "11010519491231002X"))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	act := func(c *cases.Case, kind cases.Kind, payload any) {
		t.Helper()
		if _, err := s.Act(c.ID, cases.Action{Kind: kind, Staff: "s1", Payload: payload}); err != nil {
			t.Fatalf("%s %s: %v", kind, c.Number, err)
		}
	}
	oldest, waiting, suspended, done, fresh, newest := submit("甲"), submit("乙"), submit("丙"), submit("丁"), submit("戊"), submit("己")
	for _, c := range []*cases.Case{oldest, suspended, done, newest} {
		act(c, cases.KindAccepted, cases.Acceptance{Received: []int{0}})
	}
	act(waiting, cases.KindSupplementRequested, cases.SupplementRequest{Missing: []int{0}})
	act(suspended, cases.KindSuspended, cases.Reasoned{Reason: "现场核查"})
	act(done, cases.KindCompleted, cases.Completion{Approved: true})
	_ = fresh // submitted: its clock has not started

	got, err := s.Running(10)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range got {
		names = append(names, c.Name())
	}
	if want := "甲,乙,己"; strings.Join(names, ",") != want {
		t.Fatalf("Running = %v, want %s", names, want)
	}
	if got, _ := s.Running(1); len(got) != 1 || got[0].ID != oldest.ID {
		t.Fatalf("Running(1) = %d cases, want the oldest", len(got))
	}
}
