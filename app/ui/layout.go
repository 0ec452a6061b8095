package ui

import (
	"cmp"
	"slices"

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

// Slots lays out its objects in one row, like a grid with as many
// columns, but asks for no more width than a target per cell: what they
// show (a pinyin keyboard's candidates, one character or a four-character
// word) never widens the row, so the keys around it do not move as a
// citizen types. The cells are equal unless one needs more than its
// share: a four-character word on a narrow keyboard then gets its width,
// and the others share the rest equally.
func Slots(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(slotsLayout{}, objs...)
}

type slotsLayout struct{}

func (slotsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	gap := theme.Size(theme.SizeNamePadding)
	needs := make([]float32, len(objs))
	for i, o := range objs {
		needs[i] = o.MinSize().Width
	}
	widths := shares(needs, size.Width-gap*float32(len(objs)-1))
	x := float32(0)
	for i, o := range objs {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(widths[i], size.Height))
		x += widths[i] + gap
	}
}

// shares divides room among cells that need the widths given: each gets
// at least what it needs, and the rest is shared so the cells that need
// less are all as wide as one another (as water fills the lowest first).
// Where the needs exceed the room, each gets a part of the room in
// proportion to its need.
func shares(needs []float32, room float32) []float32 {
	out := make([]float32, len(needs))
	var sum float32
	for _, n := range needs {
		sum += n
	}
	if sum >= room {
		for i, n := range needs {
			out[i] = room * n / max(sum, 1)
		}
		return out
	}
	// level is the width of the cells that need less than it: the room
	// left by those that need more, shared among the rest.
	order := make([]int, len(needs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(needs[b], needs[a]) })
	left, rest := room, len(needs)
	for _, i := range order {
		if level := left / float32(rest); needs[i] <= level {
			break
		}
		out[i] = needs[i]
		left -= needs[i]
		rest--
	}
	for i := range out {
		if out[i] == 0 {
			out[i] = left / float32(rest)
		}
	}
	return out
}

func (slotsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	n := float32(len(objs))
	return fyne.NewSize(n*theme.Size(SizeNameTarget)+(n-1)*theme.Size(theme.SizeNamePadding), h)
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
	lw, rw := l.widths(size.Width, objs[1])
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(lw, size.Height))
	objs[1].Move(fyne.NewPos(size.Width-rw, 0))
	objs[1].Resize(fyne.NewSize(rw, size.Height))
}

// widths returns the widths of the left and the (shown) right object.
func (l columnsLayout) widths(width float32, right fyne.CanvasObject) (lw, rw float32) {
	gap := theme.Size(theme.SizeNamePadding) * 2
	rw = max(right.MinSize().Width, (width-gap)*l.share)
	rw = min(rw, width-gap)
	return width - gap - rw, rw
}

func (l columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if !objs[1].Visible() {
		return objs[0].MinSize()
	}
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(a.Width+b.Width+theme.Size(theme.SizeNamePadding)*2, max(a.Height, b.Height))
}

// Frame lays out a screen: top (a title bar) and bottom (actions) across
// the whole width at the height they need there, content in the room
// between. Unlike a Border, it gives top and bottom their width before
// asking their height, so a title that wraps takes its second line at
// once rather than one layout later. Either of top and bottom may be nil.
func Frame(top, content, bottom fyne.CanvasObject) *fyne.Container {
	l := frameLayout{top: top != nil, bottom: bottom != nil}
	objs := []fyne.CanvasObject{content}
	if top != nil {
		objs = append(objs, top)
	}
	if bottom != nil {
		objs = append(objs, bottom)
	}
	return container.New(l, objs...)
}

type frameLayout struct{ top, bottom bool }

// parts returns content, top and bottom (nil when absent or hidden).
func (l frameLayout) parts(objs []fyne.CanvasObject) (content, top, bottom fyne.CanvasObject) {
	content, i := objs[0], 1
	if l.top {
		top, i = objs[i], i+1
	}
	if l.bottom {
		bottom = objs[i]
	}
	if top != nil && !top.Visible() {
		top = nil
	}
	if bottom != nil && !bottom.Visible() {
		bottom = nil
	}
	return content, top, bottom
}

func (l frameLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	content, top, bottom := l.parts(objs)
	y, h := frameContent(size, top, bottom)
	if top != nil {
		top.Move(fyne.NewPos(0, 0))
		top.Resize(fyne.NewSize(size.Width, heightAt(top, size.Width)))
	}
	if bottom != nil {
		bh := heightAt(bottom, size.Width)
		bottom.Move(fyne.NewPos(0, size.Height-bh))
		bottom.Resize(fyne.NewSize(size.Width, bh))
	}
	content.Move(fyne.NewPos(0, y))
	content.Resize(fyne.NewSize(size.Width, h))
}

// frameContent returns where a Frame of size puts its content and how
// high it is, with top and bottom (either nil) at the height they need
// at its width.
func frameContent(size fyne.Size, top, bottom fyne.CanvasObject) (y, h float32) {
	gap := theme.Size(theme.SizeNamePadding)
	end := size.Height
	if top != nil {
		y = heightAt(top, size.Width) + gap
	}
	if bottom != nil {
		end -= heightAt(bottom, size.Width) + gap
	}
	return y, max(end-y, 0)
}

func (l frameLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	content, top, bottom := l.parts(objs)
	gap := theme.Size(theme.SizeNamePadding)
	m := content.MinSize()
	for _, o := range []fyne.CanvasObject{top, bottom} {
		if o != nil {
			om := o.MinSize()
			m = fyne.NewSize(max(m.Width, om.Width), m.Height+om.Height+gap)
		}
	}
	return m
}

// heightAt lays o out at width w and returns the height it then needs:
// wrapped text knows its height only once it knows its width.
func heightAt(o fyne.CanvasObject, w float32) float32 {
	o.Resize(fyne.NewSize(w, o.MinSize().Height))
	return o.MinSize().Height
}

// Split lays out a screen's main part and its keypad: side by side as
// Columns do, the keypad taking Share of the width (or its minimum width
// if that is more); on a portrait screen (Below) the keypad under the
// main part at the height it needs, as a Frame's bottom. A hidden keypad
// leaves the main part all the room.
type Split struct {
	Share float32
	Below bool
}

// NewSplit lays out main and keys.
func NewSplit(main, keys fyne.CanvasObject, share float32, below bool) *fyne.Container {
	return container.New(Split{Share: share, Below: below}, main, keys)
}

// Layout places the main part and the keypad.
func (l Split) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if l.Below {
		frameLayout{bottom: true}.Layout(objs, size)
		return
	}
	columnsLayout{share: l.Share}.Layout(objs, size)
}

// MinSize is the room of both.
func (l Split) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if l.Below {
		return frameLayout{bottom: true}.MinSize(objs)
	}
	return columnsLayout{share: l.Share}.MinSize(objs)
}

// Main returns the room the main part gets in size with keys shown,
// shown or not: a pager works out its pages for the room they will be
// shown in, beside the keypad or not, before they are.
func (l Split) Main(size fyne.Size, keys fyne.CanvasObject) fyne.Size {
	if l.Below {
		_, h := frameContent(size, nil, keys)
		return fyne.NewSize(size.Width, h)
	}
	lw, _ := columnsLayout{share: l.Share}.widths(size.Width, keys)
	return fyne.NewSize(lw, size.Height)
}

// Bar is a title bar: left and right (buttons) at their own width and the
// bar's height, middle (a title that may wrap) in the width between,
// centred on the bar's height.
func Bar(left, middle, right fyne.CanvasObject) *fyne.Container {
	return container.New(barLayout{}, left, middle, right)
}

type barLayout struct{}

func (barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	left, middle, right := objs[0], objs[1], objs[2]
	gap := theme.Size(theme.SizeNamePadding)
	lw, rw := left.MinSize().Width, right.MinSize().Width
	left.Move(fyne.NewPos(0, 0))
	left.Resize(fyne.NewSize(lw, size.Height))
	right.Move(fyne.NewPos(size.Width-rw, 0))
	right.Resize(fyne.NewSize(rw, size.Height))
	mw := max(size.Width-lw-rw-2*gap, 0)
	mh := min(heightAt(middle, mw), size.Height)
	middle.Move(fyne.NewPos(lw+gap, (size.Height-mh)/2))
	middle.Resize(fyne.NewSize(mw, mh))
}

func (barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	gap := theme.Size(theme.SizeNamePadding)
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+2*gap, h)
}

// SmallestScreen is the least room a Screen asks of its window.
var SmallestScreen = fyne.NewSize(800, 600)

// Screen holds the whole content of a full-screen window and never asks
// the window for more room than SmallestScreen. Fyne's desktop driver
// grows a canvas whose content asks for more than the window has, even a
// full-screen one, and never shrinks it back: the extra height goes off
// the top of the monitor, taking the title bar's buttons with it, until
// the program restarts. Inside a Screen a screen that asks too much is
// squeezed instead (and a test can say so); what is fixed at its top and
// bottom stays in reach.
func Screen(content fyne.CanvasObject) *fyne.Container {
	return container.New(screenLayout{}, content)
}

type screenLayout struct{}

func (screenLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (screenLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m.Min(SmallestScreen)
}

// ScreenWatch is Screen that tells onShape the screen's orientation when
// a layout finds it new (the first layout too): screens built for
// portrait or landscape are built again once the full-screen window has
// its real size, which it may get only after the first screen was built,
// or when the monitor is turned.
func ScreenWatch(content fyne.CanvasObject, onShape func(portrait bool)) *fyne.Container {
	return container.New(&watchLayout{onShape: onShape}, content)
}

type watchLayout struct {
	screenLayout
	onShape         func(portrait bool)
	known, portrait bool
}

func (l *watchLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.screenLayout.Layout(objs, size)
	p := size.Height > size.Width
	if size.Width <= 0 || l.known && p == l.portrait {
		return
	}
	l.known, l.portrait = true, p
	fyne.Do(func() { l.onShape(p) }) // not while the window lays out
}

// Above is Columns for a portrait screen: top above bottom, bottom
// getting share of the height or its minimum height if that is more, top
// the rest; top all of it while bottom is hidden.
func Above(top, bottom fyne.CanvasObject, share float32) *fyne.Container {
	return container.New(aboveLayout{share: share}, top, bottom)
}

type aboveLayout struct{ share float32 }

func (l aboveLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if !objs[1].Visible() {
		objs[0].Move(fyne.NewPos(0, 0))
		objs[0].Resize(size)
		return
	}
	gap := theme.Size(theme.SizeNamePadding) * 2
	bh := max(heightAt(objs[1], size.Width), (size.Height-gap)*l.share)
	bh = min(bh, size.Height-gap)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, size.Height-gap-bh))
	objs[1].Move(fyne.NewPos(0, size.Height-bh))
	objs[1].Resize(fyne.NewSize(size.Width, bh))
}

func (l aboveLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if !objs[1].Visible() {
		return objs[0].MinSize()
	}
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height+theme.Size(theme.SizeNamePadding)*2)
}
