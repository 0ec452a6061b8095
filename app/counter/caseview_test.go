package counter

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// The header's item name wraps beside the "from receipt" badge rather
// than end in "…", at each counter screen size.
func TestHeaderItemNameWraps(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	item, _ := z.cat.Item(c.ItemCode)
	name := item.NameZH + " " + item.NameEN
	for _, size := range []fyne.Size{{Width: 1280, Height: 1024}, {Width: 1366, Height: 768}} {
		r := newRig(t, z, nil)
		r.w.Resize(size)
		r.signIn("S001", "2468")
		r.scanCase(c)
		r.mustShow(tFromReceipt.ZH)
		l := uitest.Find(r.root(), func(l *ui.Text) bool { return l.Text == name })
		if l == nil {
			t.Fatalf("%v: the header does not name the item %q in full; the screen shows %q", size, name, r.screenTexts())
		}
		if got, need := l.Size().Height, l.MinSize().Height; got < need || l.Size().Width <= 0 {
			t.Errorf("%v: the item name has %v, its lines need height %.0f", size, l.Size(), need)
		}
	}
}

// At 1366×768 an open panel leaves the case readable: the notice of
// missing materials (F3) goes beside the case, whole, the case keeping
// minCaseWidth; the refusal (F4), with its wide row of common reasons,
// goes under it, the case keeping minCaseHeight. Confirm is in reach.
func TestPanelLeavesTheCaseReadable(t *testing.T) {
	_, _, r := scannedCase(t)
	for _, key := range []fyne.KeyName{keySupplement, keyRefuse} {
		r.key(key)
		var scrolls []*container.Scroll
		uitest.Visit(r.c.bench.body, func(o fyne.CanvasObject) bool {
			if s, ok := o.(*container.Scroll); ok {
				scrolls = append(scrolls, s)
			}
			return true
		})
		// The three columns come first; then the panel's scroll (and
		// those inside its text fields).
		if len(scrolls) < 4 || scrolls[3].Content != r.c.bench.panel.view {
			t.Fatalf("%s: %d scrolls, want the 3 columns and then the panel", key, len(scrolls))
		}
		panel := scrolls[3]
		caseWidth := float32(0)
		for _, col := range scrolls[:3] {
			caseWidth += col.Size().Width
		}
		// The third column holds the promise over its scrolling timeline.
		columns := uitest.Find(r.c.bench.body, func(c *fyne.Container) bool { _, ok := c.Layout.(shares); return ok })
		if columns == nil {
			t.Fatalf("%s: no columns in the case view", key)
		}
		for i, col := range columns.Objects {
			if h := col.Size().Height; h < minCaseHeight {
				t.Errorf("%s: column %d is %.0f high, less than %d", key, i+1, h, minCaseHeight)
			}
		}
		beside := panel.Position().X > 0
		switch {
		case key == keySupplement && !beside:
			t.Errorf("F3: the notice of missing materials is not beside the case")
		case beside && caseWidth < minCaseWidth-10: // the gaps between the columns
			t.Errorf("%s: beside the panel the case is %.0f wide, less than %d", key, caseWidth, minCaseWidth)
		case key == keySupplement && panel.Content.MinSize().Height > panel.Size().Height:
			t.Errorf("F3: the panel needs %.0f high and has %.0f", panel.Content.MinSize().Height, panel.Size().Height)
		case key == keyRefuse && beside:
			t.Errorf("F4: the refusal's wide row of reasons went beside the case")
		}
		confirm := uitest.Find(panel.Content, func(b *button) bool {
			return b.Text == withKey(tConfirm, "Enter") || b.Text == withKey(tConfirm, scLabel(scConfirm))
		})
		if confirm == nil || panel.Size().Height <= 0 {
			t.Fatalf("%s: the panel (%v) has no Confirm button", key, panel.Size())
		}
		if min := r.root().MinSize(); min.Height > 768 || min.Width > 1280 {
			t.Errorf("%s: the workbench needs %v, more than 1366×768 or 1280×1024", key, min)
		}
		r.key(fyne.KeyEscape)
	}
}

// Once the platform confirms a case opened from its receipt, the badge
// goes and the message line no longer says it is not synced.
func TestSyncClearsTheImportedMessage(t *testing.T) {
	_, c, r := scannedCase(t)
	r.mustShow(tImported.ZH, tFromReceipt.ZH)
	entries, err := r.st.Outbox(10)
	if err != nil || len(entries) != 1 || entries[0].Event.ID != c.ID {
		t.Fatalf("outbox %v, %v; want the submission", entries, err)
	}
	if err := r.st.Acknowledge([]store.Outcome{{Seq: entries[0].Seq}}); err != nil {
		t.Fatal(err)
	}
	r.c.bench.refreshCase() // as the ticker does
	r.mustNotShow(tImported.ZH, tFromReceipt.ZH)
	r.mustShow(tSyncedNow.ZH)
}

// A denied completion says so in the header, not in success green; the
// list says it too.
func TestDeniedCompletionReadsDenied(t *testing.T) {
	_, c, r := scannedCase(t)
	r.key(keyAccept) // with the required materials the applicant declared
	r.typeText("")
	if r.stored(c.ID).Status != cases.StatusAccepted {
		t.Fatalf("not accepted: %s", r.c.bench.msg.Text)
	}
	r.key(keyComplete)
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyN)
	r.typeText("")
	if got := r.stored(c.ID); got.Status != cases.StatusCompleted || got.Approved {
		t.Fatalf("status %s approved %v, want completed and denied", got.Status, got.Approved)
	}
	denied := both(statusText(r.stored(c.ID)))
	if denied != "已办结（不予批准） Completed (Denied)" {
		t.Fatalf("a denied case reads %q", denied)
	}
	head := uitest.Find(r.root(), func(l *widget.Label) bool { return l.Text == denied })
	if head == nil {
		t.Fatalf("the header does not say %q; the screen shows %q", denied, r.screenTexts())
	}
	if head.Importance == widget.SuccessImportance {
		t.Error("a denial shows in success green")
	}
	r.mustShow("已办结（不予批准）于")
	r.key(fyne.KeyEscape)
	r.mustShow(c.Number + "  张三  营业执照变更登记  " + denied)
}

// The timeline names devices by the short code the status bar uses: this
// counter's own, and the kiosk's, which its case numbers carry.
func TestTimelineNamesDevicesByShortCode(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	r.scanCase(c)
	r.key(keyReveal)
	kiosk := c.Number[7:11] // 260303-XABC-0001
	r.mustShow("自助机 kiosk · 设备 Device "+kiosk, "王芳（S001） · 设备 Device K09")
	r.mustNotShow(cases.ShortDevice(r.deviceID()))
}

// The audit's finding: a counter that only acted on a case (its number
// carries the kiosk's code) showed as the end of its ID. Once sync has
// saved the center's device directory, the timeline names it C02, as its
// own status bar does.
func TestTimelineNamesAnotherCounterFromTheDirectory(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	other := z.store("counter")
	if _, err := other.Import(c.Events, true); err != nil {
		t.Fatal(err)
	}
	accepted, err := other.Act(c.ID, cases.Action{Kind: cases.KindAccepted, Staff: "S002",
		Payload: cases.Acceptance{Received: []int{0, 1, 3}}})
	if err != nil {
		t.Fatal(err)
	}
	otherID, err := other.DeviceID()
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, z, nil)
	if _, err := r.st.Import(accepted.Events, false); err != nil {
		t.Fatal(err)
	}
	r.signIn("S001", "2468")
	r.scanCase(c)
	r.mustShow("李强（S002） · 设备 Device " + cases.ShortDevice(otherID)) // no directory yet: all the counter knows

	dir := cases.Directory{Fetched: z.clock.Now(), Devices: []cases.DirectoryEntry{
		{ID: r.deviceID(), Role: "counter", ShortCode: "K09"},
		{ID: otherID, Role: "counter", ShortCode: "C02"},
	}}
	if err := r.st.PutJSON(cases.KeyDirectory, dir); err != nil { // as sync saves it
		t.Fatal(err)
	}
	r.key(fyne.KeyEscape)
	r.scanCase(c)
	kiosk := c.Number[7:10]
	r.mustShow("李强（S002） · 设备 Device C02", "自助机 kiosk · 设备 Device "+kiosk)
	r.mustNotShow(cases.ShortDevice(otherID))
}
