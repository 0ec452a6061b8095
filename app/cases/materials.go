package cases

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"tongban/app/catalog"
)

// The rules of materials, one place for the counter window and the command
// line (tongban cases accept|supplied):
//
//   - A case is accepted with every required material of its item, or with
//     a shortfall (容缺受理): the clerk's explicit decision to accept first
//     and take the rest later. The acceptance then lists the required
//     materials not received in its Shortfall, and the case owes them (Owed)
//     until they are received; the receipt prints them as still owed.
//   - A one-time notice (一次性告知) asks for every missing material at
//     once: each required material is received (before or with the
//     notice) or asked for (NoticeLeavesOut). A notice that left one out
//     would let the case be accepted without it.
//   - Materials handed in after a one-time notice (一次性告知) must cover
//     every material the notice asked for. A receipt of only some of them is
//     refused, with what is still missing and the two ways on: wait until
//     all have come, or accept with the shortfall, which lists the rest as
//     owed. Nothing asked for is ever dropped without a record.

// RequiredMissing lists, in the item's order, the required materials of an
// item that are not among received (indexes into item.Materials). An item
// this device does not know (nil) has nothing to check.
func RequiredMissing(item *catalog.Item, received []int) []int {
	if item == nil {
		return nil
	}
	var out []int
	for i, m := range item.Materials {
		if m.Required && !slices.Contains(received, i) {
			out = append(out, i)
		}
	}
	return out
}

// NoticeLeavesOut lists, in the item's order, the required materials a
// notice of missing materials would leave out: received neither before
// (the case's Received) nor with the notice (received), and not asked
// for (missing).
func NoticeLeavesOut(item *catalog.Item, c *Case, missing, received []int) []int {
	return RequiredMissing(item, union(union(c.Received, received), missing))
}

// Outstanding lists the materials the case's notice of missing materials
// asked for (Missing) that are not among received: what a supplement
// receipt of received would leave missing.
func (c *Case) Outstanding(received []int) []int {
	return minus(c.Missing, received)
}

// ShortfallNote is the note of an acceptance with a shortfall: the decision
// and what is still owed, in Chinese (the language of the case's record),
// then the clerk's own note. Every screen and paper that shows the note
// shows the decision with it.
func ShortfallNote(item *catalog.Item, shortfall []int, note string) string {
	if len(shortfall) == 0 {
		return note
	}
	s := shortfallLead + MaterialNames(item, shortfall).ZH
	if note = strings.TrimSpace(note); note != "" {
		s += "；" + note
	}
	return s
}

// shortfallLead opens the note ShortfallNote writes.
const shortfallLead = "容缺受理，尚缺："

// ClerkNote is what the clerk wrote in an acceptance's note, without the
// decision ShortfallNote put before it, for views that show the shortfall
// from the payload already.
func ClerkNote(note string) string {
	if !strings.HasPrefix(note, shortfallLead) {
		return note
	}
	if _, clerk, ok := strings.Cut(note, "；"); ok {
		return clerk
	}
	return ""
}

// checkMaterials checks the materials of an acceptance or a supplement
// receipt against the case. The required materials of an acceptance are
// the caller's to check (RequiredMissing): the case does not hold its item.
func (c *Case) checkMaterials(payload any) error {
	var received, shortfall []int
	switch p := payload.(type) {
	case Acceptance:
		received, shortfall = p.Received, p.Shortfall
	case SupplementReceipt:
		received, shortfall = p.Received, p.Shortfall
		if left := minus(c.Outstanding(received), shortfall); len(left) > 0 {
			return fmt.Errorf("case %s: 补正告知所列材料尚缺第 %s 项：请待材料补齐后再登记，或容缺受理，将其记为待补交；没有作任何更改。 "+
				"Material %s asked for in the notice has not come: record the receipt once all have come, or accept with the shortfall, recording them as owed; nothing was changed",
				c.Number, numbers(left, "、"), numbers(left, ", "))
		}
	default:
		return nil
	}
	if both := intersect(received, shortfall); len(both) > 0 {
		return fmt.Errorf("case %s: 第 %s 项材料不能既已收到又记为待补交；没有作任何更改。 Material %s cannot be both received and owed; nothing was changed", c.Number, numbers(both, "、"), numbers(both, ", "))
	}
	return nil
}

// numbers writes material indexes as the numbers people see, from 1.
func numbers(idx []int, sep string) string {
	s := make([]string, len(idx))
	for i, m := range idx {
		s[i] = strconv.Itoa(m + 1)
	}
	return strings.Join(s, sep)
}

// minus returns the elements of a not in b, in a's order, as a new slice.
func minus(a, b []int) []int {
	var out []int
	for _, x := range a {
		if !slices.Contains(b, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func intersect(a, b []int) []int {
	var out []int
	for _, x := range a {
		if slices.Contains(b, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
