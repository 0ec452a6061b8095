package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"tongban/app/cases"
	"tongban/app/store"
)

// TestStatusNamesRejectedCases: tongban status lists a refused event by
// the center's time, its case number, what it was and why, in both
// languages.
func TestStatusNamesRejectedCases(t *testing.T) {
	data := t.TempDir()
	number := addLicenceCase(t, data)
	st, err := store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	head, _ := st.Outbox(1)
	err = st.Acknowledge([]store.Outcome{{Seq: head[0].Seq, Rejected: true,
		Reason: "an event with this ID but different content is already stored; the stored event is kept and this one is refused"}})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}

	var s statusJSON
	if err := json.Unmarshal([]byte(must(t, data, "status", "--json")), &s); err != nil || len(s.Rejections) != 1 {
		t.Fatalf("status --json: %+v (%v); want one rejection", s.Rejections, err)
	}
	r := s.Rejections[0]
	if r.CaseNumber != number || r.Kind != "submitted" {
		t.Errorf("status --json rejection = %+v; want case number %s, kind submitted", r, number)
	}
	out := must(t, data, "status")
	want := "  " + r.At.In(cases.Zone).Format("2006-01-02 15:04") + "  " + number + "  提交申请 Submitted  " +
		"平台上已有同一编号而内容不同的记录，平台保留原有的，不收这一条。 An event with this ID but different content is already stored; the stored event is kept and this one is refused.\n"
	if !strings.Contains(out, want) {
		t.Errorf("tongban status says\n%s\nwant the line\n%s", out, want)
	}
	if strings.Contains(out, r.EventID) {
		t.Errorf("tongban status names the event %s instead of its case", r.EventID)
	}
}
