package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
	"tongban/app/counter"
	"tongban/app/store"
	"tongban/sync/client"
)

// window is what both roles' windows share: the Fyne app and window, the
// device, and its sync client running in the background.
type window struct {
	app    fyne.App
	win    fyne.Window
	dev    *device
	syncer *client.Syncer
	ctx    context.Context // ends when the window closes
	cancel context.CancelFunc
	// work is the context of the work that reads and writes the store in
	// the background (sync, every): it starts once the store has warmed
	// (warmed closes) and ends early if the store is found damaged.
	work     context.Context
	stopWork context.CancelFunc
	warmed   chan struct{}
	// ui is the role's screen, closed when the window goes out of service
	// (once: outOnce).
	ui      interface{ Close() }
	outOnce sync.Once
	// fullScreen is how the window was opened, for the out-of-service
	// notice that takes its place.
	fullScreen bool

	// bg is the background work on the store (syncing, the relay,
	// warming, every): run waits for it before closing the store.
	bg sync.WaitGroup
	// role is kiosk or counter; unmark removes the window's mark from
	// the data folder (stop.go).
	role   string
	unmark func()

	mu     sync.Mutex
	status client.Status
	// stopped is where to answer the tongban stop that closed the window,
	// and whether as JSON; empty when it was closed otherwise.
	stopped     string
	stoppedJSON bool
}

// openWindow opens the device and a window titled for its role, and starts
// syncing when the device is enrolled.
func (c *call) openWindow(role string, windowed bool, size fyne.Size) (*window, error) {
	if c.env.NewApp == nil {
		return nil, failf(tNoWindows)
	}
	if noDisplay(c.env.Getenv) {
		return nil, failf(tNoDisplay)
	}
	if display, ok := xServer(c.env.Getenv); !ok {
		return nil, failf(tDisplayNotOpened, display)
	}
	screen := measureScreen(c.env.Getenv)
	d, err := c.open()
	if err != nil {
		return nil, err
	}
	fullScreen := !windowed && !d.config.Windowed
	size = fitScreen(screen(), windowRole(role), size, fullScreen)
	w, err := c.newWindow(role, d, fullScreen, size)
	if err != nil {
		d.close()
		return nil, err
	}
	ctx := w.ctx
	w.work, w.stopWork = context.WithCancel(ctx)
	w.warmed = make(chan struct{})
	w.syncer = client.New(d.store, client.Options{})
	w.status = w.syncer.Status()
	w.syncer.OnChange(func(s client.Status) {
		w.mu.Lock()
		w.status = s
		w.mu.Unlock()
	})
	w.serve(relayHost{dev: d, env: c.env, live: w.liveStatus, stop: w.stop, damaged: w.outOfService})
	// The first scan or progress lookup of the day should not wait on the
	// disk: read the store once in the background. Reading every page, the
	// warm-up is the first to meet a damaged one; the background work
	// starts after it, so none of it reads a page the warm-up found bad.
	enrolled := w.status.Enrolled
	w.bg.Go(func() {
		_, err := d.store.Warm(ctx)
		switch {
		case errors.Is(err, store.ErrDamaged):
			w.outOfService(err)
			return
		case err != nil && ctx.Err() == nil:
			fyne.LogError("warming the store", err)
		}
		close(w.warmed)
		if enrolled {
			w.bg.Go(func() { w.guarded(func() { w.syncer.Run(w.work) }) })
		}
	})
	keepScreenOn(w.app, w.fullScreen)
	return w, nil
}

// newWindow makes the app and the window titled for a role, full screen
// or of the given size, with the context that ends when it closes.
func (c *call) newWindow(role string, d *device, fullScreen bool, size fyne.Size) (w *window, err error) {
	w = &window{dev: d, role: windowRole(role), fullScreen: fullScreen}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	defer func() {
		if r := recover(); r != nil {
			w.cancel()
			if err = displayFailed(r, c.env.Getenv); err == nil {
				panic(r)
			}
		}
	}()
	w.app = c.env.NewApp()
	w.win = w.app.NewWindow("通办 Tongban · " + role)
	if fullScreen {
		w.win.SetFullScreen(true)
	} else {
		w.win.Resize(size)
	}
	return w, nil
}

// xServer is xServerAnswers; tests, whose windows are Fyne's test app
// with no X server behind DISPLAY, replace it.
var xServer = xServerAnswers

// xServerAnswers reports whether something listens where DISPLAY points
// (an X server's socket: /tmp/.X11-unix/XN, or TCP port 6000+N on a
// host), so that a display with no X server is told in one sentence
// before GLFW logs its own line and panics. It is true where it cannot
// tell (Wayland, a DISPLAY it does not read); a server that refuses this
// account is still found when the window is made (displayFailed).
func xServerAnswers(getenv func(string) string) (display string, ok bool) {
	display = getenv("DISPLAY")
	if display == "" || getenv("WAYLAND_DISPLAY") != "" || runtime.GOOS != "linux" {
		return display, true
	}
	host, rest, found := strings.Cut(display, ":")
	number, _, _ := strings.Cut(rest, ".")
	n, err := strconv.Atoi(number)
	if !found || err != nil || n < 0 {
		return display, false // no X display is named so (DISPLAY=bogus)
	}
	network, addr := "unix", "/tmp/.X11-unix/X"+number
	if host != "" && host != "unix" {
		network, addr = "tcp", net.JoinHostPort(host, strconv.Itoa(6000+n))
	}
	conn, err := net.DialTimeout(network, addr, 2*time.Second)
	if err != nil && network == "unix" {
		conn, err = net.DialTimeout(network, "@"+addr, 2*time.Second) // Linux's abstract socket
	}
	if err != nil {
		return display, false
	}
	conn.Close()
	return display, true
}

// displayFailed turns GLFW's panic at a display that is set but cannot be
// opened (no X server there, or one this account may not use: a window
// started over SSH with DISPLAY=:0) into a sentence; nil for any other
// panic. GLFW logs why first ("X11: Failed to open display"), then panics
// as it makes the window.
func displayFailed(r any, getenv func(string) string) error {
	if !strings.Contains(fmt.Sprint(r), "GLFW") {
		return nil
	}
	display := getenv("DISPLAY")
	if display == "" {
		display = getenv("WAYLAND_DISPLAY")
	}
	return failf(tDisplayNotOpened, display)
}

// serve marks the data folder as the window's and answers the commands
// run beside it (tongban status, backup, stop: relay.go) until it closes;
// SIGTERM or SIGHUP (a shutdown, a closed terminal, tongban stop on a full
// disk: relayfull.go) closes it as its close button does.
func (w *window) serve(host relayHost) {
	var err error
	if w.unmark, err = markWindow(w.dev.dir, w.role); err != nil {
		w.unmark = func() {}
		fyne.LogError("marking the data folder as the window's", err)
	}
	w.bg.Go(func() { serveRelay(w.ctx, host) })
	signals, unwatch := signal.NotifyContext(w.ctx, syscall.SIGTERM, syscall.SIGHUP, os.Interrupt)
	w.bg.Go(func() {
		<-signals.Done()
		if w.ctx.Err() == nil {
			w.stop("", false)
		}
		unwatch()
	})
}

// windowRole is the role of a window by its title ("窗口 Counter"), as
// tongban kiosk runs the kiosk whatever the configured role is.
func windowRole(title string) string {
	if strings.HasSuffix(title, "Counter") {
		return "counter"
	}
	return "kiosk"
}

// run shows the window until it is closed (or tongban stop closes it),
// then stops syncing and the background work, closes the store, and
// answers the tongban stop.
func (w *window) run(c *call) error {
	w.firstFrame(c)
	w.win.Show()
	w.app.Run()
	w.cancel()
	w.bg.Wait()
	w.dev.close()
	w.unmark()
	w.answerStop()
	return nil
}

// answerStop answers the tongban stop that closed the window, if one did.
func (w *window) answerStop() {
	w.mu.Lock()
	answer, asJSON := w.stopped, w.stoppedJSON
	w.mu.Unlock()
	if answer != "" {
		var out bytes.Buffer
		writeStopped(&out, asJSON, w.role)
		writeAnswer(answer, relayAnswer{Stdout: out.String()})
	}
}

// stop closes the window for tongban stop, as its user closing it would
// (the role's own OnClosed runs), and quits the app; run answers answer
// once the store is closed.
func (w *window) stop(answer string, asJSON bool) {
	w.mu.Lock()
	w.stopped, w.stoppedJSON = answer, asJSON
	w.mu.Unlock()
	fyne.Do(func() {
		w.win.Close()
		w.app.Quit()
	})
}

// liveStatus is the sync status of the window's syncer.
func (w *window) liveStatus() (client.Status, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.status, w.work.Err() == nil // out of service, nothing syncs
}

// every runs f once the store has warmed, then every period, until the
// window closes or goes out of service.
func (w *window) every(period time.Duration, f func()) {
	w.bg.Go(func() {
		select {
		case <-w.work.Done():
			return
		case <-w.warmed:
			w.guarded(f)
		}
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-w.work.Done():
				return
			case <-t.C:
				w.guarded(f)
			}
		}
	})
}

// syncText is the status line of the windows.
func (w *window) syncText() cases.Text {
	w.mu.Lock()
	s := w.status
	w.mu.Unlock()
	switch {
	case !s.Enrolled:
		return cases.Text{ZH: "本机离线办理（未接入平台）", EN: "Working on this device only (no platform)"}
	case s.NeedsEnrollment:
		return cases.Text{ZH: "需要重新注册本设备，请联系技术人员", EN: "This device needs enrolling again: ask IT staff"}
	}
	last := "—"
	if !s.LastSync.IsZero() {
		last = s.LastSync.In(cases.Zone).Format("15:04")
	}
	if s.Online {
		return cases.Text{ZH: fmt.Sprintf("在线 · 待同步 %d · 上次同步 %s", s.Pending, last),
			EN: fmt.Sprintf("Online · %d waiting to sync · last sync %s", s.Pending, last)}
	}
	return cases.Text{ZH: fmt.Sprintf("离线 · 待同步 %d · 上次同步 %s（数据已保存在本机）", s.Pending, last),
		EN: fmt.Sprintf("Offline · %d waiting to sync · last sync %s (saved on this device)", s.Pending, last)}
}

// counterSync is sync's state for the counter's status bar.
func (w *window) counterSync() counter.SyncState {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.status
	return counter.SyncState{Enrolled: s.Enrolled, NeedsEnrollment: s.NeedsEnrollment, Online: s.Online, LastSync: s.LastSync}
}

// firstFrame serves the cold-start benchmark (build/coldstart.sh): with
// TONGBAN_FIRST_FRAME set, print the time once the first frame is up and
// quit.
func (w *window) firstFrame(c *call) {
	if c.env.Getenv("TONGBAN_FIRST_FRAME") == "" {
		return
	}
	w.app.Lifecycle().SetOnStarted(func() {
		go func() {
			// Two hand-offs to the UI goroutine: the first frame has been
			// drawn by the time the second one runs.
			fyne.DoAndWait(func() {})
			fyne.DoAndWait(func() {})
			fmt.Fprintf(os.Stdout, "first-frame %d\n", time.Now().UnixNano())
			fyne.Do(w.app.Quit)
		}()
	})
}

// noDisplay reports whether a Linux or BSD desktop session is missing:
// without DISPLAY or WAYLAND_DISPLAY, GLFW panics instead of failing, so a
// window asked for over SSH is refused with a sentence first.
func noDisplay(getenv func(string) string) bool {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios":
		return false
	}
	return getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == ""
}
