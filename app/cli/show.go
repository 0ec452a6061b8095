package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// tongban cases show (and tongban scan) for people: what a clerk reads
// to know where a case stands and what it still waits for.

// printCase writes a case for people: ID masked, the decision of a
// completed case, the materials numbered from 1 with a mark each and a
// legend, the timeline in order with what each event decided or printed.
func (d *device) printCase(w io.Writer, cs *cases.Case) {
	fmt.Fprintf(w, "案件编号 Number    %s\n", cs.Number)
	fmt.Fprintf(w, "事项 Item          %s (%s)\n", d.itemName(cs.ItemCode), cs.ItemCode)
	status := cs.Status.Label().Both()
	if cs.Status == cases.StatusCompleted {
		status += " · " + decision(cs.Approved).Both()
	}
	fmt.Fprintf(w, "状态 Status        %s\n", status)
	fmt.Fprintf(w, "申请人 Applicant   %s  %s  %s\n", cs.Name(), cases.MaskIDNumber(cs.IDNumber()), cases.MaskPhone(cs.Phone()))
	fmt.Fprintf(w, "提交 Submitted     %s\n", cs.SubmittedAt.In(cases.Zone).Format("2006-01-02 15:04"))
	it, known := d.catalog.Item(cs.ItemCode)
	if known {
		if due, ok := cs.Due(d.calendar, it.PromisedDays, d.now()); ok {
			fmt.Fprintf(w, "承诺办结 Due       %s\n", due.Format(time.DateOnly))
		}
		printMaterials(w, cs, it)
	}
	switch {
	case cs.Sync.FromReceipt:
		fmt.Fprintf(w, "同步 Sync          %s\n", tFromReceipt.Both())
	case !cs.Sync.Confirmed:
		fmt.Fprintf(w, "同步 Sync          未同步 not yet on the platform (%d pending)\n", cs.Sync.Pending)
	}
	fmt.Fprintln(w, "经过 Timeline")
	for _, e := range cs.Timeline {
		line := fmt.Sprintf("  %s  %s %s", e.Stamp.Time().In(cases.Zone).Format("01-02 15:04"), pad(e.Kind.Label().ZH, 16), actor(e))
		if what := eventDetail(e); what != "" {
			line += "  — " + what
		}
		fmt.Fprintln(w, line)
	}
	for _, b := range cs.Branches {
		fmt.Fprintf(w, "  分支 Branch: %s · %s · --keep %s\n", b[0].Kind.Label().Both(), actor(b[0]), b[0].ID)
	}
}

// Marks of a material in cases show, explained by the legend under the
// list.
const (
	markReceived = "✓"
	markDeclared = "·"
	markToCome   = "✗"
)

// printMaterials lists an item's materials by their numbers, each marked:
// received, declared by the applicant but not checked in, or still to come.
func printMaterials(w io.Writer, cs *cases.Case, it *catalog.Item) {
	fmt.Fprintln(w, "材料 Materials")
	if len(it.Materials) == 0 {
		fmt.Fprintf(w, "  %s\n", tNone.Both())
		return
	}
	toCome := stillToCome(cs, it)
	for i, m := range it.Materials {
		mark := " "
		switch {
		case slices.Contains(cs.Received, i):
			mark = markReceived
		case slices.Contains(toCome, i):
			mark = markToCome
		case slices.Contains(cs.Materials, i):
			mark = markDeclared
		}
		fmt.Fprintf(w, "  %s %d. %s\n", mark, materialNumber(i), m.NameZH)
	}
	fmt.Fprintf(w, "  %s %s: %s %s  %s %s  %s %s\n", tMarkLegend.ZH, tMarkLegend.EN,
		markReceived, tMarkReceived.Both(), markDeclared, tMarkDeclared.Both(), markToCome, tMarkToCome.Both())
}

// stillToCome lists the materials a case still waits for: those the last
// notice of missing materials named, and, while the case is open, the
// required ones an acceptance went ahead without (容缺受理). A case
// accepted by the coming of the materials a notice named (no acceptance
// event) has no shortfall: the notice listed everything missing.
func stillToCome(cs *cases.Case, it *catalog.Item) []int {
	var out []int
	accepted := cs.Status.Open() && slices.ContainsFunc(cs.Timeline, func(e cases.Event) bool { return e.Kind == cases.KindAccepted })
	for i, m := range it.Materials {
		if slices.Contains(cs.Received, i) {
			continue
		}
		if slices.Contains(cs.Missing, i) || accepted && m.Required {
			out = append(out, i)
		}
	}
	return out
}

// decision names the decision of a completed case.
func decision(approved bool) cases.Text {
	if approved {
		return tApproved
	}
	return tDenied
}

// eventDetail says what an event of the timeline decided or printed: the
// document printed, the decision of a completion, the note of an
// acceptance (容缺受理 records its shortfall there); "" for the rest.
func eventDetail(e cases.Event) string {
	switch e.Kind {
	case cases.KindPrinted:
		var p cases.Printing
		if e.Decode(&p) != nil {
			return ""
		}
		doc, ok := tDocuments[p.Document]
		if !ok {
			doc = tSomeDocument
		}
		return strings.TrimSpace(doc.Both() + " " + p.Ticket)
	case cases.KindCompleted:
		var p cases.Completion
		if e.Decode(&p) != nil {
			return ""
		}
		return strings.TrimSuffix(decision(p.Approved).Both()+"；"+p.Note, "；")
	case cases.KindAccepted:
		var p cases.Acceptance
		if e.Decode(&p) != nil {
			return ""
		}
		return p.Note
	}
	return ""
}

// actor names who made an event: the staff ID, and the device it was
// made on, shortened as the counter's timeline does.
func actor(e cases.Event) string {
	dev := tOnDevice.Both() + " " + cases.ShortDevice(e.Device)
	if e.Staff != "" {
		return e.Staff + " · " + dev
	}
	return dev
}
