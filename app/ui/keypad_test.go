package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/ime"
)

var padLabels = PadLabels{Backspace: "删除", Clear: "清空", Space: "空格"}

func TestLetterPadKeys(t *testing.T) {
	themed(t, Kiosk)
	p := NewLetterPad(padLabels, false)
	var got string
	p.OnKey = func(k string) { got += k }
	p.OnBackspace = func() { got = got[:len(got)-1] }
	p.OnClear = func() { got = "" }
	show(t, p)
	if n := len(p.Keys()); n != 26 {
		t.Errorf("letter pad has %d character keys, want 26", n)
	}
	tap(t, p, "Y", "Y", "Z", "Z", "Q", "删除")
	if got != "YYZZ" {
		t.Errorf("typed %q, want YYZZ", got)
	}
	tap(t, p, "清空")
	if got != "" {
		t.Errorf("after 清空: %q", got)
	}
	if n := len(NewLetterPad(padLabels, true).Keys()); n != 36 {
		t.Errorf("letter pad with digits has %d keys, want 36", n)
	}
}

// The credit-code pad has the 31 characters of GB 32100 and no others.
func TestCreditCodePadKeys(t *testing.T) {
	keys := NewCreditCodePad(padLabels).Keys()
	if got := strings.Join(keys, ""); len(keys) != 31 || strings.ContainsAny(got, "IOSVZ") {
		t.Errorf("credit-code pad keys %q (%d), want the 31 of 0-9 and A-Y without I, O, S, V, Z", got, len(keys))
	}
}

func TestNumberPadExtraKey(t *testing.T) {
	themed(t, Kiosk)
	for _, extra := range []string{"X", "-", ".", ""} {
		p := NewNumberPad(padLabels, extra)
		var got string
		p.OnKey = func(k string) { got += k }
		show(t, p)
		want := "1234567890"
		keys := "1234567890"
		if extra != "" {
			keys += extra
			want += extra
		}
		for _, k := range keys {
			tap(t, p, string(k))
		}
		if got != want {
			t.Errorf("number pad %q typed %q, want %q", extra, got, want)
		}
		if strings.Join(p.Keys(), "") != "123456789"+extra+"0" {
			t.Errorf("number pad %q keys %q", extra, p.Keys())
		}
	}
}

func TestPinyinPadTypesAName(t *testing.T) {
	p, field := pinyinPad(t, ime.Names, 8)
	p.OnBackspace = func() { *field = trimLast(*field) }
	p.OnClear = func() { *field = "" }
	activity := 0
	p.OnActivity = func() { activity++ }
	if !contains(texts(p), "输入拼音") {
		t.Errorf("no hint before typing: %q", texts(p))
	}
	tap(t, p, "Z", "H", "A", "N", "G", "S", "A", "N")
	if !contains(texts(p), "zhang'san") {
		t.Errorf("letters not shown as zhang'san: %q", texts(p))
	}
	tap(t, p, "张")
	if *field != "张" || p.Input().Letters() != "san" {
		t.Fatalf("after 张: field %q, letters %q", *field, p.Input().Letters())
	}
	tap(t, p, "▶") // 三 is not a surname: find it on a later page if not on this one
	if !contains(texts(p), "三") {
		tap(t, p, "◀")
	}
	tap(t, p, "三")
	if *field != "张三" || p.Input().Pending() {
		t.Fatalf("field %q, pending %v; want 张三 and nothing pending", *field, p.Input().Pending())
	}
	tap(t, p, "L", "删除") // the first backspace eats the letter
	if *field != "张三" {
		t.Errorf("backspace with a pending letter changed the field to %q", *field)
	}
	tap(t, p, "删除")
	if *field != "张" {
		t.Errorf("backspace with nothing pending: field %q, want 张", *field)
	}
	tap(t, p, "ABC", "A", "1", "·", "中文")
	if *field != "张A1·" {
		t.Errorf("Latin mode typed %q, want 张A1·", *field)
	}
	tap(t, p, "清空")
	if *field != "" || activity < 15 {
		t.Errorf("after 清空 field %q; activity %d", *field, activity)
	}
}

// pinyinPad shows a pinyin pad in a kiosk-sized window and returns it
// with the field it types into.
func pinyinPad(t *testing.T, o ime.Order, perPage int) (*PinyinPad, *string) {
	themed(t, Kiosk)
	p := NewPinyinPad(PinyinLabels{PadLabels: padLabels, Prev: "◀", Next: "▶", Hint: "输入拼音", PickFirst: "请先选字", ToLatin: "ABC", ToHanzi: "中文"}, o, perPage)
	field := new(string)
	p.OnInsert = func(s string) { *field += s }
	show(t, p)
	return p, field
}

// A company name takes a few taps: the words come first on the bar, and
// each takes its own letters.
func TestPinyinPadTypesACompanyName(t *testing.T) {
	p, field := pinyinPad(t, ime.Common, 7)
	for _, step := range []struct{ letters, pick string }{
		{"SHIJIAZHUANGSHI", "石家庄市"},
		{"SHANGMAO", "商贸"},
		{"YOUXIANGONGSI", "有限公司"},
	} {
		tap(t, p, strings.Split(step.letters, "")...)
		tap(t, p, step.pick)
	}
	if *field != "石家庄市商贸有限公司" || p.Input().Pending() {
		t.Errorf("field %q, pending %v; want 石家庄市商贸有限公司 and nothing pending", *field, p.Input().Pending())
	}
}

// On a keyboard too narrow for a four-character word in an equal cell
// (half a landscape kiosk, elder mode), the word's cell widens to show it
// whole and the others narrow; the keys below stay where they were.
func TestPinyinPadLongWordGetsItsWidth(t *testing.T) {
	themed(t, Elder)
	p := NewPinyinPad(PinyinLabels{PadLabels: padLabels, Prev: "◀", Next: "▶", Hint: "输入拼音", PickFirst: "请先选字", ToLatin: "ABC", ToHanzi: "中文"}, ime.Common, 7)
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(600, 700))
	q := button(t, p, "Q")
	before := q.Position()
	tap(t, p, strings.Split("YOUXIANGONGSI", "")...)
	word := button(t, p, "有限公司")
	text := fyne.MeasureText(word.Text, theme.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}).Width
	if word.Size().Width < text+theme.Size(theme.SizeNamePadding) {
		t.Errorf("有限公司 has a cell %v wide; its text is %v", word.Size().Width, text)
	}
	if one := button(t, p, "有"); one.Size().Width >= word.Size().Width {
		t.Errorf("有 has a cell as wide as 有限公司 (%v, %v)", one.Size().Width, word.Size().Width)
	}
	if q.Position() != before {
		t.Errorf("the Q key moved from %v to %v", before, q.Position())
	}
}

// The keyboard keeps its width whatever the candidates show; 清空 with
// letters pending drops only the letters; a digit typed while letters
// are pending follows the word they make, not goes before it.
func TestPinyinPadEditsAroundPendingLetters(t *testing.T) {
	p, field := pinyinPad(t, ime.Common, 7)
	p.OnClear = func() { *field = "" }
	size := p.MinSize()
	tap(t, p, strings.Split("YOUXIANGONGSI", "")...)
	if !slices.Contains(p.Input().Shown(), "有限公司") || p.MinSize() != size {
		t.Fatalf("with letters and 有限公司 on the bar the keyboard is %v, was %v (candidates %q): the keys moved", p.MinSize(), size, p.Input().Shown())
	}
	tap(t, p, "有限公司", "H", "U", "A", "清空")
	if *field != "有限公司" || p.Input().Pending() {
		t.Fatalf("清空 with letters pending: field %q, pending %v; want the letters gone and the field kept", *field, p.Input().Pending())
	}
	tap(t, p, "清空")
	if *field != "" {
		t.Fatalf("清空 with nothing pending left %q", *field)
	}
	tap(t, p, strings.Split("YUHUAQU", "")...)
	tap(t, p, "1")
	if *field != "裕华区1" {
		t.Fatalf("a digit typed with yuhuaqu pending: field %q, want 裕华区1", *field)
	}
	*field = ""
	tap(t, p, strings.Split("HEPINGXILU", "")...) // the first candidate, 和平, takes heping only
	tap(t, p, "8")
	if *field != "" || p.Input().Letters() != "he'ping'xi'lu" || !contains(texts(p), "he'ping'xi'lu  请先选字") {
		t.Fatalf("a digit typed with hepingxilu pending: field %q, letters %q, screen %q; want the 8 held and a pick asked for", *field, p.Input().Letters(), texts(p))
	}
}

// A citizen who goes from the ID number to the phone presses where the
// keys were: every number pad has 1–9, 0 and 删除 in the same cells and
// 清空 below the grid, and the cell of the ID pad's X is empty on the
// phone pad, not a key that empties the field.
func TestNumberPadsKeepKeysInTheSamePlaces(t *testing.T) {
	themed(t, Kiosk)
	id, phone, date := NewNumberPad(padLabels, "X"), NewNumberPad(padLabels, ""), NewNumberPad(padLabels, "-")
	for _, p := range []*Keypad{id, phone, date} {
		w := show(t, p)
		w.Resize(fyne.NewSize(600, 600))
	}
	for _, key := range []string{"1", "5", "9", "0", "删除", "清空"} {
		want := where(t, id, key)
		for name, p := range map[string]*Keypad{"phone": phone, "date": date} {
			if got := where(t, p, key); got != want {
				t.Errorf("%s on the %s pad is at %v, on the ID pad at %v", key, name, got, want)
			}
		}
	}
	x := where(t, id, "X")
	if clear, zero := where(t, id, "清空"), where(t, id, "0"); clear.Min.Y < zero.Max.Y {
		t.Errorf("清空 %v is not below the grid (0 at %v)", clear, zero)
	}
	visible(phone, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && where(t, phone, b.Text).Overlaps(x) {
			t.Errorf("the phone pad has %q where the ID pad has X", b.Text)
		}
	})
	if got := where(t, date, "-"); got != x {
		t.Errorf("the date pad's - is at %v, the ID pad's X at %v", got, x)
	}
}

// The letter pads end like the number pads: 清空 left, 删除 right, in a
// row below the letters.
func TestLetterPadEditingRow(t *testing.T) {
	themed(t, Kiosk)
	p := NewLetterPad(padLabels, false)
	show(t, p)
	clear, del, m := where(t, p, "清空"), where(t, p, "删除"), where(t, p, "M")
	if clear.Min.X >= del.Min.X || clear.Min.Y != del.Min.Y || clear.Min.Y < m.Max.Y {
		t.Errorf("清空 at %v, 删除 at %v, M at %v; want 清空 left of 删除 below the letters", clear, del, m)
	}
	if contains(texts(p), "空格") {
		t.Error("the letter pad of initials has a space key")
	}
}

// An English name has a space: the text keyboard types one in Latin
// mode; with pinyin pending, space takes the first candidate.
func TestPinyinPadSpace(t *testing.T) {
	p, field := pinyinPad(t, ime.Names, 8)
	tap(t, p, "W", "A", "N", "G")
	first := p.Input().Shown()[0]
	tap(t, p, "空格")
	if *field != first || p.Input().Pending() {
		t.Fatalf("space with wang pending typed %q, want the first candidate %q", *field, first)
	}
	*field = ""
	tap(t, p, "ABC", "J", "O", "H", "N", "空格", "S", "M", "I", "T", "H")
	if *field != "JOHN SMITH" {
		t.Errorf("Latin mode typed %q, want JOHN SMITH", *field)
	}
}

// rect is where an object is on its canvas.
type rect struct{ Min, Max fyne.Position }

func (r rect) Overlaps(o rect) bool {
	return r.Min.X < o.Max.X && o.Min.X < r.Max.X && r.Min.Y < o.Max.Y && o.Min.Y < r.Max.Y
}

// where returns where the visible button with the text is, or fails.
func where(t *testing.T, root fyne.CanvasObject, text string) rect {
	t.Helper()
	b := button(t, root, text)
	pos, ok := offset(root, b)
	if !ok {
		t.Fatalf("button %q is not under the pad", text)
	}
	return rect{pos, pos.Add(b.Size())}
}

// offset returns where o is relative to root, through containers and
// widgets' renderers.
func offset(root, o fyne.CanvasObject) (fyne.Position, bool) {
	if root == o {
		return fyne.Position{}, true
	}
	var kids []fyne.CanvasObject
	switch x := root.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if p, ok := offset(k, o); ok {
			return p.Add(k.Position()), true
		}
	}
	return fyne.Position{}, false
}

func TestPinyinInputPages(t *testing.T) {
	in := NewPinyinInput(ime.Common, 8)
	for _, r := range "Yi" {
		in.Type(r)
	}
	if page, pages := in.Page(); page != 1 || pages < 5 {
		t.Fatalf("yi: page %d of %d; yi has dozens of characters", page, pages)
	}
	first := in.Shown()
	if !in.Turn(1) || slices.Equal(in.Shown(), first) || in.Turn(-2) {
		t.Errorf("turning pages: %q then %q", first, in.Shown())
	}
	if in.Type('1') || in.Type('ü') {
		t.Error("Type accepted a non-letter")
	}
	in.Clear()
	if in.Pending() || len(in.Shown()) != 0 || in.Choose(0) != "" {
		t.Error("a cleared input still offers candidates")
	}
}

// lina reads li'na or lin'a: both 李 and 林 are on the first page, and
// each takes its own letters, so 李 leaves na (娜) and 林 leaves a.
func TestPinyinInputChoosesEitherReading(t *testing.T) {
	for _, tt := range []struct {
		pick rune
		left string
		next rune
	}{{'李', "na", '娜'}, {'林', "a", '阿'}} {
		in := NewPinyinInput(ime.Names, 10)
		for _, r := range "lina" {
			in.Type(r)
		}
		i := slices.Index(in.Shown(), string(tt.pick))
		if i < 0 {
			t.Fatalf("lina: the first page %q lacks %c", in.Shown(), tt.pick)
		}
		if got := in.Choose(i); got != string(tt.pick) || in.Letters() != tt.left {
			t.Errorf("choosing %c gave %q and left %q; want %q left", tt.pick, got, in.Letters(), tt.left)
		}
		if !slices.Contains(in.Shown(), string(tt.next)) {
			t.Errorf("after %c the candidates of %s %q lack %c", tt.pick, tt.left, in.Shown(), tt.next)
		}
	}
}

// The letters line splits the letters as the first candidate reads them
// when it is a word, so it agrees with what a tap takes; the letters past
// the word are split as Segment splits them.
func TestPinyinInputLettersFollowTheFirstWord(t *testing.T) {
	for _, tt := range []struct{ typed, first, line string }{
		{"changanqu", "长安区", "chang'an'qu"},
		{"shijiaz", "石家庄", "shi'jia'z"},
		{"changanquzhong", "长安区", "chang'an'qu'zhong"},
		{"gongjijinti", "公积金", "gong'ji'jin'ti"},
	} {
		in := NewPinyinInput(ime.Common, 7)
		for _, r := range tt.typed {
			in.Type(r)
		}
		if shown := in.Shown(); shown[0] != tt.first || in.Letters() != tt.line {
			t.Errorf("%s: first %q, letters line %q; want %s first and %q", tt.typed, shown[0], in.Letters(), tt.first, tt.line)
		}
	}
}

// Letters too many for the line give up their first syllables to "…":
// the newest letters, and the hint asking for a pick, stay in sight.
func TestPinyinPadLettersLineKeepsTheNewest(t *testing.T) {
	themed(t, Elder)
	p := NewPinyinPad(PinyinLabels{PadLabels: padLabels, Prev: "◀", Next: "▶", Hint: "输入拼音", PickFirst: "请先选字", ToLatin: "ABC", ToHanzi: "中文"}, ime.Common, 7)
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(600, 700))
	tap(t, p, strings.Split("ZHONGHUARENMINGONGHEGUO", "")...)
	line := p.letters.Text
	width := fyne.MeasureText(line, theme.Size(SizeNameKeyText), p.letters.TextStyle).Width
	if !strings.HasPrefix(line, "…") || !strings.HasSuffix(line, "guo") || width > p.letters.Size().Width {
		t.Errorf("letters line %q (%v wide in %v); want its start given up to …, ending in guo", line, width, p.letters.Size().Width)
	}
	tap(t, p, "8") // blocked: a pick is asked for, and the ask is in sight
	if line := p.letters.Text; !strings.HasSuffix(line, "请先选字") || !strings.HasSuffix(strings.TrimSuffix(line, "  请先选字"), "guo") {
		t.Errorf("letters line %q; want it to end in guo and the ask for a pick", line)
	}
	tap(t, p, "清空")
	tap(t, p, "L", "I")
	if line := p.letters.Text; line != "li" {
		t.Errorf("letters line %q; want li whole", line)
	}
}
