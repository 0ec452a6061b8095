package kiosk

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// Words that point somewhere on the screen point where the thing is:
// the keypad of the look-up (for progress and for a rating) is on the
// right of a landscape screen and below on a portrait one, and so are a
// refused case's reasons. In both languages, on both kiosk screens.
func TestWordsPointWhereThingsAre(t *testing.T) {
	for _, size := range screenSizes {
		portrait := size.Height > size.Width
		for _, lang := range []cases.Lang{cases.ZH, cases.EN} {
			r, _ := newLookupRig(t)
			r.w.Resize(size)
			refused := submitTo(t, r.store)
			r.act(refused, cases.KindRefused, cases.Refusal{Reasons: []string{"申请事项不属于本机关职权范围"}})
			hint, wrongHint := tTypeHint, tTypeHintBelow
			reasons, wrongReasons := statusHints[cases.StatusRefused], tRefusedBelow
			if portrait {
				hint, wrongHint = wrongHint, hint
				reasons, wrongReasons = wrongReasons, reasons
			}
			if lang == cases.EN {
				r.tap(tToOtherLang.ZH)
			}

			for _, start := range []cases.Text{tLookupStart, tRateStart} {
				r.tapTile(start.In(lang))
				r.settle()
				r.mustShow(hint.In(lang))
				r.mustNotShow(wrongHint.In(lang))
				said := r.textShowing(hint.In(lang))
				keys := uitest.Find(r.root(), func(*ui.Keypad) bool { return true })
				if !r.lies(keys, said, portrait) {
					t.Errorf("%v %v: %q, but the keypad is at %v, the hint at %v", size, lang, hint.In(lang), r.position(keys), r.position(said))
				}
				r.tap(tBack.In(lang))
				r.settle()
			}

			r.tapTile(tLookupStart.In(lang))
			r.settle()
			r.tapKeys(refused.Number)
			r.tap(tLookUp.In(lang))
			r.settle()
			r.mustShow(reasons.In(lang))
			r.mustNotShow(wrongReasons.In(lang))
			said := r.textShowing(reasons.In(lang))
			head := r.textShowing(tRefusalTitle.In(lang))
			if !r.lies(head, said, portrait) {
				t.Errorf("%v %v: %q, but the reasons are at %v, the status at %v", size, lang, reasons.In(lang), r.position(head), r.position(said))
			}
		}
	}
}

// A refusal that carries no reasons (none is shown) points nowhere.
func TestRefusalWithoutReasons(t *testing.T) {
	c := &cases.Case{Status: cases.StatusRefused}
	for _, portrait := range []bool{false, true} {
		if got := statusHint(c, portrait); got != tRefusedNoReasons {
			t.Errorf("portrait %v: a refusal without reasons says %q", portrait, got.ZH)
		}
	}
}

// textShowing returns the visible text that is exactly s.
func (r *rig) textShowing(s string) *ui.Text {
	r.t.Helper()
	l := uitest.Find(r.root(), func(l *ui.Text) bool { return l.Text == s })
	if l == nil {
		r.t.Fatalf("no text %q; the screen shows %q", s, texts(r.root()))
	}
	return l
}

// lies reports whether o lies wholly below from (portrait) or wholly on
// its right (landscape), as the words about it say.
func (r *rig) lies(o, from fyne.CanvasObject, portrait bool) bool {
	at, ref := r.position(o), r.position(from)
	if portrait {
		return at.Y >= ref.Y+from.Size().Height
	}
	return at.X >= ref.X+from.Size().Width
}

// The form's keypad area points at a choice's options: on the left of a
// landscape screen, above on a portrait one (where a page holds a choice
// and a typed field, the keypad area stands beside or under the options).
func TestFormHintsPointWhereTheFieldsAre(t *testing.T) {
	for _, size := range screenSizes {
		portrait := size.Height > size.Width
		r := newRig(t, nil, nil)
		r.w.Resize(size)
		r.openForm()
		choice, wrongChoice := tChoiceHint, tChoiceHintAbove
		if portrait {
			choice, wrongChoice = wrongChoice, choice
		}
		r.pageTo("住所")
		r.tapTile("住所")
		f := r.k.cur.(*form)
		if hint := texts(f.pad(r.k)); !slices.Contains(hint, choice.ZH) || slices.Contains(hint, wrongChoice.ZH) {
			t.Errorf("%v: with a choice active the keypad area says %q; want %q", size, hint, choice.ZH)
		}
		if f.padBox.Visible() {
			said, option := r.textShowing(choice.ZH), r.tile("住所")
			if !r.lies(said, option, portrait) {
				t.Errorf("%v: %q, but the option is at %v, the hint at %v", size, choice.ZH, r.position(option), r.position(said))
			}
		}
	}
}
