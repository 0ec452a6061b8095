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
	r := &tileRenderer{t: t, bg: canvas.NewRectangle(nil), title: NewText(""), sub: NewText(""), icon: widget.NewIcon(nil)}
	r.title.TextStyle.Bold = true
	r.Refresh()
	return r
}

// tileRenderer draws the title and subtitle as Text, so that they break
// lines by the same rules as all text on screen.
type tileRenderer struct {
	t          *Tile
	bg         *canvas.Rectangle
	title, sub *Text
	icon       *widget.Icon
}

func (r *tileRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.icon, r.title, r.sub}
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
	// Wrapped text knows its height once it knows its width.
	// The subtitle's top padding overlaps the title's bottom one, so the
	// two read as one block.
	th, sh := heightAt(r.title, inner.Width), float32(0)
	if r.sub.Visible() {
		sh = heightAt(r.sub, inner.Width) - r.textPad()
	}
	y := (s.Height - th - sh) / 2 // centred vertically
	r.title.Move(fyne.NewPos(in+iw, y))
	r.title.Resize(fyne.NewSize(inner.Width, th))
	r.sub.Move(fyne.NewPos(in+iw, y+th-r.textPad()))
	r.sub.Resize(fyne.NewSize(inner.Width, sh+r.textPad()))
}

// textPad is the padding a Text keeps around its lines.
func (r *tileRenderer) textPad() float32 { return r.t.Theme().Size(theme.SizeNameInnerPadding) }

// MinSize is the wrapped text's size once the tile has a width; before
// that (see Text) a line of title and one of subtitle.
func (r *tileRenderer) MinSize() fyne.Size {
	th := r.t.Theme()
	in := r.inset()
	target := th.Size(SizeNameTarget)
	text := r.title.MinSize()
	if r.sub.Visible() {
		s := r.sub.MinSize()
		text = fyne.NewSize(max(text.Width, s.Width), text.Height+s.Height-r.textPad())
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
	for _, x := range []*Text{r.title, r.sub} {
		x.Alignment, x.ColorName = r.t.Alignment, fg
	}
	r.title.Text, r.title.SizeName = r.t.Title, r.titleSize()
	r.sub.Text, r.sub.SizeName = r.t.Subtitle, r.subtitleSize()
	r.sub.Hidden = r.t.Subtitle == ""
	r.title.Refresh()
	r.sub.Refresh()
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
