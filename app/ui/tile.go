package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tile is a big tappable card with a title and an optional subtitle that
// wrap, for choices that carry more than a button's one line: a category
// with its count, a service with its department, the start target. It is
// at least one touch target high and darkens while pressed.
type Tile struct {
	widget.BaseWidget

	Title, Subtitle string
	// Primary draws the tile in the primary colour with light text, for
	// the one action a screen is for.
	Primary bool
	// TitleSize and SubtitleSize are theme size names; empty: sub-heading
	// and text size.
	TitleSize, SubtitleSize fyne.ThemeSizeName
	Alignment               fyne.TextAlign
	// Icon, if set, is drawn left of the text: a check box for a
	// checklist tile.
	Icon     fyne.Resource
	OnTapped func()

	pressed bool
}

var (
	_ fyne.Tappable     = (*Tile)(nil)
	_ desktop.Mouseable = (*Tile)(nil)
)

// NewTile returns a tile that calls tapped.
func NewTile(title, subtitle string, tapped func()) *Tile {
	t := &Tile{Title: title, Subtitle: subtitle, OnTapped: tapped}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped calls OnTapped.
func (t *Tile) Tapped(*fyne.PointEvent) {
	if t.OnTapped != nil {
		t.OnTapped()
	}
}

// MouseDown shows the press (touch screens send mouse events).
func (t *Tile) MouseDown(*desktop.MouseEvent) { t.press(true) }

// MouseUp ends the press.
func (t *Tile) MouseUp(*desktop.MouseEvent) { t.press(false) }

func (t *Tile) press(on bool) {
	t.pressed = on
	t.Refresh()
}

// CreateRenderer draws the card.
func (t *Tile) CreateRenderer() fyne.WidgetRenderer {
	r := &tileRenderer{t: t, bg: canvas.NewRectangle(nil), text: widget.NewRichText(), icon: widget.NewIcon(nil)}
	r.text.Wrapping = fyne.TextWrapWord
	r.Refresh()
	return r
}

type tileRenderer struct {
	t    *Tile
	bg   *canvas.Rectangle
	text *widget.RichText
	icon *widget.Icon
}

func (r *tileRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.icon, r.text}
}
func (r *tileRenderer) Destroy() {}

func (r *tileRenderer) inset() float32 { return r.t.Theme().Size(theme.SizeNameInnerPadding) }

// iconWidth is the room the icon takes, with its gap.
func (r *tileRenderer) iconWidth() float32 {
	if r.t.Icon == nil {
		return 0
	}
	return r.t.Theme().Size(theme.SizeNameInlineIcon) + r.inset()
}

func (r *tileRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	in, iw := r.inset(), r.iconWidth()
	if iw > 0 {
		is := r.t.Theme().Size(theme.SizeNameInlineIcon)
		r.icon.Resize(fyne.NewSquareSize(is))
		r.icon.Move(fyne.NewPos(in, (s.Height-is)/2))
	}
	inner := fyne.NewSize(s.Width-2*in-iw, s.Height-2*in)
	r.text.Resize(inner) // wrapped text knows its height once it knows its width
	h := min(r.text.MinSize().Height, inner.Height)
	r.text.Resize(fyne.NewSize(inner.Width, h))
	r.text.Move(fyne.NewPos(in+iw, (s.Height-h)/2)) // centred vertically
}

// MinSize is the wrapped text's size once the tile has a width; before
// that (see Text) a line of title and one of subtitle.
func (r *tileRenderer) MinSize() fyne.Size {
	th := r.t.Theme()
	in := r.inset()
	target := th.Size(SizeNameTarget)
	text := r.text.MinSize()
	if r.t.Size().Width <= 0 {
		text = fyne.MeasureText("国", th.Size(r.titleSize()), fyne.TextStyle{Bold: true})
		if r.t.Subtitle != "" {
			text.Height += fyne.MeasureText("国", th.Size(r.subtitleSize()), fyne.TextStyle{}).Height
		}
		text = text.Add(fyne.NewSquareSize(2 * th.Size(theme.SizeNameInnerPadding))) // RichText's own inset
	}
	m := text.Add(fyne.NewSize(2*in+r.iconWidth(), 2*in))
	return m.Max(fyne.NewSize(target*3/2, target))
}

func (r *tileRenderer) titleSize() fyne.ThemeSizeName {
	if r.t.TitleSize == "" {
		return theme.SizeNameSubHeadingText
	}
	return r.t.TitleSize
}

func (r *tileRenderer) subtitleSize() fyne.ThemeSizeName {
	if r.t.SubtitleSize == "" {
		return theme.SizeNameText
	}
	return r.t.SubtitleSize
}

func (r *tileRenderer) Refresh() {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg, bg := theme.ColorNameForeground, theme.ColorNameButton
	if r.t.Primary {
		fg, bg = theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary
	}
	r.bg.FillColor = th.Color(bg, v)
	if r.t.pressed {
		r.bg.FillColor = th.Color(theme.ColorNamePressed, v)
		if r.t.Primary {
			r.bg.FillColor = th.Color(theme.ColorNameFocus, v)
		}
	}
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	titleSize, subSize := r.titleSize(), r.subtitleSize()
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: r.t.Title, Style: widget.RichTextStyle{
		Alignment: r.t.Alignment, ColorName: fg, SizeName: titleSize, TextStyle: fyne.TextStyle{Bold: true}}}}
	if r.t.Subtitle != "" {
		segs = append(segs, &widget.TextSegment{Text: r.t.Subtitle, Style: widget.RichTextStyle{
			Alignment: r.t.Alignment, ColorName: fg, SizeName: subSize}})
	}
	r.text.Segments = segs
	r.text.Refresh()
	if r.t.Icon != nil {
		res := r.t.Icon
		if r.t.Primary {
			res = theme.NewColoredResource(res, theme.ColorNameForegroundOnPrimary)
		}
		r.icon.SetResource(res)
		r.icon.Show()
	} else {
		r.icon.Hide()
	}
	r.bg.Refresh()
	r.Layout(r.t.Size())
}
