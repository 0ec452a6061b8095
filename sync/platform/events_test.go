package platform_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// TestPushManyWithRepeats pushes 20,000 events in batches of 500 where
// every batch repeats 50 events of the one before (as a device does when
// an answer was lost), plus one forged event with a stored ID and other
// content. Each event ends up stored once, repeats are duplicates, the
// forgery is rejected and the original kept, and another device of the
// center pulls all 20,000 with no gap and no repeat, in push order.
func TestPushManyWithRepeats(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		const total, batch, repeat = 20000, 500, 50
		kiosk := h.enroll(centerA, protocol.RoleKiosk)
		counter := h.enroll(centerA, protocol.RoleCounter)
		events := make([]cases.Event, total)
		for i := range events {
			events[i] = newEvent(centerA, kiosk.DeviceID, i)
		}
		count := map[string]int{}
		for start := 0; start < total; start += batch - repeat {
			from := max(start-repeat, 0)
			to := min(start+batch-repeat, total)
			if start == 0 {
				to = batch - repeat
			}
			send := events[from:to]
			got := h.push(kiosk.Token, send)
			for i, r := range got.Results {
				if r.ID != send[i].ID {
					t.Fatalf("result %d is for %s, want %s", i, r.ID, send[i].ID)
				}
				wantStatus := protocol.Stored
				if from+i < start {
					wantStatus = protocol.Duplicate
				}
				if r.Status != wantStatus {
					t.Fatalf("event %d: %+v, want %s", from+i, r, wantStatus)
				}
				count[r.Status]++
			}
		}
		if count[protocol.Stored] != total {
			t.Fatalf("stored %d, want %d (%v)", count[protocol.Stored], total, count)
		}
		if count[protocol.Duplicate] == 0 {
			t.Fatal("no batch repeated events")
		}

		forged := events[1234]
		forged.Payload = json.RawMessage(`{"number":"` + newNumber() + `"}`) // a valid number of its own
		res := h.push(kiosk.Token, []cases.Event{forged, events[1234]}).Results
		if res[0].Status != protocol.Rejected || res[0].Reason == "" || res[1].Status != protocol.Duplicate {
			t.Fatalf("forged event then the original: %+v, want rejected with a reason, then duplicate", res)
		}

		got := h.pullAll(counter.Token, 1777)
		if len(got) != total {
			t.Fatalf("pulled %d events, want %d", len(got), total)
		}
		for i := range got {
			if got[i].ID != events[i].ID {
				t.Fatalf("pulled event %d is %s, want %s (push order, no gap, no repeat)", i, got[i].ID, events[i].ID)
			}
		}
		if got[1234].Digest() != events[1234].Digest() {
			t.Fatal("the forged event replaced the stored one")
		}
	})
}

// TestFeedsPerCenter: two devices of one center see each other's events;
// a device of another center sees none of them.
func TestFeedsPerCenter(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		kiosk := h.enroll(centerA, protocol.RoleKiosk)
		counter := h.enroll(centerA, protocol.RoleCounter)
		elsewhere := h.enroll(centerB, protocol.RoleKiosk)
		submitted := newEvent(centerA, kiosk.DeviceID, 1)
		h.push(kiosk.Token, []cases.Event{submitted})
		accepted := cases.Event{ID: cases.NewID(), CaseID: submitted.CaseID, Center: centerA, Kind: cases.KindAccepted,
			Device: counter.DeviceID, Staff: "clerk-1", Stamp: cases.Stamp{Wall: submitted.Stamp.Wall + 1000},
			Parent: submitted.ID, Payload: json.RawMessage(`{"received":[0,1]}`)}
		h.push(counter.Token, []cases.Event{accepted})
		theirs := newEvent(centerB, elsewhere.DeviceID, 2)
		h.push(elsewhere.Token, []cases.Event{theirs})

		for _, who := range []protocol.EnrollResponse{kiosk, counter} {
			got := h.pullAll(who.Token, 10)
			if len(got) != 2 || got[0].Digest() != submitted.Digest() || got[1].Digest() != accepted.Digest() {
				t.Fatalf("%s's feed = %+v, want the submission then the acceptance, byte for byte", who.Role, got)
			}
		}
		if got := h.pullAll(elsewhere.Token, 10); len(got) != 1 || got[0].ID != theirs.ID {
			t.Fatalf("the other center's feed = %+v, want only its own event", got)
		}
		// The cursor of the last page asks for nothing more; one of an
		// earlier version, a bare number, comes back tagged.
		want := "2." + accepted.ID[len(accepted.ID)-8:]
		for _, after := range []string{"2", want} {
			resp, data := h.request("GET", protocol.PathEvents+"?after="+after, kiosk.Token, nil)
			var page protocol.PullResponse
			json.Unmarshal(data, &page)
			if resp.StatusCode != http.StatusOK || len(page.Events) != 0 || page.More || page.Next != want {
				t.Fatalf("pull at the end after %s = %d %s, want an empty page with next %s", after, resp.StatusCode, data, want)
			}
		}
		// A cursor whose tag is not the event's at its number: the feed
		// was restored and has grown since.
		resp, data := h.request("GET", protocol.PathEvents+"?after=2.00000000", kiosk.Token, nil)
		if resp.StatusCode != http.StatusConflict || !strings.Contains(string(data), protocol.CodeCursorAhead) {
			t.Fatalf("pull with another event's tag = %d %s, want 409 %s", resp.StatusCode, data, protocol.CodeCursorAhead)
		}
	})
}

// TestPullInterrupted resumes after every page, as a device whose pull is
// cut after each page does, and gets every event once.
func TestPullInterrupted(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	kiosk := h.enroll(centerA, protocol.RoleKiosk)
	var sent []cases.Event
	for b := range 4 {
		var events []cases.Event
		for i := range 250 {
			events = append(events, newEvent(centerA, kiosk.DeviceID, b*250+i))
		}
		h.push(kiosk.Token, events)
		sent = append(sent, events...)
	}
	seen := map[string]int{}
	cursor := ""
	for pages := 0; ; pages++ {
		resp, data := h.request("GET", fmt.Sprintf("%s?after=%s&limit=97", protocol.PathEvents, cursor), kiosk.Token, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("page %d: %d %s", pages, resp.StatusCode, data)
		}
		var page protocol.PullResponse
		if err := json.Unmarshal(data, &page); err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Events {
			seen[e.ID]++
		}
		cursor = page.Next // a fresh request each page: nothing carries over but the cursor
		if !page.More {
			break
		}
	}
	for i, e := range sent {
		if seen[e.ID] != 1 {
			t.Fatalf("event %d seen %d times, want once", i, seen[e.ID])
		}
	}
}

// TestPullPagesHaveAByteCap: a page of large events stops at
// protocol.MaxPullBytes however many were asked for, and the pages
// together carry every event once.
func TestPullPagesHaveAByteCap(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		kiosk := h.enroll(centerA, protocol.RoleKiosk)
		big := strings.Repeat("长", 9000) // 27 KB of a field, under MaxPayload
		var sent []cases.Event
		for b := range 2 {
			var events []cases.Event
			for i := range 200 {
				e := newEvent(centerA, kiosk.DeviceID, b*200+i)
				e.Payload = bytes.Replace(e.Payload, []byte(`"张三"`), []byte(`"`+big+`"`), 1)
				events = append(events, e)
			}
			h.push(kiosk.Token, events)
			sent = append(sent, events...)
		}
		seen := map[string]int{}
		cursor, pages := "", 0
		for ; ; pages++ {
			resp, data := h.request("GET", fmt.Sprintf("%s?after=%s&limit=%d", protocol.PathEvents, cursor, protocol.MaxPull), kiosk.Token, nil)
			if resp.StatusCode != http.StatusOK || len(data) > protocol.MaxPullBytes+1024 {
				t.Fatalf("page %d: %d, %d bytes; want 200 and at most %d", pages, resp.StatusCode, len(data), protocol.MaxPullBytes)
			}
			var page protocol.PullResponse
			if err := json.Unmarshal(data, &page); err != nil {
				t.Fatal(err)
			}
			for _, e := range page.Events {
				seen[e.ID]++
			}
			cursor = page.Next
			if !page.More {
				break
			}
		}
		if pages < 2 {
			t.Errorf("400 events of 27 KB came in %d page(s); want several under the cap", pages+1)
		}
		for i, e := range sent {
			if seen[e.ID] != 1 {
				t.Fatalf("event %d seen %d times, want once", i, seen[e.ID])
			}
		}
	})
}

// TestGzipBothWays sends a gzipped push and gets a gzipped page back.
func TestGzipBothWays(t *testing.T) {
	h := boltHarness(t, platform.Config{})
	kiosk := h.enroll(centerA, protocol.RoleKiosk)
	var events []cases.Event
	for i := range 100 {
		events = append(events, newEvent(centerA, kiosk.DeviceID, i))
	}
	resp, data := h.request("POST", protocol.PathEvents, kiosk.Token, gzipped(pushBody(events...)), "Content-Encoding", "gzip")
	if resp.StatusCode != http.StatusOK || bytes.Count(data, []byte(`"stored"`)) != 100 {
		t.Fatalf("gzipped push: %d %s", resp.StatusCode, data)
	}
	resp, data = h.request("GET", protocol.PathEvents, kiosk.Token, nil, "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" || bytes.Count(data, []byte(`"case_id"`)) != 100 {
		t.Fatalf("pull with Accept-Encoding gzip: %v, %d bytes", resp.Header, len(data))
	}
	resp, _ = h.request("GET", protocol.PathEvents, kiosk.Token, nil, "Accept-Encoding", "gzip;q=0")
	if resp.Header.Get("Content-Encoding") != "" {
		t.Fatal("gzip sent to a client that refused it")
	}
}

// TestPullCursorAhead: a cursor beyond the end of the center's feed (the
// platform restored from an older backup) is refused with 409 and its own
// code, saying to read the feed again from the start, never answered
// with an empty page the device would wait on in silence.
func TestPullCursorAhead(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		kiosk := h.enroll(centerA, protocol.RoleKiosk)
		h.push(kiosk.Token, []cases.Event{newEvent(centerA, kiosk.DeviceID, 1), newEvent(centerA, kiosk.DeviceID, 2)})
		resp, data := h.request("GET", protocol.PathEvents+"?after=99999999", kiosk.Token, nil)
		e := errorBody(t, data)
		if resp.StatusCode != http.StatusConflict || e.Code != protocol.CodeCursorAhead {
			t.Fatalf("pull after 99999999 of a feed of 2: %d %s, want 409 %s", resp.StatusCode, data, protocol.CodeCursorAhead)
		}
		for _, w := range []string{"99999999", "behind the device's cursor", "restored from a backup", "from the start"} {
			if !strings.Contains(e.Message, w) {
				t.Errorf("sentence %q does not say %q", e.Message, w)
			}
		}
		if got := h.pullAll(kiosk.Token, 10); len(got) != 2 {
			t.Fatalf("pulling again from the start gave %d events, want 2", len(got))
		}
		if resp, data := h.request("GET", protocol.PathEvents+"?after=2", kiosk.Token, nil); resp.StatusCode != http.StatusOK {
			t.Fatalf("pull at the feed's end: %d %s, want 200", resp.StatusCode, data)
		}
	})
}
