package catalog

import "testing"

func TestLookups(t *testing.T) {
	for _, indexed := range []bool{true, false} {
		c := validCatalog()
		if indexed {
			if err := c.Validate(); err != nil {
				t.Fatal(err)
			}
		}
		if it, ok := c.Item("130102-GJJ-001"); !ok || it != &c.Items[1] {
			t.Errorf("indexed=%v: Item = %v, %v", indexed, it, ok)
		}
		if it, ok := c.Item("130102-gjj-001"); !ok || it != &c.Items[1] {
			t.Errorf("indexed=%v: Item in lower case = %v, %v", indexed, it, ok)
		}
		if _, ok := c.Item("nope"); ok {
			t.Errorf("indexed=%v: Item(nope) found", indexed)
		}
		if d, ok := c.Department("GJJ"); !ok || d.NameZH != "住房公积金管理中心" {
			t.Errorf("indexed=%v: Department = %v, %v", indexed, d, ok)
		}
		if _, ok := c.Department("SWJ"); ok {
			t.Errorf("indexed=%v: Department(SWJ) found", indexed)
		}
		if g, ok := c.Category("business"); !ok || g.NameZH != "企业开办与经营" {
			t.Errorf("indexed=%v: Category = %v, %v", indexed, g, ok)
		}
		if _, ok := c.Category("tax"); ok {
			t.Errorf("indexed=%v: Category(tax) found", indexed)
		}
		if got := c.ItemsIn("housing_fund"); len(got) != 1 || got[0] != &c.Items[1] {
			t.Errorf("indexed=%v: ItemsIn = %v", indexed, got)
		}
		if got := c.ItemsIn("tax"); len(got) != 0 {
			t.Errorf("indexed=%v: ItemsIn(tax) = %v", indexed, got)
		}
	}
}

func TestItemsInOrderAndOwned(t *testing.T) {
	c := validCatalog()
	third := c.Items[0]
	third.Code, third.NameZH = "130102-SCJG-001", "公司设立登记"
	c.Items = append(c.Items, third)
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	got := c.ItemsIn("business")
	if len(got) != 2 || got[0].Code != "130102-SCJG-003" || got[1].Code != "130102-SCJG-001" {
		t.Fatalf("ItemsIn not in catalog order: %v", got)
	}
	got[0] = nil // the caller's copy
	if c.ItemsIn("business")[0] == nil {
		t.Fatal("ItemsIn returned the index's own slice")
	}
}
