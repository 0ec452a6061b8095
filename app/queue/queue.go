// Package queue is the lobby's queue: tickets (取号单) issued with a case
// at the kiosk, and the order in which counters call them. A ticket lives
// on its case as a printed event and a call as a called event, so every
// device of the center learns both by the same sync as the cases, and the
// queue works offline.
package queue

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
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

// Number formats a ticket number: the queue letter, the issuing kiosk's
// number and a three-digit sequence of the day — A1042 is kiosk K01's 42nd
// A ticket, A2042 kiosk K02's. Kiosks number on their own, offline, so two
// of a center would both give out A042 and two citizens answer its call;
// the kiosk's number in it keeps every ticket of the center apart. A
// kiosk the platform has not numbered (a demo, "XAB") gives A042.
func Number(letter, kiosk string, seq int) string {
	if n, err := strconv.Atoi(strings.TrimPrefix(kiosk, "K")); err == nil && strings.HasPrefix(kiosk, "K") && n > 0 {
		return fmt.Sprintf("%s%d%03d", letter, n, seq)
	}
	return fmt.Sprintf("%s%03d", letter, seq)
}

// Waiting returns the cases whose ticket waits to be called at a counter
// serving the given queue letters, oldest ticket first. letterOf maps an
// item code to its queue letter (from the catalog). A ticket waits while
// its case was neither called nor taken up: a clerk who scanned the
// receipt without calling (the citizen came to the counter on their own)
// has served it as surely as one who called it.
func Waiting(cs []*cases.Case, letters []string, letterOf func(itemCode string) string) []*cases.Case {
	var out []*cases.Case
	for _, c := range cs {
		if c.Ticket == "" || !c.CalledAt.IsZero() || c.Status != cases.StatusSubmitted {
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
