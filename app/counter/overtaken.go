package counter

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
)

// When another device changes the case on screen. Sync brings other
// devices' events at any moment, also while the clerk has an action's
// panel open. The screen must never go on showing the case as it was: an
// action refused because the case moved on is told with what moved it
// (not "the case is submitted and cannot be accepted" under a header that
// still says submitted), and a case that changed under an open panel is
// drawn again at once, keeping what the clerk typed where the action still
// applies and closing the panel with a sentence where it does not.

// overtaken handles an action the store refused: when the case on screen
// is no longer what the store holds (sync brought another device's
// event), it shows the case as it is, says what came and that nothing was
// saved, and reports true. It reports false when the case is as shown,
// and the refusal is the screen's own to explain.
func (b *bench) overtaken(kind cases.Kind) bool {
	old := b.cur
	c, err := b.c.deps.Store.Case(old.ID)
	if err != nil || c.Head == old.Head && c.Status == old.Status {
		return false
	}
	b.setCase(c)
	b.fail(sentences(b.overtakenText(old, c, kind)))
	return true
}

// overtakenText says that another device handled the case (what it did,
// who, on which device) and what the case now is, so the action kind no
// longer applies and nothing was changed.
func (b *bench) overtakenText(old, c *cases.Case, kind cases.Kind) cases.Text {
	news := b.news(old, c)
	if c.Status == cases.StatusConflict && kind != cases.KindResolved {
		return cases.Text{ZH: fmt.Sprintf(tOvertakenConflict.ZH, news.ZH), EN: fmt.Sprintf(tOvertakenConflict.EN, news.EN)}
	}
	st, what := statusText(c), actionText[kind]
	return cases.Text{
		ZH: fmt.Sprintf(tOvertaken.ZH, news.ZH, st.ZH, what.ZH),
		EN: fmt.Sprintf(tOvertaken.EN, news.EN, strings.ToLower(st.EN), what.EN),
	}
}

// caseMoved shows the case as sync left it while the clerk has a panel
// open, and says so. The panel stays, with what was typed and ticked in
// it, when its action still applies to the case; otherwise it closes, and
// the message says why and that nothing was saved.
func (b *bench) caseMoved(c *cases.Case) {
	old, p := b.cur, b.panel
	if p.kind == cases.KindCalled && p.under != nil {
		// The question covers an action's panel: that panel meets the
		// news as it would, and F8 asks again of the case as it now is.
		b.panel = p.under
		b.caseMoved(c)
		return
	}
	if len(c.Events) == len(old.Events) { // only the platform's confirmation
		b.setCase(c)
		b.panel = p
		b.render()
		return
	}
	news := b.news(old, c)
	stays := func() {
		st, what := statusText(c), actionText[p.kind]
		b.say(fmt.Sprintf(tPanelStays.ZH, news.ZH, st.ZH, what.ZH)+" "+
			fmt.Sprintf(tPanelStays.EN, news.EN, strings.ToLower(st.EN), what.EN), widget.WarningImportance)
	}
	b.setCase(c)
	switch {
	case p.kind == cases.KindCalled:
		// Call next's question stands while the case is still untouched;
		// handled elsewhere, it no longer passes the citizen over.
		if c.Status == cases.StatusSubmitted {
			b.panel = p
			b.render()
		}
		return
	case p.kind == cases.KindResolved:
		i := b.branchIndex(p.branch)
		if i < 0 {
			break
		}
		b.chooseBranch(i) // the branches may have grown: the question is asked again
		carry(p, b.panel)
		stays()
		return
	case c.Status == cases.StatusConflict || !allowed(c, p.kind):
	case c.Head == old.Head && c.Status == old.Status:
		// A fact (a print, a rating) came: the panel is as good as it was.
		b.panel = p
		b.render()
		stays()
		return
	default:
		b.openPanel(p.kind) // drawn for the case as it now is
		carry(p, b.panel)
		stays()
		return
	}
	b.fail(sentences(b.overtakenText(old, c, p.kind), tPanelClosed))
}

// carry puts what the clerk typed, ticked and chose in panel from into
// panel to, drawn again for the same action on the changed case.
func carry(from, to *panel) {
	for i, e := range from.entries {
		if i < len(to.entries) {
			to.entries[i].SetText(e.Text)
		}
	}
	for i, t := range from.toggles {
		if i < len(to.toggles) && !to.toggles[i].Disabled() {
			to.toggles[i].SetChecked(t.Checked)
		}
	}
	if from.decision != nil && to.decision != nil && from.decision.Selected != "" {
		to.decision.SetSelected(from.decision.Selected)
	}
	if to.refresh != nil {
		to.refresh()
	}
}

// news names what other devices did to a case since the screen showed
// old: the latest step among the events it did not have (else the latest
// fact, a print or a rating), with who and on which device.
func (b *bench) news(old, c *cases.Case) cases.Text {
	had := make(map[string]bool, len(old.Events))
	for _, e := range old.Events {
		had[e.ID] = true
	}
	var step, fact *cases.Event
	for i := range c.Events { // in time order
		e := &c.Events[i]
		switch {
		case had[e.ID]:
		case isFact(e.Kind):
			fact = e
		default:
			step = e
		}
	}
	if step == nil {
		step = fact
	}
	if step == nil {
		return cases.Text{}
	}
	t, dev := stepTitle(*step), b.deviceName(step.Device)
	if step.Staff == "" {
		return cases.Text{ZH: fmt.Sprintf(tNewsOn.ZH, t.ZH, dev), EN: fmt.Sprintf(tNewsOn.EN, strings.ToLower(t.EN), dev)}
	}
	who := step.Staff
	if name := b.c.clerkName(step.Staff); name != step.Staff {
		who = name + "（" + step.Staff + "）"
	}
	return cases.Text{ZH: fmt.Sprintf(tNewsBy.ZH, t.ZH, who, dev), EN: fmt.Sprintf(tNewsBy.EN, strings.ToLower(t.EN), who, dev)}
}

// isFact reports whether events of kind k are recorded beside the status
// rather than moving it.
func isFact(k cases.Kind) bool {
	switch k {
	case cases.KindPrinted, cases.KindRevealed, cases.KindCalled, cases.KindRated:
		return true
	}
	return false
}
