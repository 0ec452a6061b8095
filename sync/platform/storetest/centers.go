package storetest

import (
	"fmt"
	"testing"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// testCenters: Centers names each center with a device (revoked too), an
// enrollment code (used or not) or a catalog of its own once, sorted; the
// default catalog names none.
func testCenters(t *testing.T, s platform.Storage) {
	centersAre := func(what string, want ...string) {
		t.Helper()
		got, err := s.Centers(ctx)
		if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%s: Centers = %v, %v; want %v", what, got, err, want)
		}
	}
	centersAre("an empty storage")
	addCode(t, s, "unused", "130199", protocol.RoleKiosk)
	if err := s.PutCatalog(ctx, platform.CatalogRecord{Version: 1, CenterName: "默认", Published: t0, Data: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
	centersAre("with an unused code and the default catalog", "130199")
	enroll(t, s, centerB, protocol.RoleKiosk, cases.NewID(), "b1")
	enroll(t, s, centerB, protocol.RoleCounter, cases.NewID(), "b2")
	a := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "a1")
	if _, err := s.Revoke(ctx, a.Device.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.PutCatalog(ctx, platform.CatalogRecord{Center: "130181", Version: 2, CenterName: "辛集", Published: t0, Data: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutCatalog(ctx, platform.CatalogRecord{Center: centerB, Version: 3, CenterName: "桥西", Published: t0, Data: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
	centersAre("with devices, codes and own catalogs", centerA, centerB, "130181", "130199")
}
