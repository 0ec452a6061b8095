package kiosk

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// guide is a service's guide (办事指南): where to go, how long it takes,
// what it costs and what to bring, with the way to apply.
type guide struct {
	item  *catalog.Item
	back  screen
	first int // the first material of the page shown
}

func (s *guide) build(k *Kiosk) fyne.CanvasObject {
	it := s.item
	left := ui.Column()
	add := func(label cases.Text, value string) {
		left.Add(fact(k.t(label), value, 0.65))
	}
	dept, where := it.Department, ""
	if d, ok := k.deps.Catalog.Department(it.Department); ok {
		dept, where = k.t(bilingual(d.NameZH, d.NameEN)), k.t(bilingual(d.LocationZH, d.LocationEN))
	}
	add(tDepartment, dept)
	add(tLocation, k.place(where, it))
	add(tItemType, k.t(typeText(it.Type)))
	add(tTimeLimit, k.tf(tDaysBoth, k.t(days(it.PromisedDays)), k.t(days(it.LegalDays))))
	add(tFee, k.fee(it))

	var rows []fyne.CanvasObject
	for i, m := range it.Materials {
		rows = append(rows, k.materialRow(i, m))
	}
	var materials fyne.CanvasObject = text(k.t(tNoMaterials))
	if len(rows) > 0 {
		materials = k.pager(rows, allFit(rows), 0, &s.first)
	}
	right := ui.Frame(subheading(k.t(tMaterials)), materials, nil)

	back := k.button(k.t(tBack), func() { k.show(s.back) })
	back.Icon = theme.NavigateBackIcon()
	apply := k.primary(k.t(tApply), func() { k.show(&form{app: newApplication(it), back: s}) })
	apply.Icon = theme.DocumentCreateIcon()
	// The item's name is the title: a heading of its own would push the
	// facts off a 1024-high screen in elder mode.
	return k.frame(k.t(bilingual(it.NameZH, it.NameEN)), k.beside(left, right, 0.45), back, apply)
}

// place is where to go: 一楼 A 区，A01、A02 号窗口.
func (k *Kiosk) place(where string, it *catalog.Item) string {
	if where == "" {
		return k.windows(it)
	}
	return k.tf(tPlace, where, k.windows(it))
}

// location is the location of an item's department.
func (k *Kiosk) location(it *catalog.Item) string {
	if d, ok := k.deps.Catalog.Department(it.Department); ok {
		return k.t(bilingual(d.LocationZH, d.LocationEN))
	}
	return ""
}

// windows lists an item's counter windows: A01、A02 号窗口.
func (k *Kiosk) windows(it *catalog.Item) string {
	sep := "、"
	if k.lang == cases.EN {
		sep = ", "
	}
	return k.tf(tWindowList, strings.Join(it.Windows, sep))
}

// fee writes an item's fee, with its note.
func (k *Kiosk) fee(it *catalog.Item) string {
	if it.FeeFen == 0 {
		return k.t(tFree)
	}
	s := k.tf(tFeeAmount, it.FeeFen/100, it.FeeFen%100)
	if note := k.t(bilingual(it.FeeNoteZH, it.FeeNoteEN)); note != "" {
		return k.tf(tFeeWithNote, s, note)
	}
	return s
}

// materialRow is one material of the guide: its name, original or copy,
// how many, required or not, and its note.
func (k *Kiosk) materialRow(i int, m catalog.Material) fyne.CanvasObject {
	name := text(fmt.Sprintf("%d. %s", i+1, k.t(bilingual(m.NameZH, m.NameEN))))
	name.TextStyle.Bold = true
	return ui.Column(name, text(k.materialFacts(m)))
}

// fact is one line of the guide: a bold label, its value beside it,
// which takes share of the width.
func fact(label, value string, share float32) fyne.CanvasObject {
	l := text(label)
	l.TextStyle.Bold = true
	return ui.Columns(l, text(value), share)
}

// materialFacts is "原件 1 份 · 必需 · note".
func (k *Kiosk) materialFacts(m catalog.Material) string {
	kind := tCopy
	if m.Original {
		kind = tOriginal
	}
	need := tOptional
	if m.Required {
		need = tRequired
	}
	parts := []string{k.tf(tCount, k.t(kind), m.Count), k.t(need)}
	if note := k.t(bilingual(m.NoteZH, m.NoteEN)); note != "" {
		parts = append(parts, note)
	}
	return strings.Join(parts, " · ")
}
