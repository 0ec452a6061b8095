package counter

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// panel is the open form of one action, under the case: what the action
// needs (materials, reasons, a decision, a note), then Confirm (Enter) and
// Cancel (Esc). It is drawn in the case view rather than a dialog so that
// the keys keep working and the case stays in sight.
type panel struct {
	kind cases.Kind
	view fyne.CanvasObject
	// focus takes the keyboard when the panel opens.
	focus fyne.Focusable
	// toggles are the panel's tick boxes, for Alt+1…Alt+9: toggle n is
	// material n of the item wherever a panel lists materials.
	toggles []*check
	// picks are the panel's ready-made choices, for Alt+1…Alt+9 where it
	// has no tick boxes: pick n adds the refusal's common reason n.
	picks []func()
	// confirm saves the action; refresh redraws what depends on the
	// ticks; choose picks a decision (complete); shortfall saves an
	// acceptance or a receipt of supplements with materials still owed
	// (容缺受理, Alt+R), where the panel offers it.
	confirm   func()
	refresh   func()
	choose    func(approved bool)
	shortfall func()
	// listTicked is told when the clerk ticks or unticks material i on
	// the case's checklist while the panel is open.
	listTicked func(i int, on bool)
	// buttons go between Confirm and Cancel.
	buttons []fyne.CanvasObject
	// entries and decision are what the clerk typed and chose, carried
	// into the panel drawn again when sync changes the case (carry);
	// branch is the first event of the branch a resolution panel keeps.
	entries  []*entry
	decision *widget.RadioGroup
	branch   string
	// box holds the title, buttons and body, laid out again when the
	// body changes in place (panelChanged).
	box *fyne.Container
	// under is the panel this one covers (the question before calling
	// next covers an action's panel); closing this one shows it again.
	under *panel
}

// typed says whether the clerk has typed anything into the panel.
func (p *panel) typed() bool {
	return slices.ContainsFunc(p.entries, func(e *entry) bool { return strings.TrimSpace(e.Text) != "" })
}

// openPanel opens the panel of an action the case allows.
func (b *bench) openPanel(kind cases.Kind) {
	c := b.cur
	item, _ := b.c.item(c.ItemCode)
	p := &panel{kind: kind}
	var title cases.Text
	var body []fyne.CanvasObject
	confirmKey := "Enter"
	switch kind {
	case cases.KindAccepted:
		title = tAcceptTitle
		n := b.noteEntry(p)
		body = append(body, b.acceptPanel(p, item, n), n)
	case cases.KindSupplementRequested:
		title = tSupplyTitle
		picks := b.supplyList(p, item)
		n := b.noteEntry(p)
		body = append(body, picks, n)
		p.confirm = func() {
			missing := checkedIndexes(p.toggles, allIndexes(item))
			if len(missing) == 0 {
				b.fail(both(tSupplyNone))
				return
			}
			// What is ticked on the checklist and not asked for came in:
			// it stays on record beside the notice.
			var received []int
			for i := range item.Materials {
				if b.ticked[i] && !slices.Contains(missing, i) {
					received = append(received, i)
				}
			}
			if left := cases.NoticeLeavesOut(item, c, missing, received); len(left) > 0 {
				b.fail(withText(tNoticeLeavesOut, cases.MaterialNames(item, left)))
				return
			}
			if c2, ok := b.act(kind, cases.SupplementRequest{Missing: missing, Received: received, Note: strings.TrimSpace(n.Text)}); ok {
				b.printFor(c2, kind)
			}
		}
	case cases.KindSupplementReceived:
		title = tSupplied
		body = append(body, b.suppliedPanel(p, c, item)...)
	case cases.KindRefused:
		title = tRefuseTitle
		confirmKey = scLabel(scConfirm)
		reasons := newEntry(b.c, "")
		reasons.OnScan = b.scanned
		reasons.MultiLine = true
		reasons.SetMinRowsVisible(3)
		p.focus = reasons
		p.entries = append(p.entries, reasons)
		// The common reasons, each on its button with its key (Alt+n),
		// two to a row beside their label, so that the panel stays within
		// a 1280-wide screen and takes few lines of a 720-high one.
		var quick []fyne.CanvasObject
		for i, r := range commonReasons {
			// The reason goes on a line of its own, and the cursor to a
			// new line after it: what the clerk types next is another
			// reason, not the end of this one.
			add := func() {
				if slices.Contains(cases.Reasons(strings.Split(reasons.Text, "\n")), r) {
					b.c.win.Canvas().Focus(reasons) // given already (a key pressed twice)
					return
				}
				reasons.SetText(strings.TrimLeft(strings.TrimRight(reasons.Text, "\n")+"\n"+r+"\n", "\n"))
				b.c.win.Canvas().Focus(reasons)
				reasons.CursorRow, reasons.CursorColumn = len(strings.Split(reasons.Text, "\n"))-1, 0
				reasons.Refresh()
			}
			label := r
			if i < len(digits) {
				p.picks = append(p.picks, add)
				label += " (" + scLabel(alt(digits[i])) + ")"
			}
			quick = append(quick, newButton(b.c, label, add))
		}
		common := container.NewBorder(nil, nil, container.NewVBox(widget.NewLabel(both(tCommon))), nil, container.NewGridWithColumns(2, quick...))
		body = append(body, reasons, common)
		p.confirm = func() {
			rs := cases.Reasons(strings.Split(reasons.Text, "\n"))
			if len(rs) == 0 {
				b.fail(both(tRefuseNone))
				return
			}
			if c2, ok := b.act(kind, cases.Refusal{Reasons: rs}); ok {
				b.printFor(c2, kind)
			}
		}
	case cases.KindSuspended, cases.KindResumed, cases.KindWithdrawn:
		title = tSuspendTitle
		empty := tSuspendNone
		switch kind {
		case cases.KindResumed:
			title, empty = tResumeTitle, tResumeNone
		case cases.KindWithdrawn:
			title, empty = tWithdrawHead, tWithdrawNone
		}
		reason := b.noteEntry(p)
		reason.SetPlaceHolder("")
		body = append(body, reason)
		p.confirm = func() {
			r := strings.TrimSpace(reason.Text)
			if r == "" {
				b.fail(both(empty))
				return
			}
			b.act(kind, cases.Reasoned{Reason: r})
		}
	case cases.KindCompleted:
		title = tCompleteHead
		decision := widget.NewRadioGroup([]string{both(tApprove), both(tDeny)}, nil)
		decision.Horizontal = true
		p.decision = decision
		p.choose = func(approved bool) {
			if approved {
				decision.SetSelected(both(tApprove))
			} else {
				decision.SetSelected(both(tDeny))
			}
		}
		n := b.noteEntry(p)
		body = append(body, decision, n)
		p.confirm = func() {
			if decision.Selected == "" {
				b.fail(both(tChooseResult))
				return
			}
			b.act(kind, cases.Completion{Approved: decision.Selected == both(tApprove), Note: strings.TrimSpace(n.Text)})
		}
	}
	p.view = b.panelView(p, title, body, confirmKey)
	b.panel = p
	b.clearError() // said about another action, it would read as this one's
	b.render()
}

// clearError takes an error off the message line when the action it was
// about is no longer on screen.
func (b *bench) clearError() {
	if b.msg.Importance == widget.DangerImportance {
		b.show("", widget.MediumImportance)
	}
}

// panelView frames a panel's body with its title and buttons. The buttons
// come right under the title: the panel scrolls when the screen is short
// (1366×768 with a long checklist), and the keys shown on them must stay
// in sight.
func (b *bench) panelView(p *panel, title cases.Text, body []fyne.CanvasObject, confirmKey string) fyne.CanvasObject {
	head := widget.NewLabel(both(title))
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord
	ok := newButton(b.c, withKey(tConfirm, confirmKey), func() { p.confirm() })
	ok.Importance = widget.HighImportance
	cancel := newButton(b.c, withKey(tCancel, keyLabel(keyBack)), b.closePanel)
	if p.focus == nil {
		p.focus = ok
	}
	buttons := append(append([]fyne.CanvasObject{ok}, p.buttons...), cancel)
	objs := append([]fyne.CanvasObject{head, container.NewHBox(buttons...)}, body...)
	p.box = container.NewVBox(objs...)
	return widget.NewCard("", "", p.box)
}

// closePanel closes the open panel without saving, back to the panel it
// covered, if any.
func (b *bench) closePanel() {
	b.panel = b.panel.under
	b.clearError()
	b.render()
}

// noteEntry is a panel's one-line text; Enter confirms.
func (b *bench) noteEntry(p *panel) *entry {
	n := newEntry(b.c, both(tNote))
	n.OnEnter = func(string) { p.confirm() }
	n.OnScan = b.scanned
	p.entries = append(p.entries, n)
	if p.focus == nil {
		p.focus = n
	}
	return n
}

// pickList is a panel's checklist of an item's materials, ticked where pre
// says, each numbered as the catalog numbers it, so Alt+n ticks material n;
// changed, if set, is told of each tick.
func (b *bench) pickList(p *panel, item *catalog.Item, pre func(int) bool, changed func(bool)) fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for i := range item.Materials {
		ch := newCheck(b.c, cases.MaterialNames(item, []int{i}).ZH+" "+cases.MaterialName(item, i).EN, func(on bool) {
			b.clearError() // the clerk is changing what the error was about
			if changed != nil {
				changed(on)
			}
		})
		ch.OnFocus = func() { b.showToggle(p, i) }
		ch.Checked = pre(i)
		p.toggles = append(p.toggles, ch)
		rows = append(rows, ch)
	}
	return container.NewVBox(rows...)
}

// tickedList is the ticked materials, in order.
func (b *bench) tickedList() []int {
	var out []int
	for i, on := range b.ticked {
		if on {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

func allIndexes(item *catalog.Item) []int {
	out := make([]int, len(item.Materials))
	for i := range out {
		out[i] = i
	}
	return out
}

// checkedIndexes returns idx[i] for every ticked box i.
func checkedIndexes(boxes []*check, idx []int) []int {
	var out []int
	for i, b := range boxes {
		if b.Checked {
			out = append(out, idx[i])
		}
	}
	return out
}
