package kiosk

import (
	"testing"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// The audit's dead end: after Start, Home led to the categories again,
// and checking progress or rating, which only the start screen offers,
// could not be reached by touch. Home leads to the start screen, from
// the categories and from deeper screens, and both ways in are tapped
// from there, through the window as a finger does.
func TestHomeReachesProgressAndRating(t *testing.T) {
	r, _ := newLookupRig(t)
	r.settle()
	for _, way := range []struct {
		title cases.Text
		rate  bool
	}{{tLookupStart, false}, {tRateStart, true}} {
		r.tapCentre(r.tile(tStart.ZH))
		r.mustBeOn("categories")
		r.settle()
		r.tapCentre(r.button(tHome.ZH))
		r.mustBeOn("attract")
		r.settle()
		r.tapCentre(r.tile(way.title.ZH))
		if s := current[*lookup](r); s.rate != way.rate {
			t.Errorf("%s opened the look-up with rate %v", way.title.ZH, s.rate)
		}
		r.settle()
		r.tapCentre(r.button(tHome.ZH)) // and Home from there
		r.mustBeOn("attract")
		r.settle()
	}
}

// Home from a form drops what was typed (it means "start over"), and
// keeps the language and text size of the citizen still there. Left so,
// the start screen goes back to Chinese and standard text once nobody
// touches it, quietly: there is nothing typed to warn about.
func TestHomeFromTheFormStartsOver(t *testing.T) {
	r := newRig(t, nil, nil)
	r.openForm()
	r.tap(tToOtherLang.ZH, tElderOn.EN)
	r.typePinyin("li", '李')
	if _, ok := r.draft(); !ok {
		t.Fatal("no draft after typing")
	}
	r.settle()
	r.tapCentre(r.button(tHome.EN))
	r.mustBeOn("attract")
	r.mustShow(tStart.EN)
	if _, ok := r.draft(); ok {
		t.Error("the draft survived Home")
	}
	if !r.k.elder {
		t.Error("Home left large text")
	}

	r.clock.Advance(DefaultIdleTimeout - countdownWindow/2)
	r.k.Tick()
	if r.k.shield.Visible() {
		t.Error("the start screen shows a countdown of what was typed")
	}
	r.clock.Advance(countdownWindow)
	r.k.Tick()
	r.mustShow(tStart.ZH)
	if r.k.lang != cases.ZH || r.k.elder {
		t.Errorf("left alone the start screen is in language %v, large text %v", r.k.lang, r.k.elder)
	}
	// As the next citizen finds it, it waits for them however long.
	r.clock.Advance(10 * DefaultIdleTimeout)
	r.k.Tick()
	r.mustBeOn("attract")
}

// tile returns the visible tile whose title is title.
func (r *rig) tile(title string) fyne.CanvasObject {
	r.t.Helper()
	tl := uitest.Find(r.root(), func(x *ui.Tile) bool { return x.Title == title })
	if tl == nil {
		r.t.Fatalf("no visible tile %q; the screen shows %q", title, texts(r.root()))
	}
	return tl
}
