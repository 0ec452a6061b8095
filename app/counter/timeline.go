package counter

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// timelineRows are the events in force: when, what, who, and the details
// the event carries.
func (b *bench) timelineRows(c *cases.Case, item *catalog.Item) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, e := range c.Timeline {
		rows = append(rows, b.eventRow(c, e, item))
	}
	return rows
}

// eventRow is one event: time, kind, who (and on which device), details.
func (b *bench) eventRow(c *cases.Case, e cases.Event, item *catalog.Item) fyne.CanvasObject {
	head := ui.NewText(stamp(e.Stamp.Time()) + "  " + both(e.Kind.Label()) + "  " + b.who(c, e))
	head.TextStyle.Bold = e.Kind != cases.KindPrinted && e.Kind != cases.KindRevealed && e.Kind != cases.KindCalled
	if d := details(e, item); d != "" {
		return ui.Column(head, caption(d))
	}
	return head
}

// who names an event's actor: the clerk, or the channel of a submission.
func (b *bench) who(c *cases.Case, e cases.Event) string {
	dev := labelled(tOnDevice, cases.ShortDevice(e.Device))
	if e.Staff != "" {
		if name := b.c.clerkName(e.Staff); name != e.Staff {
			return name + "（" + e.Staff + "） · " + dev
		}
		return e.Staff + " · " + dev
	}
	if e.Kind == cases.KindSubmitted {
		switch c.Channel {
		case cases.ChannelKiosk:
			return both(tByKiosk) + " · " + dev
		case cases.ChannelScript:
			return both(tByScript) + " · " + dev
		}
		return both(tByCounter) + " · " + dev
	}
	return dev
}

// details summarizes an event's payload in both languages.
func details(e cases.Event, item *catalog.Item) string {
	switch e.Kind {
	case cases.KindAccepted:
		var p cases.Acceptance
		if e.Decode(&p) == nil {
			return joinNonEmpty(list(tReceivedLine, p.Received, item), note(p.Note))
		}
	case cases.KindSupplementRequested:
		var p cases.SupplementRequest
		if e.Decode(&p) == nil {
			return joinNonEmpty(list(tMissingLine, p.Missing, item), note(p.Note))
		}
	case cases.KindSupplementReceived:
		var p cases.SupplementReceipt
		if e.Decode(&p) == nil {
			return list(tReceivedLine, p.Received, item)
		}
	case cases.KindRefused:
		var p cases.Refusal
		if e.Decode(&p) == nil {
			return labelled(tReasons, strings.Join(p.Reasons, "；"))
		}
	case cases.KindSuspended, cases.KindResumed, cases.KindWithdrawn:
		var p cases.Reasoned
		if e.Decode(&p) == nil && p.Reason != "" {
			return labelled(tReasonLine, p.Reason)
		}
	case cases.KindCompleted:
		var p cases.Completion
		if e.Decode(&p) == nil {
			d := tDecisionNo
			if p.Approved {
				d = tDecisionYes
			}
			return joinNonEmpty(both(d), note(p.Note))
		}
	case cases.KindPrinted:
		var p cases.Printing
		if e.Decode(&p) == nil {
			return withText(tPrintedLine, docText(p.Document)) + ticketOf(p.Ticket)
		}
	case cases.KindCalled:
		var p cases.Call
		if e.Decode(&p) == nil {
			return bothf(tCalledLine, p.Ticket, p.Window)
		}
	}
	return ""
}

func ticketOf(t string) string {
	if t == "" {
		return ""
	}
	return " " + t
}

// list names the materials of indexes, after a label.
func list(t cases.Text, idx []int, item *catalog.Item) string {
	if len(idx) == 0 {
		return ""
	}
	return withText(t, materialNames(idx, item))
}

// materialNames joins the names of materials by index.
func materialNames(idx []int, item *catalog.Item) cases.Text {
	var zh, en []string
	for _, i := range idx {
		if i >= 0 && i < len(item.Materials) {
			zh, en = append(zh, item.Materials[i].NameZH), append(en, item.Materials[i].NameEN)
		} else {
			zh, en = append(zh, fmt.Sprintf(tMaterialN.ZH, i+1)), append(en, fmt.Sprintf(tMaterialN.EN, i+1))
		}
	}
	return cases.Text{ZH: strings.Join(zh, "、"), EN: strings.Join(en, ", ")}
}

func note(n string) string {
	if n == "" {
		return ""
	}
	return labelled(tNoteLine, n)
}

func joinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}
