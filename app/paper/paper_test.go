package paper

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/queue"
	"tongban/assets"
	"tongban/printer"
	"tongban/printer/printertest"
)

func context(t testing.TB) (Context, *catalog.Item) {
	t.Helper()
	cat, err := catalog.Parse(assets.SampleCatalog())
	if err != nil {
		t.Fatal(err)
	}
	cal, _ := cases.ParseCalendar(assets.Calendar())
	return Context{Catalog: cat, Calendar: cal, Now: time.Date(2026, 11, 27, 10, 0, 0, 0, cases.Zone)}, &cat.Items[0]
}

func sampleCase(item *catalog.Item) *cases.Case {
	return &cases.Case{Number: "261127-K01-0042", ItemCode: item.Code, Status: cases.StatusSubmitted,
		Fields:      map[string]string{"name": "张三", "id_number": "130102199003071233", "phone": "13800138000"},
		Materials:   []int{0, 1},
		SubmittedAt: time.Date(2026, 11, 27, 9, 30, 0, 0, cases.Zone)}
}

// printed renders a document as ESC/POS on the 58 mm profile and decodes
// it back, as the fake printer in the tests of printing would.
func printed(t *testing.T, doc printer.Document) printertest.Decoded {
	t.Helper()
	p, _ := printer.ProfileByName("58")
	b, err := printer.EncodeESCPOS(doc, p, printer.Fonts{Regular: assets.FontRegular(), Bold: assets.FontBold()})
	if err != nil {
		t.Fatal(err)
	}
	d, err := printertest.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDocumentsSayWhatTheyAre(t *testing.T) {
	ctx, item := context(t)
	c := sampleCase(item)
	accepted := *c
	accepted.Status, accepted.AcceptedAt, accepted.Received = cases.StatusAccepted, ctx.Now, []int{0}
	refused := *c
	refused.Reasons = []string{"不属于本机关职权范围", "申请人不具备主体资格"}
	missing := *c
	missing.Missing = []int{1}
	tests := []struct {
		name string
		doc  printer.Document
		want []string
		not  []string
	}{
		{"receipt", Acceptance(ctx, c, "TB1:PAYLOAD"), []string{"受理回执", c.Number, "张三", "1301**********1233", "预计办结", item.Materials[0].NameZH}, []string{"130102199003071233"}},
		{"accepted receipt", Acceptance(ctx, &accepted, "TB1:PAYLOAD"), []string{"已受理", "承诺办结"}, []string{"预计办结"}},
		{"ticket", Ticket(ctx, c, queue.Ticket{Number: "A042", Device: "K01", IssuedAt: ctx.Now}, 3), []string{"取号单", "A042", "前面还有 3 人"}, nil},
		{"supplement", SupplementNotice(ctx, &missing, "S001"), []string{"一次性告知单", item.Materials[1].NameZH, "第三十二条"}, []string{item.Materials[0].NameZH}},
		{"refusal", RefusalNotice(ctx, &refused, "S001"), []string{"不予受理通知书", "1. 不属于本机关职权范围", "2. 申请人不具备主体资格", "行政复议"}, nil},
	}
	for _, tt := range tests {
		d := printed(t, tt.doc)
		text := strings.Join(d.Lines, "\n")
		for _, w := range tt.want {
			if !strings.Contains(strings.ReplaceAll(text, "\n", ""), w) {
				t.Errorf("%s: printed text lacks %q:\n%s", tt.name, w, text)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(text, w) {
				t.Errorf("%s: printed text must not hold %q", tt.name, w)
			}
		}
		if d.Cuts != 1 {
			t.Errorf("%s: %d cuts, want 1", tt.name, d.Cuts)
		}
	}
	if d := printed(t, Acceptance(ctx, c, "TB1:PAYLOAD")); len(d.QRs) != 1 || d.QRs[0] != "TB1:PAYLOAD" {
		t.Errorf("receipt QR = %v, want the sealed payload", d.QRs)
	}
}

// TestLinesBreakCleanly prints the receipt and the notice of every item in
// the sample catalog on both paper widths and checks the line breaks: a
// material's form （原件，1份） and the promised days （5个工作日） are never
// split, and no line starts with closing punctuation.
func TestLinesBreakCleanly(t *testing.T) {
	ctx, _ := context(t)
	fonts := printer.Fonts{Regular: assets.FontRegular(), Bold: assets.FontBold()}
	for _, profile := range []string{"58", "80"} {
		p, _ := printer.ProfileByName(profile)
		for i := range ctx.Catalog.Items {
			item := &ctx.Catalog.Items[i]
			c := sampleCase(item)
			c.Materials = nil
			var forms []string
			for m, mat := range item.Materials {
				c.Materials = append(c.Materials, m)
				form := copyForm
				if mat.Original {
					form = original
				}
				forms = append(forms, "（"+form+"，"+fmt.Sprintf(countForm, mat.Count)+"）")
			}
			missing := *c
			missing.Missing = c.Materials
			docs := []struct {
				name  string
				doc   printer.Document
				whole []string
			}{
				{"receipt", Acceptance(ctx, c, "TB1:PAYLOAD"), append([]string{fmt.Sprintf(dueDays, item.PromisedDays)}, forms...)},
				{"notice", SupplementNotice(ctx, &missing, "S001"), forms},
			}
			for _, tt := range docs {
				b, err := printer.EncodeESCPOS(tt.doc, p, fonts)
				if err != nil {
					t.Fatal(err)
				}
				d, err := printertest.Decode(b)
				if err != nil {
					t.Fatal(err)
				}
				text := strings.Join(d.Lines, "\n")
				for _, w := range tt.whole {
					if !strings.Contains(text, w) {
						t.Errorf("%s mm, %s %s: %q is split across lines:\n%s", profile, item.Code, tt.name, w, text)
					}
				}
				for _, line := range d.Lines {
					if r, _ := utf8.DecodeRuneInString(line); strings.ContainsRune("，。、；：？！）》」』】", r) {
						t.Errorf("%s mm, %s %s: line %q starts with closing punctuation", profile, item.Code, tt.name, line)
					}
				}
			}
		}
	}
}

// TestMaterialsKeepTheirCatalogNumbers: the receipt and the one-time
// notice number each material by its place in the item's list, counted
// from 1 as the kiosk, the counter and the command line do, not 1…n over
// the materials the paper happens to list.
func TestMaterialsKeepTheirCatalogNumbers(t *testing.T) {
	ctx, item := context(t)
	if len(item.Materials) < 4 {
		t.Fatalf("the first sample item has %d materials; the test needs 4", len(item.Materials))
	}
	name := func(i int) string { return fmt.Sprintf("%d. %s", i+1, item.Materials[i].NameZH) }
	declared := sampleCase(item)
	declared.Materials = []int{0, 1, 3}
	accepted := *declared
	accepted.Status, accepted.AcceptedAt, accepted.Received = cases.StatusAccepted, ctx.Now, []int{1, 3}
	missing := *declared
	missing.Missing = []int{2, 3}
	tests := []struct {
		name string
		doc  printer.Document
		want []string
		not  []string
	}{
		{"receipt", Acceptance(ctx, declared, "TB1:PAYLOAD"), []string{name(0), name(1), name(3)},
			[]string{fmt.Sprintf("3. %s", item.Materials[3].NameZH)}},
		{"accepted receipt", Acceptance(ctx, &accepted, "TB1:PAYLOAD"), []string{name(1), name(3)},
			[]string{fmt.Sprintf("1. %s", item.Materials[1].NameZH), fmt.Sprintf("2. %s", item.Materials[3].NameZH)}},
		{"notice", SupplementNotice(ctx, &missing, "S001"), []string{name(2), name(3)},
			[]string{fmt.Sprintf("1. %s", item.Materials[2].NameZH), fmt.Sprintf("2. %s", item.Materials[3].NameZH)}},
	}
	for _, tt := range tests {
		d := printed(t, tt.doc)
		var text string // the lines joined, without the indent of a wrapped item
		for _, line := range d.Lines {
			text += strings.TrimSpace(line)
		}
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: printed text lacks %q:\n%s", tt.name, w, strings.Join(d.Lines, "\n"))
			}
		}
		for _, w := range tt.not {
			if strings.Contains(text, w) {
				t.Errorf("%s: printed %q, a material renumbered by its place on the paper:\n%s", tt.name, w, strings.Join(d.Lines, "\n"))
			}
		}
	}
}

// Every status has the paper that fits it, except a conflict: no paper
// tells the citizen one side of an undecided case as the decision.
func TestDocumentFor(t *testing.T) {
	want := map[cases.Status]string{
		cases.StatusSubmitted: cases.DocReceipt, cases.StatusAccepted: cases.DocReceipt,
		cases.StatusSupplement: cases.DocSupplement, cases.StatusSuspended: cases.DocReceipt,
		cases.StatusCompleted: cases.DocReceipt, cases.StatusRefused: cases.DocRefusal,
		cases.StatusWithdrawn: cases.DocReceipt, cases.StatusConflict: "",
	}
	for _, s := range cases.Statuses {
		got, ok := DocumentFor(s)
		if got != want[s] || ok != (want[s] != "") {
			t.Errorf("DocumentFor(%s) = %q, %v; want %q, %v", s, got, ok, want[s], want[s] != "")
		}
	}
}

// flat is a printed document's text with the lines joined and the indent
// of wrapped lines taken out, so a phrase split by a line break is found.
func flat(t *testing.T, doc printer.Document) string {
	t.Helper()
	var s string
	for _, line := range printed(t, doc).Lines {
		s += strings.TrimSpace(line)
	}
	return s
}

// The receipt states the case's status as it is when printed, with the
// date and the materials that fit it: never "已提交" for a case past that.
func TestReceiptStatesTheRealStatus(t *testing.T) {
	ctx, item := context(t)
	name := func(i int) string { return fmt.Sprintf("%d. %s", i+1, item.Materials[i].NameZH) }
	at := func(s cases.Status, f func(c *cases.Case)) *cases.Case {
		c := sampleCase(item)
		c.Status = s
		if s != cases.StatusSubmitted {
			c.AcceptedAt, c.Received = ctx.Now, []int{0}
		}
		if f != nil {
			f(c)
		}
		return c
	}
	tests := []struct {
		name string
		c    *cases.Case
		want []string
		not  []string
	}{
		{"submitted", at(cases.StatusSubmitted, nil),
			[]string{"状态：已提交，请到窗口受理", "预计办结（如今日受理）：2026-11-30", "申报材料（以窗口核验为准）：", name(0), name(1)},
			[]string{"已交材料", "承诺办结"}},
		{"accepted", at(cases.StatusAccepted, nil),
			[]string{"状态：已受理", "承诺办结：", "已交材料：" + name(0)}, []string{"已提交", "预计办结", "申报材料", "待补交"}},
		{"accepted with a shortfall", at(cases.StatusAccepted, func(c *cases.Case) { c.Owed = []int{1} }),
			[]string{"已受理（容缺受理", "已交材料：" + name(0), "待补交材料（容缺受理）：" + name(1)}, []string{"已提交"}},
		{"waiting for materials", at(cases.StatusSupplement, func(c *cases.Case) { c.Missing = []int{1} }),
			[]string{"状态：待补正", "待补正材料：" + name(1)}, []string{"已提交", "待补交"}},
		{"suspended", at(cases.StatusSuspended, func(c *cases.Case) { c.Suspensions = []cases.Span{{From: ctx.Now}} }),
			[]string{"状态：已中止", "承诺办结："}, []string{"已提交"}},
		{"completed", at(cases.StatusCompleted, func(c *cases.Case) { c.Approved, c.CompletedAt = true, ctx.Now }),
			[]string{"状态：已办结，准予", "办结日期：2026-11-27"}, []string{"已提交", "承诺办结", "预计办结"}},
		{"refused", at(cases.StatusRefused, func(c *cases.Case) { c.AcceptedAt, c.Received = time.Time{}, nil }),
			[]string{"状态：不予受理"}, []string{"已提交", "承诺办结", "预计办结"}},
		{"withdrawn", at(cases.StatusWithdrawn, nil),
			[]string{"状态：已撤回"}, []string{"已提交", "承诺办结", "预计办结"}},
		{"in conflict", at(cases.StatusConflict, nil),
			[]string{"状态：待核对"}, []string{"已提交", "承诺办结", "预计办结"}},
	}
	for _, tt := range tests {
		text := flat(t, Acceptance(ctx, tt.c, "TB1:PAYLOAD"))
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the receipt lacks %q:\n%s", tt.name, w, text)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(text, w) {
				t.Errorf("%s: the receipt says %q:\n%s", tt.name, w, text)
			}
		}
	}
}

// The queue ticket labels the code of the device that issued it, and a
// notice is signed with whatever name the caller gives (the clerk's).
func TestTicketAndSignature(t *testing.T) {
	ctx, item := context(t)
	c := sampleCase(item)
	lines := printed(t, Ticket(ctx, c, queue.Ticket{Number: "A042", Device: "K01", IssuedAt: ctx.Now}, 3)).Lines
	for _, l := range lines {
		if strings.TrimSpace(l) == "K01" {
			t.Errorf("the ticket prints the device code on a line of its own, unlabelled:\n%s", strings.Join(lines, "\n"))
		}
	}
	if text := strings.Join(lines, ""); !strings.Contains(text, "取号设备：K01") {
		t.Errorf("the ticket does not say which device issued it:\n%s", strings.Join(lines, "\n"))
	}
	if text := flat(t, Ticket(ctx, c, queue.Ticket{Number: "A042", IssuedAt: ctx.Now}, 0)); strings.Contains(text, "取号设备") {
		t.Errorf("a ticket without a device code labels an empty one:\n%s", text)
	}
	refused := *c
	refused.Status, refused.Reasons = cases.StatusRefused, []string{"不属于本机关职权范围"}
	if text := flat(t, RefusalNotice(ctx, &refused, "王芳")); !strings.Contains(text, "经办人：王芳") {
		t.Errorf("the refusal notice is not signed by the clerk:\n%s", text)
	}
}
