package counter

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// setCase puts a case on screen. Another case starts afresh (ID masked,
// the checklist from what the applicant declared, no message of the case
// before); the same case after an action keeps the revealed ID and,
// unless its status moved, the ticks.
func (b *bench) setCase(c *cases.Case) {
	same := b.cur != nil && b.cur.ID == c.ID
	switch {
	case !same:
		b.readDirectory()
		b.revealed = false
		b.clearMessages() // they spoke of the case that goes
	case c.Status == cases.StatusConflict && b.cur.Status != cases.StatusConflict:
		// Sync brought another device's change: the last action's "saved"
		// must not sit over the conflict as if all were well.
		b.clearMessages()
	case b.cur.Sync.FromReceipt && !c.Sync.FromReceipt && b.msg.Text == both(tImported):
		b.info(both(tSyncedNow))
	}
	b.learnDevice(c)
	if !same || b.cur.Status != c.Status {
		b.ticked = initialTicks(c)
	}
	b.cur = c
	b.panel = nil
	b.render()
}

// initialTicks are the materials ticked when a case comes on screen: what
// the applicant says they brought while the case waits for acceptance,
// what the counter received after that.
func initialTicks(c *cases.Case) map[int]bool {
	from := c.Received
	if c.Status == cases.StatusSubmitted {
		from = c.Materials
	}
	t := map[int]bool{}
	for _, m := range from {
		t[m] = true
	}
	return t
}

// render draws the case on screen (or the list when there is none).
func (b *bench) render() {
	var view fyne.CanvasObject
	if b.cur == nil {
		view = b.listView()
	} else {
		view = b.caseView(b.cur)
	}
	b.body.Objects = []fyne.CanvasObject{view}
	b.body.Refresh()
	if b.panel != nil && b.panel.focus != nil {
		b.c.win.Canvas().Focus(b.panel.focus)
	} else {
		b.refocus()
	}
}

// caseView is the whole case under its header, in three columns that each
// scroll on their own and page by their own keys, shown beside their
// headings (columns.go): the applicant and the form; the material
// checklist; the timeline, opened at its end (see story.go), under the
// promise, which stays in sight above it. A conflict's branches come
// first, across the width, as high as they need (see conflictLayout). The
// actions run along the bottom, and the open panel beside or under the
// case, scrolling rather than squeeze it (see caseFrame).
func (b *bench) caseView(c *cases.Case) fyne.CanvasObject {
	item, known := b.c.item(c.ItemCode)
	var who []fyne.CanvasObject
	if !known {
		who = append(who, dangerText(bothf(tUnknownItem, c.ItemCode)))
	}
	who = append(who, sectionText(withKey(tApplicant, columnKeys(scFormUp))))
	who = append(who, b.applicantRows(c)...)
	who = append(who, section(tForm), field(tItem, item.NameZH+" "+item.NameEN+"（"+item.Code+"）"))
	who = append(who, formRows(c, item)...)
	// The checklist's heading, with its keys, stays above its scroll, as
	// the timeline's does: ticking the fifth material scrolled it away.
	materialsHeading := sectionText(withKey(tMaterials, columnKeys(scMaterialsUp)))
	b.timeline = ui.Column(b.timelineRows(c, item)...)
	heading := sectionText(withKey(tTimeline, timelineKeys()))
	var tail *fyne.Container
	b.story, tail = newTail(b.timeline)
	// The promise and the heading stay above the scroll: pinned to the
	// newest event, the scroll took the promise out of sight after every
	// action.
	story := ui.Frame(ui.Column(b.dueView(c, item), heading), tail, nil)

	b.columns = caseColumns{
		who:       container.NewVScroll(ui.Column(who...)),
		materials: container.NewVScroll(ui.Column(b.materialRows(c, item)...)),
	}
	var body fyne.CanvasObject = container.New(shares{0.3, 0.37, 0.33}, b.columns.who,
		ui.Frame(materialsHeading, b.columns.materials, nil), story)
	b.conflict = nil
	if c.Status == cases.StatusConflict {
		view, want := b.conflictView(c, item)
		b.conflict = view
		confirming := b.panel != nil && b.panel.kind == cases.KindResolved
		body = container.New(conflictLayout{confirming: confirming, want: want}, container.NewVScroll(view), body)
	}
	var panel fyne.CanvasObject
	if b.panel != nil && b.panel.kind != cases.KindResolved { // that one is under the branches
		panel = b.panel.view
	}
	frame := newCaseFrame(b.header(c, item), body, panel, b.actionBar(c))
	b.columns.frame = frame
	b.columns.panel = frame.Layout.(*caseFrame).panel
	return frame
}

// header is the case number, status, receipt badge and ticket, the
// submitted time at the right end, and the item between them, wrapping
// onto a second line rather than cut short.
func (b *bench) header(c *cases.Case, item *catalog.Item) fyne.CanvasObject {
	number := widget.NewLabel(c.Number)
	number.TextStyle.Bold = true
	number.SizeName = theme.SizeNameSubHeadingText
	status := widget.NewLabel(both(statusText(c)))
	status.TextStyle.Bold = true
	status.SizeName = theme.SizeNameSubHeadingText
	status.Importance = caseImportance(c)
	line := []fyne.CanvasObject{number, status}
	if c.Sync.FromReceipt {
		line = append(line, badge(both(tFromReceipt)))
	}
	if c.Ticket != "" {
		line = append(line, widget.NewLabel(labelled(tTicket, c.Ticket)))
	}
	itemLine := ui.NewText(item.NameZH + " " + item.NameEN)
	submitted := widget.NewLabel(labelled(tSubmittedAt, stamp(c.SubmittedAt)))
	return ui.Bar(container.NewHBox(line...), itemLine, submitted)
}

// statusText names a case's status; a denied completion says so, as it
// is other news for the citizen than an approval.
func statusText(c *cases.Case) cases.Text {
	l := c.Status.Label()
	if c.Status == cases.StatusCompleted && !c.Approved {
		return cases.Text{ZH: l.ZH + "（" + cases.Decision(false).ZH + "）", EN: l.EN + " (" + cases.Decision(false).EN + ")"}
	}
	return l
}

// caseImportance colours a case's status: a denial as a refusal is.
func caseImportance(c *cases.Case) widget.Importance {
	if c.Status == cases.StatusCompleted && !c.Approved {
		return widget.DangerImportance
	}
	return statusImportance(c.Status)
}

// applicantRows are the applicant's name, ID number (masked unless the
// clerk revealed it, which is recorded) and phone.
func (b *bench) applicantRows(c *cases.Case) []fyne.CanvasObject {
	rows := []fyne.CanvasObject{field(tName, c.Name())}
	if id := c.IDNumber(); id != "" {
		if b.revealed {
			rows = append(rows, field(tIDNumber, id+" "+both(tRevealedNote)))
		} else {
			reveal := newButton(b.c, withKey(tReveal, keyLabel(keyReveal)), b.reveal)
			reveal.Importance = widget.LowImportance
			// The button goes under the number, not beside it: in a column
			// narrowed by an open panel the 18 characters would break.
			rows = append(rows, field(tIDNumber, cases.MaskIDNumber(id)), container.NewHBox(reveal))
		}
	}
	if p := c.Phone(); p != "" {
		rows = append(rows, field(tPhone, p))
	}
	return rows
}

// formRows are the item's other fields as the applicant filled them.
func formRows(c *cases.Case, item *catalog.Item) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	seen := map[string]bool{catalog.FieldName: true, catalog.FieldIDNumber: true, catalog.FieldPhone: true}
	for _, f := range item.Fields {
		if seen[f.Key] {
			continue
		}
		seen[f.Key] = true
		v := c.Fields[f.Key]
		if f.Kind == catalog.KindIDNumber && v != "" {
			v = cases.MaskIDNumber(v)
		}
		rows = append(rows, field(cases.Text{ZH: f.LabelZH, EN: f.LabelEN}, v))
	}
	var rest []string
	for k := range c.Fields {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest) // fields of an item version this device lacks
	for _, k := range rest {
		rows = append(rows, field(cases.Text{ZH: k, EN: k}, c.Fields[k]))
	}
	return rows
}

// dueView is the promised date and the working days left, or how late.
func (b *bench) dueView(c *cases.Case, item *catalog.Item) fyne.CanvasObject {
	cal, now := b.c.deps.Calendar, b.c.deps.Now()
	l := ui.NewText("")
	l.TextStyle.Bold = true
	due, started := c.Due(cal, item.PromisedDays, now)
	switch {
	case c.Status == cases.StatusCompleted:
		l.SetText(closedOn(statusText(c), c.CompletedAt))
	case !c.Status.Open():
		l.SetText(closedOn(c.Status.Label(), c.UpdatedAt))
	case !started:
		l.SetText(withText(tDueNotStarted, days(item.PromisedDays)))
	case c.Status == cases.StatusSuspended:
		l.SetText(bothf(tDuePaused, day(due)))
		l.Importance = widget.WarningImportance
	case c.Overdue(cal, item.PromisedDays, now):
		l.SetText(dueText(tOverdue, due, days(cal.WorkdaysBetween(due, now))))
		l.Importance = widget.DangerImportance
	case day(due) == day(now):
		l.SetText(bothf(tDueToday, day(due)))
		l.Importance = widget.WarningImportance
	default:
		l.SetText(dueText(tDueLeft, due, days(cal.WorkdaysBetween(now, due))))
	}
	return l
}

// dueText fills a due date and a number of working days.
func dueText(t cases.Text, due time.Time, n cases.Text) string {
	return fmt.Sprintf(t.ZH, day(due), n.ZH) + " " + fmt.Sprintf(t.EN, day(due), n.EN)
}

// closedOn says how and when a case closed.
func closedOn(how cases.Text, at time.Time) string {
	return fmt.Sprintf(tClosedOn.ZH, how.ZH, day(at)) + " " + fmt.Sprintf(tClosedOn.EN, how.EN, day(at))
}

// Small pieces of layout. Wrapping text is ui.Text in ui.Column, which
// measures it at its width.

// section is a column's heading; it wraps rather than widen the column.
func section(t cases.Text) fyne.CanvasObject { return sectionText(both(t)) }

// sectionText is a heading made of a text already written.
func sectionText(s string) fyne.CanvasObject {
	l := ui.NewText(s)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// tickLabel is a material's name beside its tick box: it wraps within the
// column, and a tap on it ticks the box as a tap on the box does.
type tickLabel struct {
	ui.Text
	box *check
}

func newTickLabel(s string, box *check) *tickLabel {
	t := &tickLabel{box: box}
	t.Text.Text = s
	t.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	return t
}

// Tapped ticks or unticks the box.
func (t *tickLabel) Tapped(*fyne.PointEvent) {
	if !t.box.Disabled() {
		t.box.SetChecked(!t.box.Checked)
	}
}

// Cursor shows the name can be clicked.
func (t *tickLabel) Cursor() desktop.Cursor { return desktop.PointerCursor }

// field is a label and its value on one wrapping line.
func field(name cases.Text, v string) fyne.CanvasObject {
	if v == "" {
		v = "—"
	}
	t := widget.NewRichText(
		&widget.TextSegment{Text: both(name) + "  ", Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}},
		&widget.TextSegment{Text: v, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
	)
	t.Wrapping = fyne.TextWrapWord
	return t
}

// caption is small wrapping text under something.
func caption(s string) *ui.Text {
	t := ui.NewText(s)
	t.SizeName = theme.SizeNameCaptionText
	return t
}

func dangerText(s string) *ui.Text {
	t := ui.NewText(s)
	t.Importance = widget.DangerImportance
	return t
}

// badge is a short text on a coloured ground, for what must not be missed.
func badge(s string) fyne.CanvasObject {
	l := canvas.NewText(s, theme.Color(theme.ColorNameForegroundOnWarning))
	l.TextStyle.Bold = true
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	bg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	return container.NewCenter(container.NewStack(bg, container.NewPadded(l)))
}

// statusImportance colours a status.
func statusImportance(s cases.Status) widget.Importance {
	switch s {
	case cases.StatusConflict, cases.StatusRefused:
		return widget.DangerImportance
	case cases.StatusSupplement, cases.StatusSuspended:
		return widget.WarningImportance
	case cases.StatusCompleted, cases.StatusAccepted:
		return widget.SuccessImportance
	}
	return widget.HighImportance
}
