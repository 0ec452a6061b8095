package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tongban/app/store"
	"tongban/app/store/storetest"
	"tongban/app/ui/uitest"
)

// The windows of these tests are Fyne's test app: no X server answers at
// their DISPLAY.
func init() {
	xServer = func(getenv func(string) string) (string, bool) { return getenv("DISPLAY"), true }
}

// loopApp is a test app that runs as the desktop app does: Run hands
// fyne.Do's functions to one goroutine until Quit, so a window runs until
// something closes it, and the UI is touched from one goroutine only.
type loopApp struct {
	fyne.App
	drv *loopDriver
}

// loopDriver is the test driver with fyne.Do going through Run's loop.
type loopDriver struct {
	fyne.Driver
	funcs chan func()
	quit  chan struct{}
	once  sync.Once
}

func newLoopApp() fyne.App {
	a := &loopApp{App: test.NewApp()}
	a.drv = &loopDriver{Driver: a.App.Driver(), funcs: make(chan func(), 1024), quit: make(chan struct{})}
	fyne.SetCurrentApp(a)
	return a
}

func (a *loopApp) Driver() fyne.Driver { return a.drv }
func (a *loopApp) Quit()               { a.drv.once.Do(func() { close(a.drv.quit) }) }
func (a *loopApp) Run() {
	for {
		select {
		case f := <-a.drv.funcs:
			f()
		case <-a.drv.quit:
			return
		}
	}
}

// DoFromGoroutine runs f in Run's loop; once the app has quit, at once,
// as the desktop driver does while shutting down. The queue is long, as
// the desktop driver's never blocks: a widget stopping its ticker in the
// loop must not wait on the ticker's own fyne.Do.
func (d *loopDriver) DoFromGoroutine(f func(), wait bool) {
	done := make(chan struct{})
	select {
	case d.funcs <- func() { f(); close(done) }:
		if wait {
			<-done
		}
	case <-d.quit:
		f()
	}
}

// testWindow is a kiosk window run as tongban runs it (tongban kiosk
// --windowed on a data folder), on the test app.
type testWindow struct {
	t      *testing.T
	data   string
	env    Env
	exited chan int
}

// startKiosk runs the kiosk window on data and waits until it has marked
// the folder as its own.
func startKiosk(t *testing.T, data string) *testWindow {
	t.Helper()
	w := &testWindow{t: t, data: data, exited: make(chan int, 1), env: Env{Stdout: new(bytes.Buffer), Stderr: new(bytes.Buffer),
		Getenv: func(k string) string { return map[string]string{"TONGBAN_DATA": data, "DISPLAY": ":95"}[k] }, NewApp: newLoopApp}}
	go func() { w.exited <- Main([]string{"kiosk", "--windowed"}, w.env) }()
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(w.mark()); err == nil {
			return w
		}
		w.mustRun()
		if time.Since(start) > 20*time.Second {
			t.Fatal("the kiosk window never marked its data folder")
		}
	}
}

// mark is the window's mark in its data folder.
func (w *testWindow) mark() string { return filepath.Join(w.data, relayFolder, windowMarkFile) }

// mustRun fails the test if the window has ended.
func (w *testWindow) mustRun() {
	w.t.Helper()
	select {
	case code := <-w.exited:
		w.t.Fatalf("the kiosk window ended: exit %d, %s", code, w.env.Stderr)
	default:
	}
}

// texts returns what the app's windows show.
func (w *testWindow) texts() (out []string) {
	fyne.DoAndWait(func() {
		for _, win := range fyne.CurrentApp().Driver().AllWindows() {
			out = append(out, uitest.Texts(win.Canvas().Content(), nil)...)
		}
	})
	return out
}

// waitFor waits until a window shows s, while the app runs.
func (w *testWindow) waitFor(s string) {
	w.t.Helper()
	for start := time.Now(); !uitest.Shows(w.texts(), s); time.Sleep(50 * time.Millisecond) {
		w.mustRun()
		if time.Since(start) > 20*time.Second {
			w.t.Fatalf("the window never showed %q; it shows %q", s, w.texts())
		}
	}
}

// stop runs tongban stop beside the window and waits for the window to
// end: stop's output and exit code, and the window's.
func (w *testWindow) stop() (out, errOut string, code, windowCode int) {
	w.t.Helper()
	out, errOut, code = run(w.t, w.data, "stop")
	select {
	case windowCode = <-w.exited:
	case <-time.After(10 * time.Second):
		w.t.Fatalf("the kiosk window is still running after tongban stop (%q, %q)", out, errOut)
	}
	return out, errOut, code, windowCode
}

// TestStopClosesARealWindow runs the kiosk window as tongban does and
// closes it with tongban stop: the window answers status through the relay
// (online from its own syncer), then closes its store and quits, and only
// then answers the stop, so a setting made next finds the folder free.
func TestStopClosesARealWindow(t *testing.T) {
	data := t.TempDir()
	w := startKiosk(t, data)
	var s statusJSON
	if err := json.Unmarshal([]byte(must(t, data, "status", "--json")), &s); err != nil {
		t.Fatalf("status --json beside the window: %v", err)
	}
	if s.Online || s.Device.Enrolled || s.Problems == nil {
		t.Errorf("status beside a demo kiosk: online %v, enrolled %v, problems %v", s.Online, s.Device.Enrolled, s.Problems)
	}
	// A second window on the folder is told the first runs, not to close
	// the window it asked for.
	var second bytes.Buffer
	if code := Main([]string{"kiosk", "--windowed"}, Env{Stdout: new(bytes.Buffer), Stderr: &second, Getenv: w.env.Getenv, NewApp: newLoopApp}); code != 1 ||
		!strings.Contains(second.String(), "The kiosk window already runs on this data folder") {
		t.Errorf("a second kiosk on the folder: exit %d, %q", code, second.String())
	}
	out, errOut, code, windowCode := w.stop()
	if code != 0 || out != bothf(tWindowStopped, roleName("kiosk"))+"\n" {
		t.Errorf("stop: exit %d, said %q, %q", code, out, errOut)
	}
	if windowCode != 0 {
		t.Errorf("the kiosk window closed by stop exits %d, %s", windowCode, w.env.Stderr)
	}
	must(t, data, "config", "role", "counter") // the store is free
	if _, err := os.Stat(w.mark()); !os.IsNotExist(err) {
		t.Errorf("the window's mark is left after it closed (%v)", err)
	}
}

// A kiosk window on a store with a damaged page (the warm-up at start is
// the first to read it) goes out of service with a notice for the citizen
// and IT staff, and closes on tongban stop: it ended in a panic.
func TestAWindowOnADamagedStoreSaysSo(t *testing.T) {
	data := t.TempDir()
	for range 12 { // the cases bucket fills a page of its own
		addLicenceCase(t, data)
	}
	storetest.Damage(t, filepath.Join(data, store.FileName))
	w := startKiosk(t, data)
	w.waitFor(tOutOfService.Both())
	uitest.MustShow(t, w.texts, tOutOfServiceAsk.ZH, "tongban restore", "page ")
	if out, _, code := run(t, data, "status", "--json"); code != 0 || !strings.Contains(out, `"store_damaged"`) {
		t.Errorf("status beside the out-of-service window: exit %d, %s", code, out)
	}
	if _, errOut, code, windowCode := w.stop(); code != 0 || windowCode != 0 {
		t.Errorf("stop of the out-of-service window: exit %d (%q), the window's %d, %s", code, errOut, windowCode, w.env.Stderr)
	}
}

// A store damaged while the window runs (a disk going bad): the command
// handed to the window that meets the damage says so, and the window
// goes out of service instead of ending in bbolt's panic.
func TestAWindowWhoseStoreIsDamagedWhileItRuns(t *testing.T) {
	data := t.TempDir()
	for range 12 {
		addLicenceCase(t, data)
	}
	w := startKiosk(t, data)
	time.Sleep(time.Second) // the warm-up has read the store whole
	// Zeros over every page but the two meta pages, under the window's
	// memory map.
	path := filepath.Join(data, store.FileName)
	info, _ := os.Stat(path)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(make([]byte, info.Size()-2*4096), 2*4096)
	f.Close()

	_, errOut, code := run(t, data, "cases", "list")
	if code == 0 || !strings.Contains(errOut, "已损坏") {
		t.Errorf("cases list over the damaged store: exit %d, %q; want the damage said", code, errOut)
	}
	w.waitFor(tOutOfService.Both())
	w.stop()
}

// On a full disk a command cannot be handed to the window (its request is
// a file in the data folder): status says what it can without the window,
// the disk's problem first, and stop closes the window by signal. It
// needs a small tmpfs (root); elsewhere it is skipped.
func TestStatusAndStopOnAFullDisk(t *testing.T) {
	data := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", data).CombinedOutput(); err != nil {
		t.Skipf("no tmpfs here: %s", out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", data).Run() })
	addLicenceCase(t, data)
	w := startKiosk(t, data)
	time.Sleep(500 * time.Millisecond) // the window is listening for signals
	filler, _ := os.Create(filepath.Join(data, "filler"))
	io.Copy(filler, io.LimitReader(zeros{}, 8<<20)) // until the disk is full
	filler.Close()

	out, errOut, code := run(t, data, "status", "--json")
	var s statusJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil || code != exitFailed || !strings.Contains(out, `"disk_low"`) {
		t.Errorf("status --json on a full disk beside the window: exit %d, %s (%v), %q; want exit 1 and disk_low", code, out, err, errOut)
	}
	if out, errOut, code, _ := w.stop(); code != 0 || !strings.Contains(out, "Closed the kiosk window") {
		t.Errorf("stop on a full disk: exit %d, %q, %q", code, out, errOut)
	}
}

// zeros reads as endless zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// A store too damaged to open (a page read as it opens): the window still
// comes up, out of service with its notice, status reads the damage
// beside it, and stop closes it. Without it a kiosk started at login
// showed a bare desktop.
func TestAWindowOnAStoreThatDoesNotOpen(t *testing.T) {
	data := t.TempDir()
	addLicenceCase(t, data)
	storetest.DamageRoot(t, filepath.Join(data, store.FileName))
	if _, errOut, code := run(t, data, "cases", "list"); code == 0 || !strings.Contains(errOut, "已损坏") {
		t.Fatalf("cases list on a store whose root page is damaged: exit %d, %q; want the damage said", code, errOut)
	}
	w := startKiosk(t, data)
	if texts := w.texts(); !uitest.Shows(texts, tOutOfService.Both()) {
		t.Errorf("the window shows %q; want the out-of-service notice", texts)
	}
	if out, _, _ := run(t, data, "status", "--json"); !strings.Contains(out, `"store_damaged"`) {
		t.Errorf("status --json beside the notice: %s; want store_damaged", out)
	}
	// A second window (tongban run again beside the one of the login) is
	// refused: nothing locks a store that does not open, and stop would
	// close only the last.
	var errOut bytes.Buffer
	second := w.env
	second.Stderr, second.Stdout = &errOut, new(bytes.Buffer)
	if code := Main([]string{"kiosk", "--windowed"}, second); code == 0 || !strings.Contains(errOut.String(), "tongban stop") {
		t.Errorf("a second window on the damaged folder: exit %d, %q; want it refused", code, errOut.String())
	}
	if _, errOut, code, windowCode := w.stop(); code != 0 || windowCode != 0 {
		t.Errorf("stop of the notice: exit %d (%q), the notice's %d", code, errOut, windowCode)
	}
}
