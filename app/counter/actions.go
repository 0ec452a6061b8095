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
	"tongban/printer"
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

// allowed reports whether the status machine takes kind from the case.
func allowed(c *cases.Case, kind cases.Kind) bool {
	return slices.Contains(cases.Allowed(c.Status), kind)
}

// actionBar offers the actions the case's status allows, and no others,
// then printing the receipt and going back.
func (b *bench) actionBar(c *cases.Case) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, k := range cases.Allowed(c.Status) {
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
	if b.c.deps.Seal != nil {
		objs = append(objs, newButton(b.c, withKey(tPrintReceipt, keyLabel(keyReceipt)), b.printReceipt))
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
// nothing.
func (b *bench) act(kind cases.Kind, payload any) (*cases.Case, bool) {
	c := b.cur
	if c == nil {
		b.fail(both(tNoCase))
		return nil, false
	}
	updated, err := b.c.deps.Store.Act(c.ID, cases.Action{Kind: kind, Staff: b.c.clerk.ID, Payload: payload})
	if err != nil {
		switch {
		case errors.Is(err, cases.ErrNotAllowed) && c.Status == cases.StatusConflict && kind != cases.KindResolved:
			b.fail(both(tConflictOnly))
		case errors.Is(err, cases.ErrNotAllowed):
			b.fail(notAllowed(c, kind))
		default:
			b.fail(both(tNotSaved) + " " + sentence(err, c))
		}
		b.refocus()
		return nil, false
	}
	b.c.nudge()
	b.setCase(updated)
	b.ok(withText(tSaved, actionText[kind], updated.Status.Label()))
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
	b.render()
}

// printing -------------------------------------------------------------------

// paperContext is what documents are laid out with.
func (b *bench) paperContext() paper.Context {
	return paper.Context{Catalog: b.c.deps.Catalog, Calendar: b.c.deps.Calendar, Now: b.c.deps.Now()}
}

// printFor prints the paper an action gives the citizen.
func (b *bench) printFor(c *cases.Case, kind cases.Kind) {
	ctx, name := b.paperContext(), b.c.clerk.Name
	switch kind {
	case cases.KindSupplementRequested:
		b.print(c.ID, paper.SupplementNotice(ctx, c, name), cases.DocSupplement)
	case cases.KindRefused:
		b.print(c.ID, paper.RefusalNotice(ctx, c, name), cases.DocRefusal)
	case cases.KindAccepted:
		if b.c.deps.Seal != nil {
			b.printReceiptOf(c)
		}
	}
}

// printReceipt prints the acceptance receipt of the case on screen again.
func (b *bench) printReceipt() {
	if b.cur == nil {
		b.fail(both(tNoCase))
		b.refocus()
		return
	}
	b.printReceiptOf(b.cur)
	b.refocus()
}

func (b *bench) printReceiptOf(c *cases.Case) {
	if b.c.deps.Seal == nil {
		b.sayPrint(both(tNoSeal), widget.DangerImportance)
		return
	}
	qr, err := b.c.deps.Seal(c)
	if err != nil {
		b.sayPrint(sentence(err, c), widget.DangerImportance)
		return
	}
	b.print(c.ID, paper.Acceptance(b.paperContext(), c, qr), cases.DocReceipt)
}

// print sends a document to the printer off the UI goroutine. The case is
// saved already: a fault is told in the printer's plain sentence with a
// button to print again; a printed document is recorded on the case.
func (b *bench) print(caseID string, doc printer.Document, kind string) {
	name := docText(kind)
	if b.c.deps.Print == nil {
		b.sayPrint(withText(tNoPrinter, name), widget.WarningImportance)
		return
	}
	b.retry = nil
	b.again.Hide()
	b.sayPrint(withText(tPrinting, name), widget.MediumImportance)
	print := b.c.deps.Print
	b.c.spawn(func() {
		err := print(doc)
		fyne.Do(func() { b.printed(caseID, doc, kind, err) })
	})
}

// printed shows how a printing went.
func (b *bench) printed(caseID string, doc printer.Document, kind string, err error) {
	if b.c.bench != b {
		return // signed out meanwhile
	}
	name := docText(kind)
	if err != nil {
		b.sayPrint(printer.Message(err)+" "+both(tCaseIsSaved), widget.DangerImportance)
		b.retry = func() { b.print(caseID, doc, kind) }
		b.again.Show()
		return
	}
	b.sayPrint(withText(tPrinted, name), widget.SuccessImportance)
	updated, err := b.c.deps.Store.Act(caseID, cases.Action{Kind: cases.KindPrinted, Staff: b.c.clerk.ID,
		Payload: cases.Printing{Document: kind}})
	if err != nil || b.cur == nil || b.cur.ID != caseID {
		return
	}
	b.c.nudge()
	b.cur = updated
	if b.timeline != nil {
		item, _ := b.c.item(updated.ItemCode)
		b.timeline.Objects = b.timelineRows(updated, item)
		b.timeline.Refresh()
	}
}

// printAgain retries the last printing that failed.
func (b *bench) printAgain() {
	if b.retry != nil {
		b.retry()
	}
	b.refocus()
}
