package kiosk

import (
	"slices"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/assets"
)

func sampleItem(t *testing.T, code string) (*catalog.Catalog, *catalog.Item) {
	t.Helper()
	cat, err := catalog.Parse(assets.SampleCatalog())
	if err != nil {
		t.Fatal(err)
	}
	it, ok := cat.Item(code)
	if !ok {
		t.Fatalf("no item %s in the sample catalog", code)
	}
	return cat, it
}

func TestApplicationValues(t *testing.T) {
	_, it := sampleItem(t, "130102-SCJG-003")
	a := newApplication(it)
	now := testStart

	// The keypad stops at the field's limit.
	taken := 0
	for range 20 {
		v, fits := a.appended("id_number", "1")
		if fits {
			taken++
		}
		a.set("id_number", v)
	}
	if len(a.values["id_number"]) != 18 || !a.full("id_number") || taken != 18 {
		t.Fatalf("ID number after 20 keys = %q (full %v, %d keys taken), want 18 characters", a.values["id_number"], a.full("id_number"), taken)
	}
	if v, fits := a.appended("name", "张三"); v != "张三" || !fits || a.trimmed("name") != "" {
		t.Error("appended/trimmed on an empty name")
	}

	a.set("id_number", "110105194912310021")
	if p := a.check("id_number", now); p == nil || p.Warning {
		t.Fatalf("wrong check character: problem %v", p)
	}
	a.set("id_number", "11010519491231002") // editing hides the problem until the field is finished again
	if a.problems["id_number"] != nil || a.full("id_number") {
		t.Error("the problem stays while the citizen edits")
	}
	a.set("id_number", "11010519491231002X")
	if p := a.check("id_number", now); p != nil {
		t.Errorf("valid ID number: %v", p)
	}
	if a.check("phone", now) != nil {
		t.Error("an empty field is nagged about before submission")
	}

	// A legacy credit code warns and does not block.
	for k, v := range map[string]string{"name": "张三", "phone": "13800138000", "company": "华新",
		"credit_code": "91350100M0001TGQXM", "change": "住所"} {
		a.set(k, v)
	}
	if first := a.checkAll(now); first != -1 {
		t.Fatalf("checkAll = %d (%v), want -1", first, a.problems)
	}
	if p := a.problems["credit_code"]; p == nil || !p.Warning {
		t.Errorf("legacy credit code: problem %v, want a warning", p)
	}
	if a.errorCount() != 0 {
		t.Errorf("%d errors for a form that can be submitted", a.errorCount())
	}
	a.set("phone", "")
	if first := a.checkAll(now); first != a.index("phone") {
		t.Errorf("checkAll with no phone = %d, want the phone's index", first)
	}
}

func TestApplicationDraftRoundTrip(t *testing.T) {
	cat, it := sampleItem(t, "130102-SCJG-003")
	a := newApplication(it)
	a.set("name", "赵六")
	a.toggle(3, true)
	a.toggle(0, true)
	a.toggle(3, false)
	a.toggle(1, true)
	d := a.draft(testStart)
	if d.ItemCode != it.Code || d.Values["name"] != "赵六" || !slices.Equal(d.Materials, []int{0, 1}) || !d.Saved.Equal(testStart) {
		t.Fatalf("draft = %+v", d)
	}
	// Values and materials the item no longer has are dropped.
	d.Values["gone"] = "x"
	d.Materials = append(d.Materials, 99, -1)
	b := fromDraft(it, d)
	if _, ok := b.values["gone"]; ok || !slices.Equal(b.brought(), []int{0, 1}) || b.values["name"] != "赵六" {
		t.Errorf("fromDraft = %v, %v", b.values, b.brought())
	}
	if _, errs, err := b.submission(cat, testStart); err != nil || len(errs) == 0 {
		t.Errorf("a half-filled draft submits: errs %v, err %v", errs, err)
	}
}

func TestStoreDrafts(t *testing.T) {
	r := newRig(t, nil, nil)
	d := StoreDrafts(r.store)
	if _, ok, err := d.Load(); ok || err != nil {
		t.Fatalf("Load on a new store: ok %v, err %v", ok, err)
	}
	want := Draft{ItemCode: "130102-SCJG-003", Values: map[string]string{"name": "张三"}, Materials: []int{1},
		Saved: testStart.Add(time.Minute), Lang: cases.EN, Elder: true, Shown: 2}
	if err := d.Save(want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := d.Load()
	if err != nil || !ok || got.ItemCode != want.ItemCode || got.Values["name"] != "张三" || !got.Saved.Equal(want.Saved) ||
		got.Lang != cases.EN || !got.Elder || got.Shown != 2 || !slices.Equal(got.Materials, []int{1}) {
		t.Fatalf("Load = %+v, %v, %v; want %+v", got, ok, err, want)
	}
	if err := d.Clear(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := d.Load(); ok {
		t.Error("the draft survived Clear")
	}
}
