package kiosk

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// The audit's steps: English, start, search by initials, L. The first
// result wraps onto two lines; the results take fewer a page, and the
// top bar (Home, 中文, Large text) stays on the screen, then and after
// the idle reset.
func TestTopBarStaysWhenResultsWrap(t *testing.T) {
	for _, size := range screenSizes {
		r := newRig(t, nil, nil)
		r.w.Resize(size)
		r.tap(tToOtherLang.ZH)
		r.tapTile(tStart.EN)
		r.tap(tSearchButton.EN)
		r.tapKeys("L")
		r.mustShow("Living and nursing subsidies for persons with disabilities")
		first := uitest.Find(r.root(), func(x *ui.Tile) bool { return strings.HasPrefix(x.Title, "Living") })
		if h, one := first.Size().Height, first.MinSize().Height; h < one {
			t.Errorf("%v: the first result is %v high, needs %v", size, h, one)
		}
		r.mustFit("search L in English", size)
		for _, label := range []string{tHome.EN, tToOtherLang.EN, tElderOn.EN} {
			r.mustBeInside(label, size)
		}
		// What the window would grow to: never more than the window.
		if m := r.root().MinSize(); m.Width > size.Width || m.Height > size.Height {
			t.Errorf("%v: the window's content asks for %v", size, m)
		}
		r.clock.Advance(DefaultIdleTimeout + countdownWindow)
		r.k.Tick()
		r.mustBeOn("attract")
		r.mustFit("the start screen after the reset", size)
		r.mustBeInside(tToOtherLang.ZH, size)
	}
}

// Whatever a screen asks for, the window's content never asks the window
// for more than ui.SmallestScreen: a screen too tall is squeezed, with
// the top bar still in its place.
func TestWindowNeverAskedToGrow(t *testing.T) {
	r := newRig(t, nil, nil)
	tall := widget.NewLabel(strings.Repeat("line\n", 200))
	r.k.show(&fixed{content: tall})
	if m := r.k.body.MinSize(); m.Height < 2000 {
		t.Fatalf("the test screen asks for only %v", m)
	}
	if m := r.root().MinSize(); m.Width > ui.SmallestScreen.Width || m.Height > ui.SmallestScreen.Height {
		t.Errorf("the window's content asks for %v, more than %v", m, ui.SmallestScreen)
	}
	r.mustBeInside(tHome.ZH, fyne.NewSize(1920, 1080))
}

// fixed is a screen of given content in the usual frame.
type fixed struct{ content fyne.CanvasObject }

func (s *fixed) build(k *Kiosk) fyne.CanvasObject { return k.frame("测试", s.content) }

// Titles are never cut with "…": in English and in elder mode the title
// takes a second line, and the status line sits under the actions, not
// beside the title.
func TestTitlesAreWholeInEveryMode(t *testing.T) {
	r := newRig(t, nil, nil)
	r.k.deps.Status = func() cases.Text {
		return cases.Text{ZH: "本机离线办理（未接入平台）", EN: "Working on this device only (no platform)"}
	}
	it, _ := r.k.deps.Catalog.Item("130102-SCJG-003") // 营业执照变更登记
	for _, size := range screenSizes {
		r.w.Resize(size)
		for _, elder := range []bool{false, true} {
			if r.k.elder != elder {
				r.k.switchElder()
			}
			for _, lang := range []cases.Lang{cases.ZH, cases.EN} {
				r.k.lang = lang
				want := r.k.tf(tFormTitle, r.k.t(bilingual(it.NameZH, it.NameEN)))
				r.k.show(&form{app: newApplication(it)})
				title := uitest.Find(r.root(), func(x *ui.Text) bool { return x.Text == want })
				if title == nil {
					t.Fatalf("%v elder %v lang %d: no title %q; the screen shows %q", size, elder, lang, want, texts(r.root()))
				}
				lines := test.WidgetRenderer(title).Objects()
				var shown []string
				for _, l := range lines {
					shown = append(shown, l.(*canvas.Text).Text)
				}
				if strings.Join(shown, "") != strings.ReplaceAll(want, " ", "") && strings.Join(shown, " ") != want {
					t.Errorf("%v elder %v lang %d: the title shows %q, want all of %q", size, elder, lang, shown, want)
				}
				if title.Size().Height < title.MinSize().Height {
					t.Errorf("%v elder %v lang %d: the title is %v high, its %d lines need %v", size, elder, lang,
						title.Size().Height, len(lines), title.MinSize().Height)
				}
				status, cancel := r.position(r.k.status), r.position(r.button(tCancel.In(lang)))
				if status.Y <= cancel.Y {
					t.Errorf("%v elder %v lang %d: the status line (y %v) is not under the actions (y %v)", size, elder, lang, status.Y, cancel.Y)
				}
			}
		}
	}
}

// The start screen right after launch is the one after a reset: no band
// above the start target. At launch the window is small when the content
// is set and grows to the screen after.
func TestFirstScreenIsTheScreenAfterReset(t *testing.T) {
	r := newRig(t, nil, nil) // for its store and catalog
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(320, 240))
	k := New(r.deps)
	k.Show(w)
	t.Cleanup(k.Close)
	w.Resize(fyne.NewSize(1280, 1024))
	start := func() (fyne.Position, fyne.Size) {
		tile := uitest.Find(w.Canvas().Content(), func(x *ui.Tile) bool { return x.Primary })
		return absolute(w.Canvas().Content(), tile), tile.Size()
	}
	atLaunch, sizeAtLaunch := start()
	k.Reset()
	afterReset, sizeAfterReset := start()
	if atLaunch != afterReset || sizeAtLaunch != sizeAfterReset {
		t.Errorf("the start target is at %v size %v at launch, at %v size %v after a reset",
			atLaunch, sizeAtLaunch, afterReset, sizeAfterReset)
	}
}

// mustBeInside fails unless the visible button with the text lies wholly
// inside a window of size.
func (r *rig) mustBeInside(label string, size fyne.Size) {
	r.t.Helper()
	b := r.button(label)
	p := r.position(b)
	if p.X < 0 || p.Y < 0 || p.X+b.Size().Width > size.Width || p.Y+b.Size().Height > size.Height {
		r.t.Errorf("%q is at %v size %v, not inside the %v window", label, p, b.Size(), size)
	}
}

// position is where o is in the window.
func (r *rig) position(o fyne.CanvasObject) fyne.Position {
	r.t.Helper()
	return absolute(r.root(), o)
}

// absolute returns where o is under root, through containers and
// widgets' renderers.
func absolute(root, o fyne.CanvasObject) fyne.Position {
	p, _ := uitest.Position(root, o)
	return p.Add(root.Position())
}

// On the receipt the queue ticket's label is centred under the QR code,
// as its number is.
func TestReceiptTicketLabelCentred(t *testing.T) {
	r := newRig(t, nil, nil)
	it, _ := r.k.deps.Catalog.Item("130102-SCJG-003")
	c := &cases.Case{Number: "260303-X7K-0001", ItemCode: it.Code, SubmittedAt: testStart}
	for _, lang := range []cases.Lang{cases.ZH, cases.EN} {
		r.k.lang = lang
		r.k.show(&receipt{c: c, item: it, ticket: "A001"})
		centre := func(s string) float32 {
			x := uitest.Find(r.root(), func(x *canvas.Text) bool { return x.Text == s })
			if x == nil {
				t.Fatalf("no %q on the receipt; it shows %q", s, texts(r.root()))
			}
			return r.position(x).X + x.Size().Width/2
		}
		label, number := centre(tTicket.In(lang)), centre("A001")
		if d := label - number; d < -2 || d > 2 {
			t.Errorf("lang %d: %q is centred at x %v, the ticket number at %v", lang, tTicket.In(lang), label, number)
		}
	}
}
