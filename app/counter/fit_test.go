package counter

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestWorkbenchFitsCounterScreens checks the widest screens of the workbench
// — the list, and a case with every column, its actions and an open panel —
// fit the narrowest monitor still common at counters: 1280×1024.
// (Full screen, the window takes the screen's size; nothing is cut off only
// if the content's minimum fits.)
func TestWorkbenchFitsCounterScreens(t *testing.T) {
	z := newCenter(t)
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	fits := func(what string) {
		t.Helper()
		if min := r.root().MinSize(); min.Width > 1280 || min.Height > 1024 {
			t.Errorf("%s needs %v, more than a 1280×1024 screen", what, min)
		}
	}
	fits("the list")
	c := z.submit(z.store("kiosk"), "欧阳娜娜")
	r.scanCase(c)
	r.mustShow(c.Number)
	fits("a case")
	r.key(fyne.KeyF3)
	fits("a case with the missing-materials panel")
}
