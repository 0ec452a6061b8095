// Package ui holds what the kiosk and counter windows share: the theme with
// the bundled CJK fonts and touch sizes, and touch widgets (keypads, the
// pinyin keyboard, a pager, the idle timer, the QR image). It knows nothing
// of cases or catalogs; callers pass every label in, in the language they
// show.
package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"tongban/assets"
)

// Mode picks the sizes of a theme.
type Mode int

// The modes.
const (
	// Kiosk: a lobby touch screen; body text 24, targets at least 64 high.
	Kiosk Mode = iota
	// Elder: the kiosk's elder mode (长者模式), a third larger again.
	Elder
	// Desk: a counter PC with mouse and keyboard; Fyne's normal sizes.
	Desk
)

// Sizes the theme adds to Fyne's. Widgets of this package and the screens
// read them with theme.Size(name) so that elder mode scales everything.
const (
	// SizeNameTarget is the least height (and width) of a touch target.
	SizeNameTarget fyne.ThemeSizeName = "tongbanTarget"
	// SizeNameKeyText is the text size on keypad keys and candidates.
	SizeNameKeyText fyne.ThemeSizeName = "tongbanKeyText"
	// SizeNameHuge is the text size of the one thing a screen is for: the
	// case number on the receipt, the start prompt.
	SizeNameHuge fyne.ThemeSizeName = "tongbanHuge"
)

// sizes per mode; names missing here come from Fyne's default theme.
var sizes = map[Mode]map[fyne.ThemeSizeName]float32{
	Kiosk: {
		theme.SizeNameText:            24,
		theme.SizeNameCaptionText:     20,
		theme.SizeNameSubHeadingText:  30,
		theme.SizeNameHeadingText:     40,
		theme.SizeNameInnerPadding:    16,
		theme.SizeNamePadding:         6,
		theme.SizeNameLineSpacing:     6,
		theme.SizeNameInlineIcon:      32,
		theme.SizeNameInputBorder:     2,
		theme.SizeNameInputRadius:     8,
		theme.SizeNameSelectionRadius: 6,
		SizeNameTarget:                64,
		SizeNameKeyText:               30,
		SizeNameHuge:                  72,
	},
	Elder: {
		theme.SizeNameText:            32,
		theme.SizeNameCaptionText:     26,
		theme.SizeNameSubHeadingText:  36,
		theme.SizeNameHeadingText:     48,
		theme.SizeNameInnerPadding:    16, // keys ten to a row still fit 1280 wide
		theme.SizeNamePadding:         8,
		theme.SizeNameLineSpacing:     8,
		theme.SizeNameInlineIcon:      40,
		theme.SizeNameInputBorder:     3,
		theme.SizeNameInputRadius:     10,
		theme.SizeNameSelectionRadius: 8,
		SizeNameTarget:                84,
		SizeNameKeyText:               40,
		SizeNameHuge:                  84,
	},
	Desk: {
		SizeNameTarget:  36,
		SizeNameKeyText: 18,
		SizeNameHuge:    40,
	},
}

// Theme is Fyne's default theme with the bundled CJK fonts for every text
// style, so Chinese never shows as boxes, bold included (the bold face is
// the regular one emboldened, see assets). Kiosk and elder themes are
// always light with a government blue, whatever the system prefers: a
// lobby screen must look the same every day.
type Theme struct {
	mode    Mode
	base    fyne.Theme
	regular fyne.Resource
	bold    fyne.Resource
}

var _ fyne.Theme = (*Theme)(nil)

// Fonts are loaded once: every theme shares the same resources, so Fyne's
// font cache (keyed by resource) holds one face per style.
var (
	fontRegular = fyne.NewStaticResource("DroidSansFallbackFull.ttf", assets.FontRegular())
	fontBold    = fyne.NewStaticResource("DroidSansFallbackBold.ttf", assets.FontBold())
)

// NewTheme returns the theme for a mode.
func NewTheme(m Mode) *Theme {
	return &Theme{mode: m, base: theme.DefaultTheme(), regular: fontRegular, bold: fontBold}
}

// Mode is the theme's mode.
func (t *Theme) Mode() Mode { return t.mode }

// Blue is the primary colour of the kiosk themes, a government blue that
// keeps white text above 4.5:1 contrast.
var Blue = color.NRGBA{R: 0x0B, G: 0x57, B: 0xD0, A: 0xFF}

// Color returns Fyne's light colours: for the kiosk modes with the primary
// (buttons of high importance, focus) in Blue, for the desk as they are.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.mode == Desk {
		// Light whatever the desktop says: a counter looks the same every
		// day, and clerks compare the screen with printed paper.
		return t.base.Color(n, theme.VariantLight)
	}
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return Blue
	case theme.ColorNameFocus:
		return color.NRGBA{R: 0x0B, G: 0x57, B: 0xD0, A: 0x60}
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0x0B, G: 0x57, B: 0xD0, A: 0x30}
	case theme.ColorNameBackground:
		return color.NRGBA{R: 0xF4, G: 0xF6, B: 0xFA, A: 0xFF}
	case theme.ColorNameInputBackground:
		return color.White
	case theme.ColorNameButton:
		return color.NRGBA{R: 0xE3, G: 0xE8, B: 0xF0, A: 0xFF}
	case theme.ColorNameForeground:
		return color.NRGBA{R: 0x1A, G: 0x1A, B: 0x1A, A: 0xFF}
	case theme.ColorNameError:
		return color.NRGBA{R: 0xB3, G: 0x26, B: 0x1E, A: 0xFF} // dark enough to read as text
	case theme.ColorNameWarning:
		return color.NRGBA{R: 0x9A, G: 0x5B, B: 0x00, A: 0xFF}
	case theme.ColorNameSuccess:
		return color.NRGBA{R: 0x1E, G: 0x7B, B: 0x34, A: 0xFF} // readable as text on the light background
	}
	return t.base.Color(n, theme.VariantLight)
}

// Font returns the bundled CJK face for every style (bold and bold italic
// the bold face); Fyne's own faces follow it as fallback for what it lacks
// (Latin letters and digits). Symbols keep Fyne's symbol font.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Symbol:
		return t.base.Font(s)
	case s.Bold:
		return t.bold
	}
	return t.regular
}

// Icon returns Fyne's icon.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns the mode's size, or Fyne's.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	if s, ok := sizes[t.mode][n]; ok {
		return s
	}
	return t.base.Size(n)
}
