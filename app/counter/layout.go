package counter

import (
	"fyne.io/fyne/v2"
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
