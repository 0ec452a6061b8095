package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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
		{"standard output", "-", []string{"不能写到标准输出", "not to standard output"}},
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

// deviceOf reads a data folder's identity as tongban status --json says it.
func deviceOf(t *testing.T, data string) deviceJSON {
	t.Helper()
	var st statusJSON
	if err := json.Unmarshal([]byte(must(t, data, "status", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	return st.Device
}

// pendingOf is the number of events a data folder has not sent yet.
func pendingOf(t *testing.T, data string) int {
	t.Helper()
	var st statusJSON
	if err := json.Unmarshal([]byte(must(t, data, "status", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	return st.Pending
}

// The audit's case: kiosk K01 took cases 0001-0005 and synced them; a
// backup made after 0001 is restored on a new machine, which takes an
// application before its first sync could pull 0002-0005 back: today's
// numbers leapt to 1000, so it cannot reissue one of them. The original
// machine, once it has pulled the copy's 1000, goes on at 1001.
func TestRestoreOnANewMachineThenSync(t *testing.T) {
	url := startPlatform(t)
	kiosk := t.TempDir()
	must(t, kiosk, "enroll", "--platform", url, "--code", newCode(t, url, "kiosk"))
	file := filepath.Join(t.TempDir(), "bk.db")
	for i := range 5 {
		addLicenceCase(t, kiosk)
		if i == 0 {
			must(t, kiosk, "backup", file)
		}
	}
	must(t, kiosk, "sync", "--once")

	fresh := filepath.Join(t.TempDir(), "new")
	if out := must(t, fresh, "restore", file); !strings.Contains(out, "numbered from 1000") {
		t.Fatalf("restore onto a new machine does not say where today's numbers go on:\n%s", out)
	}
	if sixth := addLicenceCase(t, fresh); !strings.HasSuffix(sixth, "-1000") {
		t.Fatalf("the restored machine's next case is %s, want 1000", sixth)
	}
	if out := must(t, fresh, "sync", "--once"); !strings.Contains(out, "被拒 0") {
		t.Fatalf("the restored machine's first sync: %s", out)
	}

	must(t, kiosk, "sync", "--once")
	if next := addLicenceCase(t, kiosk); !strings.HasSuffix(next, "-1001") {
		t.Fatalf("the original machine's next case after pulling the copy's 1000 is %s, want 1001", next)
	}
}

// Restoring an older backup loses no case made since: the cases not yet
// sent come along, and the output says how many events it carried.
func TestRestoreKeepsUnsentCases(t *testing.T) {
	data := t.TempDir()
	first := addLicenceCase(t, data)
	file := filepath.Join(t.TempDir(), "b1.db")
	must(t, data, "backup", file)
	later := []string{addLicenceCase(t, data), addLicenceCase(t, data)}
	if n := pendingOf(t, data); n != 3 {
		t.Fatalf("pending before the restore = %d, want 3", n)
	}
	out := must(t, data, "restore", file)
	if !strings.Contains(out, "备份里没有的 2 条记录已一并带入") || !strings.Contains(out, "the backup lacked were carried over (2)") {
		t.Fatalf("restore said %q; want it to say 2 unsent events were carried over", out)
	}
	if n := pendingOf(t, data); n != 3 {
		t.Fatalf("pending after the restore = %d, want the 3 of before", n)
	}
	for _, n := range append(later, first) {
		if out := must(t, data, "cases", "show", n); !strings.Contains(out, n) {
			t.Fatalf("cases show %s after the restore: %q", n, out)
		}
	}
	var r map[string]any
	file2 := filepath.Join(t.TempDir(), "b2.db")
	must(t, data, "backup", file2)
	if err := json.Unmarshal([]byte(must(t, data, "restore", file2, "--json")), &r); err != nil || r["carried"] != 0.0 {
		t.Fatalf("restore --json of a backup holding everything = %v (%v), want carried 0", r, err)
	}
}

// A kiosk's backup restored onto a counter's folder is refused in a
// sentence naming both devices, and changes nothing; --other-device makes
// the counter's machine the kiosk, deliberately. A new folder takes it.
func TestRestoreRefusesAnotherDevicesBackup(t *testing.T) {
	url := startPlatform(t)
	kiosk, counter := t.TempDir(), t.TempDir()
	must(t, kiosk, "enroll", "--platform", url, "--code", newCode(t, url, "kiosk"))
	must(t, counter, "enroll", "--platform", url, "--code", newCode(t, url, "counter"))
	addLicenceCase(t, kiosk)
	file := filepath.Join(t.TempDir(), "kiosk.db")
	must(t, kiosk, "backup", file)
	k, c := deviceOf(t, kiosk), deviceOf(t, counter)

	_, errOut, code := run(t, counter, "restore", file)
	wantRefusal(t, "restore of the kiosk's backup onto the counter", errOut, code,
		"自助机 "+k.ShortCode, "窗口 "+c.ShortCode, "中心 130102", "--other-device",
		"kiosk "+k.ShortCode+" of center 130102", "counter "+c.ShortCode+" of center 130102")
	if got := deviceOf(t, counter); got.ShortCode != c.ShortCode {
		t.Fatalf("after the refusal the counter's folder is device %s, want %s", got.ShortCode, c.ShortCode)
	}
	if kept, _ := filepath.Glob(filepath.Join(counter, "*before-restore*")); len(kept) != 0 {
		t.Fatalf("a refused restore kept %v", kept)
	}

	out := must(t, counter, "restore", file, "--other-device")
	if !strings.Contains(out, "本机现在是中心 130102 的自助机 "+k.ShortCode+"（原来是中心 130102 的窗口 "+c.ShortCode+"）") {
		t.Errorf("restore --other-device said %q; want it to name the device this machine now is, and was", out)
	}
	if got := deviceOf(t, counter); got.ShortCode != k.ShortCode {
		t.Fatalf("after --other-device the folder is device %s, want the kiosk's %s", got.ShortCode, k.ShortCode)
	}
	must(t, filepath.Join(t.TempDir(), "new"), "restore", file)
}

// A backup that cannot be written says why in words of its own in each
// language — the system's English only in the English — and that nothing
// was written over.
func TestBackupFailuresSayWhy(t *testing.T) {
	file := "/media/usb/bk.db"
	for _, tc := range []struct {
		name   string
		err    error
		code   int
		zh, en string
	}{
		{"a full disk", fmt.Errorf("the backup could not be written: %w", &fs.PathError{Op: "write", Path: "/media/usb/.tongban-backup-1", Err: syscall.ENOSPC}),
			exitFailed, "磁盘已满，备份没有写成，原有的文件没有被覆盖；请腾出空间，或把备份写到另一个磁盘", "The disk of /media/usb/bk.db is full"},
		{"no permission", &fs.PathError{Op: "open", Path: "/media/usb/.tongban-backup-1", Err: fs.ErrPermission},
			exitBadArgs, "没有权限在 /media/usb/bk.db 写入备份", "permission denied"},
		{"an I/O error", fmt.Errorf("the backup could not be written: %w", &fs.PathError{Op: "write", Path: "/media/usb/.tongban-backup-1", Err: syscall.EIO}),
			exitFailed, "备份没有写成", "input/output error"},
		{"not a file", store.ErrBackupNotFile, exitBadArgs, "/media/usb/bk.db 不是普通文件", "is not a regular file"},
	} {
		var errOut bytes.Buffer
		code := report(&errOut, backupError(file, tc.err))
		zh, en := wantBilingual(t, tc.name, errOut.String())
		if code != tc.code || !strings.Contains(zh, tc.zh) || !strings.Contains(en, tc.en) {
			t.Errorf("%s: exit %d, %q; want exit %d, %q and %q", tc.name, code, errOut.String(), tc.code, tc.zh, tc.en)
		}
		for _, raw := range []string{"no space", "permission denied", "input/output", "could not be written"} {
			if strings.Contains(zh, raw) {
				t.Errorf("%s: the Chinese half %q holds the system's English %q", tc.name, zh, raw)
			}
		}
	}
}
