package counter

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// conflictView shows the branches of a case two devices changed from the
// same point side by side — each event's kind, who, when and details —
// with a button to keep each one. Keeping one is itself an event (a
// resolution), so every device settles the same way once it syncs.
func (b *bench) conflictView(c *cases.Case, item *catalog.Item) fyne.CanvasObject {
	head := widget.NewLabel(both(tConflictHead))
	head.Wrapping = fyne.TextWrapWord
	head.Importance = widget.DangerImportance
	head.TextStyle.Bold = true
	cols := make([]fyne.CanvasObject, 0, len(c.Branches))
	for i, br := range c.Branches {
		title := widget.NewLabel(bothf(tBranch, i+1))
		title.TextStyle.Bold = true
		rows := []fyne.CanvasObject{title}
		for _, e := range br {
			rows = append(rows, b.eventRow(c, e, item))
		}
		keep := newButton(b.c, withKey(tKeep, fmt.Sprintf("Alt+%d", i+1)), func() { b.keep(i) })
		keep.Importance = widget.HighImportance
		rows = append(rows, keep)
		cols = append(cols, widget.NewCard("", "", container.NewVBox(rows...)))
	}
	return container.NewVBox(head, container.NewGridWithColumns(max(len(cols), 1), cols...))
}

// keep resolves the conflict on screen in favour of branch i.
func (b *bench) keep(i int) {
	c := b.cur
	if c == nil || c.Status != cases.StatusConflict || i < 0 || i >= len(c.Branches) {
		b.refocus()
		return
	}
	if got, ok := b.act(cases.KindResolved, cases.Resolution{Chosen: c.Branches[i][0].ID}); ok {
		st := got.Status.Label()
		b.ok(fmt.Sprintf(tKept.ZH, i+1, st.ZH) + " " + fmt.Sprintf(tKept.EN, i+1, strings.ToLower(st.EN)))
	}
}
