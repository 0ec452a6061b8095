package counter

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// timelineRows are the case's history (cases.Case.History): the events in
// force — when, what, who, and the details the event carries — and the
// events a resolved conflict set aside, marked so.
func (b *bench) timelineRows(c *cases.Case, item *catalog.Item) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, e := range c.History() {
		rows = append(rows, b.eventRow(c, e, item))
	}
	return rows
}

// eventRow is one event: time, kind, who (and on which device), details.
// An event set aside by a resolution is marked and framed (asideRow).
func (b *bench) eventRow(c *cases.Case, e cases.Event, item *catalog.Item) fyne.CanvasObject {
	head := ui.NewText(stamp(e.Stamp.Time()) + "  " + both(e.Title()) + "  " + b.who(c, e))
	head.TextStyle.Bold = e.Kind != cases.KindPrinted && e.Kind != cases.KindRevealed && e.Kind != cases.KindCalled
	d := e.Summary(item)
	if e.Kind == cases.KindResolved {
		d = b.resolution(c, e)
	}
	row := []fyne.CanvasObject{head}
	if d != "" {
		row = append(row, caption(d))
	}
	if c.SetAside(e) {
		head.Text = "[" + both(tAsideMark) + "]  " + head.Text
		head.TextStyle.Bold = false
		return asideRow(row...)
	}
	if len(row) == 1 {
		return head
	}
	return ui.Column(row...)
}

// asideRow frames an event a resolution set aside, its title and its
// details alike: a shaded ground with a rule down its left side, the text
// in the body colour. Greying the title alone left it barely readable
// (Fyne's disabled grey is 1.3:1 on white) while the details under it, in
// full colour, read like a fact in force.
func asideRow(rows ...fyne.CanvasObject) fyne.CanvasObject {
	ground := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	rule := canvas.NewRectangle(theme.Color(theme.ColorNamePlaceHolder))
	rule.SetMinSize(fyne.NewSize(theme.Size(theme.SizeNamePadding), 0))
	return container.NewStack(ground, container.NewBorder(nil, nil, rule, nil, ui.Column(rows...)))
}

// resolution says what a resolution kept and what it set aside: the first
// event of each branch, with who made it where, and the clerk's note.
func (b *bench) resolution(c *cases.Case, e cases.Event) string {
	r, kept, aside, ok := c.Resolved(e)
	if !ok {
		return ""
	}
	branch := func(x cases.Event) string { return both(c.Choice(x)) + " · " + b.who(c, x) }
	lines := []string{labelled(tKeptLine, branch(kept))}
	for _, x := range aside {
		lines = append(lines, labelled(tAsideLine, branch(x)))
	}
	if n := note(r.Note); n != "" {
		lines = append(lines, n)
	}
	return strings.Join(lines, "\n")
}

// who names an event's actor: the clerk, or the channel of a submission.
func (b *bench) who(c *cases.Case, e cases.Event) string {
	dev := labelled(tOnDevice, b.deviceName(e.Device))
	if e.Staff != "" {
		if name := b.c.clerkName(e.Staff); name != e.Staff {
			return name + "（" + e.Staff + "） · " + dev
		}
		return e.Staff + " · " + dev
	}
	if e.Kind == cases.KindSubmitted {
		switch c.Channel {
		case cases.ChannelKiosk:
			return both(tByKiosk) + " · " + dev
		case cases.ChannelScript:
			return both(tByScript) + " · " + dev
		}
		return both(tByCounter) + " · " + dev
	}
	return dev
}

func note(n string) string {
	if n == "" {
		return ""
	}
	return both(tNoteLine) + ": " + n
}

// deviceName names a device as the status bar does, by its short code
// (cases.Directory.Name): from the center's device directory that sync
// keeps, else from what the counter learned — its own code (Deps.Device)
// and the codes of the devices that took the cases it has seen, which
// their numbers carry — else by the end of its ID.
func (b *bench) deviceName(id string) string { return b.dir.Name(id, b.devices) }

// readDirectory reads the device directory sync keeps, once for each case
// shown or changed by a sync (not once a timeline row), so a timeline
// redrawn after a sync names a device that the sync just learned of. An
// unreadable one leaves the names to what the counter learned.
func (b *bench) readDirectory() {
	b.dir = cases.Directory{}
	b.c.deps.Store.GetJSON(cases.KeyDirectory, &b.dir)
}

// learnDevice notes the short code of the device that took a case.
func (b *bench) learnDevice(c *cases.Case) {
	if dev, code, ok := cases.NumberedBy(c); ok && b.devices[dev] == "" {
		b.devices[dev] = code
	}
}
