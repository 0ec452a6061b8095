package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the command line on a data folder and returns its output.
func run(t *testing.T, data string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string {
		if k == "TONGBAN_DATA" {
			return data
		}
		return ""
	}}
	code = Main(args, env)
	return out.String(), errOut.String(), code
}

// yyzz is the business licence change item of the sample catalog.
func licenceItem(t *testing.T, data string) string {
	t.Helper()
	out, errOut, code := run(t, data, "catalog", "search", "yyzz", "--json")
	if code != 0 {
		t.Fatalf("catalog search yyzz: exit %d: %s", code, errOut)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) == 0 {
		t.Fatalf("catalog search yyzz --json = %q (%v), want items", out, err)
	}
	if !strings.Contains(items[0]["name"].(string), "营业执照") {
		t.Fatalf("best match for yyzz is %v, want a 营业执照 item", items[0]["name"])
	}
	return items[0]["code"].(string)
}

// formFor fills every required field of an item with valid values.
func formFor(t *testing.T, data, code string) []string {
	t.Helper()
	out, _, _ := run(t, data, "catalog", "show", code, "--json")
	var item struct {
		Fields []struct {
			Key      string   `json:"key"`
			Kind     string   `json:"kind"`
			Required bool     `json:"required"`
			Choices  []string `json:"choices"`
		} `json:"fields"`
	}
	if err := json.Unmarshal([]byte(out), &item); err != nil {
		t.Fatalf("catalog show %s --json: %v", code, err)
	}
	var args []string
	for _, f := range item.Fields {
		v := map[string]string{"text": "测试", "id_number": "130102199003071233", "credit_code": "91130100MA07L2KQ25",
			"phone": "13800138000", "date": "2026-01-01", "number": "100"}[f.Kind]
		if f.Kind == "choice" {
			v = f.Choices[0]
		}
		if f.Key == "name" {
			v = "张三"
		}
		args = append(args, "--field", f.Key+"="+v)
	}
	return args
}

func TestCasesAddListShow(t *testing.T) {
	data := t.TempDir()
	code := licenceItem(t, data)
	out, errOut, exit := run(t, data, append([]string{"cases", "add", "--item", code, "--json"}, formFor(t, data, code)...)...)
	if exit != 0 {
		t.Fatalf("cases add: exit %d: %s", exit, errOut)
	}
	var added struct {
		ID, Number, ItemCode, Status string
		Fields                       map[string]string
		Events                       []any
	}
	if err := json.Unmarshal([]byte(out), &added); err != nil || added.Number == "" || len(added.Events) != 1 {
		t.Fatalf("cases add --json = %s (%v)", out, err)
	}
	out, _, exit = run(t, data, "cases", "show", added.Number, "--json")
	var shown map[string]any
	json.Unmarshal([]byte(out), &shown)
	for _, key := range []string{"id", "number", "item_code", "status", "fields", "events"} {
		if _, ok := shown[key]; !ok || exit != 0 {
			t.Errorf("cases show --json lacks %q (exit %d): %s", key, exit, out)
		}
	}
	out, _, _ = run(t, data, "cases", "show", added.Number)
	if !strings.Contains(out, "1301**********1233") || strings.Contains(out, "130102199003071233") {
		t.Errorf("cases show must mask the ID number:\n%s", out)
	}
	out, _, _ = run(t, data, "cases", "list")
	if !strings.Contains(out, added.Number) {
		t.Errorf("cases list does not show %s:\n%s", added.Number, out)
	}
}

func TestCasesAddRefusesBadIDNumbers(t *testing.T) {
	data := t.TempDir()
	must(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468") // a store to look in afterwards
	code := licenceItem(t, data)
	for _, bad := range []struct{ id, words string }{
		{"130102199003071234", "check character"},
		{"130102199002301233", "birth date"}, // 30 February
	} {
		args := append([]string{"cases", "add", "--item", code}, formFor(t, data, code)...)
		args = withField(args, "id_number="+bad.id)
		_, errOut, exit := run(t, data, args...)
		if exit != 2 {
			t.Errorf("cases add with ID %s: exit %d, want 2", bad.id, exit)
		}
		if !strings.Contains(errOut, "id_number") || !strings.Contains(errOut, bad.words) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("cases add with ID %s said %q; want one sentence naming id_number and the %s", bad.id, errOut, bad.words)
		}
	}
	out, _, _ := run(t, data, "cases", "list", "--json")
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("refused cases were stored: %s", out)
	}
}

func TestBadCommandsSayWhatToDo(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{
		{"frobnicate"},
		{"cases"},
		{"cases", "add"},
		{"cases", "add", "--item", "NOPE"},
		{"cases", "show", "nonsense"},
		{"catalog", "show"},
		{"catalog", "search", "  "},
		{"sync", "--once", "extra"},
		{"status", "now"},
		{"config", "role", "janitor"},
		{"cases", "list", "--status", "happy"},
	} {
		_, errOut, exit := run(t, data, args...)
		if exit != 2 || !strings.HasPrefix(errOut, "tongban: ") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("tongban %s: exit %d, stderr %q; want exit 2 and one sentence", strings.Join(args, " "), exit, errOut)
		}
	}
}

func TestBackupRestoreAndStatus(t *testing.T) {
	data := t.TempDir()
	code := licenceItem(t, data)
	out, _, _ := run(t, data, append([]string{"cases", "add", "--item", code}, formFor(t, data, code)...)...)
	number := strings.Fields(out)[2]
	file := t.TempDir() + "/b.db"
	if out, errOut, exit := run(t, data, "backup", file); exit != 0 || strings.Contains(out, "replacing") {
		t.Fatalf("backup: %q %s", out, errOut)
	}
	if out, errOut, exit := run(t, data, "backup", file); exit != 0 || !strings.Contains(out, tBackupReplaced.Both()) {
		t.Fatalf("a backup over the last one does not say it replaced it: %q %s", out, errOut)
	}
	other := t.TempDir()
	must(t, other, "config", "role", "counter")
	if _, errOut, exit := run(t, data, "backup", filepath.Join(other, "tongban.db")); exit != 2 || !strings.Contains(errOut, "whose data a backup would replace") {
		t.Fatalf("backup over another data folder's store: exit %d, %q; want 2 and a sentence", exit, errOut)
	}
	if out := must(t, other, "status"); !strings.Contains(out, "counter") {
		t.Fatalf("the refused backup changed the other folder's store:\n%s", out)
	}
	other = t.TempDir()
	if _, errOut, exit := run(t, other, "restore", file); exit != 0 {
		t.Fatalf("restore: %s", errOut)
	}
	if out, errOut, exit := run(t, other, "cases", "show", number); exit != 0 || !strings.Contains(out, number) {
		t.Fatalf("show after restore: %s %s", out, errOut)
	}
	out, _, exit := run(t, other, "status", "--json")
	var s statusJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil || exit != 0 || s.Pending != 1 || s.Device.Center != "130102" {
		t.Fatalf("status --json = %s (%v)", out, err)
	}
}
