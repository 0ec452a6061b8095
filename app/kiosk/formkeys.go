package kiosk

// The form's keypads: which one types into the active field, and the
// room the largest of them takes, which the keypad's column keeps
// whichever field is typed.

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ime"
	"tongban/app/ui"
)

// pad returns the keypad for the active field, or a hint where there is
// nothing to type.
func (s *form) pad(k *Kiosk) fyne.CanvasObject {
	f, ok := s.app.field(s.active)
	switch {
	case !ok && s.onChecklist():
		return padHint(k.t(tChecklist))
	case !ok && k.portrait():
		return padHint(k.t(tTapAFieldAbove))
	case !ok:
		return padHint(k.t(tTapAField))
	case f.Kind == catalog.KindChoice && k.portrait():
		return padHint(k.t(tChoiceHintAbove))
	case f.Kind == catalog.KindChoice:
		return padHint(k.t(tChoiceHint))
	}
	return s.keys(k, f)
}

// largestPad is the room of the largest keypad the item's fields use.
// Keypads are measured once per kind, text size and language.
func (s *form) largestPad(k *Kiosk) fyne.Size {
	var room fyne.Size
	for _, f := range s.app.item.Fields {
		if f.Kind == catalog.KindChoice {
			continue
		}
		key := padKey{f.Kind, k.elder, k.lang}
		size, ok := k.padSizes[key]
		if !ok {
			size = s.keys(k, f).MinSize()
			if k.padSizes == nil {
				k.padSizes = map[padKey]fyne.Size{}
			}
			k.padSizes[key] = size
		}
		room = room.Max(size)
	}
	return room
}

// padKey is what a keypad's size depends on.
type padKey struct {
	kind  catalog.FieldKind
	elder bool
	lang  cases.Lang
}

// keys returns the keypad that types into field f.
func (s *form) keys(k *Kiosk, f catalog.Field) fyne.CanvasObject {
	key := f.Key
	typed := func(str string) {
		k.touch()
		v, fits := s.app.appended(key, str)
		if !fits {
			s.app.overflows(key, str)
			s.showRow(k, key)
			return
		}
		s.setValue(k, key, v)
	}
	backspace := func() {
		k.touch()
		s.setValue(k, key, s.app.trimmed(key))
	}
	clear := func() {
		k.touch()
		s.setValue(k, key, "")
	}
	var kp *ui.Keypad
	switch f.Kind {
	case catalog.KindText:
		order := ime.Common
		if key == catalog.FieldName || strings.HasSuffix(key, "_name") {
			order = ime.Names
		}
		p := ui.NewPinyinPad(ui.PinyinLabels{PadLabels: k.padLabels(), Prev: k.t(tCandPrev), Next: k.t(tCandNext),
			Hint: k.t(tPinyinHint), PickFirst: k.t(tPickFirst), ToLatin: k.t(tToLatin), ToHanzi: k.t(tToHanzi)}, order, k.sizes().candidates)
		p.OnInsert, p.OnBackspace, p.OnClear, p.OnActivity = typed, backspace, clear, k.touch
		return p
	case catalog.KindCreditCode:
		kp = ui.NewCreditCodePad(k.padLabels())
	case catalog.KindIDNumber:
		kp = ui.NewNumberPad(k.padLabels(), "X")
	case catalog.KindDate:
		kp = ui.NewNumberPad(k.padLabels(), "-")
	case catalog.KindNumber:
		kp = ui.NewNumberPad(k.padLabels(), ".")
	default:
		kp = ui.NewNumberPad(k.padLabels(), "")
	}
	kp.OnKey, kp.OnBackspace, kp.OnClear = typed, backspace, clear
	return kp
}

// padHint stands where the keypad would, saying what to do instead.
func padHint(s string) fyne.CanvasObject {
	l := subheading(s)
	l.Alignment = fyne.TextAlignCenter
	return container.NewPadded(ui.Column(l))
}
