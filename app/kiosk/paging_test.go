package kiosk

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// The form's fields and checklist and the guide's materials take as many
// a page as the height holds, on either screen and in either text size:
// no page but a section's last leaves room for the next page's first
// item. (They once took 3 fields and 4 materials a page, however much
// room was left: a 6-field form took 4 pages at 1280×1024, and a
// portrait screen left 650 px empty under 3 fields.)
func TestPagesFillTheHeight(t *testing.T) {
	r := newRig(t, nil, nil)
	for _, size := range screenSizes {
		r.w.Resize(size)
		for _, elder := range []bool{false, true} {
			if r.k.elder != elder {
				r.k.switchElder()
			}
			for _, code := range []string{"130102-SCJG-001", "130102-SCJG-003", "130102-SWJ-002"} {
				it, _ := r.deps.Catalog.Item(code)
				what := fmt.Sprintf("%v×%v, elder %v, %s", size.Width, size.Height, elder, code)
				f := &form{app: filled(it), back: &categories{}}
				r.k.show(f)
				r.mustFill(what+" form", f.pager, len(it.Fields))
				g := &guide{item: it, back: &categories{}}
				r.k.show(g)
				r.mustFill(what+" guide", uitest.Find(r.root(), func(*ui.Pager) bool { return true }))
			}
		}
	}
}

// mustFill fails if a page of p, other than the last one of its section
// (sections start at the items listed), would have held the next page's
// first item as well, or if turning the pages changes their number (the
// form's keypad goes away on its checklist, and the fields' pages must
// not break anew for the room that leaves).
func (r *rig) mustFill(what string, p *ui.Pager, sections ...int) {
	r.t.Helper()
	if p == nil {
		r.t.Fatalf("%s: no pager", what)
	}
	body := func() *fyne.Container { return uitest.Children(p)[0].(*fyne.Container) }
	var log []string
	pages := p.Pages()
	for page := 0; page < pages; page++ {
		p.SetPage(page)
		if p.Pages() != pages {
			r.t.Errorf("%s: %d pages on page %d, %d on the first", what, p.Pages(), page+1, pages)
			return
		}
		from, to := p.Shown()
		log = append(log, fmt.Sprintf("%d–%d", from, to-1))
		if page == pages-1 || slices.Contains(sections, to) {
			continue
		}
		objs := body().Objects
		last := objs[len(objs)-1]
		used, room := last.Position().Y+last.Size().Height, body().Size().Height
		p.SetPage(page + 1)
		next := body().Objects[0].Size().Height
		if used+theme.Padding()+next <= room {
			r.t.Errorf("%s: page %d (items %d–%d) fills %.0f of %.0f px, and the next item (%.0f px) goes to page %d",
				what, page+1, from, to-1, used, room, next, page+2)
		}
	}
	r.t.Logf("%s: pages %v", what, log)
}
