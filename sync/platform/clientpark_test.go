package platform_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/sync/client"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// TestClientParksTakenNumber: a counter passing on, from a receipt, a case
// whose number the kiosk's stored case holds gets that one event parked
// with the platform's reason (what `tongban status` shows), and its own
// case pushed in the same round.
func TestClientParksTakenNumber(t *testing.T) {
	h := boltHarness(t, platform.Config{Now: time.Now}) // the devices' stores keep real time

	ctx := context.Background()
	device := func(role string) *store.Store {
		st, err := store.Open(t.TempDir(), store.Options{Center: centerA, Role: role})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		code, err := h.admin.NewCode(ctx, protocol.CodeRequest{Center: centerA, Role: role})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := client.Enroll(ctx, h.srv.URL, code.Code, "", st); err != nil {
			t.Fatalf("Enroll as %s: %v", role, err)
		}
		return st
	}
	kiosk, counter := device(protocol.RoleKiosk), device(protocol.RoleCounter)
	sub := cases.Submission{ItemCode: "130102-SCJG-001", CatalogVersion: 1, Channel: cases.ChannelKiosk,
		Fields: map[string]string{"name": "张三", "phone": "13800000000"}}
	held, err := kiosk.Submit(sub)
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := client.New(kiosk, client.Options{}).Once(ctx); err != nil || rep.Pushed != 1 {
		t.Fatalf("kiosk Once = %+v, %v; want its case pushed", rep, err)
	}

	// The same number on another case, as a forged or misprinted receipt
	// of the kiosk would carry it.
	kid, err := kiosk.Identity()
	if err != nil {
		t.Fatal(err)
	}
	sub.Number = held.Number
	twin, err := cases.Submitted(sub, centerA, kid.DeviceID, cases.Stamp{Wall: held.Events[0].Stamp.Wall + 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := counter.Import([]cases.Event{twin}, true); err != nil {
		t.Fatal(err)
	}
	own, err := counter.Submit(cases.Submission{ItemCode: sub.ItemCode, CatalogVersion: 1, Channel: cases.ChannelCounter,
		Fields: map[string]string{"name": "李四", "phone": "13900000000"}})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := client.New(counter, client.Options{}).Once(ctx)
	if err != nil || rep.Pushed != 1 || rep.Rejected != 1 {
		t.Fatalf("counter Once = %+v, %v; want its own case pushed and the twin parked", rep, err)
	}
	parked, err := counter.Rejected()
	if err != nil || len(parked) != 1 || parked[0].Event.ID != twin.ID {
		t.Fatalf("parked = %+v, %v; want the twin only", parked, err)
	}
	for _, w := range []string{held.Number, held.ID} {
		if !strings.Contains(parked[0].Reason, w) {
			t.Errorf("the parked reason %q does not mention %q", parked[0].Reason, w)
		}
	}
	ids := map[string]bool{}
	for _, e := range h.pullAll(mustToken(t, counter), 100) {
		ids[e.ID] = true
	}
	if len(ids) != 2 || !ids[held.ID] || !ids[own.ID] {
		t.Fatalf("the platform holds %v, want the kiosk's case %s and the counter's %s", ids, held.ID, own.ID)
	}
}

// mustToken is a device's platform token.
func mustToken(t *testing.T, st *store.Store) string {
	t.Helper()
	id, err := st.Identity()
	if err != nil || id.Token == "" {
		t.Fatalf("identity %+v, %v: not enrolled", id, err)
	}
	return id.Token
}
