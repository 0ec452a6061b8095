package cases

import (
	"encoding/json"
	"testing"

	"tongban/app/catalog"
)

func TestEventSummary(t *testing.T) {
	item := &catalog.Item{Materials: []catalog.Material{
		{NameZH: "营业执照正本", NameEN: "Business licence (original)"}, {NameZH: "公司章程", NameEN: "Articles"}}}
	tests := []struct {
		kind    Kind
		payload string
		want    string
	}{
		{KindAccepted, `{"received":[0],"shortfall":[1],"note":"容缺受理，尚缺：2. 公司章程；先办"}`,
			"收到材料 Received: 1. 营业执照正本（1. Business licence (original)）；容缺受理，尚缺 Still owed: 2. 公司章程（2. Articles）；备注 Note: 先办"},
		{KindAccepted, `{"received":[0],"shortfall":[1],"note":"容缺受理，尚缺：2. 公司章程"}`,
			"收到材料 Received: 1. 营业执照正本（1. Business licence (original)）；容缺受理，尚缺 Still owed: 2. 公司章程（2. Articles）"},
		{KindSupplementRequested, `{"missing":[1,5]}`,
			"缺少材料 Missing: 2. 公司章程、材料 6（2. Articles, material 6）"},
		{KindRefused, `{"reasons":["不属于本中心","材料虚假"]}`, "理由 Reasons: 不属于本中心；材料虚假"},
		{KindSuspended, `{"reason":"  "}`, ""},
		{KindCompleted, `{"approved":false,"note":"不符合条件"}`, "不予批准 Denied；备注 Note: 不符合条件"},
		{KindPrinted, `{"document":"ticket","ticket":"A012"}`, "取号单 queue ticket A012"},
		{KindPrinted, `{"document":"poster"}`, "文书 document"},
		{KindCalled, `{"ticket":"A012","window":"3"}`, "A012；窗口 Window: 3"},
		{KindSubmitted, `{"number":"261127-K01-0001"}`, ""},
		{KindAccepted, `not json`, ""},
	}
	for _, tt := range tests {
		e := Event{Kind: tt.kind, Payload: json.RawMessage(tt.payload)}
		if got := e.Summary(item); got != tt.want {
			t.Errorf("summary of %s %s:\n got %q\nwant %q", tt.kind, tt.payload, got, tt.want)
		}
	}
}

func TestEventTitle(t *testing.T) {
	ticket := Event{Kind: KindPrinted, Payload: json.RawMessage(`{"document":"ticket","ticket":"A012"}`)}
	if got := ticket.Title(); got != tTicketTaken {
		t.Errorf("a ticket's printed event is titled %v, want %v", got, tTicketTaken)
	}
	receipt := Event{Kind: KindPrinted, Payload: json.RawMessage(`{"document":"receipt"}`)}
	if got := receipt.Title(); got != KindPrinted.Label() {
		t.Errorf("a receipt's printed event is titled %v, want %v", got, KindPrinted.Label())
	}
}
