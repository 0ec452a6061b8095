package kiosk

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// confirm shows everything entered for a last look, the ID number masked
// (people stand behind the citizen), and submits.
type confirm struct {
	form  *form
	first int // the first row of the page shown
	// failed says why the last submit did not go through.
	failed cases.Text
	busy   bool
}

func (s *confirm) build(k *Kiosk) fyne.CanvasObject {
	app := s.form.app
	var rows []fyne.CanvasObject
	for _, f := range app.item.Fields {
		v := app.values[f.Key]
		if v == "" && !f.Required {
			continue
		}
		rows = append(rows, s.row(k, k.t(bilingual(f.LabelZH, f.LabelEN)), k.t(shown(f, v)), app.problems[f.Key]))
	}
	var brought []string
	for _, i := range app.brought() {
		m := app.item.Materials[i]
		brought = append(brought, k.t(bilingual(m.NameZH, m.NameEN)))
	}
	list := k.t(tNone)
	if len(brought) > 0 {
		sep := "、"
		if k.lang == cases.EN {
			sep = "; "
		}
		list = strings.Join(brought, sep)
	}
	rows = append(rows, s.row(k, k.t(tBringing), list, nil))

	var top fyne.CanvasObject = subheading(k.t(bilingual(app.item.NameZH, app.item.NameEN)))
	if s.failed != (cases.Text{}) {
		msg := text(k.t(s.failed))
		msg.Importance = widget.DangerImportance
		top = ui.Column(top, msg)
	}
	edit := k.button(k.t(tEdit), func() { k.show(s.form) })
	edit.Icon = theme.NavigateBackIcon()
	submit := k.primary(k.t(tSubmit), nil)
	submit.Icon = theme.ConfirmIcon()
	submit.OnTapped = func() {
		k.touch()
		submit.Disable() // one tap, one case
		s.submit(k)
	}
	if s.busy {
		submit.Disable()
	}
	return k.frame(k.t(tConfirmTitle), ui.Frame(top,
		k.pager(rows, k.sizes().confirm, 0, &s.first), nil), edit, submit)
}

// row is "label  value", with a warning under the value if there is one.
func (s *confirm) row(k *Kiosk, label, value string, p *cases.Problem) fyne.CanvasObject {
	l := text(label)
	l.TextStyle.Bold = true
	v := text(value)
	right := ui.Column(v)
	if p != nil && p.Warning {
		w := text(k.t(p.Text))
		w.Importance = widget.WarningImportance
		right.Add(w)
	}
	return ui.Columns(l, right, 0.55)
}

// shown is a value as the confirm screen shows it: ID numbers masked, a
// choice by its English label in English.
func shown(f catalog.Field, v string) cases.Text {
	switch f.Kind {
	case catalog.KindIDNumber:
		m := cases.MaskIDNumber(cases.NormalizeIDNumber(v))
		return cases.Text{ZH: m, EN: m}
	case catalog.KindChoice:
		return choiceText(f, v)
	}
	return cases.Text{ZH: v, EN: v}
}

// submit saves the case and only then shows the receipt. A failure keeps
// everything entered and says so.
func (s *confirm) submit(k *Kiosk) {
	if s.busy {
		return
	}
	s.busy = true
	app := s.form.app
	sub, errs, err := app.submission(k.deps.Catalog, k.deps.Now())
	switch {
	case err != nil:
		fyne.LogError("kiosk: building the submission", err)
		s.busy, s.failed = false, tItemGone
		k.rebuild()
		return
	case len(errs) > 0: // the form's own checks passed, so the catalog changed under it
		s.busy = false
		if first := app.checkAll(k.deps.Now()); first >= 0 {
			s.form.showErrors(k, first)
			return
		}
		fyne.LogError("kiosk: submission refused", errs[0])
		s.failed = tItemGone
		k.rebuild()
		return
	}
	c, err := k.deps.Store.Submit(sub)
	if err != nil {
		fyne.LogError("kiosk: saving the case", err)
		s.busy, s.failed = false, tSaveFailed
		k.rebuild()
		return
	}
	k.clearDraft()
	r := &receipt{c: c, item: app.item}
	if t := k.deps.Ticket; t != nil {
		if ticket, err := t(c, app.item); err == nil {
			r.ticket = ticket
		} else {
			fyne.LogError("kiosk: issuing the queue ticket of "+c.Number, err)
		}
	}
	k.show(r)
	r.print(k)
}

// draft keeps the application while it is being checked.
func (s *confirm) draft(k *Kiosk) Draft { return s.form.draft(k) }
