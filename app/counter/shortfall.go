package counter

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// The rules of materials at the counter are app/cases's, the same as the
// command line's (see cases.RequiredMissing): Accept takes every required
// material, and Materials received every material the notice asked for.
// Going on without some is 容缺受理 (accept with a shortfall), an explicit
// choice with its own key, Alt+R, which the event records and the receipt
// prints as still owed. Enter never does it: with materials missing it
// says which and the two ways on, and saves nothing.

// scShortfall accepts with a shortfall (容缺受理) in the panel that offers it.
var scShortfall = alt(fyne.KeyR)

// acceptShortfall is Alt+R: the open panel's acceptance with a shortfall.
func (b *bench) acceptShortfall() {
	if b.panel != nil && b.panel.shortfall != nil {
		b.panel.shortfall()
	}
}

// acceptPanel fills the Accept panel: what is ticked and which required
// materials are not, with Ask for materials (F3) and Accept with
// shortfall (Alt+R) while any is missing. n is the note.
func (b *bench) acceptPanel(p *panel, item *catalog.Item, n *entry) fyne.CanvasObject {
	summary := widget.NewLabel("")
	summary.Wrapping = fyne.TextWrapWord
	ask := newButton(b.c, withKey(actionText[cases.KindSupplementRequested], keyLabel(keySupplement)),
		func() { b.offer(cases.KindSupplementRequested) })
	short := newButton(b.c, withKey(tShortfall, scLabel(scShortfall)), func() { p.shortfall() })
	short.Importance = widget.WarningImportance
	p.buttons = []fyne.CanvasObject{ask, short}
	p.refresh = func() {
		got := b.tickedList()
		names := cases.MaterialNames(item, got)
		text := fmt.Sprintf(tAcceptCount.ZH, len(got), names.ZH) + " " + fmt.Sprintf(tAcceptCount.EN, len(got), names.EN)
		summary.Importance = widget.MediumImportance
		ask.Hide()
		short.Hide()
		if missing := cases.RequiredMissing(item, got); len(missing) > 0 {
			text += "\n" + withText(tAcceptShort, cases.MaterialNames(item, missing), keyText(keyLabel(keySupplement)), keyText(scLabel(scShortfall)))
			summary.Importance = widget.WarningImportance
			ask.Show()
			short.Show()
		}
		summary.SetText(text)
		b.panelChanged(p)
	}
	p.refresh()
	p.confirm = func() {
		got := b.tickedList()
		if missing := cases.RequiredMissing(item, got); len(missing) > 0 {
			b.fail(withText(tAcceptNot, cases.MaterialNames(item, missing), keyText(keyLabel(keySupplement)), keyText(scLabel(scShortfall))))
			return
		}
		if c2, ok := b.act(cases.KindAccepted, cases.Acceptance{Received: got, Note: strings.TrimSpace(n.Text)}); ok {
			b.printFor(c2, cases.KindAccepted)
		}
	}
	p.shortfall = func() {
		got := b.tickedList()
		missing := cases.RequiredMissing(item, got)
		if len(missing) == 0 {
			b.info(both(tNoShortfall))
			return
		}
		a := cases.Acceptance{Received: got, Shortfall: missing, Note: cases.ShortfallNote(item, missing, n.Text)}
		if c2, ok := b.act(cases.KindAccepted, a); ok {
			b.ok(withText(tSavedShort, cases.MaterialNames(item, missing)))
			b.printFor(c2, cases.KindAccepted)
		}
	}
	return summary
}

// suppliedPanel fills the Materials received panel. It lists every
// material of the item under its catalog number, so Alt+n ticks material
// n as everywhere else: those the notice asked for ticked, those received
// before ticked and fixed, the others free to tick; the checklist shows
// the ticks as they change (panelMark). Above the list, what the notice
// asked for and is not ticked, with Accept with shortfall (Alt+R).
func (b *bench) suppliedPanel(p *panel, c *cases.Case, item *catalog.Item) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for i := range item.Materials {
		// On an accepted case the owed materials (容缺) are what is awaited.
		asked := slices.Contains(c.Missing, i) || c.Status == cases.StatusAccepted && slices.Contains(c.Owed, i)
		had := slices.Contains(c.Received, i) && !asked
		label := cases.MaterialNames(item, []int{i}).ZH + " " + cases.MaterialName(item, i).EN
		switch {
		case asked:
			label += " — " + both(tAskedMark)
		case had:
			label += " — " + both(tReceivedMark)
		}
		var ch *check
		ch = newCheck(b.c, label, func(on bool) {
			if had && !on { // received already: Alt+n does not take it back
				ch.SetChecked(true)
				return
			}
			if p.refresh != nil {
				p.refresh()
			}
			b.showPanelTicks()
		})
		ch.OnFocus = func() { b.showToggle(p, i) }
		ch.Checked = asked || had
		if had {
			ch.Disable()
		}
		p.toggles = append(p.toggles, ch)
		rows = append(rows, ch)
	}
	// received are the materials ticked now, not those received before.
	received := func() []int {
		var out []int
		for i, ch := range p.toggles {
			if ch.Checked && !ch.Disabled() {
				out = append(out, i)
			}
		}
		return out
	}
	summary := widget.NewLabel("")
	summary.Wrapping = fyne.TextWrapWord
	short := newButton(b.c, withKey(tShortfall, scLabel(scShortfall)), func() { p.shortfall() })
	short.Importance = widget.WarningImportance
	p.buttons = []fyne.CanvasObject{short}
	p.refresh = func() {
		left := c.Outstanding(received())
		if len(left) == 0 {
			summary.SetText(both(tSuppliedAll))
			summary.Importance = widget.MediumImportance
			short.Hide()
		} else {
			summary.SetText(withText(tSuppliedLeft, cases.MaterialNames(item, left), keyText(scLabel(scShortfall))))
			summary.Importance = widget.WarningImportance
			short.Show()
		}
		summary.Refresh()
		b.panelChanged(p)
	}
	p.refresh()
	kind := cases.KindSupplementReceived
	p.confirm = func() {
		got := received()
		if left := c.Outstanding(got); len(left) > 0 {
			b.fail(withText(tSuppliedNot, cases.MaterialNames(item, left), keyText(scLabel(scShortfall))))
			return
		}
		if c2, ok := b.act(kind, cases.SupplementReceipt{Received: got}); ok {
			b.printFor(c2, kind)
		}
	}
	p.shortfall = func() {
		got := received()
		left := c.Outstanding(got)
		if len(left) == 0 {
			b.info(both(tNoShortfall))
			return
		}
		if c2, ok := b.act(kind, cases.SupplementReceipt{Received: got, Shortfall: left}); ok {
			b.ok(withText(tSavedShort, cases.MaterialNames(item, left)))
			b.printFor(c2, kind)
		}
	}
	// The summary comes first, under the buttons: a panel taller than
	// its room scrolls, and what is still missing and the key to go on
	// without it must stay in sight.
	return []fyne.CanvasObject{summary, container.NewVBox(rows...)}
}

// keyText is a key as a sentence names it, the same in both languages.
func keyText(key string) cases.Text { return cases.Text{ZH: key, EN: key} }
