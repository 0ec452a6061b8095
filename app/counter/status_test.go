package counter

import (
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
)

// The status bar says how sync stands. A device with no platform says so
// in the kiosk's words, in the plain colour and with no count; an enrolled
// one shows online or offline and the events waiting as the store counts
// them at that moment, however the caller's count lags.
func TestStatusBarSaysHowSyncStands(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	synced := testStart.Add(-time.Hour)
	for _, tt := range []struct {
		name  string
		deps  func(*Deps, *rig)
		shows []string
		hides []string
		net   widget.Importance
		count bool
	}{
		{name: "not enrolled", deps: func(d *Deps, _ *rig) { d.Sync = nil },
			shows: []string{tStandalone.Both()}, hides: []string{tOffline.Both(), tOnline.Both(), tPending.ZH},
			net: widget.MediumImportance},
		{name: "enrolled, offline", deps: func(*Deps, *rig) {},
			shows: []string{tOffline.Both(), "上次同步 Last sync 从未 never"}, hides: []string{tStandalone.ZH},
			net: widget.DangerImportance, count: true},
		{name: "enrolled, online", deps: func(_ *Deps, r *rig) { r.sync = SyncState{Enrolled: true, Online: true, LastSync: synced} },
			shows: []string{tOnline.Both(), "上次同步 Last sync 08:30"},
			net:   widget.SuccessImportance, count: true},
		{name: "refused by the platform", deps: func(_ *Deps, r *rig) { r.sync = SyncState{Enrolled: true, NeedsEnrollment: true} },
			shows: []string{tReenroll.Both()},
			net:   widget.DangerImportance, count: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, z, nil)
			tt.deps(&r.c.deps, r)
			r.signIn("S001", "2468")
			r.scanCase(z.submit(kiosk, "张三")) // the import waits to sync
			r.key(keyAccept)
			r.typeText("") // and so does the acceptance
			r.mustShow(tt.shows...)
			r.mustNotShow(tt.hides...)
			if got := r.c.bench.status.net.Importance; got != tt.net {
				t.Errorf("the sync state is shown with importance %v, want %v", got, tt.net)
			}
			n, err := r.st.Pending()
			if err != nil || n < 2 {
				t.Fatalf("the store has %d events waiting (%v); want the import and the acceptance", n, err)
			}
			z.clock.Advance(statusEvery) // the printing recorded meanwhile is counted at the next look
			r.c.Tick()
			n, _ = r.st.Pending()
			want := "待同步 To sync " + strconv.Itoa(n)
			if tt.count {
				r.mustShow(want)
			} else {
				r.mustNotShow(want)
			}
		})
	}
}
