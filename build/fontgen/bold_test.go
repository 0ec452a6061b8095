package main

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"sync"
	"testing"

	gotext "github.com/go-text/typesetting/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// boldPath is the committed output of this tool.
const boldPath = "../../assets/fonts/DroidSansFallbackBold.ttf"

// testStrength is what the defaults come to for a 256-unit em.
var testStrength = strength{
	int(math.Round(defaultStrength * 256)),
	int(math.Round(defaultYStrength * 256)),
}

var (
	boldOnce sync.Once
	boldData []byte
	boldErr  error
)

// boldBytes emboldens the regular face once for all tests.
func boldBytes(t *testing.T) []byte {
	t.Helper()
	in := regularBytes(t)
	boldOnce.Do(func() { boldData, boldErr = emboldenFont(in, testStrength) })
	if boldErr != nil {
		t.Fatalf("emboldening %s: %v", regularPath, boldErr)
	}
	return boldData
}

// sampleRunes are the characters the bold face must draw wider than the
// regular one: hanzi from the kiosk's own name and a fullwidth Latin letter.
var sampleRunes = []rune{'通', '办', 'Ａ', '警'}

func TestBoldParsesWithXImageSFNT(t *testing.T) {
	reg, err := sfnt.Parse(regularBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	bold, err := sfnt.Parse(boldBytes(t))
	if err != nil {
		t.Fatalf("x/image/font/sfnt rejects the bold face: %v", err)
	}
	var buf sfnt.Buffer
	ppem := fixed.I(256) // one pixel per font unit
	for _, r := range sampleRunes {
		rg, err := reg.GlyphIndex(&buf, r)
		if err != nil {
			t.Fatal(err)
		}
		bg, err := bold.GlyphIndex(&buf, r)
		if err != nil || bg == 0 {
			t.Errorf("bold maps %q to glyph %d (err %v), want a real glyph", r, bg, err)
			continue
		}
		ra, _ := reg.GlyphAdvance(&buf, rg, ppem, 0)
		ba, err := bold.GlyphAdvance(&buf, bg, ppem, 0)
		if err != nil || ba != ra+fixed.I(testStrength.x) {
			t.Errorf("%q: bold advance %v (err %v), want regular %v + %d", r, ba, err, ra, testStrength.x)
		}
		segs, err := bold.LoadGlyph(&buf, bg, ppem, nil)
		if err != nil || len(segs) == 0 {
			t.Errorf("%q: loading the bold outline: %d segments, err %v", r, len(segs), err)
		}
		rb, _, _ := reg.GlyphBounds(&buf, rg, ppem, 0)
		bb, _, _ := bold.GlyphBounds(&buf, bg, ppem, 0)
		if bb.Max.X-bb.Min.X <= rb.Max.X-rb.Min.X {
			t.Errorf("%q: bold ink %v is not wider than regular %v", r, bb, rb)
		}
	}
	for id, want := range map[sfnt.NameID]string{
		sfnt.NameIDFamily:     "Droid Sans Fallback",
		sfnt.NameIDSubfamily:  "Bold",
		sfnt.NameIDFull:       "Droid Sans Fallback Bold",
		sfnt.NameIDPostScript: "DroidSansFallback-Bold",
	} {
		if got, err := bold.Name(&buf, id); err != nil || got != want {
			t.Errorf("name %d = %q (err %v), want %q", id, got, err, want)
		}
	}
}

func TestBoldParsesWithGoText(t *testing.T) {
	// go-text/typesetting is what Fyne shapes and draws text with.
	reg, err := gotext.ParseTTF(bytes.NewReader(regularBytes(t)))
	if err != nil {
		t.Fatal(err)
	}
	bold, err := gotext.ParseTTF(bytes.NewReader(boldBytes(t)))
	if err != nil {
		t.Fatalf("go-text ParseTTF rejects the bold face: %v", err)
	}
	for _, r := range sampleRunes {
		rg, _ := reg.NominalGlyph(r)
		bg, ok := bold.NominalGlyph(r)
		if !ok || bg == 0 {
			t.Errorf("bold maps %q to glyph %d, want a real glyph", r, bg)
			continue
		}
		if ra, ba := reg.HorizontalAdvance(rg), bold.HorizontalAdvance(bg); ba != ra+float32(testStrength.x) {
			t.Errorf("%q: bold advance %v, want regular %v + %d", r, ba, ra, testStrength.x)
		}
		out, ok := bold.GlyphData(bg).(gotext.GlyphOutline)
		if !ok || len(out.Segments) == 0 {
			t.Errorf("%q: bold glyph has no outline", r)
		}
		re, _ := reg.GlyphExtents(rg)
		be, _ := bold.GlyphExtents(bg)
		// Straight edges keep the left bearing and widen by the strength;
		// pointed stroke ends get a miter and may reach a little further.
		s := float32(testStrength.x)
		if be.XBearing > re.XBearing+1 || be.XBearing < re.XBearing-s || be.Width < re.Width+s-1 || be.Width > re.Width+2*s {
			t.Errorf("%q: bold extents %+v, want regular %+v with about the same bearing and width + %v", r, be, re, s)
		}
	}
	d := bold.Describe()
	if d.Family != "Droid Sans Fallback" || d.Aspect.Weight != gotext.WeightBold {
		t.Errorf("go-text describes the bold face as %q weight %v, want %q weight %v",
			d.Family, d.Aspect.Weight, "Droid Sans Fallback", gotext.WeightBold)
	}
}

func TestBoldKeepsTheCharacterMap(t *testing.T) {
	// Droid Sans Fallback has no Basic Latin letters or digits: 'A' and '0'
	// map to glyph 0 in both faces, and Fyne draws them with its own bold
	// Latin font, which it always tries after the theme's.
	reg, _ := gotext.ParseTTF(bytes.NewReader(regularBytes(t)))
	bold, err := gotext.ParseTTF(bytes.NewReader(boldBytes(t)))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []rune{'A', '0', ' ', '通', '办', '。', 'Ａ', '０'} {
		rg, rok := reg.NominalGlyph(r)
		bg, bok := bold.NominalGlyph(r)
		if rg != bg || rok != bok {
			t.Errorf("%q maps to %d (%v) in bold but %d (%v) in regular", r, bg, bok, rg, rok)
		}
	}
}

func TestBoldHeaders(t *testing.T) {
	out := boldBytes(t)
	if sum := checksum(out); sum != checksumMagic {
		t.Errorf("whole-file checksum %#x, want %#x", sum, uint32(checksumMagic))
	}
	f, err := parseSFNT(out)
	if err != nil {
		t.Fatal(err)
	}
	n := int(binary.BigEndian.Uint16(out[4:]))
	for i := 0; i < n; i++ {
		rec := out[12+16*i:]
		tag, want := string(rec[:4]), binary.BigEndian.Uint32(rec[4:])
		data := append([]byte(nil), f.tables[tag]...)
		if tag == "head" {
			binary.BigEndian.PutUint32(data[8:], 0)
		}
		if got := checksum(data); got != want {
			t.Errorf("table %q checksum %#x, directory says %#x", tag, got, want)
		}
	}
	reg := regularFont(t)
	head := f.tables["head"]
	if style := binary.BigEndian.Uint16(head[44:]); style&macStyleBold == 0 {
		t.Errorf("head.macStyle = %#x, want the bold bit", style)
	}
	os2 := f.tables["OS/2"]
	if w := binary.BigEndian.Uint16(os2[4:]); w != weightBold {
		t.Errorf("OS/2 usWeightClass = %d, want %d", w, weightBold)
	}
	if sel := binary.BigEndian.Uint16(os2[62:]); sel&fsSelectionBold == 0 || sel&fsSelectionReg != 0 {
		t.Errorf("OS/2 fsSelection = %#x, want BOLD set and REGULAR clear", sel)
	}
	if !bytes.Equal(f.tables["maxp"], reg.tables["maxp"]) {
		t.Error("maxp changed; emboldening adds no points or contours")
	}
	regMax := binary.BigEndian.Uint16(reg.tables["hhea"][10:])
	if got := binary.BigEndian.Uint16(f.tables["hhea"][10:]); int(got) != int(regMax)+testStrength.x {
		t.Errorf("hhea.advanceWidthMax = %d, want %d + %d", got, regMax, testStrength.x)
	}
}

func TestBoldMetricsFollowTheInk(t *testing.T) {
	// For every glyph: a non-zero advance grows by the strength, and the
	// left side bearing moves with xMin, so renderers that place the ink by
	// lsb (FreeType, go-text) keep the left edge where it was.
	reg, bold := regularFont(t), func() *sfntFont {
		f, err := parseSFNT(boldBytes(t))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}()
	numGlyphs := int(binary.BigEndian.Uint16(reg.tables["maxp"][4:]))
	nLong := int(binary.BigEndian.Uint16(reg.tables["hhea"][34:]))
	rm, err := readMetrics(reg.tables["hmtx"], nLong, numGlyphs)
	if err != nil {
		t.Fatal(err)
	}
	bm, err := readMetrics(bold.tables["hmtx"], nLong, numGlyphs)
	if err != nil {
		t.Fatal(err)
	}
	roffs, _ := readLoca(reg.tables["loca"], numGlyphs, true, len(reg.tables["glyf"]))
	boffs, err := readLoca(bold.tables["loca"], numGlyphs, true, len(bold.tables["glyf"]))
	if err != nil {
		t.Fatal(err)
	}
	rbox, rok := headerBoxes(reg.tables["glyf"], roffs)
	bbox, bok := headerBoxes(bold.tables["glyf"], boffs)
	bad := 0
	for gid := 0; gid < numGlyphs; gid++ {
		wantAdv := rm.adv[gid]
		if wantAdv != 0 {
			wantAdv += testStrength.x
		}
		ok := bm.adv[gid] == wantAdv && rok[gid] == bok[gid]
		if rok[gid] && bok[gid] {
			ok = ok && bm.side[gid]-bbox[gid].xMin == rm.side[gid]-rbox[gid].xMin &&
				bbox[gid].yMin <= rbox[gid].yMin+1 && bbox[gid].xMax > rbox[gid].xMax
		}
		if !ok {
			if bad++; bad <= 5 {
				t.Errorf("glyph %d: regular adv %d lsb %d box %+v; bold adv %d lsb %d box %+v",
					gid, rm.adv[gid], rm.side[gid], rbox[gid], bm.adv[gid], bm.side[gid], bbox[gid])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d glyphs have inconsistent bold metrics", bad)
	}
}

func TestCommittedBoldFaceIsUpToDate(t *testing.T) {
	committed, err := os.ReadFile(boldPath)
	if err != nil {
		t.Fatalf("reading the committed bold face: %v", err)
	}
	if !bytes.Equal(committed, boldBytes(t)) {
		t.Errorf("%s is not what fontgen makes with its defaults; regenerate it:\n"+
			"  go run ./build/fontgen -in assets/fonts/DroidSansFallbackFull.ttf -out assets/fonts/DroidSansFallbackBold.ttf", boldPath)
	}
}
