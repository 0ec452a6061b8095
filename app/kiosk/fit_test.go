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
	r.k.deps.Lookup = func(string) (*cases.Case, error) { return nil, cases.ErrNotFound }
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
			check(mode+": lookup", &lookup{})
			check(mode+": lookup, failed", &lookup{rate: true, typed: "260303-X7K-00019999", failed: tNotNumber})
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
				checkProgress(mode, it, check)
				c := &cases.Case{Number: "260303-X7K-0001", ItemCode: it.Code, SubmittedAt: testStart}
				check(mode+": receipt of "+it.Code, &receipt{c: c, item: it, ticket: "A001",
					printErr: textError{cases.Text{ZH: "打印机缺纸，请装入新纸卷后点“重新打印”。", EN: "The printer is out of paper: load a new roll and press Print again."}}})
			}
		}
	}
}

// checkProgress checks the progress and rating screens of an item's
// case at their fullest: every material missing, long refusal reasons,
// a called ticket, a rating, a bad review with every reason ticked.
func checkProgress(mode string, it *catalog.Item, check func(string, screen)) {
	all := make([]int, len(it.Materials))
	for i := range all {
		all[i] = i
	}
	c := &cases.Case{Number: "260303-X7K-0001", ItemCode: it.Code, Status: cases.StatusSupplement, Missing: all,
		Fields:      map[string]string{"name": "欧阳娜娜娜", "phone": "13800138000"},
		SubmittedAt: testStart, AcceptedAt: testStart, Ticket: "A001", Window: "A03", CalledAt: testStart,
		Rating: &cases.Rating{Level: cases.VeryDissatisfied}, Sync: cases.SyncState{FromReceipt: true}}
	check(mode+": progress of "+it.Code, &progress{c: c, item: it})
	refused := *c
	refused.Status, refused.Rating = cases.StatusRefused, nil
	refused.Reasons = []string{"申请事项依法不需要取得行政许可，请按备案程序办理相关手续",
		"申请事项不属于本行政机关职权范围，请向有关行政机关申请", "申请材料存在错误，可以当场更正而申请人拒绝更正"}
	check(mode+": refused "+it.Code, &progress{c: &refused, item: it})
	open := *c
	open.Rating = nil
	check(mode+": rating of "+it.Code, newRating(&open, it, nil))
	bad := newRating(&open, it, nil)
	bad.level, bad.failed = cases.VeryDissatisfied, tRateFailed
	for i := range badReasons {
		bad.reasons[i] = true
	}
	check(mode+": bad review of "+it.Code, bad)
	thanks := newRating(&open, it, nil)
	thanks.saved = &cases.Rating{Level: cases.VeryDissatisfied}
	check(mode+": thanks of "+it.Code, thanks)
	check(mode+": rated before "+it.Code, newRating(c, it, nil))
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
