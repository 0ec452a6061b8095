package ui

import (
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// PadLabels are the texts of a keypad's editing keys, in the language on
// screen.
type PadLabels struct {
	Backspace string // deletes the last character: 删除 / Delete
	Clear     string // empties the field: 清空 / Clear
	Space     string // types a space, on the pads for text: 空格 / Space
}

// Special keys in a keypad's rows.
const (
	keyBackspace = "\b"
	keyClear     = "\x7f"
	keySpace     = " "
	keyNone      = "" // an empty cell: no key there
)

// The letter rows: QWERTY, as on the phones where most citizens type
// pinyin.
var (
	qwertyRows = []string{"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"}
	digitRow   = "1234567890"
)

// Keypad is a grid of big keys for typing without a physical keyboard: the
// letter pad (search by pinyin initials, credit codes) and the number pad
// (ID numbers, phones, dates, numbers). Every key is a widget.Button at
// least one touch target high; the caller decides what a key does.
//
// Every pad puts its keys the same way, so a finger that learnt one is
// not surprised by the next: the character keys, then the editing keys
// in a row of their own at the bottom, with 清空 (Clear) on the left and
// 删除 (Delete) on the right; a number pad's Delete sits right of 0, as
// on a phone, and its Clear below the 3×4 grid. A key that one number
// pad has and another lacks (X on the ID pad) leaves its cell empty on
// the other, never taken by a different key.
type Keypad struct {
	widget.BaseWidget

	// OnKey is called with a character key's text: "A"…"Z", "0"…"9", or
	// the extra key of a number pad ("X", "-", ".").
	OnKey func(key string)
	// OnBackspace and OnClear are called by the two editing keys.
	OnBackspace func()
	OnClear     func()

	rows   [][]string
	labels PadLabels
}

// NewLetterPad returns a QWERTY pad of the letters A–Z with clear and
// backspace; with digits, a row 1–0 on top (credit codes mix both).
func NewLetterPad(labels PadLabels, digits bool) *Keypad {
	var rs [][]string
	if digits {
		rs = append(rs, split(digitRow))
	}
	// The editing keys get a row of their own: their labels are words
	// ("删除", "Delete"), and a row of equal cells is as wide as its
	// widest key times the number of keys.
	rs = append(rs, split(qwertyRows[0]), split(qwertyRows[1]), split(qwertyRows[2]),
		[]string{keyClear, keyBackspace})
	return newKeypad(rs, labels)
}

// NewCreditCodePad returns the pad of GB 32100 credit codes: the digits
// and the letters such a code uses, without I, O, S, V and Z, which it
// never holds (they read as 1, 0, 5, U and 2), so no key can only err.
func NewCreditCodePad(labels PadLabels) *Keypad {
	p := NewLetterPad(labels, true)
	for i, row := range p.rows {
		p.rows[i] = slices.DeleteFunc(row, func(key string) bool { return len(key) == 1 && strings.Contains("IOSVZ", key) })
	}
	return p
}

// NewNumberPad returns a telephone-style 3×4 pad of the digits with
// backspace right of 0 and clear in a row below. extra, if not empty, is
// the key left of 0: "X" for ID numbers (whose check character may be
// X), "-" for dates, "." for amounts; without it that cell is empty.
func NewNumberPad(labels PadLabels, extra string) *Keypad {
	rs := [][]string{{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {extra, "0", keyBackspace}, {keyClear}}
	return newKeypad(rs, labels)
}

func newKeypad(rows [][]string, labels PadLabels) *Keypad {
	p := &Keypad{rows: rows, labels: labels}
	p.ExtendBaseWidget(p)
	return p
}

// Keys lists the texts of the character keys, row by row.
func (p *Keypad) Keys() []string {
	var out []string
	for _, r := range p.rows {
		for _, k := range r {
			if k != keyBackspace && k != keyClear && k != keyNone {
				out = append(out, k)
			}
		}
	}
	return out
}

// CreateRenderer builds the grid of keys.
func (p *Keypad) CreateRenderer() fyne.WidgetRenderer {
	lines := make([]fyne.CanvasObject, len(p.rows))
	for i, r := range p.rows {
		keys := make([]fyne.CanvasObject, len(r))
		for j, k := range r {
			if k == keyNone {
				keys[j] = layout.NewSpacer()
				continue
			}
			keys[j] = Tall(p.key(k))
		}
		lines[i] = container.NewGridWithColumns(len(r), keys...)
	}
	return widget.NewSimpleRenderer(rows(lines...))
}

// key makes the button for one key.
func (p *Keypad) key(k string) *widget.Button {
	switch k {
	case keyBackspace:
		b := widget.NewButton(p.labels.Backspace, func() { call(p.OnBackspace) })
		b.Importance = widget.MediumImportance
		return b
	case keyClear:
		b := widget.NewButton(p.labels.Clear, func() { call(p.OnClear) })
		b.Importance = widget.MediumImportance
		return b
	}
	b := widget.NewButton(k, func() {
		if p.OnKey != nil {
			p.OnKey(k)
		}
	})
	return b
}

func call(f func()) {
	if f != nil {
		f()
	}
}

// split returns the characters of s as one-character strings.
func split(s string) []string {
	out := make([]string, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

// trimLast removes the last character of s.
func trimLast(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[:len(s)-n]
}
