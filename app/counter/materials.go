package counter

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// materialRow is one material of the checklist as drawn, kept so that it
// can show the open panel's choice in place (showPanelTicks) and be
// brought into sight (showMaterial).
type materialRow struct {
	view     fyne.CanvasObject // the whole row, in the materials column
	box      *check            // the tick box while the case waits for acceptance, else nil
	icon     *widget.Icon      // the received mark after acceptance, else nil
	received bool              // after acceptance: the material came in
	about    *ui.Text
}

// materialRows are the checklist: each material ticked or not, with
// original or copy, count, required, and what is known of it, in both
// languages below its name. The ticks are what Accept receives; they can
// be changed while the case waits for acceptance. Every line wraps within
// the column (a tick box's own label cannot, so the name is beside it).
// While a panel that ticks materials is open, the list shows its choice
// (see panelMark). A tick box that takes the keyboard brings its row into
// sight in the column.
func (b *bench) materialRows(c *cases.Case, item *catalog.Item) []fyne.CanvasObject {
	b.checks, b.materials = nil, nil
	if len(item.Materials) == 0 {
		return []fyne.CanvasObject{ui.NewText(both(tNoMaterials))}
	}
	editable := c.Status == cases.StatusSubmitted
	rows := make([]fyne.CanvasObject, 0, len(item.Materials))
	for i, m := range item.Materials {
		name := fmt.Sprintf("%d. %s", i+1, m.NameZH)
		mark := b.panelMark(i)
		row := materialRow{about: caption(materialLine(i, m, c, mark))}
		if !editable { // after acceptance the list says what came in
			row.received = slices.Contains(c.Received, i)
			row.icon = widget.NewIcon(receivedIcon(row.shown(b.ticked[i], mark)))
			row.view = container.NewBorder(nil, nil, container.NewVBox(row.icon), nil, ui.Column(ui.NewText(name), row.about))
			b.materials = append(b.materials, row)
			rows = append(rows, row.view)
			continue
		}
		row.box = newCheck(b.c, "", func(on bool) {
			b.ticked[i] = on
			b.clearError() // the clerk is changing what the error was about
			if b.panel != nil && b.panel.listTicked != nil {
				b.panel.listTicked(i, on)
			}
			if b.panel != nil && b.panel.refresh != nil {
				b.panel.refresh()
			}
		})
		row.box.OnFocus = func() { b.showMaterial(i) }
		row.box.Checked = row.shown(b.ticked[i], mark)
		row.view = container.NewBorder(nil, nil, container.NewVBox(row.box), nil, ui.Column(newTickLabel(name, row.box), row.about))
		b.checks = append(b.checks, row.box)
		b.materials = append(b.materials, row)
		rows = append(rows, row.view)
	}
	return rows
}

// shown is whether the row shows its material as there: ticked on the
// list (received, after acceptance) unless the open notice asks for it,
// or ticked as coming in now on the open Materials received panel.
func (row materialRow) shown(ticked bool, mark panelMark) bool {
	there := ticked
	if row.box == nil {
		there = row.received
	}
	return there && mark != markToAsk || mark == markArriving
}

func receivedIcon(on bool) fyne.Resource {
	if on {
		return theme.CheckButtonCheckedIcon()
	}
	return theme.CheckButtonIcon()
}

// While a panel that ticks materials is open, the checklist beside it
// shows the panel's choice, so the two never disagree:
//
//   - the notice of missing materials (F3 before the materials came): a
//     material ticked as missing in the panel is not ticked as there on
//     the list, and its line says it is to be asked for;
//   - Materials received (F3 on a case awaiting materials, or owing some
//     after a shortfall): a material ticked in the panel as come in is
//     ticked on the list, and its line says it comes in now instead of
//     missing or owed; unticked, it is shown missing as before.
//
// That is what confirming saves. The list's own ticks (bench.ticked) do
// not change for it, so a cancelled panel (Esc) leaves the list as it
// was. Ticking a material on the list tells that it is there after all:
// the notice no longer asks for it (see supplyList).

// panelMark is what the open panel says of a material on the checklist.
type panelMark int

const (
	markNone     panelMark = iota
	markToAsk              // the open notice asks for it
	markArriving           // the open Materials received panel records it as come in now
)

// panelMark returns what the open panel says of material i.
func (b *bench) panelMark(i int) panelMark {
	p := b.panel
	if p == nil || i >= len(p.toggles) || !p.toggles[i].Checked {
		return markNone
	}
	switch {
	case p.kind == cases.KindSupplementRequested:
		return markToAsk
	case p.kind == cases.KindSupplementReceived && !p.toggles[i].Disabled(): // a disabled one came before
		return markArriving
	}
	return markNone
}

// showPanelTicks draws the checklist again, in place, for the open
// panel's ticks, and lays the column out again for lines that changed.
func (b *bench) showPanelTicks() {
	if b.cur == nil {
		return
	}
	item, _ := b.c.item(b.cur.ItemCode)
	for i, row := range b.materials {
		mark := b.panelMark(i)
		on := row.shown(b.ticked[i], mark)
		if row.box != nil && row.box.Checked != on {
			row.box.Checked = on // not SetChecked: the list's own tick stays
			row.box.Refresh()
		}
		if row.icon != nil {
			row.icon.SetResource(receivedIcon(on))
		}
		if i < len(item.Materials) {
			row.about.SetText(materialLine(i, item.Materials[i], b.cur, mark))
		}
	}
	if b.columns.materials != nil {
		refit(b.columns.materials)
	}
}

// materialLine describes material i of an item under its tick box; mark
// is what the open panel says of it.
func materialLine(i int, m catalog.Material, c *cases.Case, mark panelMark) string {
	form := tCopy
	if m.Original {
		form = tOriginal
	}
	n := max(m.Count, 1)
	count := cases.Text{ZH: fmt.Sprintf(tCount.ZH, form.ZH, n), EN: fmt.Sprintf(tCount.EN, form.EN, n)}
	need := tOptional
	if m.Required {
		need = tRequired
	}
	zh := []string{count.ZH, need.ZH}
	en := []string{count.EN, need.EN}
	received, missing, owed := c.Received, c.Missing, c.Owed
	switch mark {
	case markToAsk:
		received = nil
	case markArriving: // no longer missing or owed once recorded
		missing, owed = nil, nil
	}
	for _, said := range []struct {
		in []int
		t  cases.Text
	}{{c.Materials, tDeclared}, {received, tReceivedMark}, {missing, tMissingMark}, {owed, tOwedMark}} {
		if slices.Contains(said.in, i) {
			zh, en = append(zh, said.t.ZH), append(en, said.t.EN)
		}
	}
	switch mark {
	case markToAsk:
		zh, en = append(zh, tToAskMark.ZH), append(en, tToAskMark.EN)
	case markArriving:
		zh, en = append(zh, tArrivingMark.ZH), append(en, tArrivingMark.EN)
	}
	line := strings.Join(zh, "，") + " · " + m.NameEN + ": " + strings.Join(en, ", ")
	if m.NoteZH != "" {
		line += "\n" + m.NoteZH + " " + m.NoteEN
	}
	return line
}

// supplyList is the notice's checklist of missing materials: the required
// ones not ticked on the case's list come ticked. Each tick shows on the
// list at once (showPanelTicks); a material ticked on the list is no longer
// asked for.
func (b *bench) supplyList(p *panel, item *catalog.Item) fyne.CanvasObject {
	list := b.pickList(p, item, func(i int) bool { return !b.ticked[i] && item.Materials[i].Required },
		func(bool) { b.showPanelTicks() })
	p.listTicked = func(i int, on bool) {
		if on && i < len(p.toggles) && p.toggles[i].Checked {
			p.toggles[i].SetChecked(false)
		}
	}
	return list
}
