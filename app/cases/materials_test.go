package cases

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"tongban/app/catalog"
)

// licenceItem has five materials; 1, 2 and 4 (indexes 0, 1, 3) are required.
var licenceItem = &catalog.Item{Code: "X1", Materials: []catalog.Material{
	{NameZH: "申请书", Required: true}, {NameZH: "决议", Required: true}, {NameZH: "章程"},
	{NameZH: "营业执照", Required: true}, {NameZH: "委托书"},
}}

func TestRequiredMissing(t *testing.T) {
	tests := []struct {
		name     string
		item     *catalog.Item
		received []int
		want     []int
	}{
		{"all required received", licenceItem, []int{0, 1, 3}, nil},
		{"optional ones do not count", licenceItem, []int{0, 1, 2, 3, 4}, nil},
		{"one required unticked", licenceItem, []int{0, 2, 3}, []int{1}},
		{"nothing received", licenceItem, nil, []int{0, 1, 3}},
		{"only optional received", licenceItem, []int{2, 4}, []int{0, 1, 3}},
		{"numbers out of range are no material", licenceItem, []int{0, 1, 7}, []int{3}},
		{"an item this device lacks", nil, nil, nil},
		{"an item without materials", &catalog.Item{}, nil, nil},
	}
	for _, tt := range tests {
		if got := RequiredMissing(tt.item, tt.received); !slices.Equal(got, tt.want) {
			t.Errorf("%s: RequiredMissing(%v) = %v, want %v", tt.name, tt.received, got, tt.want)
		}
	}
}

func TestOutstanding(t *testing.T) {
	tests := []struct {
		missing, received, want []int
	}{
		{[]int{1, 3}, []int{1, 3}, nil},
		{[]int{1, 3}, []int{1}, []int{3}},
		{[]int{1, 3}, nil, []int{1, 3}},
		{[]int{1, 3}, []int{1, 2, 3, 4}, nil},
		{nil, []int{2}, nil},
	}
	for _, tt := range tests {
		c := &Case{Missing: tt.missing}
		if got := c.Outstanding(tt.received); !slices.Equal(got, tt.want) {
			t.Errorf("asked for %v, received %v: outstanding %v, want %v", tt.missing, tt.received, got, tt.want)
		}
	}
}

func TestShortfallNote(t *testing.T) {
	tests := []struct {
		shortfall []int
		note      string
		want      string
	}{
		{nil, "材料已核", "材料已核"},
		{[]int{1}, "", "容缺受理，尚缺：2. 决议"},
		{[]int{1, 3}, " 先行受理 ", "容缺受理，尚缺：2. 决议、4. 营业执照；先行受理"},
		{[]int{9}, "", "容缺受理，尚缺：材料 10"},
	}
	for _, tt := range tests {
		if got := ShortfallNote(licenceItem, tt.shortfall, tt.note); got != tt.want {
			t.Errorf("ShortfallNote(%v, %q) = %q, want %q", tt.shortfall, tt.note, got, tt.want)
		}
	}
}

// Materials handed in after a notice must cover all it asked for, each
// received or owed; a receipt of part of them is refused and writes
// nothing.
func TestSupplementReceiptCoversTheNotice(t *testing.T) {
	tests := []struct {
		name    string
		receipt SupplementReceipt
		refused string // part of the refusal, "" when it is taken
		owed    []int
	}{
		{"everything asked for came", SupplementReceipt{Received: []int{1, 3}}, "", nil},
		{"more than was asked for", SupplementReceipt{Received: []int{1, 2, 3}}, "", nil},
		{"part of it", SupplementReceipt{Received: []int{1}}, "尚缺第 4 项", nil},
		{"nothing", SupplementReceipt{}, "Material 2, 4 asked for", nil},
		{"part, the rest owed", SupplementReceipt{Received: []int{1}, Shortfall: []int{3}}, "", []int{3}},
		{"nothing, all owed", SupplementReceipt{Shortfall: []int{1, 3}}, "", []int{1, 3}},
		{"part, too little owed", SupplementReceipt{Shortfall: []int{3}}, "尚缺第 2 项", nil},
		{"received and owed at once", SupplementReceipt{Received: []int{1, 3}, Shortfall: []int{3}}, "both received and owed", nil},
	}
	for _, tt := range tests {
		h := newHistory(t)
		h.act("counter-1", Action{Kind: KindSupplementRequested, Staff: "s1", Payload: SupplementRequest{Missing: []int{1, 3}}})
		_, err := h.c.Event(Action{Kind: KindSupplementReceived, Staff: "s1", Payload: tt.receipt}, "counter-1", h.clock.Tick(time.Date(2026, 11, 28, 9, 0, 0, 0, Zone)))
		switch {
		case tt.refused == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.name, err)
			continue
		case tt.refused != "" && err == nil:
			t.Errorf("%s: taken, want refused with %q", tt.name, tt.refused)
			continue
		case tt.refused != "":
			if !strings.Contains(err.Error(), tt.refused) || !strings.Contains(err.Error(), "nothing was changed") {
				t.Errorf("%s: refusal %q; want it to say %q and that nothing changed", tt.name, err, tt.refused)
			}
			if strings.Contains(tt.refused, "项") && !strings.Contains(err.Error(), "请待材料补齐后再登记，或容缺受理") {
				t.Errorf("%s: refusal %q does not give both ways on", tt.name, err)
			}
			continue
		}
		h.act("counter-1", Action{Kind: KindSupplementReceived, Staff: "s1", Payload: tt.receipt})
		if h.c.Status != StatusAccepted || h.c.Missing != nil || !slices.Equal(h.c.Owed, tt.owed) {
			t.Errorf("%s: %s, missing %v, owed %v; want accepted, nothing missing, owed %v", tt.name, h.c.Status, h.c.Missing, h.c.Owed, tt.owed)
		}
	}
}

// An acceptance with a shortfall leaves the case owing it until the
// materials are received after a notice.
func TestShortfallIsOwedUntilReceived(t *testing.T) {
	h := newHistory(t)
	if _, err := h.c.Event(Action{Kind: KindAccepted, Payload: Acceptance{Received: []int{0, 1}, Shortfall: []int{1, 3}}}, "c", Stamp{}); err == nil {
		t.Fatal("an acceptance took material 2 as both received and owed")
	}
	h.act("counter-1", Action{Kind: KindAccepted, Staff: "s1", Payload: Acceptance{Received: []int{0, 2}, Shortfall: []int{1, 3},
		Note: ShortfallNote(licenceItem, []int{1, 3}, "")}})
	if h.c.Status != StatusAccepted || !slices.Equal(h.c.Owed, []int{1, 3}) || !slices.Equal(h.c.Received, []int{0, 2}) {
		t.Fatalf("after accepting with a shortfall: %s, received %v, owed %v", h.c.Status, h.c.Received, h.c.Owed)
	}
	h.act("counter-1", Action{Kind: KindSupplementRequested, Staff: "s1", Payload: SupplementRequest{Missing: []int{1, 3}}})
	if !slices.Equal(h.c.Owed, []int{1, 3}) {
		t.Fatalf("asking for the owed materials forgot them: owed %v", h.c.Owed)
	}
	h.act("counter-1", Action{Kind: KindSupplementReceived, Staff: "s1", Payload: SupplementReceipt{Received: []int{1}, Shortfall: []int{3}}})
	if !slices.Equal(h.c.Owed, []int{3}) || !slices.Equal(h.c.Received, []int{0, 1, 2}) {
		t.Fatalf("after material 2 came: received %v, owed %v; want 4 still owed", h.c.Received, h.c.Owed)
	}
	h.act("counter-1", Action{Kind: KindSupplementRequested, Staff: "s1", Payload: SupplementRequest{Missing: []int{3}}})
	h.act("counter-1", Action{Kind: KindSupplementReceived, Staff: "s1", Payload: SupplementReceipt{Received: []int{3}}})
	if h.c.Owed != nil || !slices.Equal(h.c.Received, []int{0, 1, 2, 3}) {
		t.Fatalf("after every material came: received %v, owed %v", h.c.Received, h.c.Owed)
	}
}

// A device of an older version may have recorded part of a notice as
// received with nothing said of the rest: the fold keeps the rest owed.
func TestPartialReceiptOfAnOlderDeviceKeepsTheRestOwed(t *testing.T) {
	h := newHistory(t)
	h.act("counter-1", Action{Kind: KindSupplementRequested, Staff: "s1", Payload: SupplementRequest{Missing: []int{1, 3}}})
	payload, _ := json.Marshal(SupplementReceipt{Received: []int{1}})
	old := Event{ID: NewID(), CaseID: h.c.ID, Center: h.c.Center, Kind: KindSupplementReceived, Device: "counter-old",
		Staff: "s2", Stamp: h.clock.Tick(time.Date(2026, 11, 28, 9, 0, 0, 0, Zone)), Parent: h.c.Head, Payload: payload}
	h.events = append(h.events, old)
	h.refold()
	if h.c.Status != StatusAccepted || !slices.Equal(h.c.Owed, []int{3}) || len(h.c.Invalid) != 0 {
		t.Fatalf("after a partial receipt: %s, owed %v, invalid %v; want accepted with 4 owed", h.c.Status, h.c.Owed, h.c.Invalid)
	}
}

// Owed materials come in on an accepted case without a new notice, and
// until they have, the case cannot be approved; a notice records what was
// checked in beside what it asks for.
func TestOwedMaterialsBlockApprovalUntilTheyCome(t *testing.T) {
	h := newHistory(t)
	if _, err := h.c.Event(Action{Kind: KindSupplementReceived, Payload: SupplementReceipt{Received: []int{1}}}, "c", Stamp{}); err == nil {
		t.Fatal("a submitted case took in materials without a notice")
	}
	h.act("counter-1", Action{Kind: KindAccepted, Staff: "s1", Payload: Acceptance{Received: []int{0, 2}, Shortfall: []int{1}}})
	if _, err := h.c.Event(Action{Kind: KindCompleted, Payload: Completion{Approved: true}}, "c", Stamp{}); !errors.Is(err, ErrOwed) || !strings.Contains(err.Error(), "material 2") {
		t.Fatalf("approving with material 2 owed: %v; want ErrOwed naming material 2", err)
	}
	if _, err := h.c.Event(Action{Kind: KindCompleted, Payload: Completion{Approved: false}}, "c", Stamp{}); err != nil {
		t.Fatalf("denying with material 2 owed: %v; a denial needs nothing more", err)
	}
	h.act("counter-1", Action{Kind: KindSupplementReceived, Staff: "s1", Payload: SupplementReceipt{Received: []int{1}}})
	if h.c.Status != StatusAccepted || len(h.c.Owed) != 0 || !slices.Equal(h.c.Received, []int{0, 1, 2}) {
		t.Fatalf("after the owed material came: %s, received %v, owed %v", h.c.Status, h.c.Received, h.c.Owed)
	}
	if slices.Contains(h.c.Allowed(), KindSupplementReceived) {
		t.Fatal("a case that owes nothing offers to take in materials")
	}
	h.act("counter-1", Action{Kind: KindCompleted, Staff: "s1", Payload: Completion{Approved: true}})

	n := newHistory(t)
	n.act("counter-1", Action{Kind: KindSupplementRequested, Staff: "s1", Payload: SupplementRequest{Missing: []int{1, 3}, Received: []int{0, 1, 2}}})
	if !slices.Equal(n.c.Received, []int{0, 2}) || !slices.Equal(n.c.Missing, []int{1, 3}) {
		t.Fatalf("a notice checking in 1 and 3: received %v, missing %v; want what was checked in kept, the missing not received", n.c.Received, n.c.Missing)
	}
}
