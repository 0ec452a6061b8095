package counter

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// rowInSight reports whether the whole of a row of the timeline is within
// the story column's scroll, as it stands now.
func (r *rig) rowInSight(row fyne.CanvasObject) bool {
	r.t.Helper()
	s := r.c.bench.story.scroll
	p, ok := uitest.Position(s, row)
	if !ok {
		r.t.Fatalf("the row is not in the story column")
	}
	return p.Y >= 0 && p.Y+row.Size().Height <= s.Size().Height+0.5
}

// longStory takes a case through accept, suspend, resume, complete and
// reveal at 1366×768, the audit's path, and returns the rig. Unless
// complete, a second suspension and resumption take the completion's
// place, and the case stays open for a panel.
func longStory(t *testing.T, complete bool) *rig {
	t.Helper()
	_, c, r := scannedCase(t)
	r.key(keyAccept)
	r.typeText("材料已核")
	want := cases.StatusAccepted
	for range 2 {
		r.key(keySuspend)
		r.typeText("现场核查，需要补充说明情况")
		r.key(keySuspend)
		r.typeText("核查完成")
		if complete {
			r.key(keyComplete)
			r.shortcut(fyne.KeyModifierAlt, fyne.KeyY)
			r.typeText("准予变更")
			want = cases.StatusCompleted
			break
		}
	}
	r.key(keyReveal)
	if got := r.stored(c.ID); got.Status != want || !r.c.bench.revealed {
		t.Fatalf("status %s, revealed %v: the path did not go through; the screen says %q", got.Status, r.c.bench.revealed, r.c.bench.msg.Text)
	}
	return r
}

// The audit: after accept → suspend → resume → complete → F7 the newest
// rows of the timeline were under the bottom of its column. Shown or
// changed, the case opens its timeline at the end: the revealed row and
// the completion's note are in sight.
func TestTimelineShowsTheNewestEvents(t *testing.T) {
	r := longStory(t, true)
	rows := r.c.bench.timeline.Objects
	last := rows[len(rows)-1]
	if !r.rowInSight(last) {
		t.Fatalf("the newest event (the reveal) is out of sight: the column is %v, scrolled %v",
			r.c.bench.story.scroll.Size(), r.c.bench.story.scroll.Offset)
	}
	if !r.rowInSight(rows[len(rows)-2]) {
		t.Error("the completion and its note are out of sight")
	}
	r.mustShow(withKey(tTimeline, "PgUp/PgDn"))
}

// PageUp and PageDown page the timeline wherever the keyboard is in the
// case view — the scan field, a button, a panel's note — back to the
// submission and down to the newest event again.
func TestTimelinePagesByKeyboard(t *testing.T) {
	r := longStory(t, false)
	for _, where := range []struct {
		name  string
		focus func()
	}{
		{"the scan field", func() { r.c.bench.refocus() }},
		{"a button", func() { r.w.Canvas().Focus(r.button(actionButton(cases.KindWithdrawn))) }},
		{"the note of an open panel", func() { r.c.bench.refocus(); r.key(keyComplete) }},
	} {
		where.focus()
		focused := r.focused()
		rows := r.c.bench.timeline.Objects // drawn afresh when a panel opens
		first, last := rows[0], rows[len(rows)-1]
		if r.rowInSight(first) || !r.rowInSight(last) {
			t.Fatalf("from %s: the timeline does not start at its end, or fits its column", where.name)
		}
		for i := 0; i < 20 && !r.rowInSight(first); i++ {
			r.key(fyne.KeyPageUp)
		}
		if !r.rowInSight(first) {
			t.Fatalf("from %s: PageUp does not reach the submission", where.name)
		}
		if r.rowInSight(last) {
			t.Fatalf("from %s: the timeline fits after all", where.name)
		}
		for i := 0; i < 20 && !r.rowInSight(last); i++ {
			r.key(fyne.KeyPageDown)
		}
		if !r.rowInSight(last) {
			t.Fatalf("from %s: PageDown does not come back to the newest event", where.name)
		}
		if r.focused() != focused {
			t.Fatalf("from %s: paging moved the keyboard to %T", where.name, r.focused())
		}
	}
	if _, ok := r.focused().(*entry); !ok || r.c.bench.panel == nil {
		t.Fatalf("the completion panel is not open with its note focused (%T has the keyboard)", r.focused())
	}
}

// Scrolled up, the timeline stays where the clerk is reading through a
// redraw of the same size; a case shown afresh opens at its end again.
func TestTimelineStaysWhereTheClerkScrolled(t *testing.T) {
	r := longStory(t, true)
	r.key(fyne.KeyPageUp)
	off := r.c.bench.story.scroll.Offset
	r.c.bench.body.Refresh()
	if got := r.c.bench.story.scroll.Offset; got != off {
		t.Fatalf("a redraw moved the timeline from %v to %v", off, got)
	}
	r.c.bench.setCase(r.c.bench.cur)
	rows := r.c.bench.timeline.Objects
	if !r.rowInSight(rows[len(rows)-1]) {
		t.Fatal("the case drawn again does not open at the newest event")
	}
}

// The audit: after any action the promised date and the working days left
// were above the timeline's end, out of sight, because the promise scrolled
// with the timeline that opens at its end. The promise now stays over the
// timeline and its heading, in sight whatever the timeline shows.
func TestPromiseStaysInSight(t *testing.T) {
	r := longStory(t, false)
	promise := func() *ui.Text {
		t.Helper()
		p := uitest.Find(r.root(), func(l *ui.Text) bool { return strings.HasPrefix(l.Text, "承诺办结 ") })
		if p == nil {
			t.Fatalf("the case does not show its promised date; the screen shows %q", r.screenTexts())
		}
		return p
	}
	heading := func() *ui.Text {
		return uitest.Find(r.root(), func(l *ui.Text) bool { return l.Text == withKey(tTimeline, timelineKeys()) })
	}
	rows := r.c.bench.timeline.Objects
	if !r.rowInSight(rows[len(rows)-1]) || r.rowInSight(rows[0]) {
		t.Fatal("the timeline does not open at its end, or fits its column: the test shows nothing")
	}
	if !r.wholeInSight(promise()) || !r.wholeInSight(heading()) {
		t.Fatal("after the actions the promise or the timeline's heading is out of sight")
	}
	for range 10 {
		r.key(fyne.KeyPageUp)
	}
	if !r.wholeInSight(promise()) || !r.wholeInSight(heading()) {
		t.Fatal("paged back to the submission, the promise or the heading is out of sight")
	}
	r.key(keyComplete) // a panel beside the case narrows the column
	if !r.wholeInSight(promise()) {
		t.Fatal("with the completion panel open the promise is out of sight")
	}
}
