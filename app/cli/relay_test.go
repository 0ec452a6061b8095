package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

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

	number := strings.Fields(must(t, data, "cases", "list"))[0]
	if _, errOut, code := run(t, data, "receipt", number, "--png", "r.png"); code != 0 {
		t.Fatalf("receipt --png beside the window: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "r.png")); err != nil {
		t.Fatalf("receipt --png beside the window wrote no r.png in the caller's folder: %v", err)
	}
	if _, errOut, code := run(t, data, "receipt", number, "--print"); code != 0 {
		t.Fatalf("receipt --print beside the window (printing again): exit %d, %q", code, errOut)
	}
	if out, errOut, code := run(t, data, "scan", "--image", "r.png"); code != 0 || !strings.Contains(out, number) {
		t.Fatalf("scan --image beside the window: exit %d, %q, %q", code, out, errOut)
	}
	if _, errOut, code := run(t, data, "keys", "export", "k.json"); code != 0 {
		t.Fatalf("keys export beside the window: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "k.json")); err != nil {
		t.Fatalf("keys export beside the window wrote no k.json in the caller's folder: %v", err)
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

func TestRelayedFilesAreTheCallers(t *testing.T) {
	wd, _ := os.Getwd()
	at := func(f string) string { return filepath.Join(wd, f) }
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"backup", []string{"copy.db"}, []string{at("copy.db")}},
		{"backup", []string{"--data", "d", "copy.db"}, []string{"--data", "d", at("copy.db")}},
		{"keys", []string{"export", "k.json"}, []string{"export", at("k.json")}},
		{"receipt", []string{"261127-K01-0001", "--png", "r.png"}, []string{"261127-K01-0001", "--png", at("r.png")}},
		{"receipt", []string{"261127-K01-0001", "--png=r.png", "--json"}, []string{"261127-K01-0001", "--png=" + at("r.png"), "--json"}},
		{"scan", []string{"--image", "/tmp/x.png"}, []string{"--image", "/tmp/x.png"}},
		{"scan", []string{"--text", "TB1:ABC"}, []string{"--text", "TB1:ABC"}},
		{"receipt", []string{"261127-K01-0001", "--print", "--document", "ticket"}, []string{"261127-K01-0001", "--print", "--document", "ticket"}},
	}
	for _, tt := range tests {
		got := absolutePaths(tt.name, tt.args)
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("absolutePaths(%s %v) = %v, want %v", tt.name, tt.args, got, tt.want)
		}
	}
}

func TestWindowNeedsADisplay(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	if runtime.GOOS != "linux" {
		t.Skip("the display check is for X11 and Wayland desktops")
	}
	for _, tt := range []struct {
		vars map[string]string
		want bool
	}{
		{map[string]string{}, true},
		{map[string]string{"DISPLAY": ":0"}, false},
		{map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
	} {
		if got := noDisplay(env(tt.vars)); got != tt.want {
			t.Errorf("noDisplay with %v = %v, want %v", tt.vars, got, tt.want)
		}
	}
	app := func() fyne.App { t.Fatal("a window was made without a display"); return nil }
	var out, errOut bytes.Buffer
	code := Main([]string{"kiosk", "--data", t.TempDir()}, Env{Stdout: &out, Stderr: &errOut, Getenv: env(map[string]string{}), NewApp: app})
	if code != 1 || !strings.Contains(errOut.String(), "DISPLAY") || strings.Count(errOut.String(), "\n") != 1 {
		t.Fatalf("kiosk without a display: exit %d, %q; want exit 1 and one sentence naming DISPLAY", code, errOut.String())
	}
}
