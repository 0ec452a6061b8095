package counter

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
)

// listLimit is how many cases the list shows: a desk list is read, not
// scrolled, and a longer one means the search should be narrower.
const listLimit = 15

// runningLimit bounds the open cases read to find the overdue ones: the
// oldest come first, and they are the ones that can be late.
const runningLimit = 2000

// finder is the list shown when no case is open. With no search it is the
// desk list: today's cases and every open case overdue or due today, or,
// with a status chosen, the cases of that status on any day; overdue
// first either way. A search looks through every case whatever the status
// filter: a number, phone or name names the cases wanted.
type finder struct {
	query   string
	status  cases.Status // empty: every status
	results []*cases.Case
	more    bool
	search  *entry
}

// showList closes the case and shows the list, fetched afresh. What the
// messages said of the case goes with it.
func (b *bench) showList() {
	if b.cur != nil {
		b.clearMessages()
	}
	b.cur, b.panel, b.timeline, b.story, b.checks, b.materials = nil, nil, nil, nil, nil, nil
	b.columns = caseColumns{}
	b.runFind()
	b.render()
}

// focusFind shows the list with the keyboard in its search box.
func (b *bench) focusFind() {
	if b.cur != nil {
		b.showList()
	}
	if b.find.search != nil {
		b.c.win.Canvas().Focus(b.find.search)
	}
}

// promise is where a listed case stands against its promised date.
type promise int

const (
	late promise = iota
	dueToday
	onTime
)

// promiseOf says whether a case is overdue, due today or neither.
func (b *bench) promiseOf(c *cases.Case, now time.Time) (promise, time.Time) {
	item, _ := b.c.item(c.ItemCode)
	cal := b.c.deps.Calendar
	if c.Overdue(cal, item.PromisedDays, now) {
		due, _ := c.Due(cal, item.PromisedDays, now)
		return late, due
	}
	if c.Status.Open() && c.Status != cases.StatusSuspended {
		if due, ok := c.Due(cal, item.PromisedDays, now); ok && day(due) == day(now) {
			return dueToday, due
		}
	}
	return onTime, time.Time{}
}

// runFind fetches the list (see finder), overdue cases first, the longest
// overdue at the top, then those due today, then the rest newest first.
func (b *bench) runFind() {
	f := &b.find
	st, now := b.c.deps.Store, b.c.deps.Now()
	var found []*cases.Case
	var err error
	if f.query != "" {
		found, err = st.Find(cases.Query{Text: f.query, Limit: 200})
	} else {
		q := cases.Query{Status: f.status, Limit: 200}
		if f.status == "" {
			q.Day = now
		}
		found, err = st.Find(q)
		if err == nil {
			// Overdue cases were submitted days ago: add every open one
			// overdue or due today (of the status chosen, if one is).
			var running []*cases.Case
			running, err = st.Running(runningLimit)
			have := map[string]bool{}
			for _, c := range found {
				have[c.ID] = true
			}
			for _, c := range running {
				if p, _ := b.promiseOf(c, now); p != onTime && !have[c.ID] && (f.status == "" || c.Status == f.status) {
					found = append(found, c)
				}
			}
		}
	}
	if err != nil {
		b.fail(sentence(err, nil))
	}
	type standing struct {
		p   promise
		due time.Time
	}
	of := map[string]standing{}
	for _, c := range found {
		p, due := b.promiseOf(c, now)
		of[c.ID] = standing{p, due}
		b.learnDevice(c)
	}
	slices.SortStableFunc(found, func(x, y *cases.Case) int {
		a, z := of[x.ID], of[y.ID]
		switch {
		case a.p != z.p:
			return int(a.p) - int(z.p)
		case a.p == late:
			return a.due.Compare(z.due)
		}
		return y.SubmittedAt.Compare(x.SubmittedAt)
	})
	f.more = len(found) > listLimit
	f.results = found[:min(len(found), listLimit)]
}

// listHead says what the list holds.
func (f *finder) listHead() string {
	switch {
	case f.query != "" && f.status != "":
		return both(tResultsAll)
	case f.query != "":
		return both(tResults)
	case f.status != "":
		return withText(tByStatus, f.status.Label())
	}
	return both(tToday)
}

// listView draws the search box, the status filter and the list.
func (b *bench) listView() fyne.CanvasObject {
	f := &b.find
	f.search = newEntry(b.c, both(tSearchHint))
	f.search.OnScan = b.scanned
	f.search.SetText(f.query)
	f.search.OnEnter = func(text string) {
		f.query = strings.TrimSpace(text)
		b.runFind()
		b.render()
		b.c.win.Canvas().Focus(f.search)
	}
	rows := []fyne.CanvasObject{sectionText(f.listHead())}
	now := b.c.deps.Now()
	for i, c := range f.results {
		item, _ := b.c.item(c.ItemCode)
		text := fmt.Sprintf("%s  %s  %s  %s", c.Number, c.Name(), item.NameZH, both(statusText(c)))
		switch p, _ := b.promiseOf(c, now); p {
		case late:
			text += "  [" + both(tOverdueMark) + "]"
		case dueToday:
			text += "  [" + both(tDueTodayMark) + "]"
		}
		if c.Ticket != "" {
			text += "  " + c.Ticket
		}
		if i < len(digits) {
			text = fmt.Sprintf("Alt+%d  ", i+1) + text
		}
		id := c.ID
		row := newButton(b.c, text, func() { b.openCase(id) })
		row.Alignment = widget.ButtonAlignLeading
		row.Importance = widget.LowImportance
		rows = append(rows, row)
	}
	if len(f.results) == 0 {
		rows = append(rows, widget.NewLabel(both(tNoCases)))
	}
	if f.more {
		rows = append(rows, widget.NewLabel(bothf(tMore, listLimit)))
	}
	top := container.NewBorder(nil, nil, nil, b.statusFilter(), f.search)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(rows...)))
}

// statusFilter narrows the desk list to one status, on any day. Choosing
// a status ends a search: the filter is for the list, and a search looks
// through every status.
func (b *bench) statusFilter() fyne.CanvasObject {
	options := []string{both(tAllStatuses)}
	byLabel := map[string]cases.Status{both(tAllStatuses): ""}
	for _, s := range cases.Statuses {
		options = append(options, both(s.Label()))
		byLabel[both(s.Label())] = s
	}
	sel := newChoice(b.c, options, func(label string) {
		if s := byLabel[label]; s != b.find.status || b.find.query != "" {
			b.find.status, b.find.query = s, ""
			b.runFind()
			b.render()
		}
	})
	sel.Selected = both(tAllStatuses)
	if b.find.status != "" {
		sel.Selected = both(b.find.status.Label())
	}
	return container.NewHBox(widget.NewLabel(both(tStatusFilter)), sel)
}

// openListed opens the n-th case of the list (Alt+1…).
func (b *bench) openListed(n int) {
	if n >= 0 && n < len(b.find.results) {
		b.openCase(b.find.results[n].ID)
	}
}

// openCase opens a case by ID with all its events.
func (b *bench) openCase(id string) {
	c, err := b.c.deps.Store.Case(id)
	if err != nil {
		b.fail(sentence(err, nil))
		b.refocus()
		return
	}
	b.setCase(c)
	b.info(labelled(tOpened, c.Number))
}
