package kiosk

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tongban/app/cases"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// The audit's double taps, as `xdotool click --repeat 2 --delay 200`
// made them on the real window: on 下一步：核对 the second tap lands on
// 确认提交 and on 确认提交 it lands on 完成, which sit at the same spot.
// The second tap is ignored, so the review is seen; a tap once the
// screen has settled acts; and 完成 waits on top of that, so the case
// number stays until it has been seen.
func TestDoubleTapDoesNotSkipAScreen(t *testing.T) {
	for _, size := range screenSizes {
		r := newRig(t, nil, nil)
		r.w.Resize(size)
		r.k.show(&form{app: validApplication(t, r), back: &categories{}})
		r.settle()

		at := r.tapCentre(r.button(tReview.ZH))
		r.mustBeOn("confirm")
		if !r.under(at, r.button(tSubmit.ZH)) {
			t.Fatalf("%v: 确认提交 is not where 下一步：核对 was; the test taps elsewhere", size)
		}
		r.clock.Advance(200 * time.Millisecond)
		test.TapCanvas(r.w.Canvas(), at)
		r.mustBeOn("confirm") // the second tap did not submit unseen
		if n := r.cases(); n != 0 {
			t.Fatalf("%v: %d cases stored by the double tap on 下一步：核对", size, n)
		}

		r.clock.Advance(settleTime)
		r.k.Tick()
		test.TapCanvas(r.w.Canvas(), at)
		r.mustBeOn("receipt")
		number := r.k.cur.(*receipt).c.Number
		r.clock.Advance(200 * time.Millisecond)
		test.TapCanvas(r.w.Canvas(), at)
		r.mustBeOn("receipt")
		r.mustShow(number)

		// Past the guard, 完成 still waits while the number is read.
		r.clock.Advance(settleTime)
		r.k.Tick()
		done := r.button(tDoneIn.Format(5).ZH) // 4.3 s to go
		if !done.Disabled() || !r.under(at, done) {
			t.Fatalf("%v: 完成 is enabled %v, under the finger %v; want it waiting there", size, !done.Disabled(), r.under(at, done))
		}
		test.TapCanvas(r.w.Canvas(), at)
		r.mustBeOn("receipt")

		r.clock.Advance(doneDelay)
		r.k.Tick()
		test.TapCanvas(r.w.Canvas(), at)
		r.mustBeOn("attract")
		if n := r.cases(); n != 1 {
			t.Errorf("%v: %d cases stored, want 1", size, n)
		}
	}
}

// On every screen a tap that comes right after the screen changed is
// ignored, and one after settleTime acts: Home (or the start target)
// leaves the screen then.
func TestTapsWaitUntilTheScreenSettles(t *testing.T) {
	r, _ := newLookupRig(t)
	c := submitTo(t, r.store)
	item, _ := r.deps.Catalog.Item(c.ItemCode)
	screens := map[string]func() screen{
		"attract":    func() screen { return &attract{} },
		"categories": func() screen { return &categories{} },
		"items":      func() screen { return &itemList{category: r.deps.Catalog.Categories[0].Code, back: &categories{}} },
		"search":     func() screen { return &search{back: &categories{}} },
		"guide":      func() screen { return &guide{item: item, back: &categories{}} },
		"form":       func() screen { return &form{app: newApplication(item), back: &categories{}} },
		"confirm":    func() screen { return &confirm{form: &form{app: validApplication(t, r)}} },
		"receipt":    func() screen { return &receipt{c: c, item: item} },
		"lookup":     func() screen { return &lookup{} },
		"progress":   func() screen { return &progress{c: c, item: item, back: &attract{}} },
		"rating":     func() screen { return newRating(c, item, &attract{}) },
	}
	for name, newScreen := range screens {
		s := newScreen()
		r.k.show(s)
		var target fyne.CanvasObject
		if name == "attract" {
			target = uitest.Find(r.root(), func(x *ui.Tile) bool { return x.Title == tStart.ZH })
		} else {
			target = r.button(tHome.ZH)
		}
		at := r.tapCentre(target)
		if r.k.cur != s {
			t.Errorf("%s: a tap at once left it for %s", name, r.onScreen())
			continue
		}
		r.clock.Advance(settleTime - time.Millisecond)
		r.k.Tick()
		test.TapCanvas(r.w.Canvas(), at)
		if r.k.cur != s {
			t.Errorf("%s: a tap %v after it showed left it", name, settleTime-time.Millisecond)
			continue
		}
		r.clock.Advance(time.Millisecond)
		r.k.Tick()
		test.TapCanvas(r.w.Canvas(), at)
		if r.k.cur == s {
			t.Errorf("%s: a tap after %v did nothing", name, settleTime)
		}
		r.settle()
	}
}

// Done on the receipt counts down the seconds it waits, then acts.
func TestDoneWaitsOnTheReceipt(t *testing.T) {
	r := newRig(t, nil, nil)
	c := submitTo(t, r.store)
	item, _ := r.deps.Catalog.Item(c.ItemCode)
	r.k.show(&receipt{c: c, item: item})
	for _, step := range []struct {
		after time.Duration
		label string
		ready bool
	}{
		{0, "完成（5）", false},
		{1500 * time.Millisecond, "完成（4）", false},
		{2500 * time.Millisecond, "完成（1）", false},
		{time.Second, "完成", true},
	} {
		r.clock.Advance(step.after)
		r.k.Tick()
		b := r.button(step.label)
		if b.Disabled() == step.ready {
			t.Errorf("Done %q: enabled %v, want %v", step.label, !b.Disabled(), step.ready)
		}
	}
	r.k.lang = cases.EN // a rebuild keeps the time it first showed
	r.k.rebuild()
	r.tap(tDone.EN)
	r.mustBeOn("attract")
}

// validApplication is a complete application of 营业执照变更登记.
func validApplication(t *testing.T, r *rig) *application {
	t.Helper()
	it, ok := r.deps.Catalog.Item("130102-SCJG-003")
	if !ok {
		t.Fatal("no 130102-SCJG-003 in the sample catalog")
	}
	a := newApplication(it)
	for k, v := range map[string]string{"name": "张三", "id_number": "11010519491231002X", "phone": "13800138000",
		"company": "华新", "credit_code": "91350100M000100Y43", "change": "住所"} {
		a.set(k, v)
	}
	return a
}

// settle lets the screen's tap guard lift, as its timer would.
func (r *rig) settle() {
	r.clock.Advance(settleTime)
	r.k.Tick()
}

// tapCentre taps the window at the middle of o, as a finger does: the
// tap goes to whatever is on top there. It returns the point.
func (r *rig) tapCentre(o fyne.CanvasObject) fyne.Position {
	r.t.Helper()
	if o == nil {
		r.t.Fatalf("nothing to tap; the screen shows %q", texts(r.root()))
	}
	at := r.position(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	test.TapCanvas(r.w.Canvas(), at)
	return at
}

// under reports whether the point is on o.
func (r *rig) under(at fyne.Position, o fyne.CanvasObject) bool {
	p, s := r.position(o), o.Size()
	return at.X >= p.X && at.Y >= p.Y && at.X < p.X+s.Width && at.Y < p.Y+s.Height
}

// cases counts the cases stored.
func (r *rig) cases() int {
	r.t.Helper()
	list, err := r.store.Find(cases.Query{})
	if err != nil {
		r.t.Fatal(err)
	}
	return len(list)
}

// A double tap on 下一页 turns one page: Next stays where it was, and the
// second tap comes before the new page has settled.
func TestDoubleTapOnNextTurnsOnePage(t *testing.T) {
	r := newRig(t, nil, nil)
	r.w.Resize(fyne.NewSize(1280, 1024))
	r.k.switchElder() // fewer categories a page: three pages or more
	r.k.show(&categories{})
	r.settle()
	r.mustShow("第 1/")
	if r.shows("第 1/2 页") {
		t.Fatal("the elder categories have 2 pages; the test needs 3")
	}
	at := r.tapCentre(r.button(tNextPage.ZH))
	r.mustShow("第 2/")
	r.clock.Advance(80 * time.Millisecond)
	test.TapCanvas(r.w.Canvas(), at)
	r.mustShow("第 2/") // not 3: the second tap was held off
	r.settle()
	test.TapCanvas(r.w.Canvas(), at)
	r.mustShow("第 3/")
}

// A screen built before the window had its size, or on a monitor since
// turned, is built again for the orientation the window has: the form's
// keypad goes under the fields on a portrait screen.
func TestScreenFollowsTheMonitorsOrientation(t *testing.T) {
	r := newRig(t, nil, nil)
	r.w.Resize(fyne.NewSize(1280, 1024))
	r.k.show(&form{app: validApplication(t, r), back: &categories{}})
	if r.k.builtPortrait {
		t.Fatal("a landscape window built a portrait form")
	}
	r.w.Resize(fyne.NewSize(1080, 1920))
	if !r.k.builtPortrait {
		t.Fatal("the form was not built again when the window turned portrait")
	}
	r.w.Resize(fyne.NewSize(1280, 1024))
	if r.k.builtPortrait {
		t.Fatal("the form was not built again when the window turned back")
	}
}
