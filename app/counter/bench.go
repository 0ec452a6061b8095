package counter

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/ui"
)

// bench is the workbench a signed-in clerk sees: the scan bar on top, a
// message line, the case on screen (or the list of cases), and the status
// bar. It lives from sign-in to sign-out.
type bench struct {
	c *Counter

	scan     *entry
	msg      *widget.Label // what the last action did
	printMsg *widget.Label // how the last printing went
	again    *button       // print again, after a printer fault
	called   *widget.Label // the ticket called last, large
	body     *fyne.Container
	status   statusBar

	// names caches clerks' names for timelines; devices maps device IDs
	// to short codes (see deviceName).
	names   map[string]string
	devices map[string]string
	// dir is the center's device directory, read when a case is shown
	// (readDirectory).
	dir cases.Directory

	// The case on screen, nil for the list.
	cur      *cases.Case
	revealed bool
	ticked   map[int]bool // the material checklist
	checks   []*check
	// materials are the checklist's rows as drawn (materialRows).
	materials []materialRow
	// columns are the case view's scrolling parts (columns.go).
	columns  caseColumns
	panel    *panel
	timeline *fyne.Container
	story    *tail // the timeline, scrolling under the promise
	// conflict is the branches of a case in conflict on screen, or nil.
	conflict fyne.CanvasObject
	// choosing is the conflict branch the open resolution panel keeps.
	choosing int
	// picker is the open image chooser (Ctrl+O), nil when closed.
	picker *imagePicker

	find finder
	// printSeq numbers the printings; lineSeq is the one the print line
	// tells of, 0 once the clerk moved on, so a printing that ends later
	// does not put its words back under another case.
	printSeq, lineSeq int
	// owed are the printings that failed and have not printed since,
	// oldest first: papers still owed to citizens.
	owed []*printJob

	// onScreen is set once the workbench is in the window: focusing a
	// field of a screen still being built fails (and Fyne logs it).
	onScreen bool
}

func newBench(c *Counter) *bench {
	b := &bench{c: c, names: map[string]string{}, devices: map[string]string{}, ticked: map[int]bool{}}
	if id, err := c.deps.Store.DeviceID(); err == nil && id != "" && c.deps.Device != "" {
		b.devices[id] = c.deps.Device
	}
	return b
}

// build lays out the workbench and shows today's list.
func (b *bench) build() fyne.CanvasObject {
	b.scan = newEntry(b.c, both(tScanHint))
	b.scan.tabSubmits = true
	b.scan.OnEnter = func(text string) {
		b.scan.SetText("")
		b.scanned(text)
	}
	scanLabel := widget.NewLabel(both(tScan))
	scanLabel.TextStyle.Bold = true
	b.called = widget.NewLabel("")
	b.called.TextStyle.Bold = true
	b.called.SizeName = ui.SizeNameHuge
	b.called.Importance = widget.HighImportance
	b.called.Hide() // until a ticket is called
	tools := container.NewHBox(
		newButton(b.c, withKey(tOpenImage, scLabel(scOpenImage)), b.chooseImage),
		newButton(b.c, withKey(tFind, scLabel(scFind)), b.focusFind),
		b.highlight(newButton(b.c, withKey(tCallNext, keyLabel(keyCall)), b.askCallNext)),
	)
	top := container.NewBorder(nil, nil, scanLabel, tools, b.scan)

	b.msg = widget.NewLabel("")
	b.msg.Wrapping = fyne.TextWrapWord
	b.printMsg = widget.NewLabel("")
	b.printMsg.Wrapping = fyne.TextWrapWord
	b.printMsg.Hide()
	b.again = newButton(b.c, withKey(tPrintAgain, scLabel(scPrintAgain)), b.printAgain)
	b.again.Importance = widget.WarningImportance
	b.again.Hide()
	// The ticket called stands at the right of the messages, large: in the
	// bar above, its height stretched the scan field and its width cut the
	// field's hint.
	messages := container.NewBorder(nil, nil, nil, container.NewHBox(container.NewCenter(b.again), b.called), container.NewVBox(b.msg, b.printMsg))

	b.body = container.NewStack()
	bar := b.status.build(b)
	b.refreshStatus()
	b.showList()
	return container.NewBorder(
		container.NewVBox(container.NewPadded(top), messages, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), bar),
		nil, nil, container.NewPadded(b.body))
}

func (b *bench) highlight(x *button) *button {
	x.Importance = widget.HighImportance
	return x
}

// refocus gives the focus back to the scan field, so the next scan lands
// there whatever the clerk did before.
func (b *bench) refocus() {
	if b.onScreen && b.c.bench == b {
		b.c.win.Canvas().Focus(b.scan)
	}
}

// strayRune puts a character typed outside any text field into the scan
// field and keeps the focus there.
func (b *bench) strayRune(r rune) {
	if b.picker != nil { // typing a path
		b.picker.typed(r)
		return
	}
	b.refocus()
	b.scan.TypedRune(r)
}

// say shows what an action did, in the importance's colour. A new action
// clears what the print line said of the last one (see clearPrint).
func (b *bench) say(text string, imp widget.Importance) {
	b.clearPrint()
	b.show(text, imp)
}

// show puts text on the message line and nothing more.
func (b *bench) show(text string, imp widget.Importance) {
	b.msg.SetText(text)
	b.msg.Importance = imp
	b.msg.Refresh()
}

// clearMessages empties the message line and the print line when the
// case they speak of leaves the screen.
func (b *bench) clearMessages() {
	b.say("", widget.MediumImportance)
}

func (b *bench) fail(text string) { b.say(text, widget.DangerImportance) }
func (b *bench) ok(text string)   { b.say(text, widget.SuccessImportance) }
func (b *bench) info(text string) { b.say(text, widget.MediumImportance) }

// scanned opens whatever a scanner (or the clerk) gave: a sealed receipt
// with any prefix and suffix, or a case number. An empty Enter confirms
// the open panel. A bad scan is told in one sentence (see scanFailed).
func (b *bench) scanned(input string) {
	if strings.TrimSpace(input) == "" {
		if b.panel != nil {
			b.panel.confirm()
		}
		b.refocus()
		return
	}
	b.closePicker() // a scan is the next citizen: what was being opened is not theirs
	c, err := b.c.deps.Opener.Open(input)
	if err != nil {
		b.scanFailed(err)
		b.refocus()
		return
	}
	b.setCase(c)
	b.refreshStatus() // an import waits to sync
	if c.Sync.FromReceipt {
		b.info(both(tImported))
	} else {
		b.info(labelled(tOpened, c.Number))
	}
	b.refocus()
}

// scanFailed tells why a scan opened nothing. The case on screen, if
// any, is closed: a scan means the next citizen is at the counter, and
// the previous case left under the error would be taken for theirs, its
// actions one key away. The message names it, so the clerk knows where it
// went (today's list, or its number, opens it again).
func (b *bench) scanFailed(err error) {
	msg := sentence(err, nil)
	if prev := b.cur; prev != nil {
		b.showList()
		msg = sentences(split(msg), tPrevClosed.Format(prev.Number))
	}
	b.fail(msg)
}

// key handles the workbench's keys. While the image chooser is open, Esc
// closes it and the other keys do nothing behind it.
func (b *bench) key(ev *fyne.KeyEvent) bool {
	if b.picker != nil {
		if ev.Name == keyBack {
			b.closePicker()
			b.refocus()
		}
		return true
	}
	switch ev.Name {
	case keyBack:
		b.back()
	case keyAccept:
		b.offer(cases.KindAccepted)
	case keySupplement:
		b.offer(b.either(cases.KindSupplementReceived, cases.KindSupplementRequested))
	case keyRefuse:
		b.offer(cases.KindRefused)
	case keySuspend:
		b.offer(b.either(cases.KindResumed, cases.KindSuspended))
	case keyComplete:
		b.offer(cases.KindCompleted)
	case keyWithdraw:
		b.offer(cases.KindWithdrawn)
	case keyReveal:
		b.reveal()
	case keyCall:
		b.askCallNext()
	case keyReceipt:
		b.printReceipt()
	case keyOlder, keyNewer:
		return b.pageStory(ev.Name)
	default:
		return false
	}
	return true
}

// either returns the first kind if the case on screen allows it, else the
// second: one key serves a pair (suspend/resume, ask/received).
func (b *bench) either(first, second cases.Kind) cases.Kind {
	if b.cur != nil && allowed(b.cur, first) {
		return first
	}
	return second
}

// shortcut handles the workbench's shortcuts; none acts behind the open
// image chooser.
func (b *bench) shortcut(s fyne.Shortcut) bool {
	if b.picker != nil {
		if same(s, scSignOut) {
			b.c.signOut(tSignedOut)
		}
		return true
	}
	switch {
	case same(s, scFind):
		b.focusFind()
	case same(s, scOpenImage):
		b.chooseImage()
	case same(s, scPrintAgain):
		b.printAgain()
	case same(s, scShortfall):
		b.acceptShortfall()
	case same(s, scSignOut):
		b.c.signOut(tSignedOut)
	case same(s, scConfirm):
		if b.panel != nil {
			b.panel.confirm()
		}
	case same(s, scApprove), same(s, scDeny):
		if b.panel != nil && b.panel.choose != nil {
			b.panel.choose(same(s, scApprove))
		}
	case digitOf(s) > 0:
		b.digit(digitOf(s))
	default:
		return b.pageColumn(s)
	}
	return true
}

// digit handles Alt+n: a tick in the open panel or its ready-made choice
// n, a branch to keep, a material of the case, or a case of the list.
func (b *bench) digit(n int) {
	switch {
	case b.panel != nil && len(b.panel.toggles) > 0:
		if n <= len(b.panel.toggles) {
			t := b.panel.toggles[n-1]
			t.SetChecked(!t.Checked)
			b.showToggle(b.panel, n-1)
		}
	case b.panel != nil && len(b.panel.picks) > 0:
		if n <= len(b.panel.picks) {
			b.panel.picks[n-1]()
		}
	case b.cur != nil && b.cur.Status == cases.StatusConflict:
		b.chooseBranch(n - 1)
	case b.cur != nil:
		if n <= len(b.checks) && !b.checks[n-1].Disabled() {
			b.checks[n-1].SetChecked(!b.checks[n-1].Checked)
			b.showMaterial(n - 1)
		}
	default:
		b.openListed(n - 1)
	}
}

// back closes the panel, or else the case, and returns to scanning.
func (b *bench) back() {
	switch {
	case b.panel != nil:
		b.closePanel()
	case b.cur != nil:
		b.showList()
	}
	b.refocus()
}

// refreshCase shows what sync brought for the case on screen — another
// device's event, or the platform's confirmation that takes away the "from
// the receipt" mark. While the clerk is in the middle of an action, the
// panel stays with what was typed if the action still applies, and
// closes with a sentence if not (see caseMoved).
func (b *bench) refreshCase() {
	if b.cur == nil {
		return
	}
	c, err := b.c.deps.Store.Case(b.cur.ID)
	if err != nil || c.Head == b.cur.Head && c.Status == b.cur.Status && len(c.Events) == len(b.cur.Events) && c.Sync == b.cur.Sync {
		return
	}
	b.readDirectory() // the sync that changed the case may have named new devices
	if b.panel != nil {
		b.caseMoved(c)
		return
	}
	b.setCase(c)
}

// idleWarning shows the countdown to the idle sign-out; 0 hides it.
func (b *bench) idleWarning(seconds int) {
	if b.status.idle == nil {
		return
	}
	if seconds <= 0 {
		if b.status.idle.Text != "" {
			b.status.idle.SetText("")
		}
		return
	}
	b.status.idle.SetText(bothf(tIdleWarn, seconds))
}
