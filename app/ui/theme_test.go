package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestThemeUsesBundledFontsForEveryStyle(t *testing.T) {
	for _, m := range []Mode{Kiosk, Elder, Desk} {
		th := NewTheme(m)
		for _, s := range []fyne.TextStyle{{}, {Italic: true}, {Monospace: true}, {TabWidth: 4}} {
			if th.Font(s) != fontRegular {
				t.Errorf("mode %d: Font(%+v) = %s, want the bundled regular face", m, s, th.Font(s).Name())
			}
		}
		for _, s := range []fyne.TextStyle{{Bold: true}, {Bold: true, Italic: true}} {
			if th.Font(s) != fontBold {
				t.Errorf("mode %d: Font(%+v) = %s, want the bundled bold face", m, s, th.Font(s).Name())
			}
		}
		if len(th.Font(fyne.TextStyle{}).Content()) < 1<<20 || len(th.Font(fyne.TextStyle{Bold: true}).Content()) < 1<<20 {
			t.Errorf("mode %d: a bundled face is under 1 MB; the CJK font is missing", m)
		}
	}
}

func TestThemeSizes(t *testing.T) {
	k, e, d := NewTheme(Kiosk), NewTheme(Elder), NewTheme(Desk)
	if s := k.Size(theme.SizeNameText); s < 20 {
		t.Errorf("kiosk body text %v, want at least 20", s)
	}
	if s := k.Size(theme.SizeNameCaptionText); s < 20 {
		t.Errorf("kiosk caption text %v, want at least 20", s)
	}
	if s := k.Size(SizeNameTarget); s < 64 {
		t.Errorf("kiosk touch target %v, want at least 64", s)
	}
	for _, n := range []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNameHeadingText, SizeNameTarget, SizeNameKeyText, SizeNameHuge, theme.SizeNameCaptionText} {
		if !(e.Size(n) > k.Size(n) && k.Size(n) > d.Size(n)) {
			t.Errorf("size %s: elder %v, kiosk %v, desk %v; want elder > kiosk > desk", n, e.Size(n), k.Size(n), d.Size(n))
		}
	}
	if d.Size(theme.SizeNameText) != theme.DefaultTheme().Size(theme.SizeNameText) {
		t.Errorf("desk text %v, want Fyne's %v", d.Size(theme.SizeNameText), theme.DefaultTheme().Size(theme.SizeNameText))
	}
}

func TestKioskIsLightWhateverTheSystem(t *testing.T) {
	k := NewTheme(Kiosk)
	if k.Color(theme.ColorNameBackground, theme.VariantDark) != k.Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Error("the kiosk background follows the system's dark variant")
	}
	if k.Color(theme.ColorNamePrimary, theme.VariantDark) != Blue {
		t.Error("the kiosk primary colour is not Blue")
	}
}

func TestTallButtonsAreTargets(t *testing.T) {
	for _, m := range []Mode{Kiosk, Elder} {
		themed(t, m)
		o := Tall(widget.NewButton("确定 OK", nil))
		show(t, o)
		if h := o.MinSize().Height; h < NewTheme(m).Size(SizeNameTarget) {
			t.Errorf("mode %d: a Tall button is %v high, want at least %v", m, h, NewTheme(m).Size(SizeNameTarget))
		}
	}
}
