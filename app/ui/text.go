package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Text is a label that wraps by the rules of Chinese line breaking (see
// linebreak.go: no "。" or "）" at the start of a line, Latin words kept
// whole) and asks for one line's height until it has been given a width.
// A plain wrapping label that has not been laid out yet wraps at every
// character and asks for a screen and a half, and the desktop driver
// grows the window to that: the top of the screen ends up off the
// monitor. Put Text in a Column, which measures each child at its width
// before placing it.
//
// The fields are a widget.Label's: set them, then Refresh.
type Text struct {
	widget.BaseWidget

	Text      string
	Alignment fyne.TextAlign
	// Wrapping is fyne.TextWrapWord (NewText's) or fyne.TextWrapOff, for a
	// line that keeps its width (only "\n" breaks it).
	Wrapping   fyne.TextWrap
	TextStyle  fyne.TextStyle
	Importance widget.Importance
	// ColorName, if set, is the text's colour instead of Importance's
	// (light text on a primary tile).
	ColorName fyne.ThemeColorName
	// SizeName is the theme size of the text; empty: body text.
	SizeName fyne.ThemeSizeName
}

// NewText returns a wrapping label.
func NewText(s string) *Text {
	t := &Text{Text: s, Wrapping: fyne.TextWrapWord}
	t.ExtendBaseWidget(t)
	return t
}

// SetText changes the text and redraws it.
func (t *Text) SetText(s string) {
	t.Text = s
	t.Refresh()
}

// CreateRenderer draws the text a line at a time.
func (t *Text) CreateRenderer() fyne.WidgetRenderer {
	r := &textRenderer{t: t}
	r.Refresh()
	return r
}

// textRenderer draws a Text as one canvas.Text a line. The lines are
// worked out again only when the text, its style or the width change.
type textRenderer struct {
	t       *Text
	objects []fyne.CanvasObject
	texts   []*canvas.Text

	// what the lines were broken for
	key   textKey
	lines []string
}

type textKey struct {
	text  string
	width float32
	size  float32
	style fyne.TextStyle
	wrap  fyne.TextWrap
}

func (r *textRenderer) Destroy() {}

func (r *textRenderer) Objects() []fyne.CanvasObject { return r.objects }

// metrics are the text size, the inner padding and one line's height.
func (r *textRenderer) metrics() (size, pad, lineHeight float32) {
	th := r.t.Theme()
	size = th.Size(theme.SizeNameText)
	if r.t.SizeName != "" {
		size = th.Size(r.t.SizeName)
	}
	return size, th.Size(theme.SizeNameInnerPadding), fyne.MeasureText("国", size, r.t.TextStyle).Height
}

// wrapped returns the lines of the text at the widget's width (with no
// width yet, or with wrapping off, its own lines).
func (r *textRenderer) wrapped() []string {
	size, pad, _ := r.metrics()
	width := r.t.Size().Width - 2*pad
	wrap := r.t.Wrapping
	if width <= 0 || wrap == fyne.TextWrapOff {
		width, wrap = 0, fyne.TextWrapOff
	}
	k := textKey{text: r.t.Text, width: width, size: size, style: r.t.TextStyle, wrap: wrap}
	if k == r.key && r.lines != nil {
		return r.lines
	}
	if wrap == fyne.TextWrapOff {
		r.lines = strings.Split(r.t.Text, "\n")
	} else {
		style := r.t.TextStyle
		r.lines = wrapLines(r.t.Text, width, func(s string) float32 { return fyne.MeasureText(s, size, style).Width })
	}
	r.key = k
	return r.lines
}

// MinSize is the height of the lines at the widget's width; a wrapping
// text asks for no width of its own (its column gives it one), and before
// it has a width for one line of one character.
func (r *textRenderer) MinSize() fyne.Size {
	size, pad, lineHeight := r.metrics()
	if r.t.Wrapping != fyne.TextWrapOff && r.t.Size().Width <= 0 {
		w := fyne.MeasureText("国", size, r.t.TextStyle).Width
		return fyne.NewSize(w+2*pad, lineHeight+2*pad)
	}
	lines := r.wrapped()
	width := float32(0)
	if r.t.Wrapping == fyne.TextWrapOff {
		for _, l := range lines {
			width = max(width, fyne.MeasureText(l, size, r.t.TextStyle).Width)
		}
	}
	return fyne.NewSize(width+2*pad, lineHeight*float32(len(lines))+2*pad)
}

func (r *textRenderer) Layout(s fyne.Size) {
	r.sync()
	size, pad, lineHeight := r.metrics()
	for i, c := range r.texts {
		w := fyne.MeasureText(c.Text, size, c.TextStyle).Width
		x := pad
		switch r.t.Alignment {
		case fyne.TextAlignCenter:
			x = (s.Width - w) / 2
		case fyne.TextAlignTrailing:
			x = s.Width - pad - w
		}
		c.Move(fyne.NewPos(x, pad+float32(i)*lineHeight))
		c.Resize(fyne.NewSize(w, lineHeight))
	}
}

// Refresh takes new text, style or colour.
func (r *textRenderer) Refresh() {
	r.sync()
	r.Layout(r.t.Size())
	for _, c := range r.texts {
		c.Refresh()
	}
}

// sync makes one canvas.Text for each line, in the text's style.
func (r *textRenderer) sync() {
	lines := r.wrapped()
	size, _, _ := r.metrics()
	th := r.t.Theme()
	name := r.t.ColorName
	if name == "" {
		name = importanceColor(r.t.Importance)
	}
	col := th.Color(name, fyne.CurrentApp().Settings().ThemeVariant())
	for len(r.texts) < len(lines) {
		r.texts = append(r.texts, canvas.NewText("", col))
	}
	r.texts = r.texts[:len(lines)]
	r.objects = r.objects[:0]
	for i, l := range lines {
		c := r.texts[i]
		c.Text, c.Color, c.TextSize, c.TextStyle = l, col, size, r.t.TextStyle
		r.objects = append(r.objects, c)
	}
}

// importanceColor is the colour of text of an importance, as a
// widget.Label gives it.
func importanceColor(i widget.Importance) fyne.ThemeColorName {
	switch i {
	case widget.LowImportance:
		return theme.ColorNameDisabled
	case widget.HighImportance:
		return theme.ColorNamePrimary
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	}
	return theme.ColorNameForeground
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
