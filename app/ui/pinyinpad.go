package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/ime"
)

// PinyinLabels are the texts of the pinyin keyboard, in the language on
// screen.
type PinyinLabels struct {
	PadLabels
	Prev, Next string // page the candidates: ◀ / ▶ or 上一页 / 下一页
	Hint       string // shown while no letter is typed: 输入拼音 / Type pinyin
	PickFirst  string // after the letters when a digit waits for a pick: 请先选字 / pick first
	ToLatin    string // switches letter keys to typing the letters: ABC
	ToHanzi    string // switches back to pinyin: 中文 / Chinese
}

// PinyinPad is an on-screen keyboard for Chinese text by touch alone:
// letters → candidate bar (paged) → tap a candidate to insert it. A digit
// row and a Latin mode type number plates and certificate numbers; the
// middle dot writes minority names (买买提·艾力). The pad does not own the
// text: it hands what to insert to OnInsert.
type PinyinPad struct {
	widget.BaseWidget

	// OnInsert is called with text to insert: a hanzi, a digit, a letter
	// in Latin mode, or a symbol.
	OnInsert func(s string)
	// OnBackspace and OnClear edit the field; backspace first eats the
	// pending letters.
	OnBackspace func()
	OnClear     func()
	// OnActivity is called on every key, for idle timers.
	OnActivity func()

	input  *PinyinInput
	labels PinyinLabels
	latin  bool
	// blocked is set when a digit or mark was refused for the letters
	// pending: the letters line asks for a pick first.
	blocked bool

	letters *widget.Label
	cands   []*widget.Button
	slots   *fyne.Container // the candidates' row, laid out again for each set
	prev    *widget.Button
	next    *widget.Button
	toggle  *widget.Button
}

// NewPinyinPad returns a pinyin keyboard showing perPage candidates at a
// time, ranked for names (ime.Names) or general text (ime.Common).
func NewPinyinPad(labels PinyinLabels, o ime.Order, perPage int) *PinyinPad {
	p := &PinyinPad{input: NewPinyinInput(o, perPage), labels: labels}
	p.ExtendBaseWidget(p)
	p.letters = widget.NewLabel("")
	p.letters.SizeName = SizeNameKeyText
	p.letters.Truncation = fyne.TextTruncateClip
	p.cands = make([]*widget.Button, perPage)
	for i := range p.cands {
		p.cands[i] = widget.NewButton("", func() { p.choose(i) })
	}
	p.prev = widget.NewButton(labels.Prev, func() { p.turn(-1) })
	p.next = widget.NewButton(labels.Next, func() { p.turn(1) })
	p.toggle = widget.NewButton(labels.ToLatin, p.switchMode)
	p.show()
	return p
}

// Input is the pad's state, for tests and for callers that clear it.
func (p *PinyinPad) Input() *PinyinInput { return p.input }

// Reset drops pending letters and returns to pinyin mode.
func (p *PinyinPad) Reset() {
	p.input.Clear()
	p.latin = false
	p.show()
}

// CreateRenderer lays out the letters and candidates above the keys. The
// candidates take equal slots of the keyboard's width (Slots): a word on
// them never makes the keyboard wider.
func (p *PinyinPad) CreateRenderer() fyne.WidgetRenderer {
	cands := make([]fyne.CanvasObject, 0, len(p.cands))
	for _, b := range p.cands {
		cands = append(cands, Tall(b))
	}
	// The line of letters is as high as key-size letters even while it
	// shows the smaller hint, so nothing below moves at the first letter.
	probe := widget.NewLabel("Ag")
	probe.SizeName = SizeNameKeyText
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, probe.MinSize().Height))
	top := container.NewBorder(nil, nil, nil, container.NewHBox(Tall(p.prev), Tall(p.next)), container.NewStack(room, p.letters))
	p.slots = Slots(cands...)
	lines := []fyne.CanvasObject{p.slots}
	for _, r := range []string{digitRow, qwertyRows[0], qwertyRows[1], qwertyRows[2]} {
		keys := split(r)
		row := make([]fyne.CanvasObject, len(keys))
		for j, k := range keys {
			row[j] = Tall(p.key(k))
		}
		lines = append(lines, container.NewGridWithColumns(len(row), row...))
	}
	// The editing keys as on every pad (清空 left, 删除 right), with the
	// space between them, where a thumb finds it: English names and
	// addresses have spaces.
	lines = append(lines,
		container.NewGridWithColumns(3, Tall(p.toggle), Tall(p.key("·")), Tall(p.key("-"))),
		container.NewGridWithColumns(3, Tall(p.key(keyClear)), Tall(p.key(keySpace)), Tall(p.key(keyBackspace))))
	return widget.NewSimpleRenderer(container.NewBorder(Tall(top), nil, nil, nil,
		container.New(layout.NewGridLayoutWithColumns(1), lines...)))
}

func (p *PinyinPad) key(k string) *widget.Button {
	switch k {
	case keyBackspace:
		return widget.NewButton(p.labels.Backspace, p.backspace)
	case keyClear:
		return widget.NewButton(p.labels.Clear, p.clear)
	case keySpace:
		return widget.NewButton(p.labels.Space, p.space)
	}
	return widget.NewButton(k, func() { p.typed(k) })
}

// space takes the first candidate while pinyin is pending, as phone
// keyboards do, and types a space otherwise.
func (p *PinyinPad) space() {
	if p.input.Pending() && len(p.input.Shown()) > 0 {
		p.choose(0)
		return
	}
	call(p.OnActivity)
	p.insert(" ")
}

// typed adds a letter to the pinyin, or types a digit or mark. A digit
// or mark typed while pinyin is pending follows the word the letters make:
// when the first candidate takes them all (中山东路 for zhongshandonglu),
// it goes in first, as space would; when it takes only some (和平 of
// hepingxilu), the digit waits and the letters line asks for a pick,
// since first candidates one after another make words nobody chose
// (而但 for erdan). Typed before the word, 1 went in front of 裕华区.
func (p *PinyinPad) typed(k string) {
	call(p.OnActivity)
	r := []rune(k)[0]
	isLetter := r >= 'A' && r <= 'Z'
	if isLetter && !p.latin {
		if p.input.Type(r) {
			p.show()
		}
		return
	}
	if p.input.Pending() {
		if !p.input.FirstTakesAll() {
			p.blocked = true
			p.show()
			return
		}
		p.choose(0)
	}
	p.insert(k)
}

func (p *PinyinPad) choose(i int) {
	call(p.OnActivity)
	if s := p.input.Choose(i); s != "" {
		p.show()
		p.insert(s)
	}
}

func (p *PinyinPad) turn(d int) {
	call(p.OnActivity)
	if p.input.Turn(d) {
		p.show()
	}
}

func (p *PinyinPad) backspace() {
	call(p.OnActivity)
	if p.input.Backspace() {
		p.show()
		return
	}
	call(p.OnBackspace)
}

// clear drops the pending letters, or, with none pending, empties the
// field: a mistyped syllable does not take the address with it.
func (p *PinyinPad) clear() {
	call(p.OnActivity)
	if p.input.Pending() {
		p.input.Clear()
		p.show()
		return
	}
	call(p.OnClear)
}

func (p *PinyinPad) switchMode() {
	call(p.OnActivity)
	p.latin = !p.latin
	p.input.Clear()
	p.show()
}

func (p *PinyinPad) insert(s string) {
	if p.OnInsert != nil {
		p.OnInsert(s)
	}
}

// show brings the letters, candidates and paging keys up to date.
func (p *PinyinPad) show() {
	defer func() { p.blocked = false }() // asked once, until the next key
	// The letters typed are key-sized; the hint in their place is body
	// text, so that a long one ("Type pinyin, tap a character") fits
	// beside the paging keys in elder mode.
	p.letters.SizeName = SizeNameKeyText
	switch {
	case p.latin:
		p.letters.SetText("")
		p.toggle.SetText(p.labels.ToHanzi)
	case p.input.Pending() && p.blocked:
		p.letters.SetText(p.lettersLine("  " + p.labels.PickFirst))
		p.toggle.SetText(p.labels.ToLatin)
	case p.input.Pending():
		p.letters.SetText(p.lettersLine(""))
		p.toggle.SetText(p.labels.ToLatin)
	default:
		p.letters.SizeName = theme.SizeNameText
		p.letters.SetText(p.labels.Hint)
		p.toggle.SetText(p.labels.ToLatin)
	}
	shown := p.input.Shown()
	for i, b := range p.cands {
		if i < len(shown) {
			b.SetText(shown[i])
			b.Enable()
		} else {
			b.SetText("")
			b.Disable()
		}
	}
	if p.slots != nil { // a long word takes a wider cell (Slots)
		p.slots.Refresh()
	}
	page, pages := p.input.Page()
	setEnabled(p.prev, page > 1)
	setEnabled(p.next, page < pages)
}

// lettersLine is the letters typed, then suffix, as much as the line has
// room for: where all would not fit, the first syllables give way to "…",
// as the newest letters and the hint are what the citizen looks at (the
// line would otherwise clip its end).
func (p *PinyinPad) lettersLine(suffix string) string {
	th := p.letters.Theme()
	room := p.letters.Size().Width - 2*th.Size(theme.SizeNameInnerPadding)
	syls := p.input.Syllables()
	text := strings.Join(syls, "'") + suffix
	fits := func(s string) bool {
		return fyne.MeasureText(s, th.Size(SizeNameKeyText), p.letters.TextStyle).Width <= room
	}
	for room > 0 && len(syls) > 1 && !fits(text) {
		syls = syls[1:]
		text = "…" + strings.Join(syls, "'") + suffix
	}
	return text
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
