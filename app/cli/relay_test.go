package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"tongban/app/store"
)

// holdStore opens the device in data as a kiosk window does (marking the
// folder, answering relayed commands, closing for tongban stop) until the
// test ends or a tongban stop closes it.
func holdStore(t *testing.T, data string) {
	t.Helper()
	c := &call{env: Env{Getenv: func(string) string { return "" }}, data: data}
	d, err := c.open()
	if err != nil {
		t.Fatal(err)
	}
	unmark, err := markWindow(data, "kiosk")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var once sync.Once
	closeAll := func() { once.Do(func() { cancel(); <-done; d.close(); unmark() }) }
	stop := func(answer string, asJSON bool) {
		go func() { // as the window: quit, close the store, then answer
			closeAll()
			var out bytes.Buffer
			writeStopped(&out, asJSON, "kiosk")
			writeAnswer(answer, relayAnswer{Stdout: out.String()})
		}()
	}
	go func() { serveRelay(ctx, relayHost{dev: d, env: c.env, stop: stop}); close(done) }()
	t.Cleanup(closeAll)
}

// With a window holding the store, status, backup and cases add run
// through it; a command that would change the store's settings still says
// the folder is in use.
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
	if out, errOut, code := run(t, data, "staff", "list"); code != 0 || !strings.Contains(out, "本机没有经办人") && !strings.Contains(out, "No clerks") {
		t.Fatalf("staff list beside the window: exit %d, %q, %q", code, out, errOut)
	}
	if out, errOut, code := run(t, data, "catalog", "search", "yyzz"); code != 0 || !strings.Contains(out, "营业执照") {
		t.Fatalf("catalog search beside the window: exit %d, %q, %q", code, out, errOut)
	}
	if out, errOut, code := run(t, data, "catalog", "show", "130102-SCJG-003", "--json"); code != 0 || !strings.Contains(out, `"code": "130102-SCJG-003"`) {
		t.Fatalf("catalog show beside the window: exit %d, %q, %q", code, out, errOut)
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

	// An application is taken as the window takes one; bad input is told.
	add := []string{"cases", "add", "--item", item, "--field", "name=李四", "--field", "phone=13800138000",
		"--field", "company=石家庄通办科技有限公司", "--field", "credit_code=91130100MA07L2KQ25", "--field", "change=住所"}
	if _, errOut, code := run(t, data, append(add, "--field", "id_number=130102199003071234")...); code != exitBadArgs || !strings.Contains(errOut, "ID number") {
		t.Fatalf("cases add with a wrong ID number beside the window: exit %d, %q; want 2 and the field named", code, errOut)
	}
	if out, errOut, code := run(t, data, append(add, "--field", "id_number=130102199003071233")...); code != 0 || !strings.Contains(out, "-0002") {
		t.Fatalf("cases add beside the window: exit %d, %q, %q", code, out, errOut)
	}

	if _, errOut, code := run(t, data, "config", "idle_seconds", "60"); code != exitFailed || !strings.Contains(errOut, "close the window with tongban stop first") {
		t.Fatalf("config set beside the window: exit %d, %q; want the sentence saying to close it with tongban stop", code, errOut)
	}
}

// With nobody answering, the command gives up after a while: held by a
// command that serves no requests (no window marked), it says so; held by
// a window that hangs (kill -STOP), it says the window did not answer and
// how to end it.
func TestRelayWithNobodyAnswering(t *testing.T) {
	data := t.TempDir()
	must(t, data, "config", "idle_seconds", "90")
	c := &call{env: Env{Getenv: func(string) string { return "" }}, data: data}
	d, err := c.open()
	if err != nil {
		t.Fatal(err)
	}
	defer d.close()
	defer func(w time.Duration) { relayWait = w }(relayWait)
	relayWait = 200 * time.Millisecond
	_, errOut, code := run(t, data, "status")
	if code != exitFailed || !strings.Contains(errOut, "does not run commands for others") {
		t.Fatalf("status with a command holding the folder: exit %d, %q", code, errOut)
	}
	wantBilingual(t, "status with a command holding the folder", errOut)
	if left, _ := filepath.Glob(filepath.Join(data, relayFolder, "*")); len(left) != 0 {
		t.Fatalf("requests left behind: %v", left)
	}

	unmark, err := markWindow(data, "counter") // a window that takes nothing: hung
	if err != nil {
		t.Fatal(err)
	}
	defer unmark()
	for _, args := range [][]string{{"status"}, {"stop"}} {
		_, errOut, code = run(t, data, args...)
		zh, en := wantBilingual(t, "status beside a hung window", errOut)
		pid := strconv.Itoa(os.Getpid())
		if code != exitFailed || !strings.Contains(en, "The counter window holding the data folder did not answer within") ||
			!strings.Contains(en, pid) || !strings.Contains(zh, "没有应答") || strings.Contains(en, "close it first") {
			t.Errorf("%v beside a hung window: exit %d, %q; want it did not answer, and process %s", args, code, errOut, pid)
		}
	}
	// A monitoring script (status --check --json) still gets JSON that
	// names the problem.
	out, errOut, code := run(t, data, "status", "--check", "--json")
	var s statusJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil || code != exitFailed || len(s.Problems) != 1 || s.Data != data || s.Version == "" ||
		s.Problems[0].Code != "window_not_answering" || !strings.Contains(s.Problems[0].Message, "没有应答") {
		t.Errorf("status --check --json beside a hung window: exit %d, stdout %q (%v), stderr %q; want exit 1 and the problem window_not_answering", code, out, err, errOut)
	}
	if !strings.Contains(out, `"pending": null`) || !strings.Contains(out, `"device": null`) {
		t.Errorf("status --json beside a hung window gives values it could not read (a zero passes for a reading): %s", out)
	}
	if left, _ := filepath.Glob(filepath.Join(data, relayFolder, "*.req")); len(left) != 0 {
		t.Fatalf("requests left behind: %v", left)
	}

	// The window closes (tongban stop) with a request still waiting: the
	// command says so at once rather than after the wait.
	relayWait = 20 * time.Second
	go func() { // once the request waits
		for reqs := []string(nil); len(reqs) == 0; time.Sleep(20 * time.Millisecond) {
			reqs, _ = filepath.Glob(filepath.Join(data, relayFolder, "*.req"))
		}
		unmark()
	}()
	begin := time.Now()
	_, errOut, code = run(t, data, "status")
	if _, en := wantBilingual(t, "status as the window closes", errOut); code != exitFailed || en != tWindowGone.EN || time.Since(begin) > 10*time.Second {
		t.Errorf("status as the window closes: exit %d, %q after %v; want %q at once", code, errOut, time.Since(begin), tWindowGone.EN)
	}
}

// TestStopClosesTheWindow: the install steps run beside an autostarted
// kiosk. A setting says to close the window with tongban stop; print-test
// runs through it; tongban stop closes it and answers once the store is
// closed, so the setting works next; with no window, tongban stop says so.
func TestStopClosesTheWindow(t *testing.T) {
	data := t.TempDir()
	must(t, data, "config", "idle_seconds", "90")
	holdStore(t, data)

	for _, args := range [][]string{{"config", "role", "counter"}, {"enroll", "--platform", "http://127.0.0.1:1", "--code", "X"}, {"sync", "--once"}} {
		_, errOut, code := run(t, data, args...)
		zh, en := wantBilingual(t, strings.Join(args, " ")+" beside the window", errOut)
		if code != exitFailed || !strings.Contains(zh, "tongban stop") || !strings.Contains(en, "kiosk window: close the window with tongban stop first") {
			t.Errorf("%v beside the window: exit %d, %q; want the sentence naming tongban stop", args, code, errOut)
		}
	}
	if out, errOut, code := run(t, data, "print-test", "--printer", "dir://"+t.TempDir()); code != 0 || !strings.Contains(out, "Test page sent") {
		t.Errorf("print-test beside the window: exit %d, %q, %q", code, out, errOut)
	}
	if out, errOut, code := run(t, data, "config", "idle_seconds", "--json"); code != 0 || !strings.Contains(out, `"value": 90`) {
		t.Errorf("config KEY --json beside the window: exit %d, %q, %q; want it read through the window", code, out, errOut)
	}

	out, errOut, code := run(t, data, "stop")
	if code != 0 || out != bothf(tWindowStopped, roleName("kiosk"))+"\n" {
		t.Fatalf("stop: exit %d, %q, %q; want the kiosk window closed", code, out, errOut)
	}
	if out, errOut, code := run(t, data, "config", "role", "counter"); code != 0 {
		t.Fatalf("config right after stop: exit %d, %q, %q; want the store free", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(data, relayFolder, windowMarkFile)); !os.IsNotExist(err) {
		t.Errorf("the window's mark is left after stop (%v)", err)
	}
	out, _, code = run(t, data, "stop")
	if code != 0 || out != tNoWindowRunning.Both()+"\n" {
		t.Errorf("stop with no window: exit %d, %q; want %q", code, out, tNoWindowRunning.Both())
	}
	out, _, code = run(t, t.TempDir(), "stop", "--json")
	if code != 0 || !strings.Contains(out, `"stopped": false`) {
		t.Errorf("stop --json on a new folder: exit %d, %q", code, out)
	}
}

// TestConfigReadsAreRelayed: reading settings goes to the window, setting
// one never does, however the value looks.
func TestConfigReadsAreRelayed(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{nil, true},
		{[]string{"--json"}, true},
		{[]string{"camera"}, true},
		{[]string{"camera", "--json"}, true},
		{[]string{"--data", "d", "camera"}, true},
		{[]string{"camera", "/dev/video0"}, false},
		{[]string{"idle_seconds", "-5"}, false},
		{[]string{"idle_seconds", "--json", "60"}, false},
		{[]string{"camera", ""}, false},
	} {
		if got := relayable("config", tt.args); got != tt.want {
			t.Errorf("relayable(config %q) = %v, want %v", tt.args, got, tt.want)
		}
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
		{"print-test", []string{"--printer", "dir://out"}, []string{"--printer", "dir://" + filepath.ToSlash(at("out"))}},
		{"print-test", []string{"--printer=dir://out"}, []string{"--printer=dir://" + filepath.ToSlash(at("out"))}},
		{"print-test", []string{"--printer", "tcp://10.0.0.5:9100"}, []string{"--printer", "tcp://10.0.0.5:9100"}},
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

// A display that is set but cannot be opened (no X server there, or one
// this account may not use) makes GLFW panic as the window is made: the
// window says so in one sentence, and the store it opened is closed.
func TestDisplayThatCannotBeOpened(t *testing.T) {
	vars := map[string]string{"DISPLAY": "127.0.0.1:85"}
	getenv := func(k string) string { return vars[k] }
	app := func() fyne.App { panic(errors.New("NotInitialized: The GLFW library is not initialized")) }
	data := t.TempDir()
	var out, errOut bytes.Buffer
	code := Main([]string{"kiosk", "--data", data}, Env{Stdout: &out, Stderr: &errOut, Getenv: getenv, NewApp: app})
	if code != 1 || !strings.Contains(errOut.String(), "Cannot open the display 127.0.0.1:85") || strings.Count(errOut.String(), "\n") != 1 {
		t.Fatalf("kiosk on a display that does not open: exit %d, %q; want exit 1 and one sentence naming the display", code, errOut.String())
	}
	must(t, data, "status") // the store is not left locked
	if err := displayFailed("index out of range", getenv); err != nil {
		t.Errorf("displayFailed takes any panic for the display's: %v", err)
	}
}

// Where DISPLAY points, something must listen: an X server's TCP port
// (6000+N) or socket. A display with none, or a DISPLAY that names no
// display, is told before GLFW logs a line of its own.
func TestXServerAnswers(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the X check is Linux's")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	if port <= 6000 {
		t.Skipf("port %d is below the X range", port)
	}
	for display, want := range map[string]bool{
		fmt.Sprintf("127.0.0.1:%d", port-6000):   true,
		fmt.Sprintf("127.0.0.1:%d.0", port-6000): true,
		":59999":                                 false, // no socket of that number
		"bogus":                                  false,
		"":                                       true, // noDisplay's to say
	} {
		getenv := func(k string) string { return map[string]string{"DISPLAY": display}[k] }
		if _, got := xServerAnswers(getenv); got != want {
			t.Errorf("xServerAnswers with DISPLAY=%q = %v, want %v", display, got, want)
		}
	}
}
