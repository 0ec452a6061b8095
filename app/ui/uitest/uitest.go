// Package uitest walks a test canvas for the UI tests of every role: it
// finds widgets and reads what the screen says, through containers and
// widgets' renderers, so tests look things up by what a person sees
// rather than by coordinates.
package uitest

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tongban/app/ui"
)

// Children are the objects directly under o: a container's, or those of
// a widget's renderer.
func Children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case fyne.Widget:
		return test.WidgetRenderer(x).Objects()
	}
	return nil
}

// Position returns where o is under root, in root's coordinates, and
// whether it is there at all.
func Position(root, o fyne.CanvasObject) (fyne.Position, bool) {
	if root == o {
		return fyne.Position{}, true
	}
	for _, k := range Children(root) {
		if p, ok := Position(k, o); ok {
			return p.Add(k.Position()), true
		}
	}
	return fyne.Position{}, false
}

// Visit calls f for every visible object under o, depth first; f returns
// false to stop. Visit reports whether it went through everything.
func Visit(o fyne.CanvasObject, f func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return true
	}
	if !f(o) {
		return false
	}
	for _, c := range Children(o) {
		if !Visit(c, f) {
			return false
		}
	}
	return true
}

// Find returns the first visible object of type T that matches, or T's
// zero value.
func Find[T fyne.CanvasObject](root fyne.CanvasObject, match func(T) bool) T {
	var found T
	Visit(root, func(o fyne.CanvasObject) bool {
		if x, is := o.(T); is && match(x) {
			found = x
			return false
		}
		return true
	})
	return found
}

// Texts returns every visible text under root, once each: a widget that
// shows text is read and not walked into. more, if set, reads the texts of
// a role's own widget types (nil: not one of them).
func Texts(root fyne.CanvasObject, more func(fyne.CanvasObject) []string) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if t, ok := textOf(o); ok {
			out = append(out, t...)
			return
		}
		if more != nil {
			if t := more(o); t != nil {
				out = append(out, t...)
				return
			}
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(root)
	return out
}

// textOf reads the widgets that show text.
func textOf(o fyne.CanvasObject) ([]string, bool) {
	switch x := o.(type) {
	case *widget.Label:
		return []string{x.Text}, true
	case *widget.Button:
		return []string{x.Text}, true
	case *widget.Check:
		return []string{x.Text}, true
	case *widget.Entry:
		return []string{x.Text}, true
	case *widget.RichText:
		return []string{x.String()}, true
	case *canvas.Text:
		return []string{x.Text}, true
	case *ui.Text:
		return []string{x.Text}, true
	case *ui.Tile:
		return []string{x.Title, x.Subtitle}, true
	case *ui.Entry:
		return []string{x.Text}, true
	}
	return nil, false
}

// Clock is a settable clock for a window's tests, shared by the stores and
// the window so that idle timers and dates move together.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock stopped at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// Shows reports whether one of the texts on screen contains s.
func Shows(onScreen []string, s string) bool {
	for _, x := range onScreen {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

// MustShow fails the test unless each s is in a text on screen; texts
// reads the screen (again for each s, so what an earlier check changed
// counts).
func MustShow(t testing.TB, texts func() []string, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if on := texts(); !Shows(on, s) {
			t.Fatalf("the screen does not show %q; it shows %q", s, on)
		}
	}
}

// MustNotShow fails the test if some s is in a text on screen.
func MustNotShow(t testing.TB, texts func() []string, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if on := texts(); Shows(on, s) {
			t.Fatalf("the screen shows %q; it should not: %q", s, on)
		}
	}
}
