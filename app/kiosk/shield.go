package kiosk

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/ui"
)

// shield covers the screen during the idle countdown. A touch anywhere on
// it means somebody is still there: it hides and the timer restarts.
type shield struct {
	widget.BaseWidget
	onTouch func()
	message *ui.Text
	sub     *ui.Text
}

func newShield(onTouch func()) *shield {
	s := &shield{onTouch: onTouch, message: heading(""), sub: text("")}
	for _, l := range []*ui.Text{s.message, s.sub} {
		l.Alignment = fyne.TextAlignCenter
		l.Wrapping = fyne.TextWrapOff // centred on a card sized to the text
	}
	s.ExtendBaseWidget(s)
	s.Hide()
	return s
}

// show sets the countdown text and shows the shield.
func (s *shield) show(message, sub string) {
	s.message.SetText(message)
	s.sub.SetText(sub)
	s.Show()
}

func (s *shield) hide() {
	if s.Visible() {
		s.Hide()
	}
}

// Tapped is a touch: somebody is there.
func (s *shield) Tapped(*fyne.PointEvent) {
	if s.onTouch != nil {
		s.onTouch()
	}
}

// CreateRenderer dims the screen and puts the countdown on a card.
func (s *shield) CreateRenderer() fyne.WidgetRenderer {
	dim := canvas.NewRectangle(color.NRGBA{A: 0x99})
	card := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	card.CornerRadius = 16
	card.StrokeColor = ui.Blue
	card.StrokeWidth = 4
	box := container.NewStack(card, container.NewPadded(container.NewPadded(container.NewVBox(s.message, s.sub))))
	return widget.NewSimpleRenderer(container.NewStack(dim, container.NewCenter(box)))
}
