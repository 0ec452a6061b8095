package ui

import (
	"strings"
	"testing"

	"tongban/app/ime"
)

var padLabels = PadLabels{Backspace: "删除", Clear: "清空"}

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
	themed(t, Kiosk)
	p := NewPinyinPad(PinyinLabels{PadLabels: padLabels, Prev: "◀", Next: "▶", Hint: "输入拼音", ToLatin: "ABC", ToHanzi: "中文"}, ime.Names, 8)
	field := ""
	p.OnInsert = func(s string) { field += s }
	p.OnBackspace = func() { field = trimLast(field) }
	p.OnClear = func() { field = "" }
	activity := 0
	p.OnActivity = func() { activity++ }
	show(t, p)
	if !contains(texts(p), "输入拼音") {
		t.Errorf("no hint before typing: %q", texts(p))
	}
	tap(t, p, "Z", "H", "A", "N", "G", "S", "A", "N")
	if !contains(texts(p), "zhang'san") {
		t.Errorf("letters not shown as zhang'san: %q", texts(p))
	}
	tap(t, p, "张")
	if field != "张" || p.Input().Letters() != "san" {
		t.Fatalf("after 张: field %q, letters %q", field, p.Input().Letters())
	}
	tap(t, p, "▶") // 三 is not a surname: find it on a later page if not on this one
	if !contains(texts(p), "三") {
		tap(t, p, "◀")
	}
	tap(t, p, "三")
	if field != "张三" || p.Input().Pending() {
		t.Fatalf("field %q, pending %v; want 张三 and nothing pending", field, p.Input().Pending())
	}
	tap(t, p, "L", "删除") // the first backspace eats the letter
	if field != "张三" {
		t.Errorf("backspace with a pending letter changed the field to %q", field)
	}
	tap(t, p, "删除")
	if field != "张" {
		t.Errorf("backspace with nothing pending: field %q, want 张", field)
	}
	tap(t, p, "ABC", "A", "1", "·", "中文")
	if field != "张A1·" {
		t.Errorf("Latin mode typed %q, want 张A1·", field)
	}
	tap(t, p, "清空")
	if field != "" || activity < 15 {
		t.Errorf("after 清空 field %q; activity %d", field, activity)
	}
}

func TestPinyinInputPages(t *testing.T) {
	in := NewPinyinInput(ime.Common, 8)
	for _, r := range "Yi" {
		in.Type(r)
	}
	if page, pages := in.Page(); page != 1 || pages < 5 {
		t.Fatalf("yi: page %d of %d; yi has dozens of characters", page, pages)
	}
	first := string(in.Shown())
	if !in.Turn(1) || string(in.Shown()) == first || in.Turn(-2) {
		t.Errorf("turning pages: %q then %q", first, string(in.Shown()))
	}
	if in.Type('1') || in.Type('ü') {
		t.Error("Type accepted a non-letter")
	}
	in.Clear()
	if in.Pending() || len(in.Shown()) != 0 || in.Choose(0) != "" {
		t.Error("a cleared input still offers candidates")
	}
}
