package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// Tall wraps o so that it is at least one touch target high
// (SizeNameTarget of the current theme) and three quarters of that wide: a
// finger needs that much whatever the label.
func Tall(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(targetLayout{width: 0.75}, o)
}

// Wide is Tall for a key that is used a lot and labelled with a word (page
// turns): at least one and a half targets wide.
func Wide(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(targetLayout{width: 1.5}, o)
}

// targetLayout gives its objects the whole space and asks for at least a
// target's height, and width times that wide.
type targetLayout struct{ width float32 }

func (targetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l targetLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t := theme.Size(SizeNameTarget)
	min := fyne.NewSize(t*l.width, t)
	for _, o := range objs {
		min = min.Max(o.MinSize())
	}
	return min
}

// rows stacks rows of equal height that share the height given; each row
// is a grid of equal cells (its own container).
func rows(objs ...fyne.CanvasObject) *fyne.Container {
	return container.NewGridWithColumns(1, objs...)
}

// Columns puts left and right side by side; right gets share (0–1) of
// the width, or its minimum width if that is more (a keypad keeps its
// keys a finger wide), and left the rest; all of it while right is
// hidden.
func Columns(left, right fyne.CanvasObject, share float32) *fyne.Container {
	return container.New(columnsLayout{share: share}, left, right)
}

type columnsLayout struct{ share float32 }

func (l columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if !objs[1].Visible() { // the left one has it all
		objs[0].Move(fyne.NewPos(0, 0))
		objs[0].Resize(size)
		return
	}
	gap := theme.Size(theme.SizeNamePadding) * 2
	rw := max(objs[1].MinSize().Width, (size.Width-gap)*l.share)
	rw = min(rw, size.Width-gap)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width-gap-rw, size.Height))
	objs[1].Move(fyne.NewPos(size.Width-rw, 0))
	objs[1].Resize(fyne.NewSize(rw, size.Height))
}

func (l columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if !objs[1].Visible() {
		return objs[0].MinSize()
	}
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(a.Width+b.Width+theme.Size(theme.SizeNamePadding)*2, max(a.Height, b.Height))
}
