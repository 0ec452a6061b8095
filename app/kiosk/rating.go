package kiosk

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// callbackDays is how soon the center calls back after a bad review.
const callbackDays = 2

// rating asks for the citizen's evaluation of one case (好差评, GB/T
// 39734-2020): five levels, best first. A good level is saved with one
// tap; a bad one first asks what went wrong and says the center will call
// back. Rating is voluntary and takes place once per case.
type rating struct {
	c    *cases.Case
	item *catalog.Item // nil: the item left the catalog
	back screen
	// level is a bad level waiting for its reasons; reasons are the ones
	// ticked (indexes into badReasons).
	level   cases.RatingLevel
	reasons map[int]bool
	// saved is the case's rating once the store committed it, or the
	// rating it had already; already says it was there before.
	saved   *cases.Rating
	already bool
	failed  cases.Text
}

func newRating(c *cases.Case, item *catalog.Item, back screen) *rating {
	r := &rating{c: c, item: item, back: back, reasons: map[int]bool{}}
	if c.Rating != nil {
		r.saved, r.already = c.Rating, true
	}
	return r
}

func (r *rating) build(k *Kiosk) fyne.CanvasObject {
	if r.saved != nil || r.already {
		return r.buildDone(k)
	}
	skip := k.button(k.t(tSkipRating), func() { k.show(r.back) })
	skip.Icon = theme.NavigateBackIcon()
	if r.level.Bad() {
		return r.buildReasons(k, skip)
	}
	levels := make([]fyne.CanvasObject, len(cases.RatingLevels))
	for i, l := range cases.RatingLevels {
		levels[i] = ui.Tall(k.button(k.t(l.Label()), func() { r.choose(k, l) }))
	}
	voluntary := text(k.t(tRateVoluntary))
	voluntary.SizeName = theme.SizeNameCaptionText
	box := ui.Column(subheading(k.t(tRateAsk)), text(r.caseLine(k)), voluntary)
	if m := r.failure(k); m != nil {
		box.Add(m)
	}
	box.Add(container.NewGridWithColumns(1, levels...))
	return k.frame(k.t(tRateTitle), box, skip)
}

// buildReasons is the second step of a bad review: what went wrong, and
// the callback to expect.
func (r *rating) buildReasons(k *Kiosk, skip *widget.Button) fyne.CanvasObject {
	send := k.primary(k.t(tSendRating), func() { r.save(k, r.level, r.comment()) })
	send.Icon = theme.ConfirmIcon()
	tiles := make([]fyne.CanvasObject, len(badReasons))
	for i, why := range badReasons {
		t := ui.NewTile(k.t(why), "", nil)
		t.TitleSize = theme.SizeNameText
		show := func() {
			t.Primary = r.reasons[i]
			t.Icon = theme.CheckButtonIcon()
			if t.Primary {
				t.Icon = theme.CheckButtonCheckedIcon()
			}
			t.Refresh()
			if len(r.reasons) == 0 {
				send.Disable()
			} else {
				send.Enable()
			}
		}
		t.OnTapped = func() {
			k.touch()
			if r.reasons[i] {
				delete(r.reasons, i)
			} else {
				r.reasons[i] = true
			}
			show()
		}
		show()
		tiles[i] = t
	}
	chosen := subheading(k.tf(tYourRating, k.t(r.level.Label())))
	box := ui.Column(chosen, text(r.caseLine(k)), subheading(k.t(tWhyBad)),
		container.NewGridWithColumns(3, tiles...), text(r.callbackNote(k)))
	if m := r.failure(k); m != nil {
		box.Add(m)
	}
	again := k.button(k.t(tChooseAgain), func() {
		r.level, r.failed = 0, cases.Text{}
		k.rebuild()
	})
	again.Icon = theme.ViewRefreshIcon()
	return k.frame(k.t(tRateTitle), box, skip, again, send)
}

// failure is the line saying the last save failed, or nil.
func (r *rating) failure(k *Kiosk) fyne.CanvasObject {
	if r.failed == (cases.Text{}) {
		return nil
	}
	m := text(k.t(r.failed))
	m.Importance = widget.DangerImportance
	return m
}

// buildDone thanks for a rating just saved, or says the case was rated
// before; either way it shows the level, and no way to rate again.
func (r *rating) buildDone(k *Kiosk) fyne.CanvasObject {
	head := tThanks
	if r.already {
		head = tAlreadyRated
	}
	h := heading(k.t(head))
	h.Alignment = fyne.TextAlignCenter
	box := ui.Column(h, r.centred(r.caseLine(k)))
	if r.saved != nil {
		box.Add(r.centred(k.tf(tYourRating, k.t(r.saved.Level.Label()))))
		if r.saved.Level.Bad() && !r.already {
			box.Add(r.centred(r.callbackNote(k)))
		}
	}
	if r.already {
		box.Add(r.centred(k.t(tOncePerCase)))
		back := k.button(k.t(tBack), func() { k.show(r.back) })
		back.Icon = theme.NavigateBackIcon()
		return k.frame(k.t(tRateTitle), middle(box), back)
	}
	done := k.primary(k.t(tDone), k.Reset)
	done.Icon = theme.ConfirmIcon()
	return k.frame(k.t(tRateTitle), middle(box), done)
}

// middle centres a column vertically, giving it the whole width to wrap
// in (a Center would give wrapped text one character's width).
func middle(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(layout.NewSpacer(), o, layout.NewSpacer())
}

func (r *rating) centred(s string) *ui.Text {
	l := text(s)
	l.Alignment = fyne.TextAlignCenter
	return l
}

// caseLine names the case rated: 营业执照变更登记 · 260303-X7K-0001.
func (r *rating) caseLine(k *Kiosk) string {
	name := r.c.ItemCode
	if r.item != nil {
		name = k.t(bilingual(r.item.NameZH, r.item.NameEN))
	}
	return name + " · " + r.c.Number
}

// callbackNote says the center will call back, at the masked number the
// case gives.
func (r *rating) callbackNote(k *Kiosk) string {
	if p := r.c.Phone(); p != "" {
		return k.tf(tCallback, callbackDays, cases.MaskPhone(p))
	}
	return k.tf(tCallbackNoPhone, callbackDays)
}

// choose takes a tap on a level: a good one is saved at once, a bad one
// asks for reasons first.
func (r *rating) choose(k *Kiosk, l cases.RatingLevel) {
	if r.saved != nil || r.already { // a second tap that came in behind the first
		return
	}
	if l.Bad() {
		r.level, r.failed = l, cases.Text{}
		k.rebuild()
		return
	}
	r.save(k, l, "")
}

// comment is the ticked reasons, in Chinese as records are kept.
func (r *rating) comment() string {
	var out []string
	for i, why := range badReasons {
		if r.reasons[i] {
			out = append(out, why.ZH)
		}
	}
	return strings.Join(out, "、")
}

// save stores the rating in one transaction and only then thanks. A case
// rated in the meantime (at a counter's evaluator) says so.
func (r *rating) save(k *Kiosk, l cases.RatingLevel, comment string) {
	if r.saved != nil || r.already {
		return
	}
	c, err := k.deps.Store.Act(r.c.ID, cases.Action{Kind: cases.KindRated,
		Payload: cases.Rating{Level: l, Channel: cases.ChannelKiosk, Comment: comment}})
	switch {
	case errors.Is(err, cases.ErrAlreadyRated):
		r.already = true
		if fresh, err := k.deps.Store.Case(r.c.ID); err == nil {
			r.c, r.saved = fresh, fresh.Rating
		}
	case err != nil:
		fyne.LogError("kiosk: saving the rating of "+r.c.Number, err)
		r.failed = tRateFailed
		if !l.Bad() {
			r.level = 0
		}
	default:
		r.c, r.saved = c, c.Rating
		if r.saved == nil { // the fold always has it; never thank for nothing shown
			r.saved = &cases.Rating{Level: l, Channel: cases.ChannelKiosk, Comment: comment}
		}
	}
	k.rebuild()
}
