package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// TapGuard lies over a whole screen, on top of it, and swallows every tap
// while it is armed: put it over a screen that was just replaced, so that
// the second tap of a double tap (or a finger that bounced) does not act
// on the new screen, whose buttons sit where the old one's were. It draws
// nothing; the screen under it shows as it is. Keys are not its business:
// a scanner types on at once.
//
// Arm it when the screen changes and Settle it from a timer or ticker: it
// decides by the clock it is given, so a test moves a clock instead of
// sleeping.
type TapGuard struct {
	widget.BaseWidget

	// OnSwallowed, if set, is told of each tap swallowed: somebody is
	// there, for an idle timer.
	OnSwallowed func()

	until time.Time
}

var _ fyne.Tappable = (*TapGuard)(nil)

// NewTapGuard returns a guard that lets every tap through until armed.
func NewTapGuard() *TapGuard {
	g := &TapGuard{}
	g.ExtendBaseWidget(g)
	g.Hide()
	return g
}

// Arm swallows taps until the time until (it shows the guard).
func (g *TapGuard) Arm(until time.Time) {
	g.until = until
	g.Show()
}

// Settle lets taps through again once now has reached the time armed
// for; before that it does nothing, so a late timer of an earlier Arm
// cannot lift a later one.
func (g *TapGuard) Settle(now time.Time) {
	if g.Visible() && !now.Before(g.until) {
		g.Hide()
	}
}

// Armed reports whether taps are being swallowed.
func (g *TapGuard) Armed() bool { return g.Visible() }

// Tapped swallows the tap.
func (g *TapGuard) Tapped(*fyne.PointEvent) {
	if g.OnSwallowed != nil {
		g.OnSwallowed()
	}
}

// MinSize is nothing: the guard's owner lays it over what it covers,
// which may be nothing at all (a pager's items below the page shown).
func (g *TapGuard) MinSize() fyne.Size { return fyne.Size{} }

// CreateRenderer draws nothing.
func (g *TapGuard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// TapBox holds content and takes the taps on it that no widget inside
// takes: a form field's label and note select the field as a tap on its
// box does, where a bare label would let the tap fall through to nothing.
type TapBox struct {
	widget.BaseWidget

	// OnTapped is called on a tap on the box outside its own widgets.
	OnTapped func()

	content fyne.CanvasObject
}

var _ fyne.Tappable = (*TapBox)(nil)

// NewTapBox returns a box around content that calls tapped.
func NewTapBox(content fyne.CanvasObject, tapped func()) *TapBox {
	b := &TapBox{content: content, OnTapped: tapped}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped calls OnTapped.
func (b *TapBox) Tapped(*fyne.PointEvent) {
	if b.OnTapped != nil {
		b.OnTapped()
	}
}

// CreateRenderer lays the content over the whole box; the box asks for
// the room the content asks for (a Column's, at the width it is given).
func (b *TapBox) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.content) }
