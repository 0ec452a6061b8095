package scan

import (
	"errors"
	"image"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeCamera is a FrameSource the test hands frames to: a send on frames
// returns once Next has taken the frame, and the next send once that frame
// has been decoded and passed on. Closing frames unplugs the camera.
type fakeCamera struct {
	frames chan Frame
	mu     sync.Mutex
	closed bool
	after  int // Next calls after Close
}

func newFakeCamera() *fakeCamera { return &fakeCamera{frames: make(chan Frame)} }

func (c *fakeCamera) Next() (Frame, bool, error) {
	c.mu.Lock()
	if c.closed {
		c.after++
	}
	c.mu.Unlock()
	select {
	case f, ok := <-c.frames:
		if !ok {
			return Frame{}, false, errors.New("device unplugged")
		}
		return f, true, nil
	case <-time.After(5 * time.Millisecond):
		return Frame{}, false, nil
	}
}

func (c *fakeCamera) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	return nil
}

func (c *fakeCamera) isClosed() (bool, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed, c.after
}

// fastCamera shortens the camera loop's timing for a test.
func fastCamera(t *testing.T, every, gone, repeat, stall time.Duration) {
	old := []time.Duration{CameraRetry, cameraEvery, cameraGone, cameraRepeat, cameraStall}
	t.Cleanup(func() {
		CameraRetry, cameraEvery, cameraGone, cameraRepeat, cameraStall = old[0], old[1], old[2], old[3], old[4]
	})
	CameraRetry, cameraEvery, cameraGone, cameraRepeat, cameraStall = time.Millisecond, every, gone, repeat, stall
}

// yuyvFrame is a 320×240 YUYV frame showing payload's QR code ("" for none).
func yuyvFrame(t testing.TB, payload string) Frame {
	px := 3
	if len(payload) > 100 {
		px = 2
	}
	return Frame{Format: FormatYUYV, Width: 320, Height: 240, Data: packYUYV(scene(t, payload, 320, 240, px), 0)}
}

// recorder collects what a camera loop passes on.
type recorder struct {
	mu      sync.Mutex
	scans   []string
	reports []error
}

func (r *recorder) each(s string) { r.mu.Lock(); r.scans = append(r.scans, s); r.mu.Unlock() }
func (r *recorder) report(err error) {
	r.mu.Lock()
	r.reports = append(r.reports, err)
	r.mu.Unlock()
}
func (r *recorder) got() ([]string, []error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.scans), slices.Clone(r.reports)
}

// A receipt held in front of the lens for many frames is one scan; another
// receipt is another scan; frames with no code pass nothing on.
func TestWatchFramesPassesEachCodeOnce(t *testing.T) {
	fastCamera(t, time.Millisecond, time.Hour, time.Hour, time.Hour)
	receipt, number := receiptPayload, "261127-K01-0042"
	a, b, blank := yuyvFrame(t, receipt), yuyvFrame(t, number), yuyvFrame(t, "")
	cam := newFakeCamera()
	var r recorder
	stop := WatchFrames("fake", func() (FrameSource, error) { return cam, nil }, r.each, r.report)
	defer stop()
	for _, f := range []Frame{blank, a, a, a, blank, a, b, b, a, blank} {
		cam.frames <- f
	}
	cam.frames <- blank // the last frame has been handled once this one is taken
	scans, reports := r.got()
	if want := []string{receipt, number}; !slices.Equal(scans, want) {
		t.Errorf("scans %q, want %q", scans, want)
	}
	if len(reports) != 1 || reports[0] != nil {
		t.Errorf("reports %v, want one nil (opened)", reports)
	}
}

// When a code is a new scan: the decision by time alone.
func TestSightings(t *testing.T) {
	defer func(g, r time.Duration) { cameraGone, cameraRepeat = g, r }(cameraGone, cameraRepeat)
	cameraGone, cameraRepeat = time.Second, 5*time.Second
	t0 := time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	steps := []struct {
		ms      int
		payload string
		want    bool
		why     string
	}{
		{0, "A", true, "first sight"},
		{250, "A", false, "still in view"},
		{500, "B", true, "another code"},
		{750, "A", false, "A was seen 500 ms ago: the two codes are both in view"},
		{1000, "B", false, "B still in view"},
		{2500, "A", true, "A out of view for 1.75 s"},
		{2750, "A", false, "held again"},
		{3000, "B", true, "B out of view for 2 s"},
		{3250, "A", false, "A held for 0.75 s"},
		{4000, "A", false, "still held"},
		{4750, "A", false, "still held"},
		{5500, "A", false, "still held"},
		{6250, "A", false, "still held"},
		{7000, "A", false, "4.5 s after it was passed on"},
		{7500, "A", true, "held in view for 5 s: passed on again"},
		{8000, "A", false, "and counted from there"},
	}
	var s sightings
	for _, st := range steps {
		if got := s.see(st.payload, at(st.ms)); got != st.want {
			t.Errorf("%s at %d ms: new scan = %v, want %v (%s)", st.payload, st.ms, got, st.want, st.why)
		}
	}
	if len(s) != 1 {
		t.Errorf("%d codes remembered, want 1: B has long left the view", len(s))
	}
}

// A camera that goes away is reported, opened again, and its codes arrive
// again; stop ends the loop and closes the camera.
func TestListenCameraReopens(t *testing.T) {
	fastCamera(t, time.Millisecond, time.Hour, time.Hour, time.Hour)
	defer func(old func(string) (FrameSource, error)) { openCamera = old }(openCamera)
	cams := make(chan *fakeCamera, 2)
	var (
		mu     sync.Mutex
		opened int
		names  []string
	)
	openCamera = func(device string) (FrameSource, error) {
		mu.Lock()
		defer mu.Unlock()
		opened++
		names = append(names, device)
		if opened == 2 {
			return nil, errors.New("no such device")
		}
		c := newFakeCamera()
		cams <- c
		return c, nil
	}
	var r recorder
	stop := ListenCamera("/dev/video0", r.each, r.report)
	defer stop()
	first := <-cams
	first.frames <- yuyvFrame(t, "TB1:ONE")
	close(first.frames) // unplugged once that frame is handled
	second := <-cams    // after one failed open
	second.frames <- yuyvFrame(t, "TB1:TWO")
	second.frames <- yuyvFrame(t, "")
	stop()

	scans, reports := r.got()
	if want := []string{"TB1:ONE", "TB1:TWO"}; !slices.Equal(scans, want) {
		t.Errorf("scans %q, want %q", scans, want)
	}
	var opens, failures int
	for _, err := range reports {
		switch {
		case err == nil:
			opens++
		case errors.Is(err, ErrCamera) && strings.Contains(err.Error(), "/dev/video0"):
			failures++
		default:
			t.Errorf("a report that does not wrap ErrCamera or name the device: %v", err)
		}
	}
	if opens != 2 || failures != 2 {
		t.Errorf("reports: %d opens, %d failures; want 2 and 2 (unplugged, then the failed open): %v", opens, failures, reports)
	}
	for i, c := range []*fakeCamera{first, second} {
		if closed, after := c.isClosed(); !closed || after > 0 {
			t.Errorf("camera %d: closed %v, read %d times after closing", i+1, closed, after)
		}
	}
	if n := len(names); n != 3 || names[0] != "/dev/video0" {
		t.Errorf("opened %q; want /dev/video0 three times", names)
	}
}

// stop returns promptly with the camera closed, even while frames keep
// coming, and nothing is passed on or reported after it.
func TestStopEndsTheLoop(t *testing.T) {
	fastCamera(t, time.Millisecond, time.Hour, time.Hour, time.Hour)
	cam := newFakeCamera()
	var r recorder
	stop := WatchFrames("fake", func() (FrameSource, error) { return cam, nil }, r.each, r.report)
	feeding := make(chan struct{})
	go func() { // a camera that never stops sending
		defer close(feeding)
		f := yuyvFrame(t, "TB1:ONE")
		for {
			select {
			case cam.frames <- f:
			case <-time.After(200 * time.Millisecond):
				return // nobody reads any more
			}
		}
	}()
	for {
		if scans, _ := r.got(); len(scans) > 0 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	stopped := make(chan struct{})
	go func() { stop(); stop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("stop did not return")
	}
	if closed, _ := cam.isClosed(); !closed {
		t.Fatal("stop returned before the camera was closed")
	}
	scans, reports := r.got()
	<-feeding
	if closed, after := cam.isClosed(); !closed || after > 0 {
		t.Errorf("the camera was read %d times after stop", after)
	}
	if s2, r2 := r.got(); len(s2) != len(scans) || len(r2) != len(reports) {
		t.Errorf("passed on or reported after stop: %q %v", s2[len(scans):], r2[len(reports):])
	}
}

// Decodes are spaced cameraEvery apart however fast frames come.
func TestWatchFramesThrottles(t *testing.T) {
	const every = 40 * time.Millisecond
	fastCamera(t, every, time.Hour, time.Hour, time.Hour)
	cam := newFakeCamera()
	stop := WatchFrames("fake", func() (FrameSource, error) { return cam, nil }, func(string) {}, nil)
	defer stop()
	blank := Frame{Format: FormatGrey, Width: 32, Height: 32, Data: make([]byte, 32*32)}
	cam.frames <- blank
	start := time.Now()
	for range 5 {
		cam.frames <- blank
	}
	// Each frame after the first waits out the rest of cameraEvery from
	// when the loop began asking for the frame before it, which is at
	// most the fake's 5 ms wait earlier than that frame arrived.
	if took, least := time.Since(start), 5*(every-5*time.Millisecond); took < least {
		t.Fatalf("5 frames taken in %s, want at least %s", took, least)
	}
}

// A camera whose frames never read, or which sends none, is reported and
// opened again.
func TestWatchFramesReportsADeadCamera(t *testing.T) {
	fastCamera(t, time.Millisecond, time.Hour, time.Hour, 30*time.Millisecond)
	t.Run("unreadable frames", func(t *testing.T) {
		cam := newFakeCamera()
		var r recorder
		stop := WatchFrames("fake", func() (FrameSource, error) { return cam, nil }, r.each, r.report)
		defer stop()
		short := Frame{Format: FormatYUYV, Width: 320, Height: 240, Data: make([]byte, 1000)}
		for range badFrames {
			cam.frames <- short
		}
		cam.frames <- short // taken after the reopen
		_, reports := r.got()
		if len(reports) < 2 || !errors.Is(reports[1], ErrCamera) || !strings.Contains(reports[1].Error(), "20 frames in a row could not be read") {
			t.Fatalf("reports %v; want opened, then ErrCamera for 20 unreadable frames", reports)
		}
		if len(reports) != 3 || reports[2] != nil {
			t.Fatalf("reports %v; want the camera opened again", reports)
		}
	})
	t.Run("no frames", func(t *testing.T) {
		reported := make(chan error, 8)
		stop := WatchFrames("fake", func() (FrameSource, error) { return newFakeCamera(), nil }, nil,
			func(err error) { reported <- err })
		defer stop()
		if err := <-reported; err != nil {
			t.Fatalf("first report %v, want nil (opened)", err)
		}
		if err := <-reported; !errors.Is(err, ErrCamera) || !strings.Contains(err.Error(), "no frame for 30ms") {
			t.Fatalf("report %v, want ErrCamera for a stalled camera", err)
		}
	})
}

// BenchmarkCameraFrame is the camera loop's work on one 1280×720 YUYV
// frame: take the luminance and search it for a QR code, with a receipt
// held up (at 5 pixels a module) and with none. "DecodeImage" is the
// image-file search on the same frames, for comparison: the cost of its
// doubled retry is why the loop uses decodeFrame. Target: a blank frame
// in well under cameraEvery.
func BenchmarkCameraFrame(b *testing.B) {
	payload := receiptPayload
	for _, held := range []string{"receipt", "blank"} {
		p := payload
		if held == "blank" {
			p = ""
		}
		f := Frame{Format: FormatYUYV, Width: 1280, Height: 720, Data: packYUYV(scene(b, p, 1280, 720, 5), 0)}
		for _, dec := range []struct {
			name string
			fn   func(image.Image) (string, error)
		}{{"decodeFrame", decodeFrame}, {"DecodeImage", DecodeImage}} {
			b.Run(held+"/"+dec.name, func(b *testing.B) {
				for b.Loop() {
					img, err := f.Image()
					if err != nil {
						b.Fatal(err)
					}
					if got, _ := dec.fn(img); got != p {
						b.Fatalf("read %q, want %q", got, p)
					}
				}
			})
		}
	}
}
