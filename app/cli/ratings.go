package cli

import (
	"fmt"

	"tongban/app/cases"
)

// ratingsCommand: tongban ratings [--bad] — the 好差评 this device knows;
// --bad lists the bad reviews the center must call back.
func ratingsCommand(c *call) error {
	fs := c.flags("ratings")
	bad := fs.Bool("bad", false, "only bad reviews (不满意, 非常不满意), which need a callback")
	if err := c.parseFlags(fs, c.args); err != nil {
		return err
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	rs, err := d.store.Ratings(*bad)
	if err != nil {
		return err
	}
	if c.json {
		if rs == nil {
			return writeJSON(c.env.Stdout, []any{})
		}
		return writeJSON(c.env.Stdout, rs)
	}
	for _, r := range rs {
		callback := ""
		if r.Bad {
			callback = "需回访 call back " + r.Phone
		}
		fmt.Fprintf(c.env.Stdout, "%s  %s %s %s %s %s\n", r.At.In(cases.Zone).Format("01-02 15:04"), pad(r.Number, 16),
			pad(r.Level.Label().ZH, 10), d.itemName(r.ItemCode), r.Comment, callback)
	}
	if len(rs) == 0 {
		fmt.Fprintln(c.env.Stdout, "没有评价 No ratings")
	}
	return nil
}
