package counter

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// shares lays its objects side by side, each taking its share of the
// width whatever its own minimum: the columns of the case view scroll and
// wrap, so a long material name or timeline line must not widen the
// window past the counter's screen.
type shares []float32

func (s shares) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Size(theme.SizeNamePadding)
	total := float32(0)
	for _, w := range s {
		total += w
	}
	free := size.Width - gap*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		w := free * s[i] / total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + gap
	}
}

// MinSize is the tallest object's height and no particular width.
func (s shares) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(0, h)
}

// The room the case keeps beside or above an open panel: three columns
// of a few Chinese words each, or a few lines of each column.
const (
	minCaseWidth  = 840
	minCaseHeight = 240
	// panelShare is the least share of the width a panel beside the case
	// takes, so that its lines wrap little.
	panelShare = 0.36
)

// caseFrame lays out the case view: the header across the top at the
// height its wrapped item name needs there, the action bar along the
// bottom, and between them the case and the open panel. The panel goes
// beside the case, the whole height, when it fits there with the case
// keeping minCaseWidth; otherwise (a panel with a wide row, such as the
// refusal's common reasons) under the case, as high as it needs while the
// case keeps minCaseHeight (or half the room in a very small window).
// Either way the panel scrolls past that. (In a Border under the case the
// notice of missing materials left the case 200 px at 1366×768, its lines
// cut mid-glyph.)
type caseFrame struct {
	panel *container.Scroll // nil while no panel is open
}

// newCaseFrame is the case view's container; panel may be nil.
func newCaseFrame(header, body, panel, actions fyne.CanvasObject) *fyne.Container {
	l := &caseFrame{}
	objs := []fyne.CanvasObject{header, body, actions}
	if panel != nil {
		l.panel = container.NewVScroll(panel)
		objs = append(objs, l.panel)
	}
	return container.New(l, objs...)
}

func (l *caseFrame) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	header, body, actions := objs[0], objs[1], objs[2]
	gap := theme.Size(theme.SizeNamePadding)
	top := heightAt(header, size.Width)
	header.Move(fyne.NewPos(0, 0))
	header.Resize(fyne.NewSize(size.Width, top))
	ah := actions.MinSize().Height
	actions.Move(fyne.NewPos(0, size.Height-ah))
	actions.Resize(fyne.NewSize(size.Width, ah))
	y := top + gap
	room := max(size.Height-top-ah-2*gap, 0)
	width := size.Width
	if l.panel != nil {
		bar := theme.Size(theme.SizeNameScrollBar)
		pw := max(l.panel.Content.MinSize().Width+bar, size.Width*panelShare)
		if side := size.Width - minCaseWidth - gap; pw <= side {
			width = size.Width - pw - gap
			l.panel.Move(fyne.NewPos(width+gap, y))
			l.panel.Resize(fyne.NewSize(pw, room))
		} else {
			room = max(room-gap, 0) // between the case and the panel
			want := heightAt(l.panel.Content, size.Width)
			ph := min(want, max(room-minCaseHeight, room/2))
			room -= ph
			l.panel.Move(fyne.NewPos(0, y+room+gap))
			l.panel.Resize(fyne.NewSize(size.Width, ph))
		}
	}
	body.Move(fyne.NewPos(0, y))
	body.Resize(fyne.NewSize(width, room))
}

// MinSize asks for the header, the actions and a case of minCaseHeight,
// as wide as the widest of them and the panel (which fits under the case
// when not beside it).
func (l *caseFrame) MinSize(objs []fyne.CanvasObject) fyne.Size {
	gap := theme.Size(theme.SizeNamePadding)
	w, h := float32(0), float32(0)
	for _, o := range []fyne.CanvasObject{objs[0], objs[2]} {
		m := o.MinSize()
		w, h = max(w, m.Width), h+m.Height+gap
	}
	w = max(w, objs[1].MinSize().Width)
	if len(objs) > 3 {
		w = max(w, objs[3].MinSize().Width)
	}
	return fyne.NewSize(w, h+minCaseHeight)
}

// heightAt lays o out at width w and returns the height it then needs:
// wrapped text knows its height only once it knows its width.
func heightAt(o fyne.CanvasObject, w float32) float32 {
	o.Resize(fyne.NewSize(w, o.MinSize().Height))
	return o.MinSize().Height
}

// minColumnsHeight is what the case's columns keep under a conflict's
// branches: a few lines of each.
const minColumnsHeight = 160

// conflictLayout puts a conflict's branches (a scroll) over the case's
// columns. The branches come first: they get the height they need at
// their width with every event in sight (want), the columns what is
// left, down to minColumnsHeight (or half the room in a very small
// window). Past that the branches' events scroll within each branch, its
// title and Keep button staying in sight (see branchesLayout); only in a
// window too small even for those does the whole scroll — to its end
// while confirming, where the confirmation is. (A split at a fixed share
// left them 130 px at 1280×720 with the confirmation open under the case:
// the keep buttons were cut to slivers.)
type conflictLayout struct {
	confirming bool
	// want is how high the branches would be at a width; nil: their
	// minimum height.
	want func(w float32) float32
}

func (l conflictLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	branches, columns := objs[0], objs[1]
	gap := theme.Size(theme.SizeNamePadding)
	scroll, _ := branches.(*container.Scroll)
	want := size.Height
	switch {
	case l.want != nil:
		want = l.want(size.Width)
	case scroll != nil:
		want = heightAt(scroll.Content, size.Width)
	}
	room := max(size.Height-gap, 0)
	top := min(want, max(room-minColumnsHeight, room/2))
	branches.Move(fyne.NewPos(0, 0))
	branches.Resize(fyne.NewSize(size.Width, top))
	columns.Move(fyne.NewPos(0, top+gap))
	columns.Resize(fyne.NewSize(size.Width, room-top))
	if scroll != nil && l.confirming && top < scroll.Content.MinSize().Height {
		scroll.ScrollToBottom()
	}
}

// MinSize is both objects' minimums, one over the other.
func (conflictLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+theme.Size(theme.SizeNamePadding)+b.Height)
}
