package kiosk

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
	"unicode"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"

	"tongban/assets"
)

// fonts are the faces the kiosk draws text with: the bundled CJK face
// first, then Fyne's own (Latin, punctuation), as Fyne falls back.
func fonts(t *testing.T) []*sfnt.Font {
	t.Helper()
	var out []*sfnt.Font
	for _, data := range [][]byte{assets.FontRegular(), theme.DefaultTextFont().Content()} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

// missing returns the runes of s that no font draws.
func missing(fs []*sfnt.Font, s string) []rune {
	var buf sfnt.Buffer
	var out []rune
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			continue
		}
		found := false
		for _, f := range fs {
			if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
				found = true
				break
			}
		}
		if !found {
			out = append(out, r)
		}
	}
	return out
}

// Every character of every text the kiosk shows, and of the sample
// catalog, has a glyph: nothing shows as a box (◀, ☑ and ✓ do not; they
// were replaced by words and icons).
func TestNoBoxes(t *testing.T) {
	fs := fonts(t)
	file, err := parser.ParseFile(token.NewFileSet(), "text.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(file, func(node ast.Node) bool {
		lit, ok := node.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Fatal(err)
		}
		n++
		if m := missing(fs, s); len(m) > 0 {
			t.Errorf("text.go: %q has characters no font draws: %q", s, string(m))
		}
		return true
	})
	if n < 100 {
		t.Fatalf("found %d strings in text.go; the parse went wrong", n)
	}
	r := newRig(t, nil, nil)
	cat := r.deps.Catalog
	check := func(where, s string) {
		if m := missing(fs, s); len(m) > 0 {
			t.Errorf("catalog %s: %q has characters no font draws: %q", where, s, string(m))
		}
	}
	check("center", cat.Center.NameZH+cat.Center.NameEN)
	for _, d := range cat.Departments {
		check(d.Code, d.NameZH+d.NameEN+d.LocationZH+d.LocationEN)
	}
	for _, g := range cat.Categories {
		check(g.Code, g.NameZH+g.NameEN)
	}
	for _, it := range cat.Items {
		check(it.Code, it.NameZH+it.NameEN+it.FeeNoteZH+it.FeeNoteEN)
		for _, m := range it.Materials {
			check(it.Code, m.NameZH+m.NameEN+m.NoteZH+m.NoteEN)
		}
		for _, f := range it.Fields {
			check(it.Code, f.LabelZH+f.LabelEN)
			for _, c := range f.Choices {
				check(it.Code, c)
			}
			for _, c := range f.ChoicesEN {
				check(it.Code, c)
			}
		}
	}
}
