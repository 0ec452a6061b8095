package kiosk

// The form's notes: a field's problem under it, the count of fields still
// wrong over them, and the review that shows every problem at once.

import "fyne.io/fyne/v2/widget"

// showRow shows a field's problem (if any) and selected option. A
// problem that comes or goes changes the field's height: the pages break
// again, keeping the field being typed in view.
func (s *form) showRow(k *Kiosk, key string) {
	r := s.rows[key]
	if r == nil {
		return
	}
	before := r.problem.Visible()
	beforeText, beforeSize := r.problem.Text, r.problem.Size()
	still := s.stillParts()
	defer func() {
		changed := r.problem.Visible() != before || r.problem.Visible() && r.problem.Text != beforeText
		if changed && s.pager != nil {
			s.pager.Refit()
		}
		grew := r.problem.Visible() != before || r.problem.Visible() && r.problem.Size() != beforeSize
		s.holdMoved(k, key, grew, still)
	}()
	if p := s.app.problems[key]; p != nil {
		r.problem.SetText(k.t(p.Text))
		r.problem.Importance = widget.DangerImportance
		if p.Warning {
			r.problem.Importance = widget.WarningImportance
		}
		r.problem.Show()
		r.problem.Refresh()
	} else {
		r.problem.Hide()
	}
	for i, b := range r.choices {
		b.Primary = r.values[i] == s.app.values[key]
		b.Refresh()
	}
	s.showCount(k)
}

// showCount says over the fields how many of them still show an error,
// after a review found some: the count and the notes under the fields
// come from the same problems, so they always agree. When the last
// error goes the line says so and what to do next, rather than going:
// the fields and the keypad under it would move up under the finger.
func (s *form) showCount(k *Kiosk) {
	if !s.fixing || s.note == nil {
		return
	}
	was, wasText := s.note.Visible(), s.note.Text
	if n := s.app.errorCount(); n == 0 {
		s.note.Text, s.note.Importance = k.t(tAllFixed), widget.SuccessImportance
		s.note.Show()
	} else {
		count := tFixErrors.Format(n)
		if n == 1 {
			count = tFixOneError
		}
		s.note.Text, s.note.Importance = k.t(count), widget.DangerImportance
		s.note.Show()
	}
	if s.note.Visible() != was || s.note.Text != wasText {
		s.note.Refresh()
		if s.body != nil {
			s.body.Refresh() // the fields get the room the line left, or give it
		}
	}
}

// review checks every field; with errors it turns to the first and says
// how many, else it goes on to the confirm screen.
func (s *form) review(k *Kiosk) {
	first := s.app.checkAll(k.deps.Now())
	for key := range s.rows {
		s.showRow(k, key)
	}
	if first < 0 {
		s.fixing = false
		k.show(&confirm{form: s})
		return
	}
	s.showErrors(k, first)
}

// showErrors turns to field i and says how many fields need fixing.
func (s *form) showErrors(k *Kiosk, i int) {
	s.fixing = true
	s.active = s.app.item.Fields[i].Key // build turns to its page
	k.show(s)
}
