package counter

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusBar is the bottom line: who, where, and how sync stands.
type statusBar struct {
	clerk, device, net, sync, idle *widget.Label
}

func (s *statusBar) build(b *bench) fyne.CanvasObject {
	s.clerk = widget.NewLabel("")
	s.device = widget.NewLabel("")
	s.net = widget.NewLabel("")
	s.net.TextStyle.Bold = true
	s.sync = widget.NewLabel("")
	s.idle = widget.NewLabel("")
	s.idle.Importance = widget.WarningImportance
	for _, l := range []*widget.Label{s.clerk, s.device, s.net, s.sync, s.idle} {
		l.SizeName = theme.SizeNameCaptionText
	}
	out := newButton(b.c, withKey(tSignOut, scLabel(scSignOut)), func() { b.c.signOut(tSignedOut) })
	return container.NewHBox(s.clerk, s.device, s.net, s.sync, s.idle, layout.NewSpacer(), out)
}

// syncState asks how sync stands; a device with no Deps.Sync has no
// platform.
func (c *Counter) syncState() SyncState {
	if c.deps.Sync != nil {
		return c.deps.Sync()
	}
	return SyncState{}
}

// refreshStatus reads the sync status again. A device with no platform
// says so in the kiosk's words, in the plain colour, with no count: there
// is nowhere for its events to go. An enrolled one shows online or
// offline, the events waiting as the store counts them now, and the last
// sync.
func (b *bench) refreshStatus() {
	c := b.c
	c.lastStatus = c.deps.Now()
	s := &b.status
	k := c.clerk
	who := labelled(tClerk, k.Name+"（"+k.ID+"）")
	if len(k.Windows) > 0 {
		who += " · " + labelled(tWindow, k.Windows[0])
	}
	s.clerk.SetText(who)
	s.device.SetText(labelled(tDevice, c.deps.Device))
	st := c.syncState()
	switch {
	case !st.Enrolled:
		s.setNet(both(tStandalone), widget.MediumImportance)
		s.sync.SetText("")
		return
	case st.NeedsEnrollment:
		s.setNet(both(tReenroll), widget.DangerImportance)
	case st.Online:
		s.setNet(both(tOnline), widget.SuccessImportance)
	default:
		s.setNet(both(tOffline), widget.DangerImportance)
	}
	pending := "—"
	if n, err := c.deps.Store.Pending(); err == nil {
		pending = strconv.Itoa(n)
	}
	when := both(tNever)
	if last := st.LastSync; !last.IsZero() {
		when = hhmm(last)
		if day(last) != day(c.deps.Now()) {
			when = day(last) + " " + when
		}
	}
	s.sync.SetText(labelled(tPending, pending) + " · " + labelled(tLastSync, when))
}

func (s *statusBar) setNet(text string, imp widget.Importance) {
	s.net.Text, s.net.Importance = text, imp
	s.net.Refresh()
}
