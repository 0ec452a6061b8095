package counter

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
)

// listLimit is how many cases the list shows: a desk list is read, not
// scrolled, and a longer one means the search should be narrower.
const listLimit = 15

// finder is the list shown when no case is open: today's cases, or the
// results of a search, filtered by status, overdue ones first.
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
	b.cur, b.panel, b.timeline, b.checks = nil, nil, nil, nil
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

// runFind fetches the list: the search text across all cases, or else
// today's cases; overdue ones first, then newest first.
func (b *bench) runFind() {
	f := &b.find
	now := b.c.deps.Now()
	q := cases.Query{Text: f.query, Status: f.status, Limit: 200}
	if strings.TrimSpace(f.query) == "" {
		q.Day = now
	}
	found, err := b.c.deps.Store.Find(q)
	if err != nil {
		b.fail(sentence(err, nil))
	}
	late := map[string]bool{}
	for _, c := range found {
		item, _ := b.c.item(c.ItemCode)
		late[c.ID] = c.Overdue(b.c.deps.Calendar, item.PromisedDays, now)
	}
	slices.SortStableFunc(found, func(x, y *cases.Case) int {
		switch {
		case late[x.ID] == late[y.ID]:
			return 0
		case late[x.ID]:
			return -1
		}
		return 1
	})
	f.more = len(found) > listLimit
	f.results = found[:min(len(found), listLimit)]
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
	head := tToday
	if f.query != "" {
		head = tResults
	}
	rows := []fyne.CanvasObject{section(head)}
	now := b.c.deps.Now()
	for i, c := range f.results {
		item, _ := b.c.item(c.ItemCode)
		text := fmt.Sprintf("%s  %s  %s  %s", c.Number, c.Name(), item.NameZH, both(c.Status.Label()))
		if c.Overdue(b.c.deps.Calendar, item.PromisedDays, now) {
			text += "  [" + both(tOverdueMark) + "]"
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

// statusFilter narrows the list to one status.
func (b *bench) statusFilter() fyne.CanvasObject {
	options := []string{both(tAllStatuses)}
	byLabel := map[string]cases.Status{both(tAllStatuses): ""}
	for _, s := range cases.Statuses {
		options = append(options, both(s.Label()))
		byLabel[both(s.Label())] = s
	}
	sel := newChoice(b.c, options, func(label string) {
		if s := byLabel[label]; s != b.find.status {
			b.find.status = s
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
