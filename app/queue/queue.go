// Package queue is the lobby's queue: tickets (取号单) issued with a case
// at the kiosk, and the order in which counters call them. A ticket lives
// on its case as a printed event and a call as a called event, so every
// device of the center learns both by the same sync as the cases, and the
// queue works offline.
package queue

import (
	"fmt"
	"slices"
	"time"

	"tongban/app/cases"
)

// Ticket is one queue ticket.
type Ticket struct {
	Number     string    `json:"number"` // e.g. A042
	Letter     string    `json:"letter"`
	Seq        int       `json:"seq"`
	Day        string    `json:"day"` // YYYY-MM-DD
	CaseID     string    `json:"case_id"`
	CaseNumber string    `json:"case_number"`
	ItemCode   string    `json:"item_code"`
	Device     string    `json:"device"` // short code of the kiosk that issued it
	IssuedAt   time.Time `json:"issued_at"`
}

// Number formats a ticket number: the queue letter and a three-digit
// sequence of the day. Kiosks number on their own, offline, so the issuing
// kiosk's short code is printed and called beside it.
func Number(letter string, seq int) string { return fmt.Sprintf("%s%03d", letter, seq) }

// Label is how a ticket is called: "A042" with the kiosk's code.
func (t Ticket) Label() string { return t.Number + "·" + t.Device }

// Waiting returns the cases whose ticket waits to be called at a counter
// serving the given queue letters, oldest ticket first. letterOf maps an
// item code to its queue letter (from the catalog).
func Waiting(cs []*cases.Case, letters []string, letterOf func(itemCode string) string) []*cases.Case {
	var out []*cases.Case
	for _, c := range cs {
		if c.Ticket == "" || !c.CalledAt.IsZero() || !c.Status.Open() {
			continue
		}
		if len(letters) > 0 && !slices.Contains(letters, letterOf(c.ItemCode)) {
			continue
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b *cases.Case) int { return a.IssuedAt.Compare(b.IssuedAt) })
	return out
}

// Ahead counts the tickets of one letter issued before t and not yet
// called: what the ticket prints as "前面还有 N 人".
func Ahead(cs []*cases.Case, letter string, t time.Time, letterOf func(string) string) int {
	n := 0
	for _, c := range Waiting(cs, []string{letter}, letterOf) {
		if c.IssuedAt.Before(t) {
			n++
		}
	}
	return n
}
