package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongban/app/store"
)

// runWithEnv runs the command line with the given environment variables only.
func runWithEnv(vars map[string]string, args ...string) (stdout, stderr string, code int) {
	var out, errOut bytes.Buffer
	code = Main(args, Env{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] }})
	return out.String(), errOut.String(), code
}

// wantRefusal checks a refusal: exit 2, one line that leads with a
// Chinese sentence of its own (not the generic lead), and the words given.
func wantRefusal(t *testing.T, what, stderr string, code int, words ...string) {
	t.Helper()
	if code != exitBadArgs || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "tongban: ") {
		t.Errorf("%s: exit %d, %q; want exit 2 and one sentence", what, code, stderr)
	}
	if strings.Contains(stderr, tFailedLead.ZH) || strings.Contains(stderr, tBadLead.ZH) {
		t.Errorf("%s: %q has the generic Chinese lead, not a sentence of its own", what, stderr)
	}
	for _, w := range words {
		if !strings.Contains(stderr, w) {
			t.Errorf("%s: %q does not say %q", what, stderr, w)
		}
	}
}

// The backup's target is never the store in use, whichever name it is
// given, and a folder is said to be a folder.
func TestBackupRefusesTheStore(t *testing.T) {
	data := t.TempDir()
	number := addLicenceCase(t, data)
	live := filepath.Join(data, store.FileName)
	before, _ := os.Stat(live)
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(live, link); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	relative, _ := filepath.Rel(wd, live)
	for _, tc := range []struct {
		name, file string
		words      []string
	}{
		{"the store", live, []string{"正在使用的数据文件", "is the store this device is using"}},
		{"the store, relative", relative, []string{"正在使用的数据文件"}},
		{"a symlink to the store", link, []string{"正在使用的数据文件"}},
		{"the data folder", data, []string{"是一个文件夹", "is a folder"}},
		{"a missing folder", filepath.Join(t.TempDir(), "none", "b.db"), []string{"没有文件夹", "There is no folder"}},
		{"a file in the data folder", filepath.Join(data, "b.db"), []string{"备份不能放在数据目录里", "outside the data folder"}},
	} {
		_, errOut, code := run(t, data, "backup", tc.file)
		wantRefusal(t, "backup to "+tc.name, errOut, code, tc.words...)
	}
	if after, err := os.Stat(live); err != nil || !os.SameFile(before, after) {
		t.Fatalf("the store's file was replaced (%v)", err)
	}
	if out, _, code := run(t, data, "cases", "list"); code != 0 || !strings.Contains(out, number) {
		t.Fatalf("cases list after the refusals: exit %d, %q", code, out)
	}
}

// The audit's case: the kiosk window holds the store, and the backup is
// handed to it (relay.go). It refuses the same, with exit 2.
func TestBackupBesideAWindowRefusesTheStore(t *testing.T) {
	data := t.TempDir()
	addLicenceCase(t, data)
	live := filepath.Join(data, store.FileName)
	before, _ := os.Stat(live)
	holdStore(t, data)
	_, errOut, code := run(t, data, "backup", live, "--data", data)
	wantRefusal(t, "backup over the store beside the window", errOut, code, "正在使用的数据文件")
	if after, err := os.Stat(live); err != nil || !os.SameFile(before, after) {
		t.Fatalf("the window's store was replaced (%v)", err)
	}
	file := filepath.Join(t.TempDir(), "copy.db")
	if _, errOut, code := run(t, data, "backup", file); code != 0 {
		t.Fatalf("a good backup beside the window: exit %d, %q", code, errOut)
	}
}

// After a restore the device goes on numbering after the highest number
// the replaced store issued, and says where it kept that store.
func TestRestoreKeepsCaseNumbersUnique(t *testing.T) {
	data := t.TempDir()
	first := addLicenceCase(t, data)
	file := filepath.Join(t.TempDir(), "b1.db")
	must(t, data, "backup", file)
	second := addLicenceCase(t, data)
	out := must(t, data, "restore", file)
	kept, _ := filepath.Glob(filepath.Join(data, store.FileName+".before-restore-*"))
	if len(kept) != 1 || !strings.Contains(out, kept[0]) || !strings.HasPrefix(out, "已恢复") {
		t.Fatalf("restore said %q; want it to name the kept store %v", out, kept)
	}
	third := addLicenceCase(t, data)
	if third == second || third <= second || second <= first {
		t.Fatalf("numbers %s, then %s after the backup, then %s after the restore: one was issued twice", first, second, third)
	}
}

// Restoring into a folder with no store says the backup was put in place,
// and leaves no empty "previous" store.
func TestRestoreIntoANewFolder(t *testing.T) {
	data := t.TempDir()
	number := addLicenceCase(t, data)
	file := filepath.Join(t.TempDir(), "b1.db")
	must(t, data, "backup", file)
	fresh := filepath.Join(t.TempDir(), "newdir")
	out := must(t, fresh, "restore", file)
	if !strings.Contains(out, "这里原来没有数据") || strings.Contains(out, "kept") {
		t.Fatalf("restore into a new folder said %q", out)
	}
	if entries, _ := os.ReadDir(fresh); len(entries) != 1 || entries[0].Name() != store.FileName {
		t.Fatalf("the new folder holds %v, want only %s", entries, store.FileName)
	}
	if out := must(t, fresh, "cases", "show", number); !strings.Contains(out, number) {
		t.Fatalf("cases show after restoring: %q", out)
	}
}

// A restore from a file that is not there, not readable, not a backup or
// the store itself is bad input, said in a sentence of its own.
func TestRestoreRefusesBadFiles(t *testing.T) {
	data := t.TempDir()
	addLicenceCase(t, data)
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	for _, tc := range []struct {
		name, file string
		words      []string
	}{
		{"a missing file", "/nonexistent.db", []string{"没有找到备份文件 /nonexistent.db", "There is no backup file"}},
		{"a folder", t.TempDir(), []string{"是一个文件夹"}},
		{"junk", junk, []string{"不是 tongban 备份"}},
		{"the store itself", filepath.Join(data, store.FileName), []string{"正在使用的数据文件"}},
	} {
		_, errOut, code := run(t, data, "restore", tc.file)
		wantRefusal(t, "restore of "+tc.name, errOut, code, tc.words...)
	}
	if kept, _ := filepath.Glob(filepath.Join(data, "*before-restore*")); len(kept) != 0 {
		t.Fatalf("a refused restore kept %v", kept)
	}
}

// Commands that read, or act on what is there, do not make a store in a
// folder without one: they say so, naming the folder and where it came
// from. A command that writes makes one, but not when its input is bad.
func TestAFolderWithoutAStore(t *testing.T) {
	base := t.TempDir()
	missing := filepath.Join(base, "mistyped")
	empty := t.TempDir()
	reading := [][]string{
		{"cases", "list"}, {"cases", "show", "261127-X22-0001"},
		{"backup", filepath.Join(base, "b.db")}, {"ratings"}, {"config"}, {"receipt", "261127-X22-0001"},
		{"keys", "export", filepath.Join(base, "k.json")}, {"staff", "list"}, {"sync", "--once"},
		{"cases", "withdraw", "261127-X22-0001", "--reason", "x"},
	}
	for _, args := range reading {
		for _, dir := range []string{missing, empty} {
			_, errOut, code := run(t, "", append(args, "--data", dir)...)
			wantRefusal(t, "tongban "+strings.Join(args, " ")+" on "+dir, errOut, code,
				dir, "还没有本机的数据", "--data 给出的目录", "tongban kiosk", "tongban enroll")
		}
	}
	_, errOut, code := run(t, missing, "cases", "list")
	wantRefusal(t, "cases list from TONGBAN_DATA", errOut, code, "TONGBAN_DATA 指定的目录", "from TONGBAN_DATA")

	// status reports a folder without a store as a device that has not
	// run, or a mistyped folder, and makes nothing: on a brand-new machine
	// the default folder is not there yet.
	xdg := filepath.Join(base, "xdg")
	out, errOut, code := runWithEnv(map[string]string{"XDG_DATA_HOME": xdg}, "status")
	if code != 0 || !strings.Contains(out, filepath.Join(xdg, "tongban")) || !strings.Contains(out, "默认数据目录") || !strings.Contains(out, "还没有数据") {
		t.Errorf("status on a new machine: exit %d, %q %q; want exit 0 and the default folder said to hold no data yet", code, out, errOut)
	}
	out, _, code = run(t, "", "status", "--json", "--data", missing)
	if code != 0 || !strings.Contains(out, `"no_store": true`) {
		t.Errorf("status --json on a missing folder: exit %d, %q; want no_store true", code, out)
	}
	for _, dir := range []string{missing, xdg} {
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("status made %s (%v)", dir, err)
		}
	}

	// The catalog needs no store, and makes none.
	if out, errOut, code := run(t, missing, "catalog", "search", "yyzz"); code != 0 || !strings.Contains(out, "营业执照") {
		t.Fatalf("catalog search without a store: exit %d, %q %q", code, out, errOut)
	}
	// Commands that write, given bad input, leave nothing behind.
	for _, args := range [][]string{
		{"cases", "add", "--item", "130102-SCJG-001", "--field", "id_number=130102199003071234"},
		{"config", "role", "bogus"},
		{"scan", "--text", "not a receipt"},
	} {
		if _, errOut, code := run(t, missing, args...); code != exitBadArgs {
			t.Errorf("tongban %s: exit %d, %q; want 2", strings.Join(args, " "), code, errOut)
		}
		if _, err := os.Stat(missing); !os.IsNotExist(err) {
			t.Fatalf("tongban %s left %s behind (%v)", strings.Join(args, " "), missing, err)
		}
		if _, errOut, _ := run(t, empty, args...); errOut == "" {
			t.Errorf("tongban %s on an empty folder said nothing", strings.Join(args, " "))
		}
		if entries, _ := os.ReadDir(empty); len(entries) != 0 {
			t.Fatalf("tongban %s left %v in an empty folder", strings.Join(args, " "), entries)
		}
	}
	// A command that writes makes the store.
	must(t, missing, "config", "role", "counter")
	if _, err := os.Stat(filepath.Join(missing, store.FileName)); err != nil {
		t.Fatalf("config role counter made no store: %v", err)
	}
	if out := must(t, missing, "status"); !strings.Contains(out, "counter") {
		t.Fatalf("status after config role counter: %q", out)
	}
}
