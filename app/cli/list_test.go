package cli

import (
	"regexp"
	"strings"
	"testing"
)

// TestCasesListSaysHowManyMore: a list cut at --limit ends with how many
// more there are and the --limit that shows them all.
func TestCasesListSaysHowManyMore(t *testing.T) {
	data := t.TempDir()
	for range 3 {
		addLicenceCase(t, data)
	}
	out, errOut, exit := run(t, data, "cases", "list", "--limit", "2")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if exit != 0 || len(lines) != 3 {
		t.Fatalf("cases list --limit 2: exit %d, %q %q; want two cases and a last line", exit, out, errOut)
	}
	if last := lines[2]; !strings.Contains(last, "还有 1 件") || !strings.Contains(last, "1 more not listed; --limit 3 lists them all") {
		t.Errorf("the last line is %q; want how many more and --limit 3", last)
	}
	if out, _, _ := run(t, data, "cases", "list"); strings.Contains(out, "more") || strings.Count(out, "\n") != 3 {
		t.Errorf("cases list with nothing cut off:\n%s", out)
	}
}

// TestTablesLineUpInDisplayColumns: with Chinese and Latin names the
// columns of cases list start at the same terminal column, and so do the
// actors of a timeline, whose device is shortened.
func TestTablesLineUpInDisplayColumns(t *testing.T) {
	data := t.TempDir()
	run(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468")
	code := licenceItem(t, data)
	for _, name := range []string{"张三", "Li", "欧阳娜娜"} {
		args := withField(append([]string{"cases", "add", "--item", code}, formFor(t, data, code)...), "name="+name)
		if _, errOut, exit := run(t, data, args...); exit != 0 {
			t.Fatalf("cases add %s: %s", name, errOut)
		}
	}
	out, _, _ := run(t, data, "cases", "list")
	phone := regexp.MustCompile(`138\*\*\*\*8000`)
	col := -1
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		i := phone.FindStringIndex(line)
		if i == nil {
			t.Fatalf("no masked phone in %q", line)
		}
		if c := displayWidth(line[:i[0]]); col < 0 {
			col = c
		} else if c != col {
			t.Errorf("cases list: the phone starts at column %d here, %d above:\n%s", c, col, out)
		}
	}

	n := strings.Fields(out)[0]
	run(t, data, "cases", "supplement", n, "--staff", "S001", "--missing", "1", "--received", "2,4")
	show, _, _ := run(t, data, "cases", "show", n)
	_, timeline, _ := strings.Cut(show, "经过 Timeline\n")
	rows := strings.Split(strings.TrimRight(timeline, "\n"), "\n")
	if len(rows) != 2 {
		t.Fatalf("timeline of a submitted and supplemented case:\n%s", show)
	}
	col = -1
	for _, r := range rows {
		i := strings.Index(r, "设备 Device")
		if strings.Count(r, "-") > 1 || i < 0 {
			t.Errorf("timeline row %q: want the device shortened and labelled", r)
			continue
		}
		if strings.Contains(r, "一次性告知补正") && !strings.Contains(r, "S001 · 设备 Device ") {
			t.Errorf("timeline row %q does not name the clerk", r)
		}
		actor := i
		if j := strings.Index(r, "S001"); j >= 0 {
			actor = j
		}
		if c := displayWidth(r[:actor]); col < 0 {
			col = c
		} else if c != col {
			t.Errorf("the actor starts at column %d, %d above:\n%s", c, col, timeline)
		}
	}
}
