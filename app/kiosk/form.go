package kiosk

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/width"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// form is the application form built from the item's fields, a page of
// fields at a time, then the checklist of materials. The keypad on the
// right types into the active field: a number pad for ID numbers, phones,
// dates and numbers, letters and digits for credit codes, the pinyin
// keyboard for text. A field is checked when it is full or when the
// citizen moves on, and the problem shows under it in plain words.
type form struct {
	app   *application
	back  screen
	first int // the first item (field or checklist line) of the page shown
	// active is the key of the field the keypad types into.
	active string
	// fixing is set when a review found errors: the line over the fields
	// counts those still shown under them, until none is left.
	fixing bool

	// The widgets of the last build.
	rows    map[string]*fieldRow
	pager   *ui.Pager
	padBox  *fyne.Container
	padRoom fyne.Size       // the largest keypad of the item's fields
	split   *fyne.Container // the pages left, the keypad right
	note    *ui.Text
	body    *fyne.Container // the note over the split
	// moved lies over the fields from movedFrom (an item index) down: a
	// note that comes or goes under one arms it over that field and
	// those below (see holdMoved).
	moved     *ui.TapGuard
	movedFrom int
}

// fieldRow is one field on screen.
type fieldRow struct {
	label   *ui.Text
	entry   *ui.Entry  // nil for a choice
	choices []*ui.Tile // the options of a choice
	values  []string   // the value each option stores: the Chinese choice
	problem *ui.Text
}

func (s *form) build(k *Kiosk) fyne.CanvasObject {
	s.rows = map[string]*fieldRow{}
	// The last build's; this one's come after the rows.
	s.pager, s.note, s.body = nil, nil, nil
	// The fields, then the checklist: its heading and the materials. The
	// pager puts as many on a page as fit the height there is, so a
	// portrait screen takes more, and English labels, elder mode and the
	// problems under fields take more pages, never more room.
	items := make([]fyne.CanvasObject, 0, len(s.app.item.Fields)+len(s.app.item.Materials)+1)
	for _, f := range s.app.item.Fields {
		items = append(items, s.fieldRow(k, f))
	}
	if mats := s.app.item.Materials; len(mats) > 0 {
		hint := text(k.t(tChecklistPage))
		hint.SizeName = theme.SizeNameCaptionText
		items = append(items, ui.Column(subheading(k.t(tChecklist)), hint))
		for i := range mats {
			items = append(items, s.materialTile(k, i))
		}
	}
	first := s.first
	s.pager = k.pager(items, len(items), 0, &s.first)
	s.pager.Section(len(s.app.item.Fields), len(items))
	// Stay with the field being typed (elder mode holds fewer a page),
	// else with what the citizen was reading. Where the pages break is
	// known once the pager is laid out; it keeps that item in view.
	key := s.active
	if key == "" && first < len(s.app.item.Fields) {
		key = s.app.item.Fields[first].Key
	}
	if i := s.app.index(key); i >= 0 {
		first = i
	}
	s.pager.ShowItem(first)
	s.moved = ui.NewTapGuard()
	s.pager.Guard = s.moved
	turned := s.pager.OnPage
	s.pager.OnPage = func(n int) {
		turned(n)
		s.turned(k)
	}

	s.note = text("")
	if k.notice != (cases.Text{}) {
		s.note.SetText(k.t(k.notice))
		s.note.Importance = widget.SuccessImportance
	} else {
		s.note.Hide()
	}
	s.showCount(k)

	s.padRoom = s.largestPad(k)
	s.padBox = container.NewStack()
	s.split = k.withKeys(s.pager, s.padBox, 0.5)
	s.pager.SectionRoom = s.sectionRoom
	s.active = ""
	s.activate(k, key)

	cancel := k.button(k.t(tCancel), func() {
		k.clearDraft()
		k.show(s.back)
	})
	cancel.Icon = theme.CancelIcon()
	review := k.primary(k.t(tReview), func() { s.review(k) })
	review.Icon = theme.NavigateNextIcon()
	s.body = ui.Frame(ui.Column(s.note), s.split, nil)
	return k.frame(k.tf(tFormTitle, k.t(bilingual(s.app.item.NameZH, s.app.item.NameEN))), s.body, cancel, review)
}

// fieldRow builds a field: its label, its entry or options, its problem.
func (s *form) fieldRow(k *Kiosk, f catalog.Field) fyne.CanvasObject {
	label := k.t(bilingual(f.LabelZH, f.LabelEN))
	if f.Required {
		label += k.t(tRequiredMark)
	}
	r := &fieldRow{label: text(label), problem: text("")}
	r.label.TextStyle.Bold = true
	s.rows[f.Key] = r
	var input fyne.CanvasObject
	if f.Kind == catalog.KindChoice {
		opts := make([]fyne.CanvasObject, len(f.Choices))
		labels := make([]string, len(f.Choices))
		for i, c := range f.Choices {
			// Tiles, not buttons: a long option wraps instead of widening
			// the form. The tile shows the label in the kiosk's language;
			// the case stores the Chinese choice either way.
			labels[i] = k.t(choiceText(f, c))
			b := ui.NewTile(labels[i], "", func() {
				k.touch()
				s.activate(k, f.Key)
				s.changed(k, f.Key, c)
			})
			b.TitleSize = theme.SizeNameText
			b.Alignment = fyne.TextAlignCenter
			r.choices = append(r.choices, b)
			r.values = append(r.values, c)
			opts[i] = b
		}
		input = container.NewGridWithColumns(choiceColumns(labels), opts...)
	} else {
		e := ui.NewEntry()
		e.SetTextAtEnd(s.app.values[f.Key])
		e.SetPlaceHolder(k.t(placeholder(f.Kind)))
		e.OnFocus = func() {
			k.touch()
			s.activate(k, f.Key)
		}
		e.OnChanged = func(v string) { s.changed(k, f.Key, v) }
		r.entry = e
		input = ui.Tall(e)
	}
	s.showRow(k, f.Key)
	// A tap on the label or the note selects the field as a tap on its
	// box does; the box and the options take their own taps.
	return ui.NewTapBox(ui.Column(r.label, input, r.problem), func() {
		k.touch()
		s.selectField(k, f.Key)
	})
}

// selectField makes key the field typed into, and gives its entry the
// focus (a physical keyboard or a system IME types there too); a field
// of options, or none, takes it from the entry that had it, which may
// be on another page now.
func (s *form) selectField(k *Kiosk, key string) {
	s.activate(k, key)
	c := fyne.CurrentApp().Driver().CanvasForObject(s.pager)
	if c == nil {
		return
	}
	if r := s.rows[key]; r != nil && r.entry != nil {
		c.Focus(r.entry)
	} else {
		c.Unfocus()
	}
}

// choiceText is a choice value in both languages: the Chinese choice and
// its English label from the catalog (the Chinese again if it has none).
func choiceText(f catalog.Field, value string) cases.Text {
	return cases.Text{ZH: value, EN: f.ChoiceEN(value)}
}

// choiceColumns fits short options three to a row, long ones fewer. A
// Chinese character is counted as two Latin letters, as wide as it is
// drawn, so "Legal representative" takes a row of its own as 法定代表人
// does not.
func choiceColumns(labels []string) int {
	longest := 0
	for _, c := range labels {
		longest = max(longest, halfWidths(c))
	}
	switch {
	case longest <= 10:
		return 3
	case longest <= 18:
		return 2
	}
	return 1
}

// halfWidths measures s in half-width cells: two for an East Asian wide
// or full-width character, one for any other.
func halfWidths(s string) int {
	n := 0
	for _, r := range s {
		n++
		if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
			n++
		}
	}
	return n
}

// placeholder is the hint an empty entry shows.
func placeholder(kind catalog.FieldKind) cases.Text {
	switch kind {
	case catalog.KindIDNumber:
		return tPlaceholderID
	case catalog.KindPhone:
		return tPlaceholderPhone
	case catalog.KindDate:
		return tPlaceholderDate
	case catalog.KindCreditCode:
		return tPlaceholderCode
	}
	return cases.Text{}
}

// materialTile is a material of the checklist: tap to tick it.
func (s *form) materialTile(k *Kiosk, i int) fyne.CanvasObject {
	m := s.app.item.Materials[i]
	t := ui.NewTile(k.t(bilingual(m.NameZH, m.NameEN)), k.materialFacts(m), nil)
	t.TitleSize = theme.SizeNameText
	t.SubtitleSize = theme.SizeNameCaptionText
	show := func() {
		t.Primary = s.app.materials[i]
		t.Icon = theme.CheckButtonIcon()
		if t.Primary {
			t.Icon = theme.CheckButtonCheckedIcon()
		}
		t.Refresh()
	}
	t.OnTapped = func() {
		k.touch()
		s.app.toggle(i, !s.app.materials[i])
		show()
		k.saveDraft()
	}
	show()
	return t
}

// fieldsShown returns the indexes of the fields on the page shown; none
// on a page of the checklist.
func (s *form) fieldsShown() []int {
	from, to := s.pager.Shown()
	var out []int
	for i := from; i < min(to, len(s.app.item.Fields)); i++ {
		out = append(out, i)
	}
	return out
}

// onChecklist reports whether the page shown is one of the checklist.
func (s *form) onChecklist() bool {
	from, _ := s.pager.Shown()
	return from >= len(s.app.item.Fields)
}

// firstOnPage returns the key of the first field on the page shown, or ""
// on a checklist page.
func (s *form) firstOnPage() string {
	if fs := s.fieldsShown(); len(fs) > 0 {
		return s.app.item.Fields[fs[0]].Key
	}
	return ""
}

// sectionRoom is the room the pages of the section from item from break
// for, the pager having size now: the fields' pages the room beside (or
// above) the keypad, the checklist's all the room. A page of options
// only is shown without the keypad, in more room than it broke for; so
// the keypad coming and going breaks no page anew, and the pages keep
// their number as the citizen turns them.
func (s *form) sectionRoom(from int, size fyne.Size) fyne.Size {
	withKeys := from < len(s.app.item.Fields) && s.typed()
	switch {
	case withKeys == s.padBox.Visible(): // as the pager is now
		return size
	case withKeys:
		return s.split.Layout.(ui.Split).Main(s.split.Size(), s.padBox)
	}
	return s.split.Size()
}

// typed reports whether the item has a field typed on a keypad.
func (s *form) typed() bool {
	for _, f := range s.app.item.Fields {
		if f.Kind != catalog.KindChoice {
			return true
		}
	}
	return false
}

// typedOnPage reports whether the page shown has a field typed on a
// keypad: a page of options or of the checklist needs no keypad.
func (s *form) typedOnPage() bool {
	for _, i := range s.fieldsShown() {
		if s.app.item.Fields[i].Kind != catalog.KindChoice {
			return true
		}
	}
	return false
}

// turned follows a page turn: the field left is finished, the first field
// of the new page becomes active.
func (s *form) turned(k *Kiosk) {
	s.selectField(k, s.firstOnPage())
	k.saveDraft()
}

// activate makes key the field the keypad types into, finishing (checking)
// the one before.
func (s *form) activate(k *Kiosk, key string) {
	if key == s.active && s.padBox != nil && len(s.padBox.Objects) > 0 {
		return
	}
	if prev := s.active; prev != "" && prev != key {
		s.app.check(prev, k.deps.Now())
		s.showRow(k, prev)
	}
	s.active = key
	if i := s.app.index(key); i >= 0 {
		s.pager.ShowItem(i) // it stays in view if the page breaks anew
	}
	for k2, r := range s.rows {
		if k2 == key {
			r.label.Importance = widget.HighImportance
		} else {
			r.label.Importance = widget.MediumImportance
		}
		r.label.Refresh()
	}
	// The keypads of the item's fields differ in size; the column keeps
	// the largest one's, so that the pages keep the room they broke for
	// whichever field is typed.
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(s.padRoom)
	s.padBox.Objects = []fyne.CanvasObject{room, s.pad(k)}
	// A page of options or of the checklist needs no keypad: it takes
	// the whole width (see sectionRoom).
	if s.typedOnPage() {
		s.padBox.Show()
	} else {
		s.padBox.Hide()
	}
	s.padBox.Refresh()
	s.split.Refresh() // the pages and the keypad share the width anew
}

// setValue puts a value typed on a keypad into the field's entry, whose
// OnChanged takes it from there, as it does for a physical keyboard.
func (s *form) setValue(k *Kiosk, key, v string) {
	r := s.rows[key]
	if r == nil || r.entry == nil {
		s.changed(k, key, v)
		return
	}
	r.entry.SetTextAtEnd(v)
}

// changed takes a new value: it is saved in the draft at once, and checked
// once the field is full.
func (s *form) changed(k *Kiosk, key, v string) {
	k.touch()
	if !s.app.set(key, v) {
		return
	}
	if s.app.full(key) {
		s.app.check(key, k.deps.Now())
	}
	s.showRow(k, key)
	k.saveDraft()
}

// draft is what the kiosk saves of the form.
func (s *form) draft(k *Kiosk) Draft {
	d := s.app.draft(k.deps.Now())
	d.Shown = s.first
	if s.pager != nil {
		d.Shown, _ = s.pager.Shown()
	}
	return d
}
