package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Text is a label that wraps at words (and between hanzi) and asks for
// one line's height until it has been given a width. A plain wrapping
// label that has not been laid out yet wraps at every character and asks
// for a screen and a half, and the desktop driver grows the window to
// that: the top of the screen ends up off the monitor. Put Text in a
// Column, which measures each child at its width before placing it.
type Text struct {
	widget.Label
}

// NewText returns a wrapping label.
func NewText(s string) *Text {
	t := &Text{}
	t.Text = s
	t.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	return t
}

// MinSize is one line before the label has a width, then the height of
// the text wrapped at that width.
func (t *Text) MinSize() fyne.Size {
	if t.Size().Width > 0 || t.Wrapping == fyne.TextWrapOff {
		return t.Label.MinSize()
	}
	th := t.Theme()
	size := th.Size(theme.SizeNameText)
	if t.SizeName != "" {
		size = th.Size(t.SizeName)
	}
	line := fyne.MeasureText("国", size, t.TextStyle)
	pad := th.Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(line.Width+2*pad, line.Height+2*pad)
}

// Column stacks objects like a VBox, but gives each its width before
// asking its height, so wrapped text takes the lines it needs.
func Column(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(columnLayout{}, objs...)
}

type columnLayout struct{}

func (columnLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Size(theme.SizeNamePadding)
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height)) // wraps at the width
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(size.Width, h))
		o.Move(fyne.NewPos(0, y))
		y += h + gap
	}
}

func (columnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	gap := theme.Size(theme.SizeNamePadding)
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		n++
	}
	if n > 1 {
		s.Height += gap * float32(n-1)
	}
	return s
}
