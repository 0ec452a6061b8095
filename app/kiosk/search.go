package kiosk

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/ui"
)

// maxQuery bounds what the letter pad types: longer initials match nothing.
const maxQuery = 16

// search finds services by pinyin initials or pinyin typed on the letter
// pad, showing the results as the letters come.
type search struct {
	back  screen
	query string
	first int // the first result of the page shown
}

func (s *search) build(k *Kiosk) fyne.CanvasObject {
	query := widget.NewLabel("")
	query.SizeName = theme.SizeNameHeadingText
	query.TextStyle.Bold = true
	query.Truncation = fyne.TextTruncateEllipsis // sixteen wide letters in elder mode
	count := widget.NewLabel("")
	message := text("") // the hint, or why nothing was found
	results := k.pager(nil, k.sizes().results, 1, &s.first)

	update := func() {
		query.SetText(s.query)
		count.SetText("")
		if s.query == "" {
			message.SetText(k.t(tSearchHint))
			message.Show()
			results.SetItems(nil)
			return
		}
		found := k.deps.Catalog.Search(s.query, 0)
		rows := make([]fyne.CanvasObject, len(found))
		for i, r := range found {
			rows[i] = k.itemTile(r.Item, s)
		}
		first := s.first
		results.SetItems(rows)
		results.ShowItem(first) // keep the page across a language switch
		if len(found) == 0 {
			message.SetText(k.tf(tNoResults, s.query))
			message.Show()
			return
		}
		count.SetText(k.tf(tResults, len(found)))
		message.Hide()
	}

	pad := ui.NewLetterPad(k.padLabels(), false)
	pad.OnKey = func(key string) {
		k.touch()
		if len(s.query) < maxQuery {
			s.query += key
			s.first = 0
			update()
		}
	}
	pad.OnBackspace = func() {
		k.touch()
		if s.query != "" {
			s.query = s.query[:len(s.query)-1]
			s.first = 0
			update()
		}
	}
	pad.OnClear = func() {
		k.touch()
		s.query, s.first = "", 0
		update()
	}
	update()

	back := k.button(k.t(tBack), func() { k.show(s.back) })
	back.Icon = theme.NavigateBackIcon()
	top := container.NewBorder(nil, nil, nil, count, query)
	left := ui.Frame(ui.Tall(top), container.NewStack(results, ui.Column(message)), nil)
	// The keys take the lower half of the column: stretched over all of
	// it they would be a hand high.
	var keys fyne.CanvasObject = container.NewGridWithRows(2, layout.NewSpacer(), pad)
	if k.portrait() {
		keys = pad
	}
	return k.frame(k.t(tSearchTitle), k.withKeys(left, keys, 0.42), back)
}
