package client

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"tongban/app/cases"
	"tongban/assets"
	"tongban/sync/protocol"
)

// TestTwoDevicesOfOneCenter: a counter sees a kiosk's case after a sync,
// and the kiosk sees that the counter accepted it.
func TestTwoDevicesOfOneCenter(t *testing.T) {
	eachStorage(t, func(t *testing.T, st storage) {
		p := startPlatform(t, st)
		p.publish(assets.SampleCatalog())
		kiosk, _ := p.device(protocol.RoleKiosk, p.URL())
		counter, _ := p.device(protocol.RoleCounter, p.URL())
		ks, cs := New(kiosk, Options{}), New(counter, Options{})
		ctx := testContext(t)

		ids := addCases(t, kiosk, 3, 1)
		if rep, err := ks.Once(ctx); err != nil || rep.Pushed != 3 || rep.Pending != 0 || !rep.NewCatalog {
			t.Fatalf("kiosk Once = %+v, %v", rep, err)
		}
		rep, err := cs.Once(ctx)
		if err != nil || rep.Pulled != 3 || rep.Changed != 3 {
			t.Fatalf("counter Once = %+v, %v; want the kiosk's 3 cases", rep, err)
		}
		c, err := counter.Case(ids[0])
		if err != nil || c.Status != cases.StatusSubmitted {
			t.Fatalf("the counter does not see the kiosk's case: %v, %v", c, err)
		}
		got, err := counter.ByNumber(c.Number)
		if err != nil || got.ID != ids[0] {
			t.Fatalf("the counter cannot find the kiosk's case by number %s: %v", c.Number, err)
		}
		if _, err := counter.Act(c.ID, cases.Action{Kind: cases.KindAccepted, Staff: "clerk-7", Payload: cases.Acceptance{Received: []int{0}}}); err != nil {
			t.Fatal(err)
		}
		if rep, err := cs.Once(ctx); err != nil || rep.Pushed != 1 {
			t.Fatalf("counter Once after accepting = %+v, %v", rep, err)
		}
		if rep, err := ks.Once(ctx); err != nil || rep.Changed != 1 {
			t.Fatalf("kiosk Once = %+v, %v; want the acceptance", rep, err)
		}
		if c, err := kiosk.Case(ids[0]); err != nil || c.Status != cases.StatusAccepted {
			t.Fatalf("the kiosk sees its case as %v (%v), want accepted", c.Status, err)
		}
		kid, _ := kiosk.Identity()
		cid, _ := counter.Identity()
		if kid.ShortCode == cid.ShortCode || kid.Center != cid.Center {
			t.Errorf("kiosk %+v and counter %+v should share a center and not a short code", kid, cid)
		}
	})
}

// TestPlatformStopped: with the platform down, a round says it cannot be
// reached and keeps every case; one round after it is back delivers each
// case once.
func TestPlatformStopped(t *testing.T) {
	eachStorage(t, func(t *testing.T, st storage) {
		p := startPlatform(t, st)
		dev, _ := p.device(protocol.RoleKiosk, p.URL())
		p.stop()
		ids := addCases(t, dev, 100, 1)
		s := New(dev, Options{})
		rep, err := s.Once(testContext(t))
		if want := fmt.Sprintf(someQueued, 100, 100); !errors.Is(err, ErrUnreachable) || err.Error() != want {
			t.Fatalf("Once with the platform stopped: %v, want %q", err, want)
		}
		if rep.Pending != 100 || s.Status().Online || s.Status().Pending != 100 {
			t.Errorf("report %+v, status %+v: want 100 pending and offline", rep, s.Status())
		}
		mustPending(t, dev, 100)
		p.start()
		if rep, err := s.Once(testContext(t)); err != nil || rep.Pushed != 100 || rep.Pending != 0 {
			t.Fatalf("Once with the platform back: %+v, %v", rep, err)
		}
		p.checkExactlyOnce(ids)
		if got := s.Status(); !got.Online || got.LastError != "" || got.Pending != 0 {
			t.Errorf("status = %+v", got)
		}
	})
}

// TestRevokedDeviceKeepsData: a revoked device needs enrollment, keeps
// every case and sends them after enrolling again.
func TestRevokedDeviceKeepsData(t *testing.T) {
	eachStorage(t, func(t *testing.T, st storage) {
		p := startPlatform(t, st)
		dev, _ := p.device(protocol.RoleKiosk, p.URL())
		id, _ := dev.Identity()
		ids := addCases(t, dev, 20, 2)
		p.admin(protocol.PathAdminDevices+"/"+id.DeviceID+"/revoke", struct{}{}, nil)
		s := New(dev, Options{})
		if _, err := s.Once(testContext(t)); !errors.Is(err, ErrNeedsEnrollment) {
			t.Fatalf("Once when revoked: %v", err)
		}
		mustPending(t, dev, 40)
		if !s.Status().NeedsEnrollment {
			t.Errorf("status = %+v", s.Status())
		}
		if _, err := Enroll(context.Background(), p.URL(), p.code(protocol.RoleKiosk), "", dev); err != nil {
			t.Fatal(err)
		}
		again, _ := dev.Identity()
		if again.DeviceID != id.DeviceID || again.ShortCode != id.ShortCode || again.NeedsEnrollment {
			t.Errorf("re-enrolled identity %+v, was %+v", again, id)
		}
		if rep, err := s.Once(testContext(t)); err != nil || rep.Pushed != 40 {
			t.Fatalf("Once after re-enrolling: %+v, %v", rep, err)
		}
		p.checkExactlyOnce(ids)
	})
}
