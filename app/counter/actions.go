package counter

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/paper"
)

// actionKeys are the keys of the status actions, in the order of their
// buttons.
var actionKeys = map[cases.Kind]fyne.KeyName{
	cases.KindAccepted:            keyAccept,
	cases.KindSupplementRequested: keySupplement,
	cases.KindSupplementReceived:  keySupplement,
	cases.KindRefused:             keyRefuse,
	cases.KindSuspended:           keySuspend,
	cases.KindResumed:             keySuspend,
	cases.KindCompleted:           keyComplete,
	cases.KindWithdrawn:           keyWithdraw,
}

// allowed reports whether the case takes kind now (cases.Case.Allowed).
func allowed(c *cases.Case, kind cases.Kind) bool {
	return slices.Contains(c.Allowed(), kind)
}

// offered are the actions the case view offers: those the case takes
// now, one to a key. An accepted case owing materials takes them in on F3
// (bench.either), not a new notice.
func offered(c *cases.Case) []cases.Kind {
	kinds := c.Allowed()
	if slices.Contains(kinds, cases.KindSupplementReceived) {
		kinds = slices.DeleteFunc(kinds, func(k cases.Kind) bool { return k == cases.KindSupplementRequested })
	}
	return kinds
}

// actionBar offers the actions the case's status allows, and no others,
// then printing the paper that fits the case (its button says which) and
// going back.
func (b *bench) actionBar(c *cases.Case) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, k := range offered(c) {
		key, ok := actionKeys[k]
		if !ok {
			continue // a conflict is resolved in its branches
		}
		btn := newButton(b.c, withKey(actionText[k], keyLabel(key)), func() { b.offer(k) })
		if k == cases.KindAccepted || k == cases.KindSupplementReceived || k == cases.KindCompleted || k == cases.KindResumed {
			btn.Importance = widget.HighImportance
		}
		if b.panel != nil && b.panel.kind == k {
			btn.Importance = widget.WarningImportance
		}
		objs = append(objs, btn)
	}
	objs = append(objs, layout.NewSpacer())
	// A case in conflict has no paper (paper.DocumentFor): no print key
	// then; pressed anyway, it says why (printReceipt).
	if doc, ok := paper.DocumentFor(c.Status); ok && (doc != cases.DocReceipt || b.c.deps.Seal != nil) {
		objs = append(objs, newButton(b.c, withKey(printLabel(doc), keyLabel(keyReceipt)), b.printReceipt))
	}
	objs = append(objs, newButton(b.c, withKey(cases.Text{ZH: "返回", EN: "Back"}, keyLabel(keyBack)), b.back))
	return container.NewHBox(objs...)
}

// offer opens the panel of an action, if the case on screen allows it;
// otherwise it says why not and changes nothing.
func (b *bench) offer(kind cases.Kind) {
	c := b.cur
	switch {
	case c == nil:
		b.fail(both(tNoCase))
	case c.Status == cases.StatusConflict:
		b.fail(both(tConflictOnly))
	case !allowed(c, kind):
		b.fail(notAllowed(c, kind))
	default:
		b.openPanel(kind)
		return
	}
	b.refocus()
}

// act saves one action on the case on screen — one event, in one
// transaction with its outbox entry — and shows the case as the store
// returned it. An action the status does not allow says so and writes
// nothing; when that is because another device moved the case on since
// the screen showed it, the screen shows the case as it now is and says
// what came (see overtaken).
func (b *bench) act(kind cases.Kind, payload any) (*cases.Case, bool) {
	c := b.cur
	if c == nil {
		b.fail(both(tNoCase))
		return nil, false
	}
	updated, err := b.c.deps.Store.Act(c.ID, cases.Action{Kind: kind, Staff: b.c.clerk.ID, Payload: payload})
	if err != nil {
		switch {
		case (errors.Is(err, cases.ErrNotAllowed) || kind == cases.KindResolved) && b.overtaken(kind):
			// Another device moved the case on: the screen shows it now.
		case errors.Is(err, cases.ErrNotAllowed) && c.Status == cases.StatusConflict && kind != cases.KindResolved:
			b.fail(both(tConflictOnly))
		case errors.Is(err, cases.ErrNotAllowed):
			b.fail(notAllowed(c, kind))
		case errors.Is(err, cases.ErrOwed):
			item, _ := b.c.item(c.ItemCode)
			b.fail(withText(tOwedFirst, cases.MaterialNames(item, c.Owed), keyText(keyLabel(keySupplement))))
		default:
			b.fail(sentences(tNotSaved, split(sentence(err, c))))
		}
		b.refocus()
		return nil, false
	}
	b.c.nudge()
	b.setCase(updated)
	b.ok(withText(tSaved, actionText[kind], statusText(updated)))
	b.refreshStatus()
	return updated, true
}

// reveal shows the full ID number and records that the clerk saw it.
func (b *bench) reveal() {
	c := b.cur
	if c == nil || c.IDNumber() == "" || b.revealed {
		b.refocus()
		return
	}
	updated, err := b.c.deps.Store.Act(c.ID, cases.Action{Kind: cases.KindRevealed, Staff: b.c.clerk.ID,
		Payload: cases.Reveal{Field: catalog.FieldIDNumber}})
	if err != nil {
		b.fail(sentence(err, c))
		b.refocus()
		return
	}
	b.c.nudge()
	b.setCase(updated)
	b.revealed = true
	b.clearError() // a new action: an error of an earlier one would read as this one's
	b.render()
}
