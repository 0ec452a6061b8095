package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// tongban cases show (and tongban scan) for people: what a clerk reads
// to know where a case stands and what it still waits for.

// printCase writes a case for people: the decision of a completed case,
// every filled field of the form under its label (ID and phone masked),
// the materials numbered from 1 with a mark each and a legend, the
// timeline in order with what each event decided or printed. With reveal
// the ID number is whole (cases show --reveal, which recorded it).
func (d *device) printCase(w io.Writer, cs *cases.Case, reveal bool) {
	fmt.Fprintf(w, "案件编号 Number    %s\n", cs.Number)
	fmt.Fprintf(w, "事项 Item          %s (%s)\n", d.itemName(cs.ItemCode), cs.ItemCode)
	status := cs.Status.Label().Both()
	if cs.Status == cases.StatusCompleted {
		status += " · " + cases.Decision(cs.Approved).Both()
	}
	fmt.Fprintf(w, "状态 Status        %s\n", status)
	fmt.Fprintf(w, "提交 Submitted     %s\n", cs.SubmittedAt.In(cases.Zone).Format("2006-01-02 15:04"))
	it, known := d.catalog.Item(cs.ItemCode)
	if known {
		if due, ok := cs.Due(d.calendar, it.PromisedDays, d.now()); ok {
			fmt.Fprintf(w, "承诺办结 Due       %s\n", due.Format(time.DateOnly))
		}
	}
	printForm(w, cs, it, reveal)
	if known {
		printMaterials(w, cs, it)
	}
	switch {
	case cs.Sync.FromReceipt:
		fmt.Fprintf(w, "同步 Sync          %s\n", tFromReceipt.Both())
	case !cs.Sync.Confirmed:
		fmt.Fprintf(w, "同步 Sync          未同步 not yet on the platform (%d pending)\n", cs.Sync.Pending)
	}
	fmt.Fprintln(w, "经过 Timeline")
	name := d.deviceNames(cs)
	for _, e := range cs.History() {
		line := "  " + eventLine(cs, it, name, e)
		if cs.SetAside(e) {
			line = "  [" + tSetAside.Both() + "]" + line
		}
		fmt.Fprintln(w, line)
	}
	// Each branch whole, as the counter shows it: the clerk decides on
	// what a branch ends in, not only on how it began.
	for _, b := range cs.Branches {
		fmt.Fprintf(w, "  分支 Branch: %s · %s · --keep %s\n", cs.Choice(b[0]).Both(), actor(name, b[0]), b[0].ID)
		for _, e := range b {
			fmt.Fprintln(w, "    "+eventLine(cs, it, name, e))
		}
	}
}

// eventLine is one event of a timeline: when, what (in both languages),
// who on which device, and what it decided or printed.
func eventLine(cs *cases.Case, it *catalog.Item, name func(string) string, e cases.Event) string {
	title := e.Title()
	line := fmt.Sprintf("%s  %s %s %s", e.Stamp.Time().In(cases.Zone).Format("01-02 15:04"), pad(title.ZH, 16), pad(title.EN, 27), actor(name, e))
	what := e.Summary(it)
	if r, kept, aside, ok := cs.Resolved(e); ok {
		what = resolutionDetail(cs, name, r, kept, aside)
	}
	if what != "" {
		line += "  — " + what
	}
	return line
}

// printForm lists every filled field of a case's form under its label in
// both languages, in the item's order: ID and phone numbers masked, a
// choice with its English label. Values the item does not ask for (a case
// made under another catalog version), or all of them when the item is
// unknown (it is nil), follow under their keys.
func printForm(w io.Writer, cs *cases.Case, it *catalog.Item, reveal bool) {
	type row struct{ label, value string }
	var rows []row
	asked := map[string]bool{}
	if it != nil {
		for _, f := range it.Fields {
			asked[f.Key] = true
			if v := cs.Fields[f.Key]; v != "" {
				rows = append(rows, row{f.LabelZH + " " + f.LabelEN, formValue(f, v, reveal)})
			}
		}
	}
	var rest []string
	for k, v := range cs.Fields {
		if !asked[k] && v != "" {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		rows = append(rows, row{k, formValue(catalog.Field{Key: k}, cs.Fields[k], reveal)})
	}
	fmt.Fprintln(w, tFormHeading.Both())
	if len(rows) == 0 {
		fmt.Fprintf(w, "  %s\n", tNone.Both())
		return
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, displayWidth(r.label))
	}
	for _, r := range rows {
		fmt.Fprintf(w, "  %s  %s\n", pad(r.label, cols), r.value)
	}
}

// formValue is a field's value as cases show prints it: an ID number or a
// mobile number masked (by its kind, or by the reserved key when the
// field is not in the catalog), a choice followed by its English label.
func formValue(f catalog.Field, v string, reveal bool) string {
	switch {
	case (f.Kind == catalog.KindIDNumber || f.Key == catalog.FieldIDNumber) && !reveal:
		return cases.MaskIDNumber(v)
	case f.Kind == catalog.KindPhone || f.Key == catalog.FieldPhone:
		return cases.MaskPhone(v)
	case f.Kind == catalog.KindChoice:
		if en := f.ChoiceEN(v); en != v {
			return v + " " + en
		}
	}
	return v
}

// Marks of a material in cases show, explained by the legend under the
// list.
const (
	markReceived = "✓"
	markDeclared = "·"
	markToCome   = "✗"
)

// printMaterials lists an item's materials by their numbers, each marked:
// received, declared by the applicant but not checked in, or still to come.
func printMaterials(w io.Writer, cs *cases.Case, it *catalog.Item) {
	fmt.Fprintln(w, "材料 Materials")
	if len(it.Materials) == 0 {
		fmt.Fprintf(w, "  %s\n", tNone.Both())
		return
	}
	toCome := stillToCome(cs, it)
	for i, m := range it.Materials {
		mark := " "
		switch {
		case slices.Contains(cs.Received, i):
			mark = markReceived
		case slices.Contains(toCome, i):
			mark = markToCome
		case slices.Contains(cs.Materials, i):
			mark = markDeclared
		}
		fmt.Fprintf(w, "  %s %d. %s\n", mark, materialNumber(i), m.NameZH)
	}
	fmt.Fprintf(w, "  %s %s: %s %s  %s %s  %s %s\n", tMarkLegend.ZH, tMarkLegend.EN,
		markReceived, tMarkReceived.Both(), markDeclared, tMarkDeclared.Both(), markToCome, tMarkToCome.Both())
}

// stillToCome lists the materials a case still waits for: those the last
// notice of missing materials named, those it owes since a receipt of
// supplements went ahead without them, and, while the case is open, the
// required ones an acceptance went ahead without (容缺受理). A case
// accepted by the coming of the materials a notice named (no acceptance
// event) has no shortfall: the notice listed everything missing.
func stillToCome(cs *cases.Case, it *catalog.Item) []int {
	var out []int
	accepted := cs.Status.Open() && slices.ContainsFunc(cs.Timeline, func(e cases.Event) bool { return e.Kind == cases.KindAccepted })
	for i, m := range it.Materials {
		if slices.Contains(cs.Received, i) {
			continue
		}
		if slices.Contains(cs.Missing, i) || slices.Contains(cs.Owed, i) || accepted && m.Required {
			out = append(out, i)
		}
	}
	return out
}

// deviceNames names the devices of a case's events as the counter's
// timeline does (cases.Directory.Name): by the short code the center's
// device directory gives (saved by sync), else this device's own, else the
// one the case number carries for the device that took it, else the end
// of the ID.
func (d *device) deviceNames(cs *cases.Case) func(id string) string {
	var dir cases.Directory
	learned := map[string]string{}
	if d.store != nil {
		d.store.GetJSON(cases.KeyDirectory, &dir) // unreadable: named by what the device knows itself
		if id, err := d.store.Identity(); err == nil && id.DeviceID != "" {
			learned[id.DeviceID] = id.ShortCode
		}
	}
	if dev, code, ok := cases.NumberedBy(cs); ok && learned[dev] == "" {
		learned[dev] = code
	}
	return func(id string) string { return dir.Name(id, learned) }
}

// actor names who made an event: the staff ID, and the device it was
// made on, by its short code where the device knows it (deviceNames).
func actor(name func(id string) string, e cases.Event) string {
	dev := tOnDevice.Both() + " " + name(e.Device)
	if e.Staff != "" {
		return e.Staff + " · " + dev
	}
	return dev
}

// resolutionDetail says which branch a resolution kept and which it set
// aside (what each stands for and who made it), and the clerk's note.
func resolutionDetail(cs *cases.Case, name func(id string) string, r cases.Resolution, kept cases.Event, aside []cases.Event) string {
	parts := []string{labelled(tKept, cs.Choice(kept).Both()+" · "+actor(name, kept))}
	for _, x := range aside {
		parts = append(parts, labelled(tSetAside, cs.Choice(x).Both()+" · "+actor(name, x)))
	}
	return joinDetail(append(parts, labelled(tNoteLabel, r.Note))...)
}

// labelled writes "理由 Reasons: …", or "" when there is nothing to say.
func labelled(label cases.Text, what string) string {
	if strings.TrimSpace(what) == "" {
		return ""
	}
	return label.Both() + ": " + what
}

// joinDetail joins the parts of a detail that are there with "；".
func joinDetail(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "；")
}
