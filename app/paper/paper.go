// Package paper lays out the documents a center prints — the acceptance
// receipt with its sealed QR, the queue ticket, the one-time notice of
// missing materials and the refusal notice — as printer documents.
package paper

import (
	"fmt"
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

// Acceptance is the receipt given when a case is submitted or accepted.
// qr is the sealed receipt payload (package receipt).
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
	b.Line(lblSubmitted + c.SubmittedAt.In(cases.Zone).Format("2006-01-02 15:04"))
	if c.AcceptedAt.IsZero() {
		b.Line(lblStatus + statusSubmitted)
		due := ctx.Calendar.AddWorkdays(c.SubmittedAt, item.PromisedDays)
		b.Line(lblEstimated + due.Format("2006-01-02") + fmt.Sprintf(dueDays, item.PromisedDays))
	} else {
		b.Line(lblStatus + statusAccepted)
		if due, ok := c.Due(ctx.Calendar, item.PromisedDays, ctx.Now); ok {
			b.Bold(lblDue + due.Format("2006-01-02") + fmt.Sprintf(dueDays, item.PromisedDays))
		}
	}
	b.Line(lblWhere + ctx.where(item))
	materials := c.Materials
	if !c.AcceptedAt.IsZero() {
		materials = c.Received
	}
	b.Line(lblMaterials)
	ctx.materials(&b, item, materials)
	b.Divider().
		QR(qr).
		Centered(lookupHow)
	ctx.footer(&b)
	return b.Document()
}

// Ticket is the queue ticket: the number large, how many wait before it.
func Ticket(ctx Context, c *cases.Case, t queue.Ticket, waiting int) printer.Document {
	item := ctx.item(c.ItemCode)
	var b printer.Builder
	ctx.header(&b, titleTicket, subTicket)
	b.Add(printer.Text{Text: t.Number, Size: 3, Bold: true, Align: printer.Center}).
		Centered(t.Device).
		Centered(fmt.Sprintf(ahead, waiting)).
		Divider().
		Line(lblItem + item.NameZH).
		Line(lblNumber + c.Number).
		Line(lblWhere + ctx.where(item)).
		Line(lblIssued + t.IssuedAt.In(cases.Zone).Format("2006-01-02 15:04")).
		Line(waitCall)
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
