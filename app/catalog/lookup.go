package catalog

import (
	"slices"
	"strings"
)

// index is what Validate builds once so that lookups are map reads and a
// search never touches the pinyin dictionary.
type index struct {
	items  map[string]int // item code → position in Items
	depts  map[string]int
	cats   map[string]int
	byCat  map[string][]*Item // in catalog order
	search *searchIndex
}

func buildIndex(c *Catalog) *index {
	x := &index{
		items: make(map[string]int, len(c.Items)),
		depts: make(map[string]int, len(c.Departments)),
		cats:  make(map[string]int, len(c.Categories)),
		byCat: make(map[string][]*Item, len(c.Categories)),
	}
	for i, d := range c.Departments {
		x.depts[d.Code] = i
	}
	for i, g := range c.Categories {
		x.cats[g.Code] = i
	}
	for i := range c.Items {
		it := &c.Items[i]
		x.items[it.Code] = i
		x.byCat[it.Category] = append(x.byCat[it.Category], it)
	}
	x.search = buildSearch(c.Items)
	return x
}

// Item returns the item with the given code.
func (c *Catalog) Item(code string) (*Item, bool) {
	if c.index != nil {
		if i, ok := c.index.items[code]; ok {
			return &c.Items[i], true
		}
	} else if i := slices.IndexFunc(c.Items, func(it Item) bool { return it.Code == code }); i >= 0 {
		return &c.Items[i], true // built in code without Validate: scan
	}
	// A code typed in another letter case (130102-scjg-003) finds its
	// item, as case numbers do; an exact match always wins.
	return at(c.Items, slices.IndexFunc(c.Items, func(it Item) bool { return strings.EqualFold(it.Code, code) }))
}

// Department returns the department with the given code.
func (c *Catalog) Department(code string) (*Department, bool) {
	if c.index == nil {
		i := slices.IndexFunc(c.Departments, func(d Department) bool { return d.Code == code })
		return at(c.Departments, i)
	}
	i, ok := c.index.depts[code]
	if !ok {
		return nil, false
	}
	return &c.Departments[i], true
}

// Category returns the category with the given code.
func (c *Catalog) Category(code string) (*Category, bool) {
	if c.index == nil {
		i := slices.IndexFunc(c.Categories, func(g Category) bool { return g.Code == code })
		return at(c.Categories, i)
	}
	i, ok := c.index.cats[code]
	if !ok {
		return nil, false
	}
	return &c.Categories[i], true
}

// ItemsIn returns the items of a category in catalog order; nil for an
// unknown or empty category. The slice is the caller's to keep.
func (c *Catalog) ItemsIn(category string) []*Item {
	if c.index == nil {
		var out []*Item
		for i := range c.Items {
			if c.Items[i].Category == category {
				out = append(out, &c.Items[i])
			}
		}
		return out
	}
	return slices.Clone(c.index.byCat[category])
}

// at returns &s[i], or false when i is -1.
func at[T any](s []T, i int) (*T, bool) {
	if i < 0 {
		return nil, false
	}
	return &s[i], true
}
