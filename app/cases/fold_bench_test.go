package cases

import (
	"slices"
	"testing"
	"time"
)

// BenchmarkFold folds a case through its usual line: submitted, a notice,
// materials received, suspended, resumed, printed, completed.
func BenchmarkFold(b *testing.B) {
	var clock Clock
	sub := Submission{Number: "261127-K01-0001", ItemCode: "X1", CatalogVersion: 1,
		Fields: map[string]string{"name": "张三"}, Materials: []int{0, 1}, Channel: ChannelKiosk}
	e, _ := Submitted(sub, "130102", "kiosk-1", clock.Tick(time.Date(2026, 11, 27, 9, 0, 0, 0, Zone)))
	events := []Event{e}
	for _, a := range []Action{
		{Kind: KindSupplementRequested, Staff: "s1", Payload: SupplementRequest{Missing: []int{2}}},
		{Kind: KindSupplementReceived, Staff: "s1", Payload: SupplementReceipt{Received: []int{2}}},
		{Kind: KindSuspended, Staff: "s1", Payload: Reasoned{Reason: "现场勘验"}},
		{Kind: KindResumed, Staff: "s1", Payload: Reasoned{Reason: "勘验完成"}},
		{Kind: KindPrinted, Payload: Printing{Document: "receipt"}},
		{Kind: KindCompleted, Staff: "s1", Payload: Completion{Approved: true}},
	} {
		c, _ := Fold(events)
		e, err := c.Event(a, "counter-1", clock.Tick(time.Date(2026, 11, 27, 10, 0, 0, 0, Zone)))
		if err != nil {
			b.Fatal(err)
		}
		events = append(events, e)
	}
	slices.Reverse(events)
	b.ResetTimer()
	for b.Loop() {
		if c, _ := Fold(events); c.Status != StatusCompleted {
			b.Fatalf("folded to %s", c.Status)
		}
	}
}
