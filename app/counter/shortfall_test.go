package counter

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
)

// lastOf decodes the payload of a case's last event of a kind.
func lastOf(t *testing.T, c *cases.Case, kind cases.Kind, into any) {
	t.Helper()
	for i := len(c.Events) - 1; i >= 0; i-- {
		if c.Events[i].Kind == kind {
			if err := c.Events[i].Decode(into); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("the case has no %s event", kind)
}

// owedOn returns what a printed receipt lists after 待补交材料, "" if it
// lists nothing owed.
func owedOn(receipt string) string {
	_, owed, _ := strings.Cut(receipt, "待补交材料")
	return owed
}

// Accepting with a required material unticked is an explicit choice:
// the panel names what is missing and offers F3 and Alt+R on buttons;
// Enter saves nothing; Alt+R accepts with the shortfall, which the event
// records and the receipt prints as still owed.
func TestAcceptWithoutARequiredMaterialIsAChoice(t *testing.T) {
	_, c, r := scannedCase(t) // declared 1, 2 and 4: all the required ones
	r.key(keyAccept)
	if r.hasButton(both(tShortfall)) || r.shows("尚缺必需材料") {
		t.Fatalf("the panel offers a shortfall with every required material ticked: %q", r.screenTexts())
	}
	r.shortcut(fyne.KeyModifierAlt, fyne.Key2) // the resolution (2) is not there
	r.mustShow("尚缺必需材料：2. 变更决议或决定", "Alt+R", "容缺受理 Accept with shortfall (Alt+R)", "补正告知 Ask for materials (F3)")
	before := r.events(c.ID)

	r.typeText("申请人下午补交") // Enter in the note
	r.mustShow("缺少必需材料 2. 变更决议或决定，没有受理", "nothing was changed")
	if n := r.events(c.ID); n != before || r.c.bench.panel == nil {
		t.Fatalf("Enter without a required material: %d events (had %d), panel open %v; want nothing saved, the panel still open", n, before, r.c.bench.panel != nil)
	}
	if len(r.printed) != 0 {
		t.Fatal("something printed for an acceptance not saved")
	}

	r.shortcut(fyne.KeyModifierAlt, fyne.KeyR)
	got := r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	var a cases.Acceptance
	lastOf(t, got, cases.KindAccepted, &a)
	if !slices.Equal(a.Received, []int{0, 3}) || !slices.Equal(a.Shortfall, []int{1}) || !strings.HasPrefix(a.Note, "容缺受理，尚缺：2. 变更决议或决定") || !strings.HasSuffix(a.Note, "申请人下午补交") {
		t.Fatalf("the acceptance is %+v; want received 0, 3, shortfall 1, and the note saying so with the clerk's", a)
	}
	if !slices.Equal(got.Owed, []int{1}) {
		t.Fatalf("the case owes %v, want [1]", got.Owed)
	}
	r.mustShow("已保存：容缺受理", "尚缺 2. 变更决议或决定")
	if len(r.printed) != 1 {
		t.Fatalf("printed %d documents, want the receipt", len(r.printed))
	}
	receipt := printedText(r.printed[0])
	if owed := owedOn(receipt); !strings.Contains(owed, "2. 变更决议或决定") {
		t.Fatalf("the receipt does not list material 2 as owed:\n%s", receipt)
	}
	if got, _, _ := strings.Cut(receipt, "待补交材料"); strings.Contains(got, "2. 变更决议或决定") || !strings.Contains(got, "1. 公司变更登记申请书") || !strings.Contains(got, "4. 营业执照") {
		t.Fatalf("the receipt lists the wrong materials as handed in:\n%s", receipt)
	}
	r.scanFocused()
}

// Alt+R with every required material ticked saves nothing and says Enter
// is what accepts.
func TestNoShortfallToAcceptWith(t *testing.T) {
	_, c, r := scannedCase(t)
	r.key(keyAccept)
	before := r.events(c.ID)
	r.shortcut(fyne.KeyModifierAlt, fyne.KeyR)
	r.mustShow(tNoShortfall.ZH)
	if n := r.events(c.ID); n != before {
		t.Fatalf("Alt+R with nothing missing saved %d events", n-before)
	}
	r.typeText("")
	r.mustBe(c.ID, cases.StatusAccepted, cases.KindAccepted)
	if got := r.stored(c.ID); got.Owed != nil {
		t.Fatalf("a plain acceptance owes %v", got.Owed)
	}
}

// The materials a notice asked for must all come before Materials
// received saves; the panel numbers them as the catalog does (Alt+4 is
// material 4), Enter with one missing is refused with what is missing and
// the ways on, and Alt+R goes on with it owed, printed on the receipt.
func TestSupplementReceivedMustCoverTheNotice(t *testing.T) {
	_, c, r := scannedCase(t)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key2) // neither the resolution (2)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key4) // nor the licence (4) is there
	r.key(keySupplement)
	r.typeText("")
	got := r.mustBe(c.ID, cases.StatusSupplement, cases.KindSupplementRequested)
	if !slices.Equal(got.Missing, []int{1, 3}) {
		t.Fatalf("the notice asks for %v, want [1 3]", got.Missing)
	}

	r.key(keySupplement)
	r.mustShow("2. 变更决议或决定 Resolution or decision on the change — 补正告知所列", "4. 营业执照 Business licence — 补正告知所列", tSuppliedAll.ZH)
	p := r.c.bench.panel
	if p == nil || len(p.toggles) != 5 || !p.toggles[1].Checked || !p.toggles[3].Checked || p.toggles[4].Checked {
		t.Fatal("the panel does not list the item's materials by number with the two asked for ticked")
	}
	if !p.toggles[0].Checked || !p.toggles[0].Disabled() {
		t.Fatal("material 1, ticked when the notice was given, is not shown as received with it")
	}
	r.shortcut(fyne.KeyModifierAlt, fyne.Key4) // the licence did not come after all
	if p.toggles[3].Checked || !p.toggles[1].Checked {
		t.Fatal("Alt+4 did not untick material 4")
	}
	r.mustShow("补正告知所列材料尚缺：4. 营业执照", "容缺受理 Accept with shortfall (Alt+R)")
	before := r.events(c.ID)
	printed := len(r.printed)
	r.key(fyne.KeyReturn)
	r.mustShow("补正告知所列材料尚缺 4. 营业执照，没有登记", "或按 Alt+R 容缺受理", "nothing was changed")
	if n := r.events(c.ID); n != before || r.stored(c.ID).Status != cases.StatusSupplement {
		t.Fatalf("a receipt of part of the notice was saved (%d events, had %d)", n, before)
	}

	r.shortcut(fyne.KeyModifierAlt, fyne.KeyR)
	got = r.mustBe(c.ID, cases.StatusAccepted, cases.KindSupplementReceived)
	var sr cases.SupplementReceipt
	lastOf(t, got, cases.KindSupplementReceived, &sr)
	if !slices.Equal(sr.Received, []int{1}) || !slices.Equal(sr.Shortfall, []int{3}) || !slices.Equal(got.Owed, []int{3}) {
		t.Fatalf("the receipt of supplements is %+v, the case owes %v; want 2 received and 4 owed", sr, got.Owed)
	}
	if len(r.printed) != printed+1 {
		t.Fatalf("printed %d documents after the materials came, want the receipt", len(r.printed)-printed)
	}
	if receipt := printedText(r.printed[len(r.printed)-1]); !strings.Contains(owedOn(receipt), "4. 营业执照") || strings.Contains(receipt, "已提交") {
		t.Fatalf("the receipt does not list the licence as owed, or says 已提交:\n%s", receipt)
	}
}

// Materials received before stay ticked in the Materials received panel:
// Alt+n does not take them back.
func TestReceivedMaterialsStayTicked(t *testing.T) {
	_, c, r := scannedCase(t)
	r.key(keyAccept)
	r.typeText("") // received 1, 2 and 4
	r.key(keySupplement)
	r.shortcut(fyne.KeyModifierAlt, fyne.Key3) // ask for the articles (3) after acceptance
	r.typeText("")
	r.mustBe(c.ID, cases.StatusSupplement, cases.KindSupplementRequested)
	r.key(keySupplement)
	p := r.c.bench.panel
	r.shortcut(fyne.KeyModifierAlt, fyne.Key1)
	if !p.toggles[0].Checked || !p.toggles[0].Disabled() {
		t.Fatal("Alt+1 took back material 1, received at acceptance")
	}
	r.mustShow("1. 公司变更登记申请书 Change registration application form — 已收 received")
	r.key(fyne.KeyReturn)
	got := r.mustBe(c.ID, cases.StatusAccepted, cases.KindSupplementReceived)
	var sr cases.SupplementReceipt
	lastOf(t, got, cases.KindSupplementReceived, &sr)
	if !slices.Equal(sr.Received, []int{2}) || !slices.Equal(got.Received, []int{0, 1, 2, 3}) {
		t.Fatalf("received now %v, in all %v; want 3 now and 1–4 in all", sr.Received, got.Received)
	}
}
