// Package assets holds what the binary carries inside it: the CJK fonts with
// their licenses, the icons, the sample catalog and the center calendar.
package assets

import _ "embed"

// The regular face is Droid Sans Fallback (Apache-2.0, see fonts/LICENSE and
// fonts/NOTICE): one TrueType file with some 20,000 hanzi plus kana, hangul
// and CJK punctuation, small enough to embed. It has no Basic Latin letters
// or digits; Fyne draws those with its own Latin font, which it tries after
// the theme's.
//
//go:embed fonts/DroidSansFallbackFull.ttf
var fontRegular []byte

// The bold face is derived from the regular one by build/fontgen, which
// emboldens every outline as FreeType's synthetic bold does. It exists
// because Fyne draws bold text with the theme's bold font, which must then
// have hanzi, and no bold CJK TrueType font is small enough to embed (Noto
// CJK Bold is a 20 MB CFF collection).
//
//go:embed fonts/DroidSansFallbackBold.ttf
var fontBold []byte

// FontRegular returns the TrueType bytes of the regular CJK face.
func FontRegular() []byte { return fontRegular }

// FontBold returns the TrueType bytes of the bold CJK face, the regular face
// emboldened by build/fontgen; see fonts/NOTICE to regenerate it.
func FontBold() []byte { return fontBold }
