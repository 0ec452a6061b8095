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

// printFor prints the paper an action gives the citizen.
func (b *bench) printFor(c *cases.Case, kind cases.Kind) {
	ctx, name := b.paperContext(), b.c.clerk.Name
	switch kind {
	case cases.KindSupplementRequested:
		b.print(&printJob{c.ID, c.Number, cases.DocSupplement, paper.SupplementNotice(ctx, c, name)})
	case cases.KindRefused:
		b.print(&printJob{c.ID, c.Number, cases.DocRefusal, paper.RefusalNotice(ctx, c, name)})
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
	b.say("", widget.MediumImportance) // a new action
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
	b.print(&printJob{c.ID, c.Number, cases.DocReceipt, paper.Acceptance(b.paperContext(), c, qr)})
}

// print sends a document to the printer off the UI goroutine. The case is
// saved already: a fault is told in the printer's plain sentence with a
// button to print again; a printed document is recorded on the case.
func (b *bench) print(job *printJob) {
	name := docText(job.kind)
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
		b.sayPrint(withText(tPrinted, docText(job.kind)), widget.SuccessImportance)
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
		doc := docText(j.kind)
		lines = append(lines, cases.Text{ZH: fmt.Sprintf(tNotPrinted.ZH, j.number, doc.ZH), EN: fmt.Sprintf(tNotPrinted.EN, j.number, doc.EN)})
	}
	b.sayPrint(sentences(lines...), widget.WarningImportance)
}
