package kiosk

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// Every screen of every item fits the smaller kiosk screen (1280×1024) in
// both languages and both text sizes, before and after it is laid out: the
// desktop driver grows a window to its content's minimum size, pushing
// the top of the screen off the monitor.
func TestEveryScreenFits(t *testing.T) {
	r := newRig(t, nil, nil)
	screenSize := fyne.NewSize(1280, 1024)
	r.w.Resize(screenSize)
	cat := r.deps.Catalog
	check := func(what string, s screen) {
		t.Helper()
		if fresh := s.build(r.k).MinSize(); fresh.Width > screenSize.Width || fresh.Height > screenSize.Height {
			t.Errorf("%s: built, it asks for %v", what, fresh)
		}
		r.k.show(s)
		if shown := r.root().MinSize(); shown.Width > screenSize.Width || shown.Height > screenSize.Height {
			t.Errorf("%s: shown, it asks for %v", what, shown)
		}
	}
	for _, elder := range []bool{false, true} {
		if r.k.elder != elder {
			r.k.switchElder()
		}
		for _, lang := range []cases.Lang{cases.ZH, cases.EN} {
			r.k.lang = lang
			mode := fmt.Sprintf("elder %v, lang %d", elder, lang)
			check(mode+": attract", &attract{})
			for p := range 3 {
				check(fmt.Sprintf("%s: categories page %d", mode, p), &categories{page: p})
			}
			for _, q := range []string{"", "S", "YYZZ", "QQQQQQQQQQQQQQQQ"} {
				check(mode+": search "+q, &search{query: q})
			}
			for _, g := range cat.Categories {
				check(mode+": items of "+g.Code, &itemList{category: g.Code})
			}
			for i := range cat.Items {
				if testing.Short() && i%10 != 0 {
					continue // -short: every tenth item
				}
				it := &cat.Items[i]
				check(mode+": guide of "+it.Code, &guide{item: it})
				f := &form{app: filled(it)}
				pages := f.fieldPages(r.k) + (len(it.Materials)+r.k.sizes().checklist-1)/r.k.sizes().checklist
				for p := range pages {
					f.page, f.active = p, ""
					check(fmt.Sprintf("%s: form of %s page %d", mode, it.Code, p), f)
					// The keypad depends on the kind of field: try each kind
					// on the page once.
					if p >= f.fieldPages(r.k) {
						continue
					}
					seen := map[catalog.FieldKind]bool{}
					for _, i := range f.app.fieldPages(r.k.sizes().fields)[p] {
						fl := it.Fields[i]
						if !seen[fl.Kind] {
							seen[fl.Kind] = true
							f.active = fl.Key
							check(fmt.Sprintf("%s: form of %s, typing %s", mode, it.Code, fl.Key), f)
						}
					}
				}
				check(mode+": confirm of "+it.Code, &confirm{form: f, failed: tSaveFailed})
				c := &cases.Case{Number: "260303-X7K-0001", ItemCode: it.Code, SubmittedAt: testStart}
				check(mode+": receipt of "+it.Code, &receipt{c: c, item: it, ticket: "A001",
					printErr: textError{cases.Text{ZH: "打印机缺纸，请装入新纸卷后点“重新打印”。", EN: "The printer is out of paper: load a new roll and press Print again."}}})
			}
		}
	}
}

// filled returns an application with every field at its longest.
func filled(it *catalog.Item) *application {
	a := newApplication(it)
	for _, f := range it.Fields {
		v := ""
		for range f.Limit() {
			v += "国"
		}
		if len(f.Choices) > 0 {
			v = f.Choices[len(f.Choices)-1]
		}
		a.values[f.Key] = v
	}
	for i := range it.Materials {
		a.materials[i] = true
	}
	return a
}

// textError is a printer fault in both languages, as the command line's
// printer gives it.
type textError struct{ t cases.Text }

func (e textError) Error() string    { return e.t.Both() }
func (e textError) Text() cases.Text { return e.t }
