package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tongban/app/store"
)

// holdStore opens the device in data as a window does and answers relayed
// commands until the test ends.
func holdStore(t *testing.T, data string) {
	t.Helper()
	c := &call{env: Env{Getenv: func(string) string { return "" }}, data: data}
	d, err := c.open()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { serveRelay(ctx, d, c.env); close(done) }()
	t.Cleanup(func() { cancel(); <-done; d.close() })
}

// With a window holding the store, status and backup run through it; a
// command that would change the store still says the folder is in use.
func TestCommandsBesideARunningWindow(t *testing.T) {
	data := t.TempDir()
	item := licenceItem(t, data)
	if _, errOut, code := run(t, data, "cases", "add", "--item", item, "--field", "name=张三",
		"--field", "id_number=130102199003071233", "--field", "phone=13800138000",
		"--field", "company=石家庄通办科技有限公司", "--field", "credit_code=91130100MA07L2KQ25", "--field", "change=住所"); code != 0 {
		t.Fatalf("cases add: %s", errOut)
	}
	holdStore(t, data)

	out, errOut, code := run(t, data, "status", "--json")
	if code != 0 || !strings.Contains(out, `"center"`) {
		t.Fatalf("status beside the window: exit %d, %q, %q", code, out, errOut)
	}
	if out, _, code := run(t, data, "cases", "list"); code != 0 || !strings.Contains(out, "张三") {
		t.Fatalf("cases list beside the window: exit %d, %q", code, out)
	}

	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	if _, errOut, code := run(t, data, "backup", "copy.db"); code != 0 {
		t.Fatalf("backup beside the window: exit %d, %q", code, errOut)
	}
	restored := t.TempDir()
	if err := store.Restore(restored, filepath.Join(dir, "copy.db")); err != nil {
		t.Fatalf("the backup taken through the window does not restore: %v", err)
	}

	if _, errOut, code := run(t, data, "config", "idle_seconds", "60"); code == 0 || !strings.Contains(errOut, "in use by another tongban process") {
		t.Fatalf("config set beside the window: exit %d, %q; want the folder-in-use sentence", code, errOut)
	}
}

// With nobody answering (a window of an older version, or one stopped
// hard), the command gives up after a while and says the folder is in use.
func TestRelayWithNobodyAnswering(t *testing.T) {
	data := t.TempDir()
	run(t, data, "status")
	c := &call{env: Env{Getenv: func(string) string { return "" }}, data: data}
	d, err := c.open()
	if err != nil {
		t.Fatal(err)
	}
	defer d.close()
	defer func(w time.Duration) { relayWait = w }(relayWait)
	relayWait = 200 * time.Millisecond
	_, errOut, code := run(t, data, "status")
	if code == 0 || !strings.Contains(errOut, "in use by another tongban process") {
		t.Fatalf("status with nobody answering: exit %d, %q", code, errOut)
	}
	if left, _ := filepath.Glob(filepath.Join(data, relayFolder, "*")); len(left) != 0 {
		t.Fatalf("requests left behind: %v", left)
	}
}
