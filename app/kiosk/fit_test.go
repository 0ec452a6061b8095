package kiosk

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
	"tongban/app/ui/uitest"
)

// The kiosk's screens: the smaller landscape monitor and a portrait one,
// as lobby kiosks often are.
var screenSizes = []fyne.Size{{Width: 1280, Height: 1024}, {Width: 1080, Height: 1920}}

// Every screen of every item fits both kiosk screens in both languages
// and both text sizes, every page of every list on it included: the
// screen asks for no more room than the window has (the desktop driver
// grows a window to its content's minimum size, pushing the top bar off
// the monitor), and once laid out nothing on it is squeezed below the
// height it needs or pushed outside the window. Search results take
// every initial, so long English names are among them (the first
// result of "L" wraps onto two lines, which once pushed the top bar off).
func TestEveryScreenFits(t *testing.T) {
	r := newRig(t, nil, nil)
	cat := r.deps.Catalog
	r.k.deps.Lookup = func(string) (*cases.Case, error) { return nil, cases.ErrNotFound }
	r.k.deps.Status = func() cases.Text {
		return cases.Text{ZH: "离线 · 待同步 12 · 上次同步 15:04（数据已保存在本机）", EN: "Offline · 12 waiting to sync · last sync 15:04 (saved on this device)"}
	}
	queries := []string{"", "QQQQQQQQQQQQQQQQ", "YYZZ"}
	for c := 'A'; c <= 'Z'; c++ {
		queries = append(queries, string(c))
	}
	for _, screenSize := range screenSizes {
		r.w.Resize(screenSize)
		check := func(what string, s screen) {
			t.Helper()
			what = fmt.Sprintf("%v×%v, %s", screenSize.Width, screenSize.Height, what)
			if fresh := s.build(r.k).MinSize(); fresh.Width > screenSize.Width || fresh.Height > screenSize.Height {
				t.Errorf("%s: built, it asks for %v", what, fresh)
			}
			r.k.show(s)
			r.mustFit(what, screenSize)
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
				check(mode+": categories", &categories{})
				for _, q := range queries {
					check(mode+": search "+q, &search{query: q})
				}
				for _, g := range cat.Categories {
					check(mode+": items of "+g.Code, &itemList{category: g.Code})
				}
				for i := range cat.Items {
					if testing.Short() && i%10 != 0 {
						continue // -short: every tenth item
					}
					checkItem(r.k, mode, &cat.Items[i], check)
				}
			}
		}
	}
}

// checkItem checks an item's guide, form (each page, and each kind of
// keypad), confirm, receipt, progress and rating screens.
func checkItem(k *Kiosk, mode string, it *catalog.Item, check func(string, screen)) {
	check(mode+": guide of "+it.Code, &guide{item: it})
	// The form with every field at its longest; mustFit turns each page,
	// which activates its first field. The keypad depends on the kind of
	// field: each kind is also tried once.
	f := &form{app: filled(it)}
	check(mode+": form of "+it.Code, f)
	seen := map[catalog.FieldKind]bool{}
	for _, fl := range it.Fields {
		if !seen[fl.Kind] {
			seen[fl.Kind] = true
			f.active = fl.Key
			check(fmt.Sprintf("%s: form of %s, typing %s", mode, it.Code, fl.Key), f)
		}
	}
	check(mode+": confirm of "+it.Code, &confirm{form: f, failed: tSaveFailed})
	checkProgress(mode, it, check)
	c := &cases.Case{Number: "260303-X7K-0001", ItemCode: it.Code, SubmittedAt: testStart}
	check(mode+": receipt of "+it.Code, &receipt{c: c, item: it, ticket: "A001",
		printErr: textError{cases.Text{ZH: "打印机缺纸，请装入新纸卷后点“重新打印”。", EN: "The printer is out of paper: load a new roll and press Print again."}}})
}

// mustFit fails unless the screen shown fits a window of size on every
// page of every list on it: it asks for no more than the window (the
// screen itself, under the ui.Screen that would hide it), and nothing on
// it is smaller than it needs or outside the window.
func (r *rig) mustFit(what string, size fyne.Size) {
	r.t.Helper()
	if m := r.k.body.MinSize(); m.Width > size.Width || m.Height > size.Height {
		r.t.Errorf("%s: shown, it asks for %v", what, m)
		return
	}
	var pagers []*ui.Pager
	uitest.Visit(r.root(), func(o fyne.CanvasObject) bool {
		if p, ok := o.(*ui.Pager); ok {
			pagers = append(pagers, p)
		}
		return true
	})
	if bad := squeezed(r.root(), size); len(bad) > 0 {
		r.t.Errorf("%s: %s", what, strings.Join(bad, "; "))
		return
	}
	for _, p := range pagers {
		for page := 1; page < p.Pages(); page++ {
			p.SetPage(page)
			if bad := squeezed(r.root(), size); len(bad) > 0 {
				r.t.Errorf("%s, page %d: %s", what, page+1, strings.Join(bad, "; "))
				return
			}
		}
		p.SetPage(0)
	}
}

// closing is punctuation that must not start a line (Chinese line
// breaking): a "。" or "）" alone at the start of a line reads as a stray
// mark. (A "·" between spaced English words may start one.)
const closing = "，。、；：？！）》」』】”’…"

// squeezed lists the visible widgets under root that are less high than
// they need, reach outside a window of size, or (text) start a line with
// closing punctuation.
func squeezed(root fyne.CanvasObject, size fyne.Size) []string {
	var bad []string
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		kids := uitest.Children(o)
		if _, isWidget := o.(fyne.Widget); isWidget {
			const slack = 0.5 // float rounding
			got, need := o.Size(), o.MinSize()
			name := strings.Join(uitest.Texts(o, nil), " ")
			if got.Height+slack < need.Height {
				bad = append(bad, fmt.Sprintf("%T %q is %.0f high, needs %.0f", o, name, got.Height, need.Height))
			}
			if at.X < -slack || at.Y < -slack || at.X+got.Width > size.Width+slack || at.Y+got.Height > size.Height+slack {
				bad = append(bad, fmt.Sprintf("%T %q at %v size %v is outside the window", o, name, at, got))
			}
			if _, isText := o.(*ui.Text); isText {
				for i, line := range kids {
					if l := line.(*canvas.Text).Text; i > 0 && l != "" && strings.ContainsRune(closing, []rune(l)[0]) {
						bad = append(bad, fmt.Sprintf("%q breaks before %q", name, l))
					}
				}
			}
		}
		if _, isEntry := o.(*ui.Entry); isEntry {
			return // it scrolls its text within its box, to the end where the keypad types
		}
		for _, k := range kids {
			walk(k, at)
		}
	}
	walk(root, fyne.Position{})
	return bad
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
