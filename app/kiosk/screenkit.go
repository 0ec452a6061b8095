package kiosk

// The kit every screen is built from: how much a page holds in the current
// mode and orientation, the two-pane and keypad layouts, buttons, pagers,
// text styles, and the frame (title, language and elder switches, actions,
// status) around each screen.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/ui"
)

// sizes returns how much a page holds at most in the current mode. A
// portrait screen has room for more rows of a list; the pagers still
// hold fewer when they are tall. The guide's materials, a case's missing
// materials and the form's fields and checklist have no count: they take
// as many a page as the height holds (pass allFit).
func (k *Kiosk) sizes() pageSizes {
	sz := kioskSizes
	if k.elder {
		sz = elderSizes
	}
	if k.portrait() {
		sz.categories += sz.categories / sz.categoryCols // a row more
		sz.items *= 2
		sz.results *= 2
		sz.confirm *= 2
		sz.facts *= 2
	}
	return sz
}

// pageSizes says how many things a page holds. Elder mode shows fewer,
// larger ones.
type pageSizes struct {
	categories, categoryCols int
	items                    int // items of a category
	results                  int // search results, beside the keypad
	confirm                  int // rows a page of the confirm screen
	candidates               int // pinyin candidates a page
	facts                    int // lines of a case's progress a page
}

var (
	kioskSizes = pageSizes{categories: 9, categoryCols: 3, items: 5, results: 4, confirm: 8, candidates: 7, facts: 10}
	elderSizes = pageSizes{categories: 4, categoryCols: 2, items: 3, results: 2, confirm: 4, candidates: 5, facts: 5}
)

// allFit is the perPage of a list that pages by height alone: every
// item, so the pager puts as many on a page as the room holds.
func allFit(items []fyne.CanvasObject) int { return len(items) }

// portrait reports whether the window is taller than it is wide: a lobby
// kiosk's monitor on its side. Screens of two panes stack them there.
func (k *Kiosk) portrait() bool {
	if k.win == nil {
		return false
	}
	s := k.win.Canvas().Size()
	return s.Height > s.Width
}

// beside puts two panes of a screen side by side, right taking share of
// the width; on a portrait screen left goes on top at the height it
// needs and right gets the rest below.
func (k *Kiosk) beside(left, right fyne.CanvasObject, share float32) *fyne.Container {
	if k.portrait() {
		return ui.Frame(left, right, nil)
	}
	return ui.Columns(left, right, share)
}

// withKeys puts a keypad beside what it types into (share of the width);
// on a portrait screen below it, at the keypad's own height. The
// container's layout is a ui.Split.
func (k *Kiosk) withKeys(main, keys fyne.CanvasObject, share float32) *fyne.Container {
	return ui.NewSplit(main, keys, share, k.portrait())
}

// button makes a button that also tells the idle timer.
func (k *Kiosk) button(text string, tapped func()) *widget.Button {
	return widget.NewButton(text, func() {
		k.touch()
		tapped()
	})
}

// primary is a button for the main action of a screen.
func (k *Kiosk) primary(text string, tapped func()) *widget.Button {
	b := k.button(text, tapped)
	b.Importance = widget.HighImportance
	return b
}

// pagerLabels are the texts of every pager's bar.
func (k *Kiosk) pagerLabels() ui.PagerLabels {
	return ui.PagerLabels{Prev: k.t(tPrevPage), Next: k.t(tNextPage),
		Page: func(page, pages int) string { return k.tf(tPage, page, pages) }}
}

// pager pages items and tells the idle timer and the screen's state on
// every turn. The state is the first item of the page shown, not the
// page's number: where pages break is known only once the pager has its
// size, and changes with the language and text size, so a screen built
// anew shows the page that holds the same item.
func (k *Kiosk) pager(items []fyne.CanvasObject, perPage, cols int, first *int) *ui.Pager {
	p := ui.NewPager(items, perPage, cols, k.pagerLabels())
	p.ShowItem(*first)
	p.OnPage = func(int) {
		k.touch()
		*first, _ = p.Shown()
		// A new page puts other things under the finger, and Next stays
		// where it was: a double tap must not turn two pages.
		k.holdTaps()
	}
	return p
}

// padLabels are the texts of the keypads' editing keys.
func (k *Kiosk) padLabels() ui.PadLabels {
	return ui.PadLabels{Backspace: k.t(tBackspace), Clear: k.t(tClear), Space: k.t(tSpace)}
}

// text is a wrapping label; put it in a ui.Column.
func text(s string) *ui.Text { return ui.NewText(s) }

// heading is a bold label of heading size.
func heading(s string) *ui.Text {
	l := text(s)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameHeadingText
	return l
}

// titleLine is a screen's title in the top bar. It wraps rather than
// being cut: in English and in elder mode a service's name needs the
// width, and a second line if it must.
func titleLine(s string) *ui.Text { return subheading(s) }

// subheading is a bold label of sub-heading size.
func subheading(s string) *ui.Text {
	l := text(s)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// frame puts a screen's content under the top bar (home, the title,
// language, text size) with its actions along the bottom and the status
// line (sync, for staff) under them, where it takes no room from the
// title.
func (k *Kiosk) frame(title string, content fyne.CanvasObject, actions ...fyne.CanvasObject) fyne.CanvasObject {
	home := k.button(k.t(tHome), k.goHome)
	home.Icon = theme.HomeIcon()
	bar := ui.Bar(ui.Tall(home), titleLine(title),
		container.NewHBox(ui.Tall(k.langButton()), ui.Tall(k.elderButton())))
	var bottom []fyne.CanvasObject
	if len(actions) > 0 {
		for i, a := range actions {
			actions[i] = ui.Tall(a)
		}
		bottom = append(bottom, container.NewGridWithColumns(k.actionColumns(actions), actions...))
	}
	if k.deps.Status != nil {
		bottom = append(bottom, k.status)
	}
	var foot fyne.CanvasObject
	if len(bottom) > 0 {
		foot = container.NewVBox(bottom...)
	}
	return container.NewPadded(ui.Frame(bar, content, foot))
}

// actionColumns is how many of a screen's actions go side by side: all
// of them, unless a row of equal cells as wide as the widest would not
// fit the window (three long English labels in elder mode on a portrait
// screen); then they take two rows, or one each.
func (k *Kiosk) actionColumns(actions []fyne.CanvasObject) int {
	if k.win == nil || k.win.Canvas().Size().Width <= 0 {
		return len(actions)
	}
	widest := float32(0)
	for _, a := range actions {
		widest = max(widest, a.MinSize().Width)
	}
	pad := theme.Padding()
	room := k.win.Canvas().Size().Width - 4*pad // the frame's padding
	cols := len(actions)
	for cols > 1 && widest*float32(cols)+pad*float32(cols-1) > room {
		cols--
	}
	return cols
}

// statusLine is the status line, or nothing when there is none.
func (k *Kiosk) statusLine() fyne.CanvasObject {
	if k.deps.Status == nil {
		return container.NewVBox()
	}
	return k.status
}

func (k *Kiosk) langButton() *widget.Button { return k.button(k.t(tToOtherLang), k.switchLang) }

func (k *Kiosk) elderButton() *widget.Button {
	label := tElderOn
	if k.elder {
		label = tElderOff
	}
	return k.button(k.t(label), k.switchElder)
}
