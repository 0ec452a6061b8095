package counter

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The columns of the case view scroll on their own, and at 1366×768 with
// a panel open a checklist of six materials has room for two or three:
// the audit tabbed to the sixth tick box and the column stayed where it
// was, the box out of sight, and only the mouse wheel reached the rest.
// Now a tick box that takes the keyboard (Tab, Shift+Tab) or is ticked
// by Alt+number brings itself into sight, and each column pages by a key
// of its own, shown beside its heading: Ctrl+PgUp/PgDn the applicant and
// the application, Alt+PgUp/PgDn the materials, PgUp/PgDn alone the
// timeline (story.go), whose newest rows are what a clerk reads most.

// Shortcuts that page the applicant's and the materials' columns.
var (
	scFormUp      = ctrl(fyne.KeyPageUp)
	scFormDown    = ctrl(fyne.KeyPageDown)
	scMaterialsUp = alt(fyne.KeyPageUp)
	scMaterialsDn = alt(fyne.KeyPageDown)
)

// columnKeys is how a column's paging shortcuts are written beside its
// heading, "Alt+PgUp/PgDn" for up = Alt+PageUp.
func columnKeys(up *desktop.CustomShortcut) string {
	return strings.TrimSuffix(scLabel(up), string(up.KeyName)) + timelineKeys()
}

// caseColumns are the scrolling parts of the case on screen, kept to
// bring what takes the keyboard into sight and to page them.
type caseColumns struct {
	frame     *fyne.Container   // the whole case view (newCaseFrame)
	who       *container.Scroll // the applicant and the application
	materials *container.Scroll // the checklist
	panel     *container.Scroll // the open panel, nil while none or under a conflict
}

// pageColumn pages a column for its shortcut; false for other shortcuts
// or with no case on screen.
func (b *bench) pageColumn(s fyne.Shortcut) bool {
	var col *container.Scroll
	var dir float32
	switch {
	case same(s, scFormUp):
		col, dir = b.columns.who, -1
	case same(s, scFormDown):
		col, dir = b.columns.who, 1
	case same(s, scMaterialsUp):
		col, dir = b.columns.materials, -1
	case same(s, scMaterialsDn):
		col, dir = b.columns.materials, 1
	default:
		return false
	}
	if b.cur != nil && col != nil {
		page(col, dir)
	}
	return true
}

// page scrolls a page up (dir -1) or down (+1), less two lines, so the
// line at the edge is read again on the next page.
func page(s *container.Scroll, dir float32) {
	line := 2 * theme.Size(theme.SizeNameText)
	step := max(s.Size().Height-line, line)
	s.ScrollToOffset(fyne.NewPos(0, max(s.Offset.Y+dir*step, 0)))
}

// showMaterial brings row i of the checklist into sight in its column.
func (b *bench) showMaterial(i int) {
	if i < len(b.materials) && b.materials[i].view != nil {
		inSight(b.columns.materials, b.materials[i].view)
	}
}

// showToggle brings tick box i of panel p into sight in the panel, and
// material i on the checklist, which shows the panel's tick.
func (b *bench) showToggle(p *panel, i int) {
	if b.panel != p || i >= len(p.toggles) {
		return
	}
	inSight(b.columns.panel, p.toggles[i])
	b.showMaterial(i)
}

// inSight scrolls s the least that brings o wholly into sight, or its
// top when o is taller than s. o must be under s's content.
func inSight(s *container.Scroll, o fyne.CanvasObject) {
	if s == nil {
		return
	}
	at, ok := offsetIn(s.Content, o)
	if !ok {
		return
	}
	top, h, view := at.Y, o.Size().Height, s.Size().Height
	y := s.Offset.Y
	switch {
	case top < y:
		y = top
	case top+h > y+view:
		y = min(top+h-view, top)
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, max(y, 0)))
}

// offsetIn returns where o is under root, in root's coordinates, looking
// through containers and cards (a panel is one).
func offsetIn(root, o fyne.CanvasObject) (fyne.Position, bool) {
	if root == o {
		return fyne.Position{}, true
	}
	var kids []fyne.CanvasObject
	switch x := root.(type) {
	case *fyne.Container:
		kids = x.Objects
	case *widget.Card:
		if x.Content != nil {
			kids = []fyne.CanvasObject{x.Content}
		}
	}
	for _, k := range kids {
		if p, ok := offsetIn(k, o); ok {
			return p.Add(k.Position()), true
		}
	}
	return fyne.Position{}, false
}

// refit lays a scroll's content out again after lines in it changed in
// place: Fyne lays a container out again only when its size changes.
func refit(s *container.Scroll) {
	s.Content.Refresh()
	s.Refresh()
}

// panelChanged lays the case view out again after panel p, open, changed
// in place (a summary that grew a line, a button shown): the new lines
// were drawn past the panel's end, behind the action bar, and a button
// shown after the layout had no size at all.
func (b *bench) panelChanged(p *panel) {
	if b.panel != p || b.columns.frame == nil {
		return
	}
	b.columns.frame.Refresh()
	if p.box != nil {
		p.box.Refresh()
	}
}
