package kiosk

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"tongban/app/catalog"
	"tongban/app/ui"
)

// categories is the grid of the catalog's categories, each with its number
// of services, and the way to search.
type categories struct {
	first int // the first tile of the page shown
}

func (s *categories) build(k *Kiosk) fyne.CanvasObject {
	cat := k.deps.Catalog
	var tiles []fyne.CanvasObject
	for _, g := range cat.Categories {
		n := len(cat.ItemsIn(g.Code))
		if n == 0 {
			continue
		}
		code := g.Code
		tiles = append(tiles, ui.NewTile(k.t(bilingual(g.NameZH, g.NameEN)), k.tf(tItemCount, n), func() {
			k.touch()
			k.show(&itemList{category: code, back: s})
		}))
	}
	sz := k.sizes()
	search := k.primary(k.t(tSearchButton), func() { k.show(&search{back: s}) })
	search.Icon = theme.SearchIcon()
	return k.frame(k.t(tChooseCategory), k.pager(tiles, sz.categories, sz.categoryCols, &s.first), search)
}

// itemList lists the services of one category.
type itemList struct {
	category string
	back     screen
	first    int // the first item of the page shown
}

func (s *itemList) build(k *Kiosk) fyne.CanvasObject {
	cat := k.deps.Catalog
	title := k.t(tChooseItem)
	if g, ok := cat.Category(s.category); ok {
		title = k.t(bilingual(g.NameZH, g.NameEN))
	}
	items := cat.ItemsIn(s.category)
	rows := make([]fyne.CanvasObject, len(items))
	for i, it := range items {
		rows[i] = k.itemTile(it, s)
	}
	back := k.button(k.t(tBack), func() { k.show(s.back) })
	back.Icon = theme.NavigateBackIcon()
	return k.frame(title, k.pager(rows, k.sizes().items, 1, &s.first), back)
}

// itemTile is a service in a list: its name, department and promised
// time; tapping it opens the guide, whose back button returns to from.
func (k *Kiosk) itemTile(it *catalog.Item, from screen) *ui.Tile {
	dept := it.Department
	if d, ok := k.deps.Catalog.Department(it.Department); ok {
		dept = k.t(bilingual(d.NameZH, d.NameEN))
	}
	t := ui.NewTile(k.t(bilingual(it.NameZH, it.NameEN)), k.tf(tItemLine, dept, k.t(days(it.PromisedDays))), func() {
		k.touch()
		k.show(&guide{item: it, back: from})
	})
	t.TitleSize, t.SubtitleSize = theme.SizeNameText, theme.SizeNameCaptionText
	return t
}
