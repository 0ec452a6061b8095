package cli

// A data file that cannot be read as it should: damaged, empty, or
// written by a newer tongban. Each is said so, in JSON too for status,
// and nothing is made of it.

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"tongban/app/store"
	"tongban/app/store/storetest"
)

// A damaged store is said to be damaged: a backup of it is refused
// before it touches the last good one, a command that reads it says so in
// one sentence (the stack only with TONGBAN_DEBUG), a damaged backup is
// refused, and restoring the last good backup puts the device right.
func TestADamagedStore(t *testing.T) {
	data := t.TempDir()
	var numbers []string
	for range 8 {
		numbers = append(numbers, addLicenceCase(t, data))
	}
	good := filepath.Join(t.TempDir(), "good.db")
	must(t, data, "backup", good)
	goodBytes, _ := os.ReadFile(good)
	live := filepath.Join(data, store.FileName)
	storetest.Damage(t, live)

	_, errOut, code := run(t, data, "backup", good)
	if code != exitFailed {
		t.Errorf("backup of a damaged store: exit %d, want 1", code)
	}
	zh, en := wantBilingual(t, "backup of a damaged store", errOut)
	if !strings.Contains(zh, "已损坏") || !strings.Contains(zh, "上一份完好的备份原样保留") || !strings.Contains(zh, "tongban restore") ||
		!strings.Contains(en, "is damaged at page") || !strings.Contains(en, "no backup was written") {
		t.Errorf("backup of a damaged store said %q", errOut)
	}
	if now, _ := os.ReadFile(good); !bytes.Equal(now, goodBytes) {
		t.Fatal("the refused backup changed the last good one")
	}

	out, _, code := run(t, data, "status", "--check", "--json")
	if code != exitFailed || !strings.Contains(out, `"store_damaged"`) {
		t.Errorf("status --check on a damaged store: exit %d, %s; want exit 1 and the store_damaged problem", code, out)
	}
	if out, _, code := run(t, data, "status"); code != exitOK || !strings.Contains(out, "数据文件已损坏") || strings.Contains(out, "无 none") {
		t.Errorf("plain status on a damaged store: exit %d, %s; want the problem listed", code, out)
	}

	_, errOut, code = run(t, data, "cases", "list")
	if code != exitFailed || strings.Contains(errOut, "goroutine") {
		t.Errorf("cases list on a damaged store: exit %d, %q; want exit 1 and no stack", code, errOut)
	}
	zh, en = wantBilingual(t, "cases list on a damaged store", errOut)
	if !strings.Contains(zh, "数据文件看来已损坏") || !strings.Contains(zh, "tongban restore") || !strings.Contains(en, "looks damaged") {
		t.Errorf("cases list on a damaged store said %q", errOut)
	}
	_, errOut, code = runWithEnv(map[string]string{"TONGBAN_DATA": data, "TONGBAN_DEBUG": "1"}, "cases", "list")
	if code != exitFailed || !strings.Contains(errOut, "goroutine") || !strings.Contains(errOut, "go.etcd.io/bbolt") || !strings.Contains(errOut, "数据文件看来已损坏") {
		t.Errorf("cases list on a damaged store with TONGBAN_DEBUG: exit %d, %q; want the sentence and the stack", code, errOut)
	}

	bad := filepath.Join(t.TempDir(), "bad.db")
	damaged, _ := os.ReadFile(live)
	os.WriteFile(bad, damaged, 0o600)
	_, errOut, code = run(t, t.TempDir(), "restore", bad)
	wantRefusal(t, "restore of a damaged backup", errOut, code, "备份文件 "+bad+" 已损坏", "is damaged at page")

	out = must(t, data, "restore", good)
	if !strings.HasPrefix(out, "已恢复") {
		t.Fatalf("restore of the good backup over the damaged store said %q", out)
	}
	out = must(t, data, "cases", "list")
	for _, n := range numbers {
		if !strings.Contains(out, n) {
			t.Errorf("cases list after the restore lacks %s: %q", n, out)
		}
	}
}

// A panic that does not come from the store is not taken for a damaged
// data file: it goes on.
func TestOnlyTheStoresPanicsAreDamage(t *testing.T) {
	defer func() {
		if r := recover(); r != "a bug" {
			t.Fatalf("damagedStore on another panic recovered %v, want the panic to go on", r)
		}
	}()
	var errOut bytes.Buffer
	damagedStore(Env{Stderr: &errOut, Getenv: func(string) string { return "" }}, "a bug", []byte("goroutine 1 [running]:\ntongban/app/cli.Main(...)"))
	t.Fatalf("damagedStore returned on a panic outside the store, saying %q", errOut.String())
}

// An empty data file (a copy cut short, a full disk) is damage, not a new
// device: status says so as a problem, in JSON too, and no command makes
// a new store of it.
func TestAnEmptyStoreIsDamage(t *testing.T) {
	data := t.TempDir()
	live := filepath.Join(data, store.FileName)
	os.WriteFile(live, nil, 0o600)
	out, _, code := run(t, data, "status", "--check", "--json")
	var s statusJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil || code != exitFailed || len(s.Problems) != 1 || s.Problems[0].Code != "store_damaged" ||
		!strings.Contains(s.Problems[0].Message, "the file is empty") {
		t.Errorf("status --check --json of an empty store: exit %d, %s (%v); want exit 1 and store_damaged alone", code, out, err)
	}
	for _, args := range [][]string{{"cases", "list"}, {"cases", "add", "--item", "130102-SCJG-003"}} {
		_, errOut, code := run(t, data, args...)
		if code != exitFailed || !strings.Contains(errOut, "数据文件看来已损坏") || !strings.Contains(errOut, "the file is empty") {
			t.Errorf("%v on an empty store: exit %d, %q; want exit 1 and the damaged sentence", args, code, errOut)
		}
	}
	if fi, _ := os.Stat(live); fi.Size() != 0 {
		t.Errorf("the empty store was written to: %d bytes", fi.Size())
	}
}

// A store written by a newer tongban cannot be read here: status says so
// as a problem, in JSON too, for the monitoring script.
func TestStatusOfANewerStore(t *testing.T) {
	data := t.TempDir()
	addLicenceCase(t, data)
	db, err := bolt.Open(filepath.Join(data, store.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 99}) })
	db.Close()
	out, _, code := run(t, data, "status", "--check", "--json")
	var s statusJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil || code != exitFailed || len(s.Problems) != 1 || s.Problems[0].Code != "store_too_new" {
		t.Errorf("status --check --json of a newer store: exit %d, %s (%v); want exit 1 and store_too_new", code, out, err)
	}
}

// A store cut short (its freelist past the end) or with a page of zeros
// (a leaf of the cases) still gets the status's JSON naming the damage,
// for the monitoring script: bbolt panicked opening or reading them, and
// status wrote nothing.
func TestStatusOfAStoreCutShortOrZeroed(t *testing.T) {
	whole := t.TempDir()
	for range 40 {
		addLicenceCase(t, whole)
	}
	original, _ := os.ReadFile(filepath.Join(whole, store.FileName))
	for _, tc := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"cut short", func(b []byte) []byte { return b[:len(b)*2/5] }},
		{"a page of zeros", func(b []byte) []byte {
			out := bytes.Clone(b)
			clear(out[11*4096 : 12*4096])
			return out
		}},
	} {
		data := t.TempDir()
		os.WriteFile(filepath.Join(data, store.FileName), tc.damage(original), 0o600)
		out, errOut, code := run(t, data, "status", "--check", "--json")
		var s statusJSON
		if err := json.Unmarshal([]byte(out), &s); err != nil || code != exitFailed || !s.StoreDamaged {
			t.Errorf("status --check --json of a store %s: exit %d, %s (%v), %q; want exit 1 and store_damaged", tc.name, code, out, err, errOut)
		}
	}
}

// A data folder on a disk gone read-only (what a failing disk often
// comes to): status names the problem, backup still copies the store out
// and cases list reads it, and a command that would write says why not.
// It needs a read-only bind mount (root); elsewhere it is skipped.
func TestAReadOnlyDisk(t *testing.T) {
	data, ro := t.TempDir(), t.TempDir()
	addLicenceCase(t, data)
	if out, err := exec.Command("mount", "--bind", data, ro).CombinedOutput(); err != nil {
		t.Skipf("no bind mount here: %s", out)
	}
	t.Cleanup(func() { exec.Command("umount", ro).Run() })
	if out, err := exec.Command("mount", "-o", "remount,ro,bind", ro).CombinedOutput(); err != nil {
		t.Skipf("no read-only remount here: %s", out)
	}
	out, errOut, _ := run(t, ro, "status", "--json")
	var s statusJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil || !strings.Contains(out, `"store_read_only"`) {
		t.Errorf("status --json on a read-only disk: %s (%v), %q; want the problem store_read_only", out, err, errOut)
	}
	if _, errOut, code := run(t, ro, "backup", filepath.Join(t.TempDir(), "b.db")); code != 0 {
		t.Errorf("backup from a read-only disk: exit %d, %q", code, errOut)
	}
	if out, _, code := run(t, ro, "cases", "list"); code != 0 || !strings.Contains(out, "张三") {
		t.Errorf("cases list on a read-only disk: exit %d, %q", code, out)
	}
	if _, errOut, code := run(t, ro, "cases", "add", "--item", licenceItem(t, ro), "--field", "name=张三",
		"--field", "id_number=130102199003071233", "--field", "phone=13800138000",
		"--field", "company=石家庄通办科技有限公司", "--field", "credit_code=91130100MA07L2KQ25", "--field", "change=住所"); code != exitFailed || !strings.Contains(errOut, "磁盘是只读的") {
		t.Errorf("cases add on a read-only disk: exit %d, %q; want exit 1 saying the disk is read-only", code, errOut)
	}
}
