package printer

import (
	"os"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// FallbackFontPaths are CJK fonts a machine may have installed (Debian's
// fonts-noto-cjk, which the package recommends). The bundled face covers
// the characters GBK encodes; a name may hold a rarer one (生僻字, from CJK
// Extension B on), which would otherwise print as a box. Those are drawn
// from the first of these fonts that has them.
var FallbackFontPaths = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
}

// fallbackFonts parses the fallback fonts once, when a character first
// needs them; a font missing or unreadable is skipped. From a collection
// the Simplified Chinese face is taken.
var fallbackFonts = sync.OnceValue(func() []*sfnt.Font {
	var fonts []*sfnt.Font
	for _, path := range FallbackFontPaths {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if f := simplifiedFace(b); f != nil {
			fonts = append(fonts, f)
		}
	}
	return fonts
})

// simplifiedFace returns the font of a file, or from a collection the face
// named SC (else the first).
func simplifiedFace(b []byte) *sfnt.Font {
	c, err := sfnt.ParseCollection(b)
	if err != nil || c.NumFonts() == 0 {
		return nil
	}
	var buf sfnt.Buffer
	first, _ := c.Font(0)
	for i := range c.NumFonts() {
		f, err := c.Font(i)
		if err != nil {
			continue
		}
		if name, _ := f.Name(&buf, sfnt.NameIDFull); strings.HasSuffix(name, " SC") && !strings.Contains(name, "Mono") {
			return f
		}
	}
	return first
}

// fallbackFor returns the first fallback font with a glyph for ch, or nil;
// r.mu must be held.
func (r *Renderer) fallbackFor(ch rune) *sfnt.Font {
	for _, f := range fallbackFonts() {
		if r.has(f, ch) {
			return f
		}
	}
	return nil
}
