package store

import (
	"testing"

	"tongban/app/cases"
)

func TestIssueTicket(t *testing.T) {
	s := openTest(t, t.TempDir())
	a, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	b, _ := s.Submit(sample("李四", "13700137000", "510107197701018716"))
	ta, ca, err := s.IssueTicket(a.ID, "A")
	if err != nil || ta.Number != "A001" || ca.Ticket != "A001" {
		t.Fatalf("first ticket = %+v, case ticket %q, %v", ta, ca.Ticket, err)
	}
	tb, _, _ := s.IssueTicket(b.ID, "A")
	if tb.Number != "A002" {
		t.Fatalf("second ticket = %s, want A002", tb.Number)
	}
	again, _, _ := s.IssueTicket(a.ID, "A")
	if again.Number != "A001" {
		t.Fatalf("asking again gave %s, want the same A001", again.Number)
	}
	if _, _, err := s.IssueTicket(a.ID, "AA"); err == nil {
		t.Fatal("a two-letter queue was accepted")
	}
	if n, _ := s.Pending(); n != 4 {
		t.Fatalf("outbox = %d, want 2 submissions and 2 ticket events", n)
	}
}

func TestRatingsAreListed(t *testing.T) {
	s := openTest(t, t.TempDir())
	good, _ := s.Submit(sample("张三", "13800138000", "130102199003071233"))
	bad, _ := s.Submit(sample("李四", "13700137000", "510107197701018716"))
	s.Act(good.ID, cases.Action{Kind: cases.KindRated, Payload: cases.Rating{Level: cases.VerySatisfied, Channel: cases.ChannelKiosk}})
	s.Act(bad.ID, cases.Action{Kind: cases.KindRated, Payload: cases.Rating{Level: cases.Dissatisfied, Channel: cases.ChannelKiosk, Comment: "等待时间长"}})
	all, _ := s.Ratings(false)
	onlyBad, _ := s.Ratings(true)
	if len(all) != 2 || len(onlyBad) != 1 || onlyBad[0].Number != bad.Number || onlyBad[0].Phone != "13700137000" || onlyBad[0].Comment != "等待时间长" {
		t.Fatalf("ratings = %+v, bad = %+v", all, onlyBad)
	}
}
