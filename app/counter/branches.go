package counter

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The layout of a conflict's branches. Each branch is a card headed by
// its title and its Keep button, its events scrolling under them; the
// cards stand side by side under the banner, and the confirmation of the
// branch chosen under them. So every Keep button, and the confirmation
// when it is open, stays in sight however long a branch is: at 1280×720
// a branch of five events (accept with a shortfall, suspend, resume,
// materials received, complete) pushed the Keep button under it out of
// the branches' room, and the two Keep buttons were never seen together.

// branchCard is one branch: head (title and Keep) over its events.
type branchCard struct {
	card   *widget.Card
	inner  *fyne.Container
	head   fyne.CanvasObject
	events fyne.CanvasObject
	scroll *container.Scroll
}

// newBranchCard frames a branch's head and events.
func newBranchCard(head, events fyne.CanvasObject) *branchCard {
	scroll := container.NewVScroll(events)
	// At least an event's head line in sight, so that the branch shows
	// something of itself when the room is short.
	scroll.SetMinSize(fyne.NewSize(0, 2*theme.Size(theme.SizeNameText)))
	k := &branchCard{head: head, events: events, scroll: scroll, inner: container.New(headLayout{}, head, scroll)}
	k.card = widget.NewCard("", "", k.inner)
	return k
}

// natural is how high the card would be at width w with every event in
// sight. Wrapped text knows its height once laid out at a width, so the
// head and events are measured at the width the card gives them; the
// card itself is not laid out to measure, as a layout pass that asks
// this and then finds the card's size unchanged would leave it so (a
// card left at its minimum showed one line of its events over a blank
// band).
func (k *branchCard) natural(w float32) float32 {
	card, inner := k.card.MinSize(), k.inner.MinSize()
	width := w - (card.Width - inner.Width)
	gap := theme.Size(theme.SizeNamePadding)
	return card.Height - inner.Height + heightAt(k.head, width) + gap + heightAt(k.events, width)
}

// headLayout puts its first object (the head) across the top at the
// height it needs at the width, and the second (the events' scroll) in
// the rest.
type headLayout struct{}

func (headLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	head, rest := objs[0], objs[1]
	gap := theme.Size(theme.SizeNamePadding)
	h := heightAt(head, size.Width)
	head.Move(fyne.NewPos(0, 0))
	head.Resize(fyne.NewSize(size.Width, h))
	rest.Move(fyne.NewPos(0, h+gap))
	rest.Resize(fyne.NewSize(size.Width, max(size.Height-h-gap, 0)))
}

func (headLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+theme.Size(theme.SizeNamePadding)+b.Height)
}

// branchesLayout lays out a conflict's view: objects are the banner, the
// row of cards, and the confirmation (when a branch is chosen). Banner
// and confirmation get the height they need at the width, the cards the
// rest.
type branchesLayout struct {
	cards []*branchCard
}

func (l *branchesLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Size(theme.SizeNamePadding)
	banner, row := objs[0], objs[1]
	top := heightAt(banner, size.Width)
	banner.Move(fyne.NewPos(0, 0))
	banner.Resize(fyne.NewSize(size.Width, top))
	end := size.Height
	if len(objs) > 2 {
		ph := heightAt(objs[2], size.Width)
		end -= ph
		objs[2].Move(fyne.NewPos(0, end))
		objs[2].Resize(fyne.NewSize(size.Width, ph))
		end -= gap
	}
	row.Move(fyne.NewPos(0, top+gap))
	row.Resize(fyne.NewSize(size.Width, max(end-top-gap, row.MinSize().Height)))
}

func (l *branchesLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	gap := theme.Size(theme.SizeNamePadding)
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height += gap
		}
	}
	return s
}

// natural is how high the view would be at width w with every branch's
// events in sight: what conflictLayout gives it when there is room.
func (l *branchesLayout) natural(objs []fyne.CanvasObject, w float32) float32 {
	gap := theme.Size(theme.SizeNamePadding)
	n := float32(max(len(l.cards), 1))
	cell := (w - gap*(n-1)) / n
	var cards float32
	for _, k := range l.cards {
		cards = max(cards, k.natural(cell))
	}
	h := heightAt(objs[0], w) + gap + cards
	if len(objs) > 2 {
		h += gap + heightAt(objs[2], w)
	}
	return h
}
