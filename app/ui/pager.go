package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Paging is the page maths of a list shown a page at a time. Page counts
// from 0; an empty list has one (empty) page.
type Paging struct {
	Total, PerPage, Page int
}

// Pages returns the number of pages, at least 1.
func (p Paging) Pages() int {
	if p.PerPage <= 0 || p.Total <= 0 {
		return 1
	}
	return (p.Total + p.PerPage - 1) / p.PerPage
}

// Bounds returns the half-open range of items on the page.
func (p Paging) Bounds() (from, to int) {
	if p.PerPage <= 0 {
		return 0, p.Total
	}
	from = min(p.Clamped().Page*p.PerPage, p.Total)
	return from, min(from+p.PerPage, p.Total)
}

// Clamped returns p with Page inside 0 … Pages()-1.
func (p Paging) Clamped() Paging {
	p.Page = max(0, min(p.Page, p.Pages()-1))
	return p
}

// PageOf returns the page that holds item i.
func (p Paging) PageOf(i int) int {
	if p.PerPage <= 0 {
		return 0
	}
	return Paging{Total: p.Total, PerPage: p.PerPage, Page: i / p.PerPage}.Clamped().Page
}

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
type Pager struct {
	widget.BaseWidget

	// OnPage is called after the page changed (page from 0).
	OnPage func(page int)

	items  []fyne.CanvasObject
	cols   int
	paging Paging
	labels PagerLabels

	body  *fyne.Container
	bar   *fyne.Container
	label *widget.Label
	prev  *widget.Button
	next  *widget.Button
}

// NewPager pages items, perPage at a time in cols columns.
func NewPager(items []fyne.CanvasObject, perPage, cols int, labels PagerLabels) *Pager {
	p := &Pager{items: items, cols: max(cols, 0), paging: Paging{Total: len(items), PerPage: max(perPage, 1)}, labels: labels}
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
	p.fill()
	return p
}

// Paging returns the page maths as shown.
func (p *Pager) Paging() Paging { return p.paging }

// SetItems replaces the list and goes to the first page.
func (p *Pager) SetItems(items []fyne.CanvasObject) {
	p.items = items
	p.paging = Paging{Total: len(items), PerPage: p.paging.PerPage}
	p.fill()
}

// SetPage shows page n (from 0), clamped to the pages there are.
func (p *Pager) SetPage(n int) {
	old := p.paging.Page
	p.paging.Page = n
	p.paging = p.paging.Clamped()
	p.fill()
	if p.paging.Page != old && p.OnPage != nil {
		p.OnPage(p.paging.Page)
	}
}

// Turn moves by delta pages; false at either end.
func (p *Pager) Turn(delta int) bool {
	n := p.paging.Page + delta
	if n < 0 || n >= p.paging.Pages() {
		return false
	}
	p.SetPage(n)
	return true
}

// CreateRenderer puts the bar under the page.
func (p *Pager) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, p.bar, nil, nil, p.body))
}

// fill puts the page's items in the grid, padding a short page with
// spacers so cells keep their size.
func (p *Pager) fill() {
	from, to := p.paging.Bounds()
	objs := make([]fyne.CanvasObject, 0, p.paging.PerPage)
	objs = append(objs, p.items[from:to]...)
	for len(objs) < p.paging.PerPage && p.cols > 0 {
		objs = append(objs, layout.NewSpacer())
	}
	p.body.Objects = objs
	p.body.Refresh()
	page, pages := p.paging.Page+1, p.paging.Pages()
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
