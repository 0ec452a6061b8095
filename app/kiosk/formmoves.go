package kiosk

// What a note under a field moves, and which taps wait for it. A note
// that comes or goes (an ID number found wrong, then corrected) pushes
// the fields below it up or down: a tap aimed at one a moment before
// would land on another, so taps on the fields wait settleTime. The
// keypad, the page bar and the buttons around the form stay where they
// were, and the citizen correcting a field taps its keys about 300 ms
// apart: holding those taps too lost the key after each note (issue 2's
// touch audit). The fields above the note stay too: a citizen who typed
// a wrong phone number and then taps the ID number over it lost that tap
// and every key after it (the audit again). So only what moved waits:
// the field whose note changed and those below it.

import "fyne.io/fyne/v2"

// stillParts is where the parts a note should not move are: the keypad,
// and the bar under the fields' pages, which comes when they need a
// page more.
type stillParts struct {
	keys fyne.Position
	bar  bool
}

// stillParts returns where they are now; nothing while the form is
// being built.
func (s *form) stillParts() stillParts {
	if s.body == nil {
		return stillParts{}
	}
	return stillParts{
		keys: fyne.CurrentApp().Driver().AbsolutePositionForObject(s.padBox),
		bar:  s.pager.Pages() > 1,
	}
}

// holdMoved holds off the taps on what moved after the note under field
// key came, went or changed its height (moved): that field and those
// below it; the whole screen if the keypad or the page bar moved as well
// (was is where they were). Fields moved by an earlier note and not
// settled yet stay held. A form being built holds nothing here: the new
// screen holds every tap.
func (s *form) holdMoved(k *Kiosk, key string, moved bool, was stillParts) {
	switch {
	case s.body == nil:
	case s.stillParts() != was:
		k.holdTaps()
	case moved:
		k.settle() // a guard whose time is up covers nothing any more
		from := s.app.index(key)
		if s.moved.Armed() {
			from = min(from, s.movedFrom)
		}
		s.movedFrom = from
		s.pager.GuardFrom(from)
		k.hold(s.moved)
	}
}
