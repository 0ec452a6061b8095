// Package paper lays out the documents a center prints — the acceptance
// receipt with its sealed QR, the queue ticket, the one-time notice of
// missing materials and the refusal notice — as printer documents.
package paper

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/queue"
	"tongban/printer"
)

// Context is what every document needs besides its case.
type Context struct {
	Catalog  *catalog.Catalog
	Calendar *cases.Calendar
	Now      time.Time
}

// DocumentFor is the document that fits a case in status s, for printing
// a case's paper again: a refused case gets its refusal notice, a case
// waiting for missing materials its notice of them, every other case its
// receipt (which states the case's status as it is). The command line's
// tongban receipt and the counter's print key both choose by it.
//
// A case in conflict has none (ok is false): its devices disagree on what
// was decided, and any paper would hand the citizen one side of it as the
// decision. The conflict is resolved first, then the paper printed.
func DocumentFor(s cases.Status) (doc string, ok bool) {
	switch s {
	case cases.StatusConflict:
		return "", false
	case cases.StatusRefused:
		return cases.DocRefusal, true
	case cases.StatusSupplement:
		return cases.DocSupplement, true
	}
	return cases.DocReceipt, true
}

// Acceptance is the receipt given when a case is submitted or accepted.
// qr is the sealed receipt payload (package receipt). It states the case's
// status as it is when printed: a receipt printed again for a case that
// moved on never calls it submitted. Before acceptance the materials are
// what the applicant declared, which the counter has yet to check.
func Acceptance(ctx Context, c *cases.Case, qr string) printer.Document {
	item := ctx.item(c.ItemCode)
	var b printer.Builder
	ctx.header(&b, titleReceipt, subReceipt)
	b.Line(lblItem + item.NameZH).
		Bold(lblNumber + c.Number).
		Line(lblApplicant + c.Name())
	if id := c.IDNumber(); id != "" {
		b.Line(lblID + cases.MaskIDNumber(id))
	}
	b.Line(lblSubmitted + c.SubmittedAt.In(cases.Zone).Format("2006-01-02 15:04")).
		Line(lblStatus + statusOf(c))
	ctx.dates(&b, c, item)
	b.Line(lblWhere + ctx.where(item))
	if c.AcceptedAt.IsZero() {
		b.Line(lblDeclared)
		ctx.materials(&b, item, c.Materials)
	} else {
		b.Line(lblMaterials)
		ctx.materials(&b, item, c.Received)
	}
	if c.Status == cases.StatusSupplement && len(c.Missing) > 0 {
		b.Line(lblAwaited)
		ctx.materials(&b, item, c.Missing)
	}
	if owed := owedBesides(c); len(owed) > 0 {
		b.Line(lblOwed)
		ctx.materials(&b, item, owed)
	}
	b.Divider().
		QR(qr).
		Centered(lookupHow)
	ctx.footer(&b)
	return b.Document()
}

// statusOf is the receipt's status line: the case's status as it is.
func statusOf(c *cases.Case) string {
	switch c.Status {
	case cases.StatusSubmitted:
		return statusSubmitted
	case cases.StatusAccepted:
		if len(c.Owed) > 0 {
			return statusShortfall
		}
		return statusAccepted
	case cases.StatusSupplement:
		return statusSupplement
	case cases.StatusSuspended:
		return statusSuspended
	case cases.StatusCompleted:
		if c.Approved {
			return statusApproved
		}
		return statusDenied
	}
	return c.Status.Label().ZH
}

// dates prints the date that matters for the case's status: the estimate
// of a case not yet accepted, which holds only if it is accepted today
// (the kiosk's screen says so too); the promised date of an open case
// accepted; the completion date of a completed one. A refused or
// withdrawn case has none.
func (ctx Context) dates(b *printer.Builder, c *cases.Case, item *catalog.Item) {
	days := fmt.Sprintf(dueDays, item.PromisedDays)
	switch {
	case c.Status == cases.StatusSubmitted:
		from := ctx.Now
		if from.IsZero() {
			from = c.SubmittedAt
		}
		b.Line(lblEstimated + ctx.Calendar.AddWorkdays(from, item.PromisedDays).Format("2006-01-02") + days)
	case c.Status == cases.StatusCompleted:
		b.Line(lblCompleted + c.CompletedAt.In(cases.Zone).Format("2006-01-02"))
	case c.Status.Open() && c.Status != cases.StatusConflict:
		if due, ok := c.Due(ctx.Calendar, item.PromisedDays, ctx.Now); ok {
			b.Bold(lblDue + due.Format("2006-01-02") + days)
		}
	}
}

// owedBesides is what the case owes from an acceptance with a shortfall,
// less what a notice now asks for (printed as awaited already).
func owedBesides(c *cases.Case) []int {
	if c.Status != cases.StatusSupplement {
		return c.Owed
	}
	var out []int
	for _, m := range c.Owed {
		if !slices.Contains(c.Missing, m) {
			out = append(out, m)
		}
	}
	return out
}

// Ticket is the queue ticket: the number large, how many wait before it.
func Ticket(ctx Context, c *cases.Case, t queue.Ticket, waiting int) printer.Document {
	item := ctx.item(c.ItemCode)
	var b printer.Builder
	ctx.header(&b, titleTicket, subTicket)
	b.Add(printer.Text{Text: t.Number, Size: 3, Bold: true, Align: printer.Center}).
		Centered(fmt.Sprintf(ahead, waiting)).
		Divider().
		Line(lblItem + item.NameZH).
		Line(lblNumber + c.Number).
		Line(lblWhere + ctx.where(item)).
		Line(lblIssued + t.IssuedAt.In(cases.Zone).Format("2006-01-02 15:04"))
	if t.Device != "" { // which kiosk gave the ticket, for the center's staff
		b.Line(lblDevice + t.Device)
	}
	b.Line(waitCall)
	ctx.footer(&b)
	return b.Document()
}

// SupplementNotice lists every missing material at once (一次性告知).
func SupplementNotice(ctx Context, c *cases.Case, staff string) printer.Document {
	item := ctx.item(c.ItemCode)
	var b printer.Builder
	ctx.header(&b, titleSupplement, subSupplement)
	ctx.parties(&b, c, item)
	b.Line(supplementIntro)
	ctx.materials(&b, item, c.Missing)
	b.Line(supplementThen).
		Line(supplementLaw).
		Line(lblWhere + ctx.where(item))
	ctx.signature(&b, staff)
	return b.Document()
}

// RefusalNotice gives the reasons for refusing and how to appeal.
func RefusalNotice(ctx Context, c *cases.Case, staff string) printer.Document {
	item := ctx.item(c.ItemCode)
	var b printer.Builder
	ctx.header(&b, titleRefusal, subRefusal)
	ctx.parties(&b, c, item)
	b.Line(refusalIntro)
	for i, r := range c.Reasons {
		b.Line(fmt.Sprintf("%d. %s", i+1, r))
	}
	b.Line(refusalAppeal)
	ctx.signature(&b, staff)
	return b.Document()
}

func (ctx Context) header(b *printer.Builder, title, sub string) {
	b.Title(title).
		Centered(sub).
		Centered(ctx.Catalog.Center.NameZH).
		Divider()
}

func (ctx Context) parties(b *printer.Builder, c *cases.Case, item *catalog.Item) {
	b.Line(lblNumber + c.Number).
		Line(lblApplicant + c.Name()).
		Line(lblItem + item.NameZH)
}

// materials lists materials by their number in the item's list, counted
// from 1 as the kiosk, the counter and the command line number them, so a
// clerk reading the paper sees the number on the screen: a receipt that
// lists materials 1, 2 and 4 says 4 for the fourth, not 3.
func (ctx Context) materials(b *printer.Builder, item *catalog.Item, picked []int) {
	if len(picked) == 0 {
		b.Line("  " + noneGiven)
	}
	for _, m := range picked {
		if m < 0 || m >= len(item.Materials) {
			continue
		}
		mat := item.Materials[m]
		form := copyForm
		if mat.Original {
			form = original
		}
		b.Line(fmt.Sprintf("  %d. %s（%s，%s）", m+1, mat.NameZH, form, fmt.Sprintf(countForm, mat.Count)))
	}
}

func (ctx Context) signature(b *printer.Builder, staff string) {
	b.Divider().
		Line(lblStaff + staff).
		Line(lblDate + ctx.Now.In(cases.Zone).Format("2006年1月2日")).
		Add(printer.Text{Text: ctx.Catalog.Center.NameZH + seal, Align: printer.Right})
	ctx.footer(b)
}

func (ctx Context) footer(b *printer.Builder) {
	center := ctx.Catalog.Center
	if center.AddressZH != "" {
		b.Centered(center.AddressZH)
	}
	if center.Phone != "" {
		b.Centered(lookupPhone + center.Phone)
	}
	b.Feed(1).Cut()
}

// where is the department's location and windows.
func (ctx Context) where(item *catalog.Item) string {
	loc := ""
	if d, ok := ctx.Catalog.Department(item.Department); ok {
		loc = d.LocationZH + " "
	}
	return loc + strings.Join(item.Windows, "、") + " 窗口"
}

// item returns the case's item, or a stand-in naming the code when this
// device's catalog lacks it (a newer item from another device).
func (ctx Context) item(code string) *catalog.Item {
	if it, ok := ctx.Catalog.Item(code); ok {
		return it
	}
	return &catalog.Item{Code: code, NameZH: code, NameEN: code}
}
