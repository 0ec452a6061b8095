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
	accepted.AcceptedAt, accepted.Received = ctx.Now, []int{0}
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
	accepted.AcceptedAt, accepted.Received = ctx.Now, []int{1, 3}
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
