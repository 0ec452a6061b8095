package counter

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// conflictView shows the branches of a case two devices changed from the
// same point side by side — each event's kind, who, when and details —
// with a button to choose each one. Keeping one is itself an event (a
// resolution), so every device settles the same way once it syncs; it
// takes two steps, choose and confirm, as it cannot be undone. The
// confirmation opens right under the branches, rather than under the case,
// where it took the height the branches need (see conflictLayout).
func (b *bench) conflictView(c *cases.Case, item *catalog.Item) fyne.CanvasObject {
	words := tConflictHead
	if len(c.Branches) > 0 && c.Branches[0][0].Kind == cases.KindResolved {
		words = tResolvedTwice // each branch is a clerk's resolution
	}
	head := widget.NewLabel(both(words))
	head.Wrapping = fyne.TextWrapWord
	head.Importance = widget.DangerImportance
	head.TextStyle.Bold = true
	chosen := b.chosenBranch()
	cols := make([]fyne.CanvasObject, 0, len(c.Branches))
	for i, br := range c.Branches {
		title := ui.NewText(bothf(tBranch, i+1))
		title.TextStyle.Bold = true
		if i == chosen {
			title.SetText(bothf(tBranch, i+1) + "  " + both(tChosenMark))
			title.Importance = widget.WarningImportance
		}
		rows := []fyne.CanvasObject{title}
		for _, e := range br {
			rows = append(rows, b.eventRow(c, e, item))
		}
		keep := newButton(b.c, withKey(tKeep, fmt.Sprintf("Alt+%d", i+1)), func() { b.chooseBranch(i) })
		keep.Importance = widget.HighImportance
		if i == chosen {
			keep.Importance = widget.WarningImportance
		}
		rows = append(rows, keep)
		cols = append(cols, widget.NewCard("", "", ui.Column(rows...)))
	}
	objs := []fyne.CanvasObject{head, container.NewGridWithColumns(max(len(cols), 1), cols...)}
	if chosen >= 0 {
		objs = append(objs, b.panel.view)
	}
	return ui.Column(objs...)
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
// (a slip of the finger, as it also ticks materials) saves nothing.
func (b *bench) chooseBranch(i int) {
	c := b.cur
	if c == nil || c.Status != cases.StatusConflict || i < 0 || i >= len(c.Branches) {
		b.refocus()
		return
	}
	first := c.Branches[i][0]
	p := &panel{kind: cases.KindResolved}
	what := c.Choice(first)
	what.EN = strings.ToLower(what.EN)
	summary := ui.NewText(fmt.Sprintf(tKeepAsk.ZH, i+1, what.ZH, b.who(c, first)) + " " +
		fmt.Sprintf(tKeepAsk.EN, i+1, what.EN, b.who(c, first)))
	summary.Importance = widget.WarningImportance
	summary.TextStyle.Bold = true
	note := b.noteEntry(p)
	p.confirm = func() { b.keep(i, strings.TrimSpace(note.Text)) }
	// Compact, as it goes under the branches: the question, then the note
	// with Confirm and Cancel beside it.
	ok := newButton(b.c, withKey(tConfirm, "Enter / "+scLabel(scConfirm)), p.confirm)
	ok.Importance = widget.WarningImportance
	cancel := newButton(b.c, withKey(tCancel, keyLabel(keyBack)), b.closePanel)
	p.view = widget.NewCard("", "", ui.Column(summary, container.NewBorder(nil, nil, nil, container.NewHBox(ok, cancel), note)))
	b.panel, b.choosing = p, i
	b.render()
}

// keep resolves the conflict on screen in favour of branch i.
func (b *bench) keep(i int, note string) {
	c := b.cur
	if c == nil || c.Status != cases.StatusConflict || i < 0 || i >= len(c.Branches) {
		b.refocus()
		return
	}
	if got, ok := b.act(cases.KindResolved, cases.Resolution{Chosen: c.Branches[i][0].ID, Note: note}); ok {
		st := got.Status.Label()
		b.ok(fmt.Sprintf(tKept.ZH, i+1, st.ZH) + " " + fmt.Sprintf(tKept.EN, i+1, strings.ToLower(st.EN)))
	}
}
