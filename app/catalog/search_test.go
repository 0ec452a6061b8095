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
	add("X-10", "失业保险金申领", "Unemployment benefit") // 失 shi, rarely yi
	add("X-11", "优惠政策兑现", "Preferential policy payment")
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
		// heteronyms: the primary (first) reading of a character ranks
		// above its others, which still find it, lower: 失业 is shiye,
		// and yy reaches it only through a rare reading of 失 (yi).
		{"yy", []string{"X-01", change, "X-02", "X-10"}},
		{"shiye", []string{"X-10"}},
		{"sybx", []string{"X-10"}},
		{"yiye", []string{"X-10"}},
		{"yyb", []string{"X-10"}},
		// 行 is xing first, so 优惠 (youhui) beats 银行 (yinhang) for yh,
		// though 银行's is the earlier, whole-name-prefix match.
		{"yh", []string{"X-11", "X-03"}},
		{"yx", []string{"X-03"}},
		{"yinhang", []string{"X-03"}},
		{"yinxing", []string{"X-03"}},
		{"chongxin", []string{"X-04"}},
		{"zhongxin", []string{"X-04"}},
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

// TestSearchRanksPrimaryReadingsFirst checks the scores behind the order:
// a match through a secondary reading scores below every match through
// primary readings, whatever its place or kind, and a heteronym's
// secondary reading still finds it.
func TestSearchRanksPrimaryReadingsFirst(t *testing.T) {
	c := searchCatalog(t)
	tests := []struct {
		query          string
		primary, other string // codes: found through the primary reading / only another
	}{
		{"yy", "X-02", "X-10"},   // 个体工商户营业执照办理 (a substring) over 失业… (a whole-name prefix)
		{"yh", "X-11", "X-03"},   // 优惠… over 银行…
		{"zhangan", "X-05", ""},  // 长 is zhang first in go-pinyin
		{"changan", "", "X-05"},  // and chang second: still found
		{"zhongxin", "X-04", ""}, // 重 zhong
		{"chongxin", "", "X-04"}, // 重 chong
	}
	for _, tt := range tests {
		got := c.Search(tt.query, 0)
		scores := map[string]int{}
		for _, r := range got {
			scores[r.Item.Code] = r.Score
		}
		if tt.primary != "" && scores[tt.primary] == 0 || tt.other != "" && scores[tt.other] == 0 {
			t.Errorf("Search(%q) = %v, want both %s and %s found", tt.query, describe(got), tt.primary, tt.other)
			continue
		}
		if tt.primary != "" && tt.other != "" && scores[tt.primary] <= scores[tt.other] {
			t.Errorf("Search(%q): %s (primary readings) scores %d, not above %s (another reading) %d",
				tt.query, tt.primary, scores[tt.primary], tt.other, scores[tt.other])
		}
		if tt.primary != "" && !isPrimary(int32(scores[tt.primary])) {
			t.Errorf("Search(%q): %s scores %d, not as a primary-reading match", tt.query, tt.primary, scores[tt.primary])
		}
		if tt.other != "" && isPrimary(int32(scores[tt.other])) {
			t.Errorf("Search(%q): %s scores %d, as if through primary readings", tt.query, tt.other, scores[tt.other])
		}
	}
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
		"business", "130102-syn-00042", "bl", "gjj", "gongjijin", "chongxin", "changan", "zhangan", "(个人)", "qxz",
		"yy", "yiye", "sy", "yh", "hang", "yinhang", "cx", "y", "c"} {
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
