package counter

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/paper"
	"tongban/printer"
)

// Printing, and the print line under the action's message. What the print
// line says of a printing belongs to its case and its action: the next
// action, or another case on screen, clears it. A printing that failed is
// the exception, as its paper is still owed to a citizen: once the clerk
// moves on, the line names its case and document, with Print again, until
// it prints.

// printJob is one document to print for a case.
type printJob struct {
	caseID, number, kind string
	doc                  printer.Document
}

// paperContext is what documents are laid out with.
func (b *bench) paperContext() paper.Context {
	return paper.Context{Catalog: b.c.deps.Catalog, Calendar: b.c.deps.Calendar, Now: b.c.deps.Now()}
}

// printFor prints the paper an action gives the citizen: the notice of
// missing materials, the refusal notice, or the receipt when the case is
// accepted (also by the coming of the materials a notice asked for, so
// any still owed are printed on it).
func (b *bench) printFor(c *cases.Case, kind cases.Kind) {
	switch kind {
	case cases.KindSupplementRequested:
		b.printPaper(c, cases.DocSupplement)
	case cases.KindRefused:
		b.printPaper(c, cases.DocRefusal)
	case cases.KindAccepted, cases.KindSupplementReceived:
		if b.c.deps.Seal != nil {
			b.printPaper(c, cases.DocReceipt)
		}
	}
}

// printReceipt is the print key (F9): it prints again the paper that fits
// the case on screen, as tongban receipt does (paper.DocumentFor) — the
// refusal notice of a refused case, the notice of missing materials of a
// case waiting for them, else the receipt, which states the case's status.
// A case in conflict has none until a branch is kept: the key says so.
func (b *bench) printReceipt() {
	if b.cur == nil {
		b.fail(both(tNoCase))
		b.refocus()
		return
	}
	doc, ok := paper.DocumentFor(b.cur.Status)
	if !ok {
		b.fail(both(tNoPaperInConflict))
		b.refocus()
		return
	}
	b.say("", widget.MediumImportance) // a new action
	b.printPaper(b.cur, doc)
	b.refocus()
}

// printPaper lays out a document of a case and prints it. A notice is
// signed with the name of the clerk who made its decision.
func (b *bench) printPaper(c *cases.Case, doc string) {
	ctx := b.paperContext()
	switch doc {
	case cases.DocSupplement:
		b.print(&printJob{c.ID, c.Number, doc, paper.SupplementNotice(ctx, c, b.signer(c, cases.KindSupplementRequested))})
		return
	case cases.DocRefusal:
		b.print(&printJob{c.ID, c.Number, doc, paper.RefusalNotice(ctx, c, b.signer(c, cases.KindRefused))})
		return
	}
	if b.c.deps.Seal == nil {
		b.sayPrint(both(tNoSeal), widget.DangerImportance)
		return
	}
	qr, err := b.c.deps.Seal(c)
	if err != nil {
		b.sayPrint(sentence(err, c), widget.DangerImportance)
		return
	}
	b.print(&printJob{c.ID, c.Number, cases.DocReceipt, paper.Acceptance(ctx, c, qr)})
}

// signer is the name a notice is signed with: that of the clerk who made
// the case's latest event of kind, else the clerk signed in.
func (b *bench) signer(c *cases.Case, kind cases.Kind) string {
	if id := c.StaffOf(kind); id != "" {
		return b.c.clerkName(id)
	}
	return b.c.clerk.Name
}

// printLabel names the print key's button by the paper it prints.
func printLabel(doc string) cases.Text {
	d := cases.DocLabel(doc)
	return cases.Text{ZH: fmt.Sprintf(tPrintPaperOf.ZH, d.ZH), EN: fmt.Sprintf(tPrintPaperOf.EN, d.EN)}
}

// print sends a document to the printer off the UI goroutine. The case is
// saved already: a fault is told in the printer's plain sentence with a
// button to print again; a printed document is recorded on the case.
func (b *bench) print(job *printJob) {
	name := cases.DocLabel(job.kind)
	if b.c.deps.Print == nil {
		b.sayPrint(withText(tNoPrinter, name), widget.WarningImportance)
		return
	}
	b.printSeq++
	seq := b.printSeq
	b.lineSeq = seq
	b.sayPrint(withText(tPrinting, name), widget.MediumImportance)
	print := b.c.deps.Print
	b.c.spawn(func() {
		err := print(job.doc)
		fyne.Do(func() { b.printed(seq, job, err) })
	})
}

// printed shows how a printing went — on the print line if the line still
// tells of it, else by the list of papers owed — and records a printed
// document on the case.
func (b *bench) printed(seq int, job *printJob, err error) {
	if b.c.bench != b {
		return // signed out meanwhile
	}
	ours := seq == b.lineSeq
	if err != nil {
		if !slices.Contains(b.owed, job) {
			b.owed = append(b.owed, job)
		}
		switch {
		case ours:
			b.sayPrint(sentences(split(printer.Message(err)), tCaseIsSaved), widget.DangerImportance)
		case b.lineSeq == 0:
			b.showOwed()
		}
		return
	}
	b.owed = slices.DeleteFunc(b.owed, func(j *printJob) bool { return j == job })
	switch {
	case ours:
		b.sayPrint(withText(tPrinted, cases.DocLabel(job.kind)), widget.SuccessImportance)
	case b.lineSeq == 0:
		b.showOwed()
	}
	updated, err := b.c.deps.Store.Act(job.caseID, cases.Action{Kind: cases.KindPrinted, Staff: b.c.clerk.ID,
		Payload: cases.Printing{Document: job.kind}})
	if err != nil || b.cur == nil || b.cur.ID != job.caseID {
		return
	}
	b.c.nudge()
	b.cur = updated
	if b.timeline != nil {
		item, _ := b.c.item(updated.ItemCode)
		b.timeline.Objects = b.timelineRows(updated, item)
		b.timeline.Refresh()
		b.story.grown()
	}
}

// printAgain prints the newest paper owed again; Print again stays while
// older ones wait.
func (b *bench) printAgain() {
	if n := len(b.owed); n > 0 {
		b.print(b.owed[n-1])
	}
	b.refocus()
}

// sayPrint shows how printing went, under the action's message, with
// Print again while a paper is owed.
func (b *bench) sayPrint(text string, imp widget.Importance) {
	b.printMsg.SetText(text)
	b.printMsg.Importance = imp
	b.printMsg.Refresh()
	b.printMsg.Show()
	if len(b.owed) > 0 {
		b.again.Show()
	} else {
		b.again.Hide()
	}
}

// clearPrint empties the print line for the next action or case. A
// printing in progress then ends without a word, unless it fails.
func (b *bench) clearPrint() {
	b.lineSeq = 0
	b.showOwed()
}

// showOwed names the papers owed on the print line, or hides the line.
func (b *bench) showOwed() {
	if len(b.owed) == 0 {
		b.printMsg.SetText("")
		b.printMsg.Hide()
		b.again.Hide()
		return
	}
	var lines []cases.Text
	for _, j := range b.owed {
		doc := cases.DocLabel(j.kind)
		lines = append(lines, cases.Text{ZH: fmt.Sprintf(tNotPrinted.ZH, j.number, doc.ZH), EN: fmt.Sprintf(tNotPrinted.EN, j.number, doc.EN)})
	}
	b.sayPrint(sentences(lines...), widget.WarningImportance)
}
