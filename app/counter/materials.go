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
// can show the open notice's choice in place (showAsked).
type materialRow struct {
	box      *check       // the tick box while the case waits for acceptance, else nil
	icon     *widget.Icon // the received mark after acceptance, else nil
	received bool         // after acceptance: the material came in
	about    *ui.Text
}

// materialRows are the checklist: each material ticked or not, with
// original or copy, count, required, and what is known of it, in both
// languages below its name. The ticks are what Accept receives; they can
// be changed while the case waits for acceptance. Every line wraps within
// the column (a tick box's own label cannot, so the name is beside it).
// While the notice of missing materials is open, the list shows its
// choice (see asked).
func (b *bench) materialRows(c *cases.Case, item *catalog.Item) []fyne.CanvasObject {
	b.checks, b.materials = nil, nil
	if len(item.Materials) == 0 {
		return []fyne.CanvasObject{ui.NewText(both(tNoMaterials))}
	}
	editable := c.Status == cases.StatusSubmitted
	rows := make([]fyne.CanvasObject, 0, len(item.Materials))
	for i, m := range item.Materials {
		name := fmt.Sprintf("%d. %s", i+1, m.NameZH)
		row := materialRow{about: caption(materialLine(i, m, c, b.asked(i)))}
		if !editable { // after acceptance the list says what came in
			row.received = slices.Contains(c.Received, i)
			row.icon = widget.NewIcon(receivedIcon(row.received && !b.asked(i)))
			b.materials = append(b.materials, row)
			rows = append(rows, container.NewBorder(nil, nil, container.NewVBox(row.icon), nil, ui.Column(ui.NewText(name), row.about)))
			continue
		}
		row.box = newCheck(b.c, "", func(on bool) {
			b.ticked[i] = on
			if b.panel != nil && b.panel.listTicked != nil {
				b.panel.listTicked(i, on)
			}
			if b.panel != nil && b.panel.refresh != nil {
				b.panel.refresh()
			}
		})
		row.box.Checked = b.ticked[i] && !b.asked(i)
		b.checks = append(b.checks, row.box)
		b.materials = append(b.materials, row)
		rows = append(rows, container.NewBorder(nil, nil, container.NewVBox(row.box), nil, ui.Column(newTickLabel(name, row.box), row.about)))
	}
	return rows
}

func receivedIcon(on bool) fyne.Resource {
	if on {
		return theme.CheckButtonCheckedIcon()
	}
	return theme.CheckButtonIcon()
}

// While the notice of missing materials (F3) is open, the checklist beside
// it shows the notice's choice: a material ticked as missing in the panel
// is not ticked as there on the list, and its line says it is to be asked
// for instead of received. That is what confirming saves (what the list
// ticks, less what the notice asks for). The list's own ticks
// (bench.ticked) do not change for it, so a cancelled notice leaves the
// list as it was. Ticking a material on the list tells that it is there
// after all: the notice no longer asks for it (see supplyPanel).

// asked reports whether the open notice of missing materials asks for
// material i.
func (b *bench) asked(i int) bool {
	p := b.panel
	return p != nil && p.kind == cases.KindSupplementRequested && i < len(p.toggles) && p.toggles[i].Checked
}

// showAsked draws the checklist again, in place, for the notice's ticks.
func (b *bench) showAsked() {
	if b.cur == nil {
		return
	}
	item, _ := b.c.item(b.cur.ItemCode)
	for i, row := range b.materials {
		asked := b.asked(i)
		if row.box != nil && row.box.Checked != (b.ticked[i] && !asked) {
			row.box.Checked = b.ticked[i] && !asked // not SetChecked: the list's own tick stays
			row.box.Refresh()
		}
		if row.icon != nil {
			row.icon.SetResource(receivedIcon(row.received && !asked))
		}
		if i < len(item.Materials) {
			row.about.SetText(materialLine(i, item.Materials[i], b.cur, asked))
		}
	}
}

// materialLine describes material i of an item under its tick box; asked
// says that the open notice asks for it.
func materialLine(i int, m catalog.Material, c *cases.Case, asked bool) string {
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
	received := c.Received
	if asked {
		received = nil
	}
	for _, mark := range []struct {
		in []int
		t  cases.Text
	}{{c.Materials, tDeclared}, {received, tReceivedMark}, {c.Missing, tMissingMark}, {c.Owed, tOwedMark}} {
		if slices.Contains(mark.in, i) {
			zh, en = append(zh, mark.t.ZH), append(en, mark.t.EN)
		}
	}
	if asked {
		zh, en = append(zh, tToAskMark.ZH), append(en, tToAskMark.EN)
	}
	line := strings.Join(zh, "，") + " · " + m.NameEN + ": " + strings.Join(en, ", ")
	if m.NoteZH != "" {
		line += "\n" + m.NoteZH + " " + m.NoteEN
	}
	return line
}

// supplyList is the notice's checklist of missing materials: the required
// ones not ticked on the case's list come ticked. Each tick shows on the
// list at once (showAsked); a material ticked on the list is no longer
// asked for.
func (b *bench) supplyList(p *panel, item *catalog.Item) fyne.CanvasObject {
	list := b.pickList(p, item, func(i int) bool { return !b.ticked[i] && item.Materials[i].Required },
		func(bool) { b.showAsked() })
	p.listTicked = func(i int, on bool) {
		if on && i < len(p.toggles) && p.toggles[i].Checked {
			p.toggles[i].SetChecked(false)
		}
	}
	return list
}
