package catalog_test

import (
	"strings"
	"testing"
)

// On the sample catalog, initials find the items about 营业执照 first: the
// audit saw yy rank 失业保险金申领 first (score 221, equal with 营业执照变更
// 登记), through 失's rare reading yi.
func TestSampleSearchFindsBusinessLicenceFirst(t *testing.T) {
	c := sample(t)
	licence := func(name string, keywords []string) bool {
		if strings.Contains(name, "营业执照") {
			return true
		}
		for _, k := range keywords {
			if k == "营业执照" {
				return true
			}
		}
		return false
	}
	for _, q := range []string{"yy", "yyzz"} {
		got := c.Search(q, 0)
		var names []string
		for _, r := range got {
			names = append(names, r.Item.NameZH)
		}
		if len(got) < 4 {
			t.Fatalf("Search(%q) = %q, want at least the four 营业执照 items", q, names)
		}
		// The two named 营业执照, then the two that list it as a keyword.
		for i, r := range got[:4] {
			if !licence(r.Item.NameZH, r.Item.Keywords) || (i < 2) != strings.HasPrefix(r.Item.NameZH, "营业执照") {
				t.Errorf("Search(%q)[%d] = %s; want the 营业执照 items first, those named so before those with the keyword: %q",
					q, i, r.Item.NameZH, names)
			}
		}
		for i, r := range got {
			if r.Item.NameZH == "失业保险金申领" && i < 4 {
				t.Errorf("Search(%q): 失业保险金申领 at %d, before a 营业执照 item: %q", q, i, names)
			}
		}
	}
	// 失业 is still found by what it is read as.
	if got := c.Search("shiye", 1); len(got) != 1 || got[0].Item.NameZH != "失业保险金申领" {
		t.Errorf("Search(shiye) = %v, want 失业保险金申领 first", got)
	}
}
