package catalog

import (
	"fmt"
	"slices"
	"testing"
)

// searchCatalog is a catalog whose names exercise ranking and heteronyms.
func searchCatalog(t testing.TB) *Catalog {
	c := validCatalog()
	base := c.Items[1]
	add := func(code, zh, en string, keywords ...string) {
		it := base
		it.Code, it.NameZH, it.NameEN, it.Keywords = code, zh, en, keywords
		c.Items = append(c.Items, it)
	}
	add("X-01", "营业执照", "Business licence")
	add("X-02", "个体工商户营业执照办理", "Sole proprietor licence")
	add("X-03", "银行开户许可", "Bank account permit")
	add("X-04", "重新申领驾驶证", "Driving licence reapplication", "驾照")
	add("X-05", "长安区居住证签注", "Residence permit endorsement")
	add("X-06", "社会保障卡申领", "Social security card application", "社保卡")
	add("X-07", "不动产登记（首次登记）", "First real estate registration")
	add("X-08", "执照年检", "Licence annual check")
	add("X-09", "农村执照", "Rural licence")
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	return c
}

func codes(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Item.Code
	}
	return out
}

func TestSearch(t *testing.T) {
	c := searchCatalog(t)
	const change = "130102-SCJG-003" // 营业执照变更登记, keywords 营业执照 执照
	tests := []struct {
		query string
		want  []string // exactly these, in this order; nil: no result
	}{
		{"", nil},
		{"   ", nil},
		{"\x00", nil},
		// exact name, then exact keyword, then prefix, then substring
		{"营业执照", []string{"X-01", change, "X-02"}},
		{"yyzz", []string{"X-01", change, "X-02"}},
		{"yingyezhizhao", []string{"X-01", change, "X-02"}},
		{"yingyezhiz", []string{"X-01", change, "X-02"}}, // still typing
		{"ＹＹＺＺ", []string{"X-01", change, "X-02"}},       // full-width from an IME
		// a name that starts with the query, then names holding it
		// (shorter first, catalog order last), before keywords
		{"执照", []string{"X-08", "X-01", "X-09", change, "X-02"}},
		// English, any case, either spelling; a phrase beats scattered words
		{"business licence", []string{"X-01", change}},
		{"BUSINESS License", []string{"X-01", change}},
		{"licence reapplication", []string{"X-04"}},
		// every word must match
		{"营业执照 变更", []string{change}},
		{"yyzz biangeng", []string{change}},
		{"营业执照 驾驶证", nil},
		// heteronyms: every reading counts
		{"yinhang", []string{"X-03"}},
		{"yh", []string{"X-03"}},
		{"chongxin", []string{"X-04"}},
		{"changan", []string{"X-05"}},
		{"caq", []string{"X-05"}},
		{"zhangan", []string{"X-05"}},
		// colloquial keywords
		{"sbk", []string{"X-06"}},
		{"shebao", []string{"X-06"}},
		{"社保", []string{"X-06"}},
		{"jiazhao", []string{"X-04"}},
		// punctuation is skipped by pinyin, kept by literal search
		{"bdcdjscdj", []string{"X-07"}},
		{"（首次", []string{"X-07"}},
		// codes
		{"130102-scjg-003", []string{change}},
		{"gjj-001", []string{"130102-GJJ-001"}},
		{"xyzxyz", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := c.Search(tt.query, 0)
			if !slices.Equal(codes(got), tt.want) && !(len(got) == 0 && tt.want == nil) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, describe(got), tt.want)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Score > got[i-1].Score {
					t.Errorf("scores not descending: %v", describe(got))
				}
			}
		})
	}
}

func describe(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%s %s %d", r.Item.Code, r.Item.NameZH, r.Score)
	}
	return out
}

func TestSearchRanksExactPrefixSubstring(t *testing.T) {
	c := searchCatalog(t)
	got := c.Search("营业执照", 0)
	if len(got) != 3 || !(got[0].Score > got[1].Score && got[1].Score > got[2].Score) {
		t.Fatalf("exact, prefix and substring should score apart: %v", describe(got))
	}
}

// TestSearchLimit checks that the top-k path gives the same head as a full
// sort, for every limit.
func TestSearchLimit(t *testing.T) {
	c := searchCatalog(t)
	for _, q := range []string{"z", "执照", "l", "登记", "yyzz"} {
		all := c.Search(q, 0)
		for k := 1; k <= len(all)+1; k++ {
			got := c.Search(q, k)
			want := all[:min(k, len(all))]
			if !slices.Equal(codes(got), codes(want)) {
				t.Errorf("Search(%q, %d) = %v, want %v", q, k, codes(got), codes(want))
			}
		}
	}
}

func TestSearchWithoutValidate(t *testing.T) {
	c := validCatalog() // never validated: no index
	if got := c.Search("gjj", 5); len(got) != 1 || got[0].Item.Code != "130102-GJJ-001" {
		t.Fatalf("Search = %v", describe(got))
	}
}

func TestSearchLongQuery(t *testing.T) {
	c := searchCatalog(t)
	long := "营业执照营业执照营业执照营业执照营业执照营业执照营业执照营业执照" // over MaxQueryLen
	if got := c.Search(long, 0); got != nil {  // cut to 21 characters: no name has them
		t.Fatalf("Search(long) = %v", describe(got))
	}
	if got := truncate(long, MaxQueryLen); len(got) > MaxQueryLen || len(got)%3 != 0 {
		t.Fatalf("truncate split a character: %q", got)
	}
}

// TestScanAgreesWithItemCheck: Search scores the lead word by scanning and
// the other words item by item; both paths must give the same score.
func TestScanAgreesWithItemCheck(t *testing.T) {
	c := syntheticCatalog(t, 500)
	x := c.index.search
	for _, w := range []string{"z", "zh", "yyzz", "yingye", "yingyezhizhao", "证", "营业执照", "licence",
		"business", "130102-syn-00042", "bl", "gjj", "gongjijin", "chongxin", "changan", "zhangan", "(个人)", "qxz"} {
		w = fold(w)
		scan := x.scoreWord(w)
		for i := range c.Items {
			one := x.haystackFor(w).scoreItem(i, w)
			if pinyinWord(w) {
				one = max(one, x.pinyinItem(i, w))
			}
			if one != scan[i] {
				t.Fatalf("%q on %s %s: scan %d, item check %d", w, c.Items[i].Code, c.Items[i].NameZH, scan[i], one)
			}
		}
	}
}
