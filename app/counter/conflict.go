package counter

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// conflictView shows the branches of a case devices changed from the same
// point side by side — each event's kind, who, when and details, in time
// order — each under its title and a button to keep it (see
// branchesLayout). Keeping one is itself an event (a resolution), so every
// device settles the same way once it syncs; it takes two steps, choose
// and confirm, as it cannot be undone. The confirmation opens right under
// the branches, rather than under the case, where it took the height the
// branches need (see conflictLayout). It returns the view and how high it
// would be at a width with every event in sight.
func (b *bench) conflictView(c *cases.Case, item *catalog.Item) (fyne.CanvasObject, func(w float32) float32) {
	head := widget.NewLabel(conflictHead(c))
	head.Wrapping = fyne.TextWrapWord
	head.Importance = widget.DangerImportance
	head.TextStyle.Bold = true
	chosen := b.chosenBranch()
	l := &branchesLayout{}
	cols := make([]fyne.CanvasObject, 0, len(c.Branches))
	for i, br := range c.Branches {
		title := ui.NewText(bothf(tBranch, i+1))
		title.TextStyle.Bold = true
		keep := newButton(b.c, withKey(tKeep, fmt.Sprintf("Alt+%d", i+1)), func() { b.chooseBranch(i) })
		keep.Importance = widget.HighImportance
		if i == chosen {
			title.SetText(bothf(tBranch, i+1) + "  " + both(tChosenMark))
			title.Importance = widget.WarningImportance
			keep.Importance = widget.WarningImportance
		}
		var rows []fyne.CanvasObject
		for _, e := range cases.InTime(br) {
			rows = append(rows, b.eventRow(c, e, item))
		}
		k := newBranchCard(container.NewBorder(nil, nil, nil, container.NewVBox(keep), title), ui.Column(rows...))
		l.cards = append(l.cards, k)
		cols = append(cols, k.card)
	}
	objs := []fyne.CanvasObject{head, container.NewGridWithColumns(max(len(cols), 1), cols...)}
	if chosen >= 0 {
		objs = append(objs, b.panel.view)
	}
	return container.New(l, objs...), func(w float32) float32 { return l.natural(objs, w) }
}

// conflictHead is the banner over a case's branches: devices that handled
// the case differently, devices that resolved its conflict differently,
// or a device that went on with the case beside a resolution it had not
// yet seen — with as many devices and branches as there are.
func conflictHead(c *cases.Case) string {
	resolutions := 0
	devices := map[string]bool{}
	for _, br := range c.Branches {
		if br[0].Kind == cases.KindResolved {
			resolutions++
		}
		devices[br[0].Device] = true
	}
	n := len(c.Branches)
	switch {
	case resolutions > 0 && resolutions < n:
		return both(tReopened)
	case len(devices) != n || n < 2:
		if resolutions == n && n > 0 {
			return both(tResolvedSome)
		}
		return both(tConflictSome)
	case resolutions == n:
		return withText(tResolvedTwice, count(n), lower(count(n)))
	}
	return withText(tConflictHead, count(n), lower(count(n)))
}

// lower is a text with its English in lower case, for the middle of a
// sentence.
func lower(t cases.Text) cases.Text { return cases.Text{ZH: t.ZH, EN: strings.ToLower(t.EN)} }

// count writes a small number as a sentence does: 两 and Two, 三 and
// Three; past nine, in figures.
func count(n int) cases.Text {
	zh := []string{"零", "一", "两", "三", "四", "五", "六", "七", "八", "九"}
	en := []string{"No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"}
	if n >= 0 && n < len(zh) {
		return cases.Text{ZH: zh[n], EN: en[n]}
	}
	return cases.Text{ZH: strconv.Itoa(n), EN: strconv.Itoa(n)}
}

// chosenBranch is the branch whose keeping waits for confirmation, or -1.
func (b *bench) chosenBranch() int {
	if b.panel == nil || b.panel.kind != cases.KindResolved {
		return -1
	}
	return b.choosing
}

// chooseBranch asks the clerk to confirm keeping branch i, with a note if
// they like: Enter or Ctrl+Enter keeps it, Esc changes nothing. Alt+n
// (a slip of the finger, as it also ticks materials) saves nothing. The
// question names what the branch comes to (see branchSummary).
func (b *bench) chooseBranch(i int) {
	c := b.cur
	if c == nil || c.Status != cases.StatusConflict || i < 0 || i >= len(c.Branches) {
		b.refocus()
		return
	}
	p := &panel{kind: cases.KindResolved, branch: c.Branches[i][0].ID}
	what := b.branchSummary(c, c.Branches[i])
	summary := ui.NewText(fmt.Sprintf(tKeepAsk.ZH, i+1, what.ZH) + " " + fmt.Sprintf(tKeepAsk.EN, i+1, what.EN))
	summary.Importance = widget.WarningImportance
	summary.TextStyle.Bold = true
	note := b.noteEntry(p)
	p.confirm = func() { b.keep(p.branch, strings.TrimSpace(note.Text)) }
	// Compact, as it goes under the branches: the question, then the note
	// with Confirm and Cancel beside it.
	ok := newButton(b.c, withKey(tConfirm, "Enter / "+scLabel(scConfirm)), p.confirm)
	ok.Importance = widget.WarningImportance
	cancel := newButton(b.c, withKey(tCancel, keyLabel(keyBack)), b.closePanel)
	p.view = widget.NewCard("", "", ui.Column(summary, container.NewBorder(nil, nil, nil, container.NewHBox(ok, cancel), note)))
	b.panel, b.choosing = p, i
	b.render()
}

// branchIndex is the index of the branch of the case on screen that
// starts with event id, or -1.
func (b *bench) branchIndex(id string) int {
	if b.cur == nil || b.cur.Status != cases.StatusConflict {
		return -1
	}
	return slices.IndexFunc(b.cur.Branches, func(br []cases.Event) bool { return br[0].ID == id })
}

// branchSummary says what a branch comes to, as the clerk confirming it
// needs to know: its one step and who took it ("不予受理，李强（S002）…",
// a resolution by what it kept), or for a longer branch the last step it
// ends in, who took it, and the steps before ("办结·不予批准，王芳（S001）…；
// 此前：受理、中止、恢复、补正材料已收").
func (b *bench) branchSummary(c *cases.Case, br []cases.Event) cases.Text {
	var steps []cases.Event
	for _, e := range cases.InTime(br) {
		if e.Kind != cases.KindResolved {
			steps = append(steps, e)
		}
	}
	if len(steps) <= 1 {
		first := br[0]
		what, who := c.Choice(first), b.who(c, first)
		return cases.Text{ZH: what.ZH + "，" + who, EN: strings.ToLower(what.EN) + ", " + who}
	}
	end := steps[len(steps)-1]
	what, who := stepTitle(end), b.who(c, end)
	var zh, en []string
	for _, e := range steps[:len(steps)-1] {
		zh, en = append(zh, stepTitle(e).ZH), append(en, strings.ToLower(stepTitle(e).EN))
	}
	before := tBranchBefore.Format(strings.Join(zh, "、"), strings.Join(en, ", "))
	return cases.Text{ZH: what.ZH + "，" + who + "；" + before.ZH, EN: strings.ToLower(what.EN) + ", " + who + "; " + before.EN}
}

// stepTitle names a step of a branch: its title, and for a completion
// the decision ("办结·不予批准"), which is what a citizen was told.
func stepTitle(e cases.Event) cases.Text {
	t := e.Title()
	var p cases.Completion
	if e.Kind == cases.KindCompleted && e.Decode(&p) == nil {
		d := cases.Decision(p.Approved)
		return cases.Text{ZH: t.ZH + "·" + d.ZH, EN: t.EN + ": " + strings.ToLower(d.EN)}
	}
	return t
}

// keep resolves the conflict on screen in favour of the branch that starts
// with event id.
func (b *bench) keep(id, note string) {
	i := b.branchIndex(id)
	if i < 0 {
		b.refocus()
		return
	}
	if got, ok := b.act(cases.KindResolved, cases.Resolution{Chosen: id, Note: note}); ok {
		st := got.Status.Label()
		b.ok(fmt.Sprintf(tKept.ZH, i+1, st.ZH) + " " + fmt.Sprintf(tKept.EN, i+1, strings.ToLower(st.EN)))
	}
}
