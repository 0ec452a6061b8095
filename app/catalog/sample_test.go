package catalog_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"tongban/app/catalog"
	"tongban/assets"
)

func sample(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Parse(assets.SampleCatalog())
	if err != nil {
		t.Fatalf("sample catalog: %v", err)
	}
	return c
}

func TestSampleCatalogShape(t *testing.T) {
	c := sample(t)
	if c.Center.Code != "130102" || c.Center.NameZH != "石家庄市长安区政务服务中心" {
		t.Errorf("center = %+v", c.Center)
	}
	if len(c.Items) < 45 || len(c.Departments) < 9 || len(c.Categories) < 8 {
		t.Fatalf("%d items, %d departments, %d categories; want ≥ 45, ≥ 9, ≥ 8",
			len(c.Items), len(c.Departments), len(c.Categories))
	}
	for _, d := range c.Departments {
		if d.NameEN == "" || d.LocationZH == "" {
			t.Errorf("department %s lacks an English name or a location", d.Code)
		}
	}
	for _, g := range c.Categories {
		if len(c.ItemsIn(g.Code)) == 0 || g.NameEN == "" {
			t.Errorf("category %s is empty or lacks an English name", g.Code)
		}
	}
	queue := map[string]string{}
	for _, it := range c.Items {
		if it.NameEN == "" || it.BasisZH == "" && it.Department != "GAJ" {
			t.Errorf("%s %s lacks an English name or a legal basis", it.Code, it.NameZH)
		}
		if q, ok := queue[it.Department]; ok && q != it.Queue {
			t.Errorf("%s: department %s uses queues %s and %s", it.Code, it.Department, q, it.Queue)
		}
		queue[it.Department] = it.Queue
		company := false
		for _, f := range it.Fields {
			// Small text bounds keep every receipt inside its QR code.
			if f.Kind == catalog.KindText && (f.MaxLen == 0 || f.MaxLen > 30) {
				t.Errorf("%s: text field %s has max_len %d; want 1–30", it.Code, f.Key, f.MaxLen)
			}
			// Names of Uyghur, Tibetan or Mongolian applicants written in
			// hanzi with a middle dot run past ten characters.
			if f.Key == catalog.FieldName && f.MaxLen != 20 {
				t.Errorf("%s: name max_len %d, want 20", it.Code, f.MaxLen)
			}
			if f.Kind == catalog.KindDate && strings.HasSuffix(f.Key, "born_on") && !f.Past {
				t.Errorf("%s: %s is a birth date but not marked past", it.Code, f.Key)
			}
			company = company || f.Key == "company"
		}
		if company && !strings.Contains(it.NameZH, "设立") && !hasField(it, "credit_code") {
			t.Errorf("%s %s: company item without credit_code", it.Code, it.NameZH)
		}
	}
}

func hasField(it catalog.Item, key string) bool {
	for _, f := range it.Fields {
		if f.Key == key {
			return true
		}
	}
	return false
}

func TestSampleCatalogSearch(t *testing.T) {
	c := sample(t)
	tests := []struct {
		query string
		want  string // every one of the first n results has this in its name or keywords
		n     int
	}{
		{"yyzz", "营业执照", 4},
		{"营业执照", "营业执照", 4},
		{"yingyezhizhao", "营业执照", 4},
		{"gjj", "公积金", 6},
		{"gongjijin", "公积金", 6},
		{"shebao", "社保卡", 2},
		{"sbk", "社保卡", 2},
		{"社保卡", "社保卡", 2},
		{"jiazhao", "驾照", 2},
		{"bdcdj", "不动产", 6},
		{"business licence", "营业执照", 2},
		{"residence permit", "居住证", 2},
		{"jzz", "居住证", 2},
		{"130102-SCJG-003", "营业执照变更登记", 1},
	}
	for _, tt := range tests {
		got := c.Search(tt.query, 10)
		if len(got) < tt.n {
			t.Errorf("Search(%q) found %d, want ≥ %d", tt.query, len(got), tt.n)
			continue
		}
		for _, r := range got[:tt.n] {
			text := r.Item.NameZH + " " + strings.Join(r.Item.Keywords, " ")
			if !strings.Contains(text, tt.want) {
				t.Errorf("Search(%q) gave %s %s among the first %d; want %s", tt.query, r.Item.Code, r.Item.NameZH, tt.n, tt.want)
			}
		}
	}
}

// TestSampleCalendar checks the 2026 holiday file (read by the domain code)
// against the State Council notice: 33 days off, 6 weekend days worked.
func TestSampleCalendar(t *testing.T) {
	var cal struct {
		Source   string   `json:"source"`
		Holidays []string `json:"holidays"`
		Workdays []string `json:"workdays"`
	}
	dec := json.NewDecoder(strings.NewReader(string(assets.Calendar())))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cal); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cal.Source, "国务院办公厅关于2026年部分节假日安排的通知") {
		t.Errorf("source = %q", cal.Source)
	}
	if len(cal.Holidays) != 33 || len(cal.Workdays) != 6 {
		t.Errorf("%d holidays, %d workdays; want 33 and 6", len(cal.Holidays), len(cal.Workdays))
	}
	seen := map[string]bool{}
	for _, s := range cal.Holidays {
		if _, err := time.Parse(time.DateOnly, s); err != nil || seen[s] {
			t.Errorf("holiday %q is malformed or repeated", s)
		}
		seen[s] = true
	}
	for _, s := range cal.Workdays {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil || seen[s] {
			t.Errorf("workday %q is malformed or also a holiday", s)
			continue
		}
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			t.Errorf("workday %s is a %s; 调休 days are weekend days", s, wd)
		}
	}
}
