package kiosk

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"tongban/app/cases"
	"tongban/app/ui"
)

// attract is the start screen: the center's name and one big target. The
// target speaks both languages, since nobody has chosen one yet.
type attract struct{}

func (a *attract) build(k *Kiosk) fyne.CanvasObject {
	c := k.deps.Catalog.Center
	name := heading(k.t(bilingual(c.NameZH, c.NameEN)))
	name.Alignment = fyne.TextAlignCenter
	welcome := text(k.t(tWelcome))
	welcome.Alignment = fyne.TextAlignCenter

	start := ui.NewTile(k.t(tStart), k.t(tStartSub), func() {
		k.touch()
		k.show(&categories{})
	})
	start.Primary = true
	start.Alignment = fyne.TextAlignCenter
	start.TitleSize, start.SubtitleSize = ui.SizeNameHuge, ui.SizeNameKeyText

	var center fyne.CanvasObject = start
	if k.deps.Lookup != nil {
		center = ui.Frame(nil, start, container.NewGridWithColumns(2,
			a.entry(k, tLookupStart, &lookup{}), a.entry(k, tRateStart, &lookup{rate: true})))
	}
	switches := container.NewGridWithColumns(2, ui.Tall(k.langButton()), ui.Tall(k.elderButton()))
	// A Frame, not a Border: the name and welcome are measured at the
	// screen's width before the start target gets the rest, so the first
	// screen after launch is the same as after a reset (a Border sized
	// them at the width of the first, narrow layout and left a band).
	return container.NewPadded(ui.Frame(
		ui.Column(name, welcome, k.statusLine()),
		container.NewPadded(container.NewPadded(center)),
		container.NewCenter(switches)))
}

// entry is a way in beside the start target, in both languages too.
func (a *attract) entry(k *Kiosk, title cases.Text, to screen) *ui.Tile {
	t := ui.NewTile(k.t(title), title.In(1-k.lang), func() {
		k.touch()
		k.show(to)
	})
	t.Alignment = fyne.TextAlignCenter
	return t
}
