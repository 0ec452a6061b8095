package cli

import (
	"fmt"
	"strings"
)

// catalogVerbs are the subcommands of tongban catalog.
var catalogVerbs = []subcommand{
	{"search WORDS", "find service items by words or pinyin initials (yyzz: 营业执照)"},
	{"show CODE", "an item's materials (numbered from 1, as --received and --missing take them), form fields, time limits and fee"},
}

func catalogCommand(c *call) error {
	if len(c.args) > 0 && isHelp(c.args[0]) {
		groupHelp(c.env.Stdout, "catalog", catalogVerbs)
		return nil
	}
	if len(c.args) == 0 {
		return badf(tCatalogWhat)
	}
	verb, args := c.args[0], c.args[1:]
	c.name, c.summary = "catalog "+verb, summaryOf(catalogVerbs, verb)
	fs := c.flags(c.name)
	limit := new(int)
	switch verb {
	case "search":
		c.synopsis = "WORDS|PINYIN-INITIALS [--limit N]"
		fs.IntVar(limit, "limit", 10, "at most this many results")
	case "show":
		c.synopsis = "CODE"
	default:
		return badf(tCatalogNoVerb, verb)
	}
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case verb == "search" && strings.TrimSpace(strings.Join(pos, "")) == "":
		return badf(tGiveSearchWords)
	case verb == "show" && len(pos) != 1:
		return badf(tGiveItemCode, "130102-SCJG-001")
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	if verb == "show" {
		it, ok := d.catalog.Item(pos[0])
		if !ok {
			return badf(tNoItem, pos[0])
		}
		if c.json {
			return writeJSON(c.env.Stdout, itemView(it))
		}
		d.printItem(c, itemView(it))
		return nil
	}
	results := d.catalog.Search(strings.Join(pos, " "), *limit)
	if c.json {
		views := make([]itemJSON, 0, len(results))
		for _, r := range results {
			v := itemView(r.Item)
			v.Score = r.Score
			views = append(views, v)
		}
		return writeJSON(c.env.Stdout, views)
	}
	for _, r := range results {
		fmt.Fprintf(c.env.Stdout, "%-18s %s  %s\n", r.Item.Code, r.Item.NameZH, r.Item.NameEN)
	}
	if len(results) == 0 {
		fmt.Fprintln(c.env.Stdout, "没有找到 Nothing found")
	}
	return nil
}

func (d *device) printItem(c *call, v itemJSON) {
	w := c.env.Stdout
	fmt.Fprintf(w, "%s  %s\n%s\n", v.Code, v.Name, v.NameEN)
	if dep, ok := d.catalog.Department(v.Department); ok {
		fmt.Fprintf(w, "部门 Department   %s  %s  %s\n", dep.NameZH, dep.LocationZH, listOrNone(v.Windows))
	}
	fmt.Fprintf(w, "类型 Type         %s\n", v.Type)
	fmt.Fprintf(w, "时限 Time limit   法定 %d 个工作日，承诺 %d 个工作日 (legal %d, promised %d working days)\n",
		v.LegalDays, v.PromisedDays, v.LegalDays, v.PromisedDays)
	if v.FeeFen == 0 {
		fmt.Fprintln(w, "收费 Fee          免费 Free")
	} else {
		fmt.Fprintf(w, "收费 Fee          ￥%d.%02d\n", v.FeeFen/100, v.FeeFen%100)
	}
	fmt.Fprintln(w, "材料 Materials")
	for i, m := range v.Materials {
		form := "复印件 copy"
		if m.Original {
			form = "原件 original"
		}
		req := "必交 required"
		if !m.Required {
			req = "视情况 if applicable"
		}
		fmt.Fprintf(w, "  %d. %s ×%d  %s  %s\n", materialNumber(i), m.NameZH, m.Count, form, req)
	}
	fmt.Fprintln(w, "表单 Form fields")
	for _, f := range v.Fields {
		req := ""
		if f.Required {
			req = "*"
		}
		fmt.Fprintf(w, "  %-14s %s%s (%s)", f.Key, f.Label, req, f.Kind)
		if len(f.Choices) > 0 {
			fmt.Fprintf(w, " %s", strings.Join(choiceLabels(f), " / "))
		}
		fmt.Fprintln(w)
	}
}

// choiceLabels are a choice field's options as "住所 Domicile": the value a
// case stores (what --field takes), then its English label when the
// catalog gives one. A label that already starts with the value, as
// "C1 (small car, manual)" does, stands alone.
func choiceLabels(f fieldJSON) []string {
	out := make([]string, len(f.Choices))
	for i, c := range f.Choices {
		switch {
		case i >= len(f.ChoicesEN) || f.ChoicesEN[i] == c:
			out[i] = c
		case strings.HasPrefix(f.ChoicesEN[i], c):
			out[i] = f.ChoicesEN[i]
		default:
			out[i] = c + " " + f.ChoicesEN[i]
		}
	}
	return out
}
