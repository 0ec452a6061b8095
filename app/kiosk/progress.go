package kiosk

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	sealed "tongban/app/receipt" // the QR receipt envelope; receipt is the screen
	"tongban/app/ui"
)

// maxNumber bounds what the keypad types: a case number has at most 17
// characters with its dashes.
const maxNumber = 20

// lookup finds a case to show its progress, or to rate it: the citizen
// holds the receipt's QR code to the built-in scanner, which types into
// the focused scan field and presses Enter, or types the case number on
// the keypad.
type lookup struct {
	// rate goes on to the rating screen instead of the progress screen.
	rate  bool
	typed string
	// failed says why the last look-up found nothing.
	failed cases.Text

	entry *scanEntry
	msg   *ui.Text
}

func (s *lookup) scanField() fyne.Focusable { return s.entry }

func (s *lookup) build(k *Kiosk) fyne.CanvasObject {
	s.entry = newScanEntry(k)
	s.entry.SetText(s.typed)
	s.entry.CursorColumn = len([]rune(s.typed))
	s.entry.SetPlaceHolder(k.t(tNumberPlaceholder))
	s.entry.TextStyle = fyne.TextStyle{Bold: true, Monospace: true}
	s.entry.OnChanged = func(v string) {
		k.touch()
		s.typed = v
	}
	s.entry.onEnter = func(v string) {
		if k.cur == s { // a field left focused by a screen gone types nowhere
			s.find(k, v)
		}
	}
	s.msg = text("")
	s.msg.Importance = widget.DangerImportance
	s.say(k)

	scanHint := subheading(k.t(tScanHint))
	typeHint := tTypeHint
	if k.portrait() { // withKeys puts the keypad under the field
		typeHint = tTypeHintBelow
	}
	left := ui.Column(scanHint, text(k.t(typeHint)), ui.Tall(s.entry), s.msg)

	pad := ui.NewLetterPad(k.padLabels(), true)
	pad.OnKey = func(key string) { s.setTyped(k, s.typed+key) }
	pad.OnBackspace = func() {
		if r := []rune(s.typed); len(r) > 0 {
			s.setTyped(k, string(r[:len(r)-1]))
		}
	}
	pad.OnClear = func() { s.setTyped(k, "") }
	dash := k.button("-", func() { s.setTyped(k, s.typed+"-") })
	find := k.primary(k.t(tLookUp), func() { s.find(k, s.typed) })
	find.Icon = theme.SearchIcon()
	keys := ui.Frame(nil, layout.NewSpacer(), ui.Column(pad, container.NewGridWithColumns(2, ui.Tall(dash), ui.Tall(find))))

	back := k.button(k.t(tBack), func() { k.show(&attract{}) })
	back.Icon = theme.NavigateBackIcon()
	title := tLookupTitle
	if s.rate {
		title = tRateLookupTitle
	}
	return k.frame(k.t(title), k.withKeys(left, keys, 0.5), back)
}

// setTyped puts what the keypad typed in the scan field, whose OnChanged
// keeps it.
func (s *lookup) setTyped(k *Kiosk, v string) {
	k.touch()
	if len(v) > maxNumber {
		return
	}
	s.entry.SetText(v)
	s.entry.CursorColumn = len([]rune(v))
	s.entry.Refresh()
	k.refocus()
}

// find opens the case the input names and shows it. A miss is told in one
// sentence and changes nothing else: a typed number stays to be fixed; a
// scan is cleared, so the next one does not land after it.
func (s *lookup) find(k *Kiosk, input string) {
	k.touch()
	input = strings.TrimSpace(input)
	scanned := strings.Contains(strings.ToUpper(input), sealed.Prefix)
	var c *cases.Case
	var err error
	switch {
	case input == "":
		s.failed = tTypeFirst
	case !scanned && !isNumber(input):
		s.failed = tNotNumber
	default:
		c, err = k.deps.Lookup(input)
		s.failed = lookupFailure(err)
		if err != nil && !errors.Is(err, cases.ErrNotFound) {
			fyne.LogError("kiosk: looking up a case", err)
		}
	}
	if s.failed != (cases.Text{}) {
		if scanned {
			s.entry.SetText("")
		}
		s.say(k)
		k.refocus()
		return
	}
	item, _ := k.deps.Catalog.Item(c.ItemCode)
	s.typed = "" // coming back, the field is ready for the next case
	if s.rate {
		k.show(newRating(c, item, s))
		return
	}
	k.show(&progress{c: c, item: item, back: s})
}

// say shows the last failure, or nothing.
func (s *lookup) say(k *Kiosk) {
	if s.failed == (cases.Text{}) {
		s.msg.Hide()
		return
	}
	s.msg.SetText(k.t(s.failed))
	s.msg.Show()
}

// isNumber reports whether s reads as a case number.
func isNumber(s string) bool {
	_, err := cases.NormalizeNumber(s)
	return err == nil
}

// lookupFailure is the sentence for a look-up's error; empty for none.
func lookupFailure(err error) cases.Text {
	switch {
	case err == nil:
		return cases.Text{}
	case errors.Is(err, cases.ErrNotFound):
		return tNotFound
	case errors.Is(err, cases.ErrBadNumber), errors.Is(err, sealed.ErrNotReceipt):
		return tNotNumber
	case errors.Is(err, sealed.ErrBadBase45):
		return tScanAgain
	case errors.Is(err, sealed.ErrAltered), errors.Is(err, sealed.ErrUnknownKey):
		return tForeignReceipt
	}
	return tLookupFailed
}

// scanEntry is the lookup's scan field. A keyboard-mode scanner types
// the payload into it and ends with Enter (some with Tab, which must not
// move the focus away).
type scanEntry struct {
	widget.Entry
	k       *Kiosk
	onEnter func(string)
}

func newScanEntry(k *Kiosk) *scanEntry {
	e := &scanEntry{k: k}
	e.ExtendBaseWidget(e)
	return e
}

// TypedRune feeds the idle timer and types.
func (e *scanEntry) TypedRune(r rune) {
	e.k.touch()
	e.Entry.TypedRune(r)
}

// TypedKey takes Enter, or a Tab after a scan, as the end of the input.
func (e *scanEntry) TypedKey(ev *fyne.KeyEvent) {
	e.k.touch()
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter || (ev.Name == fyne.KeyTab && e.Text != "") {
		if e.onEnter != nil {
			e.onEnter(e.Text)
		}
		return
	}
	e.Entry.TypedKey(ev)
}

// AcceptsTab keeps a scanner's Tab in the field.
func (e *scanEntry) AcceptsTab() bool { return true }

// progress shows where a case stands, in plain words, on a public screen:
// the applicant's name masked, no ID number or phone.
type progress struct {
	c    *cases.Case
	item *catalog.Item // nil: the item left the catalog
	back screen
	// first is the first of the missing materials or reasons on the
	// page shown, firstFact the first of the case's lines (elder mode
	// pages them).
	first, firstFact int
}

func (s *progress) build(k *Kiosk) fyne.CanvasObject {
	c := s.c
	number := widget.NewLabelWithStyle(c.Number, fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Monospace: true})
	number.SizeName = theme.SizeNameHeadingText
	status := text(k.t(c.Status.Label()))
	status.TextStyle.Bold = true
	status.Importance = statusImportance(c.Status)
	facts := []fyne.CanvasObject{
		ui.Columns(bold(k.t(tStatus)), status, 0.6),
		text(k.t(statusHint(c, k.portrait()))),
	}
	if t := s.timing(k); t != nil {
		facts = append(facts, t)
	}
	if c.Ticket != "" {
		ticket := c.Ticket
		if c.Window != "" && !c.CalledAt.IsZero() {
			ticket += " · " + k.tf(tCalledTo, c.Window)
		}
		facts = append(facts, fact(k.t(tTicket), ticket, 0.6))
	}
	facts = append(facts, fact(k.t(tApplicant), cases.MaskName(c.Name()), 0.6),
		fact(k.t(tSubmittedOn), k.t(dateText(c.SubmittedAt)), 0.6))
	if c.Rating != nil {
		facts = append(facts, fact(k.t(tRatedAs), k.t(c.Rating.Level.Label()), 0.6))
	}
	if c.Sync.FromReceipt {
		note := text(k.t(tNotSynced))
		note.SizeName = theme.SizeNameCaptionText
		facts = append(facts, note)
	}
	left := ui.Frame(number, k.pager(facts, k.sizes().facts, 0, &s.firstFact), nil)

	right := s.details(k)
	to := s.back
	if to == nil {
		to = &lookup{}
	}
	back := k.button(k.t(tBack), func() { k.show(to) })
	back.Icon = theme.NavigateBackIcon()
	actions := []fyne.CanvasObject{back}
	if c.Rating == nil {
		rate := k.primary(k.t(tRateThis), func() { k.show(newRating(c, s.item, s)) })
		rate.Icon = theme.ConfirmIcon()
		actions = append(actions, rate)
	}
	panes := ui.Columns(left, right, 0.45)
	if k.portrait() {
		panes = ui.Above(left, right, 0.5)
	}
	return k.frame(k.t(bilingual(s.itemName())), panes, actions...)
}

// itemName is the item's name in both languages, or its code.
func (s *progress) itemName() (zh, en string) {
	if s.item == nil {
		return s.c.ItemCode, s.c.ItemCode
	}
	return s.item.NameZH, s.item.NameEN
}

// timing is the line about time: the promised date and what is left of
// it once accepted, the completion date once done; nil when neither
// applies.
func (s *progress) timing(k *Kiosk) fyne.CanvasObject {
	c, now := s.c, k.deps.Now()
	switch {
	case c.Status == cases.StatusCompleted && !c.CompletedAt.IsZero():
		return fact(k.t(tCompletedOn), k.t(dateText(c.CompletedAt)), 0.6)
	case !c.Status.Open() || c.Status == cases.StatusConflict || s.item == nil:
		return nil
	}
	cal, promised := k.deps.Calendar, s.item.PromisedDays
	due, ok := c.Due(cal, promised, now)
	if !ok {
		return fact(k.t(tDueOn), k.tf(tFromAcceptance, k.t(days(promised))), 0.6)
	}
	var left cases.Text
	imp := widget.MediumImportance
	switch n := cal.WorkdaysBetween(now, due); {
	case c.Status == cases.StatusSuspended:
		left = tClockStopped
	case c.Overdue(cal, promised, now):
		left, imp = tOverdue, widget.DangerImportance
	case !due.After(now) || n == 0:
		left = tDueToday
	case n == 1:
		left = tOneDayLeft
	default:
		left = tDaysLeft.Format(n)
	}
	l := text(k.t(left))
	l.Importance = imp
	return ui.Columns(bold(k.t(tDueOn)), ui.Column(text(k.t(dateText(due))), l), 0.6)
}

// details is the right column: the missing materials of a supplement
// notice (the one-time notice), or the reasons of a refusal; hidden for
// other statuses.
func (s *progress) details(k *Kiosk) fyne.CanvasObject {
	var head cases.Text
	var rows []fyne.CanvasObject
	switch s.c.Status {
	case cases.StatusSupplement:
		head = tMissingTitle
		for n, i := range s.c.Missing {
			rows = append(rows, s.missingRow(k, n, i))
		}
	case cases.StatusRefused:
		head = tRefusalTitle
		for n, r := range s.c.Reasons {
			rows = append(rows, text(fmt.Sprintf("%d. %s", n+1, r)))
		}
	}
	if len(rows) == 0 {
		box := container.NewVBox()
		box.Hide()
		return box
	}
	return ui.Frame(subheading(k.t(head)), k.pager(rows, allFit(rows), 0, &s.first), nil)
}

// missingRow is the n-th missing material, item material i.
func (s *progress) missingRow(k *Kiosk, n, i int) fyne.CanvasObject {
	if s.item == nil || i < 0 || i >= len(s.item.Materials) {
		return text(fmt.Sprintf("%d. %s", n+1, k.tf(tMaterialNo, i+1)))
	}
	m := s.item.Materials[i]
	name := text(fmt.Sprintf("%d. %s", n+1, k.t(bilingual(m.NameZH, m.NameEN))))
	name.TextStyle.Bold = true
	return ui.Column(name, text(k.materialFacts(m)))
}

// statusHint says in a sentence what a status means for the citizen. A
// refusal points at its reasons where details puts them: on the right of
// a landscape screen, below on a portrait one (the panes stack), and
// nowhere when the case carries none.
func statusHint(c *cases.Case, portrait bool) cases.Text {
	switch {
	case c.Status == cases.StatusCompleted && !c.Approved:
		return tHintDenied
	case c.Status == cases.StatusRefused && len(c.Reasons) == 0:
		return tRefusedNoReasons
	case c.Status == cases.StatusRefused && portrait:
		return tRefusedBelow
	}
	if t, ok := statusHints[c.Status]; ok {
		return t
	}
	return c.Status.Label()
}

// statusImportance colours a status: done green, refused red, waiting on
// the citizen orange.
func statusImportance(s cases.Status) widget.Importance {
	switch s {
	case cases.StatusCompleted:
		return widget.SuccessImportance
	case cases.StatusRefused:
		return widget.DangerImportance
	case cases.StatusSupplement, cases.StatusConflict:
		return widget.WarningImportance
	}
	return widget.HighImportance
}

// bold is a bold wrapping label, the left half of a fact.
func bold(s string) *ui.Text {
	l := text(s)
	l.TextStyle.Bold = true
	return l
}
