package counter

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tongban/app/ui/uitest"
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

// Each column of the case view wraps its text within its own width at the
// counters' screen sizes: no column's content is wider than the column, so
// the next column cuts nothing off (the audit found "Materials (Alt+number
// ti" and "…1 × original, requir"). The submitted time is shown whole, and
// the application column names the item in full (the header's wraps: see
// TestHeaderItemNameWraps).
func TestCaseColumnsWrapWithinTheirWidth(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	c := z.submit(kiosk, "欧阳娜娜")
	for _, size := range []fyne.Size{{Width: 1280, Height: 1024}, {Width: 1920, Height: 1080}, {Width: 1366, Height: 768}} {
		r := newRig(t, z, nil)
		r.w.Resize(size)
		r.signIn("S001", "2468")
		r.scanCase(c)
		var columns []*container.Scroll
		uitest.Visit(r.c.bench.body, func(o fyne.CanvasObject) bool {
			if s, ok := o.(*container.Scroll); ok {
				columns = append(columns, s)
			}
			return true
		})
		if len(columns) != 3 {
			t.Fatalf("%v: %d scrolling columns in the case view, want 3", size, len(columns))
		}
		for i, col := range columns {
			if w, in := col.Content.Size().Width, col.Size().Width; w > in+0.5 {
				t.Errorf("%v: column %d is %.0f wide, its content %.0f: the text beyond is cut off", size, i+1, in, w)
			}
		}
		r.mustShow(tMaterials.Both(), "原件 1 份，必需，申请人称已带 · Change registration application form: 1 × original, required, declared",
			"事项 Service", "营业执照变更登记 Business licence change registration（130102-SCJG-003）")
		submitted := uitest.Find(r.root(), func(l *widget.Label) bool { return l.Text == labelled(tSubmittedAt, stamp(c.SubmittedAt)) })
		if submitted == nil {
			t.Fatalf("%v: the header does not show the submitted time; the screen shows %q", size, texts(r.root()))
		}
		if got, need := submitted.Size().Width, submitted.MinSize().Width; got < need {
			t.Errorf("%v: the submitted time has %.0f of the %.0f it needs", size, got, need)
		}
	}
}

// A material's name wraps beside its tick box, and tapping the name ticks
// the box; materials are numbered from 1, as Alt+number counts them.
func TestMaterialNameTicksItsBox(t *testing.T) {
	_, _, r := scannedCase(t)
	name := uitest.Find(r.root(), func(l *tickLabel) bool { return l.Text.Text == "3. 修改后的公司章程或章程修正案" })
	if name == nil {
		t.Fatalf("no name \"3. …\" beside a tick box; the screen shows %q", texts(r.root()))
	}
	if r.c.bench.ticked[2] {
		t.Fatal("material 3 is ticked before anyone ticked it (the applicant did not declare it)")
	}
	name.Tapped(nil)
	if !r.c.bench.ticked[2] || !r.c.bench.checks[2].Checked {
		t.Fatal("tapping the name of material 3 did not tick it")
	}
	r.shortcut(fyne.KeyModifierAlt, fyne.Key3)
	if r.c.bench.ticked[2] {
		t.Fatal("Alt+3 did not untick material 3")
	}
}
