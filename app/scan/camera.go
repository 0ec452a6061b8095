package scan

import (
	"errors"
	"fmt"
	"image"
	"sync"
	"time"
)

// CameraError is a camera that failed, a case of ErrCamera: which one,
// and what the system or the decoder said.
type CameraError struct {
	Device string
	Err    error
}

func (e *CameraError) Error() string {
	return fmt.Sprintf("%v (%s: %v)", ErrCamera, e.Device, e.Err)
}

func (e *CameraError) Unwrap() []error { return []error{ErrCamera, e.Err} }

// ErrCamera is what a counter shows when its camera is missing or unusable.
var ErrCamera = errors.New("摄像头未连接或无法使用，请检查数据线和设备名；插好后会自动重连。 The camera is not connected or cannot be used: check its cable and the device name; it reconnects by itself once plugged in")

// CameraRetry is how long ListenCamera waits before opening a camera again.
var CameraRetry = 2 * time.Second

// The camera loop's timing; tests shorten them.
var (
	// cameraEvery spaces the decodes: at most four a second, however fast
	// the camera delivers. A 1280×720 frame with no QR code in it takes
	// about 20 ms to search (BenchmarkCameraFrame).
	cameraEvery = 250 * time.Millisecond
	// cameraGone is how long a code must be out of view before showing it
	// again counts as a new scan.
	cameraGone = time.Second
	// cameraRepeat is how long a code held in view counts as one scan.
	cameraRepeat = 5 * time.Second
	// cameraStall is how long a camera may deliver no frame before it is
	// taken for gone and opened again.
	cameraStall = 5 * time.Second
)

// badFrames is how many unreadable frames in a row make a camera count as
// failed: one corrupt MJPEG frame is skipped, a format that never reads
// is reported.
const badFrames = 20

// FrameSource is an open camera: a V4L2 device, or a stand-in in tests.
type FrameSource interface {
	// Next returns the newest frame delivered since the last call,
	// dropping older ones. It waits briefly (about 100 ms) for one and
	// returns ok false when none came, so that its caller can check
	// whether to stop. The frame's data is valid until the next call. An
	// error means the camera is gone.
	Next() (f Frame, ok bool, err error)
	Close() error
}

// openCamera opens a camera device for scanning; tests replace it.
var openCamera = openDevice

// ListenCamera searches the frames of a camera (a V4L2 device such as
// /dev/video0) for QR codes on its own goroutine and calls each with every
// code it reads, until stop is called. A code held in front of the lens
// is one scan: it is passed on again only after it has been out of view
// for a moment, or after a few seconds in view. A camera unplugged and
// plugged back is opened again every CameraRetry; report, if not nil,
// hears each failure (wrapping ErrCamera) and nil once the camera is open.
// each and report run on the camera's goroutine and must not call stop: a
// UI hands them on with fyne.Do. stop returns once that goroutine has
// ended, within a fraction of a second.
func ListenCamera(device string, each func(scan string), report func(error)) (stop func()) {
	return WatchFrames(device, func() (FrameSource, error) { return openCamera(device) }, each, report)
}

// WatchFrames is ListenCamera on the frame sources open returns; name
// says which camera in the errors reported.
func WatchFrames(name string, open func() (FrameSource, error), each func(scan string), report func(error)) (stop func()) {
	w := &watcher{name: name, each: each, report: report, done: make(chan struct{}), ended: make(chan struct{})}
	go w.run(open)
	var once sync.Once
	return func() {
		once.Do(func() { close(w.done) })
		<-w.ended
	}
}

// watcher is one ListenCamera loop.
type watcher struct {
	name   string
	each   func(string)
	report func(error)
	done   chan struct{} // closed by stop
	ended  chan struct{} // closed when run returns
	seen   sightings
}

func (w *watcher) stopped() bool {
	select {
	case <-w.done:
		return true
	default:
		return false
	}
}

func (w *watcher) tell(err error) {
	if w.report != nil && !w.stopped() {
		w.report(err)
	}
}

// run opens the camera, watches it until it fails, and opens it again.
func (w *watcher) run(open func() (FrameSource, error)) {
	defer close(w.ended)
	for !w.stopped() {
		src, err := open()
		if err == nil {
			w.tell(nil)
			err = w.watch(src)
			src.Close()
		}
		if w.stopped() {
			return
		}
		w.tell(&CameraError{Device: w.name, Err: err})
		select {
		case <-w.done:
		case <-time.After(CameraRetry):
		}
	}
}

// watch decodes the newest frame at most every cameraEvery and passes new
// codes on. It returns nil when stopped, and an error when the camera
// fails, stalls or sends nothing readable.
func (w *watcher) watch(src FrameSource) error {
	lastFrame, bad := time.Now(), 0
	for !w.stopped() {
		start := time.Now()
		f, ok, err := src.Next()
		if err != nil {
			return err
		}
		if !ok {
			if time.Since(lastFrame) > cameraStall {
				return fmt.Errorf("no frame for %s", cameraStall)
			}
			continue
		}
		lastFrame = start
		decodeStart := time.Now()
		img, err := f.Image()
		if err != nil {
			if bad++; bad >= badFrames {
				return fmt.Errorf("%d frames in a row could not be read: %w", bad, err)
			}
			continue
		}
		bad = 0
		if payload, err := decodeFrame(img); err == nil && w.seen.see(payload, time.Now()) && !w.stopped() {
			w.each(payload)
		}
		// Wait out the rest of cameraEvery, and never less than the decode
		// took: a slow machine spends at most half a core on the camera.
		took := time.Since(decodeStart)
		select {
		case <-w.done:
		case <-time.After(max(cameraEvery-time.Since(start), took)):
		}
	}
	return nil
}

// decodeFrame is DecodeImage made cheaper for large camera frames. A
// frame with no code in it is searched at every scale DecodeImage tries,
// and its doubled retry costs ten times the rest on a 1280×720 frame
// (BenchmarkCameraFrame), while the codes in such a frame have modules
// big enough not to need it: a large frame is searched as it is and at
// half size. A small frame gets all of DecodeImage, whose doubling reads
// codes of two or three pixels a module.
func decodeFrame(img image.Image) (string, error) {
	if img.Bounds().Dx() < 1000 {
		return DecodeImage(img)
	}
	return decodeAt(img, []float64{1, 0.5})
}

// sightings tells which codes read from frames are new scans.
type sightings map[string]sighting

// sighting is when a code was last read, and last passed on.
type sighting struct{ seen, passed time.Time }

// see notes that payload was read at now and reports whether it is a new
// scan: a code not read in the last cameraGone, or passed on at least
// cameraRepeat ago. Codes out of view are forgotten, so the map stays as
// small as what the camera sees.
func (s *sightings) see(payload string, now time.Time) bool {
	if *s == nil {
		*s = sightings{}
	}
	for p, v := range *s {
		if now.Sub(v.seen) >= cameraGone {
			delete(*s, p)
		}
	}
	v, ok := (*s)[payload]
	fresh := !ok || now.Sub(v.passed) >= cameraRepeat
	if fresh {
		v.passed = now
	}
	v.seen = now
	(*s)[payload] = v
	return fresh
}
