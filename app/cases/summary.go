package cases

import (
	"fmt"
	"strings"

	"tongban/app/catalog"
)

// What an event records, said for people: the counter's timeline and
// `tongban cases show` write the same line for the same event.

// Labels of the parts of an event's summary, and the names of documents
// and decisions.
var (
	tSumMissing  = Text{"缺少材料", "Missing"}
	tSumReceived = Text{"收到材料", "Received"}
	tSumOwed     = Text{"容缺受理，尚缺", "Still owed"}
	tSumReasons  = Text{"理由", "Reasons"}
	tSumReason   = Text{"原因", "Reason"}
	tSumNote     = Text{"备注", "Note"}
	tSumComment  = Text{"评语", "Comment"}
	tSumWindow   = Text{"窗口", "Window"}
	tSumField    = Text{"字段", "Field"}
	tMaterialN   = Text{"材料 %d", "material %d"}
	tApproved    = Text{"准予", "Approved"}
	tDenied      = Text{"不予批准", "Denied"}
	tTicketTaken = Text{"取号", "Queue ticket issued"}
	docLabels    = map[string]Text{
		DocReceipt:    {"受理回执", "acceptance receipt"},
		DocTicket:     {"取号单", "queue ticket"},
		DocSupplement: {"一次性告知单", "notice of missing materials"},
		DocRefusal:    {"不予受理通知书", "refusal notice"},
	}
	tSomeDocument = Text{"文书", "document"}
)

// DocLabel names a printed document (DocReceipt …).
func DocLabel(doc string) Text {
	if t, ok := docLabels[doc]; ok {
		return t
	}
	return tSomeDocument
}

// Decision names the decision of a completion.
func Decision(approved bool) Text {
	if approved {
		return tApproved
	}
	return tDenied
}

// MaterialName names one material of an item by its index. One the item
// does not list (a case from a newer catalog, or no item at all) goes by
// its number, as people count: "材料 3".
func MaterialName(it *catalog.Item, i int) Text {
	if it == nil || i < 0 || i >= len(it.Materials) {
		return tMaterialN.Format(i + 1)
	}
	return Text{it.Materials[i].NameZH, it.Materials[i].NameEN}
}

// MaterialNames names materials by index with the numbers the checklists
// show: "2. 营业执照正本、5. 授权委托书" and "2. Business licence, 5. …".
func MaterialNames(it *catalog.Item, idx []int) Text {
	zh, en := make([]string, len(idx)), make([]string, len(idx))
	for k, i := range idx {
		n := MaterialName(it, i)
		if it != nil && i >= 0 && i < len(it.Materials) {
			n = Text{fmt.Sprintf("%d. %s", i+1, n.ZH), fmt.Sprintf("%d. %s", i+1, n.EN)}
		}
		zh[k], en[k] = n.ZH, n.EN
	}
	return Text{strings.Join(zh, "、"), strings.Join(en, ", ")}
}

// Title names an event for a timeline: its kind, except that the printed
// event a queue ticket is issued with says so, since it stands for the
// number taken whether or not the slip came out of the printer.
func (e Event) Title() Text {
	if e.Kind == KindPrinted {
		var p Printing
		if e.Decode(&p) == nil && p.Document == DocTicket && p.Ticket != "" {
			return tTicketTaken
		}
	}
	return e.Kind.Label()
}

// Summary says in one line, both languages, what an event's payload
// records: the materials an acceptance or notice named, the reasons of a
// refusal, the decision of a completion, the document printed, the ticket
// called, the rating given. it may be nil (an item this catalog lacks):
// materials then go by number. A resolution's summary needs the case (what
// it kept and set aside) and is the caller's; "" when there is nothing to
// add.
func (e Event) Summary(it *catalog.Item) string {
	var parts []string
	add := func(label Text, value string) {
		if value = strings.TrimSpace(value); value != "" {
			parts = append(parts, label.Both()+": "+value)
		}
	}
	materials := func(label Text, idx []int) {
		if len(idx) > 0 {
			n := MaterialNames(it, idx)
			add(label, n.ZH+"（"+n.EN+"）")
		}
	}
	switch e.Kind {
	case KindAccepted:
		var p Acceptance
		if e.Decode(&p) == nil {
			materials(tSumReceived, p.Received)
			materials(tSumOwed, p.Shortfall)
			add(tSumNote, ClerkNote(p.Note))
		}
	case KindSupplementRequested:
		var p SupplementRequest
		if e.Decode(&p) == nil {
			materials(tSumMissing, p.Missing)
			add(tSumNote, p.Note)
		}
	case KindSupplementReceived:
		var p SupplementReceipt
		if e.Decode(&p) == nil {
			materials(tSumReceived, p.Received)
			materials(tSumOwed, p.Shortfall)
		}
	case KindRefused:
		var p Refusal
		if e.Decode(&p) == nil {
			add(tSumReasons, strings.Join(p.Reasons, "；"))
		}
	case KindSuspended, KindResumed, KindWithdrawn:
		var p Reasoned
		if e.Decode(&p) == nil {
			add(tSumReason, p.Reason)
		}
	case KindCompleted:
		var p Completion
		if e.Decode(&p) == nil {
			parts = append(parts, Decision(p.Approved).Both())
			add(tSumNote, p.Note)
		}
	case KindPrinted:
		var p Printing
		if e.Decode(&p) == nil {
			parts = append(parts, strings.TrimSpace(DocLabel(p.Document).Both()+" "+p.Ticket))
		}
	case KindCalled:
		var p Call
		if e.Decode(&p) == nil {
			parts = append(parts, p.Ticket)
			add(tSumWindow, p.Window)
		}
	case KindRated:
		var p Rating
		if e.Decode(&p) == nil {
			parts = append(parts, p.Level.Label().Both())
			add(tSumComment, p.Comment)
		}
	case KindRevealed:
		var p Reveal
		// The kind says the ID number; another field revealed is named.
		if e.Decode(&p) == nil && p.Field != catalog.FieldIDNumber {
			add(tSumField, p.Field)
		}
	}
	return strings.Join(parts, "；")
}
