package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PagerLabels are the texts of a pager's bar, in the language on screen.
type PagerLabels struct {
	Prev, Next string // 上一页 / 下一页
	// Page says where the reader is; page counts from 1: 第 2/3 页.
	Page func(page, pages int) string
}

// Pager shows a list a page at a time with big previous and next buttons
// and the page number, because touch-drag scrolling does not work on the
// desktop driver (fyne#5755). Items of a page fill a grid of cols columns
// (a short last page keeps the cells' size), or with cols 0 stack at
// their own heights from the top, for rows of text. The bar hides when
// everything fits one page.
//
// A page holds at most perPage items, and fewer when they are too tall
// for the room the pager is given (long English names wrap, elder mode
// is larger): the pager measures the items at its width and breaks the
// pages so that every page fits. So a pager asks only for the room of
// one item (one row) and its bar, and a long list never makes the
// window taller than the screen. Before it has a size it pages by
// perPage.
type Pager struct {
	widget.BaseWidget

	// OnPage is called after the reader turned the page (page from 0).
	OnPage func(page int)
	// SectionRoom, if set, returns the room the pages of the section that
	// starts at item from are shown in, when the pager itself has size.
	// A form whose keypad goes away on its checklist gives that section
	// the keypad's room too, and its fields the room beside the keypad
	// while the checklist is shown: each section breaks for the room it
	// is shown in, so turning from one to the other breaks nothing anew
	// and the page count stays. Nil: every section has the pager's size.
	SectionRoom func(from int, size fyne.Size) fyne.Size
	// Guard, if set, lies over the page's items from the one GuardFrom
	// names down, never over the bar: a form arms it when a note under a
	// field moved that field and those below it, so a tap aimed at one
	// does not land on another, while a tap on a field above, or a page
	// turn, still acts at once (they did not move).
	Guard *TapGuard

	items    []fyne.CanvasObject
	cols     int
	sections []section
	labels   PagerLabels

	// starts holds the first item of each page; page is the one shown;
	// anchor is the item that stays in view when the pages break anew;
	// kept is an item that starts a page however the pages break, until
	// the size changes (Refit keeps the page shown where it starts).
	// fitted is the size the breaks were worked out for (zero: by
	// perPage).
	starts []int
	page   int
	anchor int
	kept   int
	fitted fyne.Size
	// guardFrom is the first item the Guard lies over.
	guardFrom int

	body  *fyne.Container
	bar   *fyne.Container
	label *widget.Label
	prev  *widget.Button
	next  *widget.Button
}

// section is a run of items from an index on that starts a page and
// holds at most perPage items a page.
type section struct{ from, perPage int }

// NewPager pages items, at most perPage at a time in cols columns.
func NewPager(items []fyne.CanvasObject, perPage, cols int, labels PagerLabels) *Pager {
	p := &Pager{items: items, cols: max(cols, 0), sections: []section{{0, max(perPage, 1)}}, labels: labels}
	p.ExtendBaseWidget(p)
	p.label = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	p.prev = widget.NewButton(labels.Prev, func() { p.Turn(-1) })
	p.next = widget.NewButton(labels.Next, func() { p.Turn(1) })
	if p.cols == 0 {
		p.body = Column()
	} else {
		p.body = container.NewGridWithColumns(p.cols)
	}
	p.bar = container.NewBorder(nil, nil, Wide(p.prev), Wide(p.next), p.label)
	p.starts = p.evenStarts()
	p.fill()
	return p
}

// Section makes the items from index from on a section of the list: it
// starts a page, and its pages hold at most perPage items. A form puts
// its fields before its checklist so. It goes to the first page.
func (p *Pager) Section(from, perPage int) {
	p.sections = slices.DeleteFunc(p.sections, func(s section) bool { return s.from == from })
	p.sections = append(p.sections, section{from, max(perPage, 1)})
	slices.SortFunc(p.sections, func(a, b section) int { return a.from - b.from })
	p.SetItems(p.items)
}

// Page returns the page shown, from 0.
func (p *Pager) Page() int { return p.page }

// Pages returns the number of pages, at least 1.
func (p *Pager) Pages() int { return len(p.starts) }

// Shown returns the half-open range of the items on the page shown.
func (p *Pager) Shown() (from, to int) { return p.bounds(p.page) }

func (p *Pager) bounds(page int) (from, to int) {
	from, to = p.starts[page], len(p.items)
	if page+1 < len(p.starts) {
		to = p.starts[page+1]
	}
	return from, to
}

// SetItems replaces the list and goes to the first page.
func (p *Pager) SetItems(items []fyne.CanvasObject) {
	p.items = items
	p.page, p.anchor, p.kept = 0, 0, 0
	p.starts = p.evenStarts()
	if size := p.Size(); size.Width > 0 && size.Height > 0 {
		p.starts = p.breaks(size)
		p.fitted = size
	}
	p.fill()
	p.Refresh()
}

// SetPage shows page n (from 0), clamped to the pages there are.
func (p *Pager) SetPage(n int) {
	old := p.page
	p.page = max(0, min(n, len(p.starts)-1))
	p.anchor = p.starts[p.page]
	p.fill()
	p.Refresh()
	if p.page != old && p.OnPage != nil {
		p.OnPage(p.page)
	}
}

// ShowItem shows the page that holds item i, and keeps i in view when
// the pages break anew (a form's field being typed). It tells OnPage
// nothing: the caller chose the item.
func (p *Pager) ShowItem(i int) {
	if i < 0 || i >= len(p.items) {
		return
	}
	p.anchor = i
	p.page = p.pageOf(i)
	p.fill()
	p.Refresh()
}

// Refit breaks the pages again, keeping the anchor in view: call it when
// items on the page grew or shrank (a problem shown under a field). The
// page shown keeps its first item, so nothing above the item being
// worked on moves: when a note under a field goes, the field does not
// jump back onto the page before, nor the page before onto this one.
func (p *Pager) Refit() {
	size := p.fitted
	p.fitted = fyne.Size{}
	if from, _ := p.Shown(); from <= p.anchor {
		p.kept = from
	}
	p.rebreak(size)
	p.Refresh()
}

// GuardFrom lays the Guard over item i and the items after it on the
// page shown, down to the bar: over the whole page if i is on a page
// before it, over nothing if on one after it.
func (p *Pager) GuardFrom(i int) {
	p.guardFrom = max(i, 0)
	p.placeGuard()
}

// placeGuard lays the Guard out from the top of item guardFrom to the
// bottom of the page's items. The items must have been laid out.
func (p *Pager) placeGuard() {
	if p.Guard == nil {
		return
	}
	from, to := p.Shown()
	size := p.body.Size()
	var top float32
	switch {
	case p.guardFrom <= from:
	case p.guardFrom >= to:
		top = size.Height
	default:
		top = min(p.items[p.guardFrom].Position().Y, size.Height)
	}
	p.Guard.Move(p.body.Position().AddXY(0, top))
	p.Guard.Resize(fyne.NewSize(size.Width, size.Height-top))
}

// Turn moves by delta pages; false at either end.
func (p *Pager) Turn(delta int) bool {
	n := p.page + delta
	if n < 0 || n >= len(p.starts) {
		return false
	}
	p.SetPage(n)
	return true
}

// CreateRenderer puts the bar under the page.
func (p *Pager) CreateRenderer() fyne.WidgetRenderer {
	return &pagerRenderer{p: p}
}

// pageOf returns the page that holds item i.
func (p *Pager) pageOf(i int) int {
	page := 0
	for n, s := range p.starts {
		if s <= i {
			page = n
		}
	}
	return page
}

// limit returns how many items the page that starts at item i may hold,
// and whether i must start a page (it begins a section).
func (p *Pager) limit(i int) (perPage int, starts bool) {
	s := p.sectionOf(i)
	return s.perPage, s.from == i || i == p.kept
}

// sectionOf returns the section item i is in.
func (p *Pager) sectionOf(i int) section {
	var in section
	for _, s := range p.sections {
		if s.from <= i {
			in = s
		}
	}
	return in
}

// roomOf returns the room item i's pages are shown in when the pager has
// size.
func (p *Pager) roomOf(i int, size fyne.Size) fyne.Size {
	if p.SectionRoom == nil {
		return size
	}
	return p.SectionRoom(p.sectionOf(i).from, size)
}

// evenStarts breaks the list into pages of perPage items.
func (p *Pager) evenStarts() []int {
	starts := []int{0}
	most, _ := p.limit(0)
	n := 0
	for i := range p.items {
		perPage, begins := p.limit(i)
		if n > 0 && (n == most || begins) {
			starts = append(starts, i)
			most, n = perPage, 0
		}
		n++
	}
	return starts
}

// refit breaks the pages again for a new size, keeping the anchor on the
// page shown.
func (p *Pager) refit(size fyne.Size) {
	if size == p.fitted || size.Width <= 0 || size.Height <= 0 {
		return
	}
	p.kept = 0 // a new size breaks the pages afresh
	p.rebreak(size)
}

// rebreak breaks the pages for size, keeping the anchor on the page
// shown.
func (p *Pager) rebreak(size fyne.Size) {
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	p.fitted = size
	starts := p.breaks(size)
	if slices.Equal(starts, p.starts) {
		p.fill() // the same breaks, but a grid's cells may need other padding
		return
	}
	p.starts = starts
	p.page = p.pageOf(p.anchor)
	p.fill()
}

// breaks works out the first item of each page so that every page fits
// the room it is shown in: all on one page if they fit without the bar,
// else as many a page as fit above it.
func (p *Pager) breaks(size fyne.Size) []int {
	rooms := make([]float32, len(p.items))
	heights := make([]float32, len(p.items))
	for i, o := range p.items {
		room := p.roomOf(i, size)
		rooms[i], heights[i] = room.Height, heightAt(o, p.cellWidth(room.Width))
	}
	room := func(i int) float32 { return rooms[i] }
	if starts := p.breakAt(heights, room); len(starts) == 1 {
		return starts
	}
	return p.breakAt(heights, func(i int) float32 { return rooms[i] - p.barHeight() })
}

// cellWidth is the width an item gets in a page of width: a grid's cell
// width. Text wraps at that width, so an item is laid out at it first
// and asked its height after, as a Column does.
func (p *Pager) cellWidth(width float32) float32 {
	if p.cols > 0 {
		width = (width - gap()*float32(p.cols-1)) / float32(p.cols)
	}
	return width
}

// breakAt fills pages greedily: stacked items while their heights and
// gaps fit the room of the page (room of its first item); grid rows
// while that many rows of the page's tallest item fit. A page holds at
// least one item (one row) and at most its section's perPage, and a
// section starts a page.
func (p *Pager) breakAt(heights []float32, roomOf func(i int) float32) []int {
	step := max(p.cols, 1) // a grid's pages start at a row
	starts := []int{0}
	most, _ := p.limit(0)
	used, tallest, n := float32(0), float32(0), 0
	var room float32 // the room of the page being filled
	for i := 0; i < len(heights); i += step {
		rowH := slices.Max(heights[i:min(i+step, len(heights))])
		var need float32
		if p.cols == 0 {
			need = used + rowH + gap()*float32(n)
		} else {
			rows := float32(n/step + 1)
			need = max(tallest, rowH)*rows + gap()*(rows-1)
		}
		perPage, begins := p.limit(i)
		if n > 0 && (need > room || n+step > most || begins) {
			starts = append(starts, i)
			used, tallest, n = 0, 0, 0
		}
		if n == 0 {
			most, room = perPage, roomOf(i)
		}
		used += rowH
		tallest = max(tallest, rowH)
		n += step
	}
	return starts
}

// rowsFor is the number of rows a grid page is laid out in: as many of
// its tallest item as fit (a short last page keeps its cells' size), at
// most perPage's worth, at least the rows it has.
func (p *Pager) rowsFor(from, to int, room float32) int {
	perPage, _ := p.limit(from)
	most := (perPage + p.cols - 1) / p.cols
	if room <= 0 {
		return most
	}
	have := (to - from + p.cols - 1) / p.cols
	tallest := float32(0)
	for _, o := range p.items[from:to] {
		tallest = max(tallest, o.MinSize().Height)
	}
	fit := most
	if tallest > 0 {
		fit = int((room + gap()) / (tallest + gap()))
	}
	return max(have, min(most, fit))
}

func (p *Pager) barHeight() float32 { return p.bar.MinSize().Height + gap() }

func gap() float32 { return theme.Size(theme.SizeNamePadding) }

// fill puts the page's items in the body, padding a short grid page with
// spacers so cells keep their size, and brings the bar up to date. The
// caller lays the pager out again (Layout does, or Refresh).
func (p *Pager) fill() {
	p.page = max(0, min(p.page, len(p.starts)-1))
	from, to := p.Shown()
	objs := make([]fyne.CanvasObject, 0, to-from)
	objs = append(objs, p.items[from:to]...)
	if p.cols > 0 {
		room := p.fitted.Height
		if len(p.starts) > 1 {
			room -= p.barHeight()
		}
		for len(objs) < p.rowsFor(from, to, room)*p.cols {
			objs = append(objs, layout.NewSpacer())
		}
	}
	p.body.Objects = objs
	p.body.Refresh()
	page, pages := p.page+1, len(p.starts)
	if p.labels.Page != nil {
		p.label.SetText(p.labels.Page(page, pages))
	}
	setEnabled(p.prev, page > 1)
	setEnabled(p.next, page < pages)
	if pages > 1 {
		p.bar.Show()
	} else {
		p.bar.Hide()
	}
}

// pagerRenderer lays the page out above the bar, breaking the pages
// again whenever the size changes.
type pagerRenderer struct{ p *Pager }

func (r *pagerRenderer) Destroy() {}

func (r *pagerRenderer) Objects() []fyne.CanvasObject {
	if r.p.Guard != nil {
		return []fyne.CanvasObject{r.p.body, r.p.bar, r.p.Guard} // the guard on top
	}
	return []fyne.CanvasObject{r.p.body, r.p.bar}
}

func (r *pagerRenderer) Layout(size fyne.Size) {
	p := r.p
	p.refit(size)
	bodyH := size.Height
	if p.bar.Visible() {
		barH := p.bar.MinSize().Height
		bodyH -= barH + gap()
		p.bar.Move(fyne.NewPos(0, size.Height-barH))
		p.bar.Resize(fyne.NewSize(size.Width, barH))
	}
	p.body.Move(fyne.NewPos(0, 0))
	p.body.Resize(fyne.NewSize(size.Width, bodyH))
	p.placeGuard()
}

// MinSize is the room of the widest item (a grid row of them) and the
// tallest, and of the bar when there may be pages to turn.
func (r *pagerRenderer) MinSize() fyne.Size {
	p := r.p
	var item fyne.Size
	for _, o := range p.items {
		item = item.Max(o.MinSize())
	}
	if p.cols > 0 {
		item.Width = item.Width*float32(p.cols) + gap()*float32(p.cols-1)
	}
	if len(p.items) > 1 {
		bar := p.bar.MinSize()
		item = fyne.NewSize(max(item.Width, bar.Width), item.Height+bar.Height+gap())
	}
	return item
}

// Refresh lays the page out again: the bar may have come or gone.
func (r *pagerRenderer) Refresh() {
	r.Layout(r.p.Size())
	r.p.body.Refresh()
	r.p.placeGuard() // the items have their places now
	r.p.bar.Refresh()
}
