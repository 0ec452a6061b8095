package counter

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	qrcode "github.com/skip2/go-qrcode"

	"tongban/app/scan"
)

// fakeCamera is a camera the test drives: it opens once the test says
// ready, hands Next the frames the test sends (a send returns once the
// frame before it has been decoded and passed on), fails when frames is
// closed, and then cannot be opened again until released.
type fakeCamera struct {
	ready, release chan struct{}
	reopened       chan struct{}
	frames         chan scan.Frame
	opens          int // only the camera's goroutine counts
}

func newFakeCamera() *fakeCamera {
	return &fakeCamera{ready: make(chan struct{}), release: make(chan struct{}),
		reopened: make(chan struct{}, 1), frames: make(chan scan.Frame)}
}

func (c *fakeCamera) open() (scan.FrameSource, error) {
	if c.opens++; c.opens == 1 {
		<-c.ready
		return c, nil
	}
	select {
	case c.reopened <- struct{}{}:
	default:
	}
	<-c.release
	return nil, errors.New("no such device")
}

func (c *fakeCamera) Next() (scan.Frame, bool, error) {
	select {
	case f, ok := <-c.frames:
		if !ok {
			return scan.Frame{}, false, errors.New("device unplugged")
		}
		return f, true, nil
	case <-time.After(5 * time.Millisecond):
		return scan.Frame{}, false, nil
	}
}

func (c *fakeCamera) Close() error { return nil }

// receiptFrame is a 640×480 YUYV camera frame with payload's QR code in
// the middle, px pixels a module, dark grey on light grey.
func receiptFrame(t *testing.T, payload string, px int) scan.Frame {
	t.Helper()
	q, err := qrcode.New(payload, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	bm := q.Bitmap()
	const w, h = 640, 480
	x0, y0 := (w-len(bm)*px)/2, (h-len(bm)*px)/2
	data := make([]byte, 2*w*h)
	for y := range h {
		for x := range w {
			v := byte(120) // the desk
			if mx, my := (x-x0)/px, (y-y0)/px; x >= x0 && y >= y0 && mx < len(bm) && my < len(bm) {
				v = 210
				if bm[my][mx] {
					v = 40
				}
			}
			data[2*(y*w+x)], data[2*(y*w+x)+1] = v, 128 // Y, then U or V
		}
	}
	return scan.Frame{Format: scan.FormatYUYV, Width: w, Height: h, Data: data}
}

// A receipt held in front of the counter's camera opens its case on the
// bench, as a scanner's line does; a camera that goes away is told.
func TestCameraFrameOpensTheCase(t *testing.T) {
	z := newCenter(t)
	c := z.submit(z.store("kiosk"), "张三")
	payload, err := z.seal(c)
	if err != nil {
		t.Fatal(err)
	}
	cam := newFakeCamera()
	var (
		device string
		scans  int // counted on the camera's goroutine, read after a send
	)
	defer func(old func(string, func(string), func(error)) func(), retry time.Duration) {
		listenCamera, scan.CameraRetry = old, retry
	}(listenCamera, scan.CameraRetry)
	scan.CameraRetry = time.Millisecond
	listenCamera = func(dev string, each func(string), report func(error)) func() {
		device = dev
		counted := func(s string) { scans++; each(s) }
		return scan.WatchFrames(dev, cam.open, counted, report)
	}
	r := newRig(t, z, nil)
	r.c.Close()
	r.c.deps.CameraDevice = "/dev/video0"
	r.c.Show(r.w)
	if device != "/dev/video0" {
		t.Fatalf("the camera started on %q, want the configured /dev/video0", device)
	}
	r.signIn("S001", "2468")
	close(cam.ready)

	// The receipt is held up in front of the lens for a few frames. It
	// moves a little between them, which is also what makes one of them
	// read when gozxing misses a code in another.
	held := []scan.Frame{receiptFrame(t, payload, 4), receiptFrame(t, payload, 5), receiptFrame(t, payload, 4)}
	blank := scan.Frame{Format: scan.FormatYUYV, Width: 640, Height: 480, Data: bytes.Repeat([]byte{120, 128}, 640*480)}
	for _, f := range held {
		cam.frames <- f // one scan, however many frames read
	}
	cam.frames <- blank // taken once the frames before it are handled
	r.mustShow(c.Number, "张三", tFromReceipt.ZH, tImported.ZH)
	if scans != 1 {
		t.Fatalf("the camera passed on %d scans for one receipt held up", scans)
	}
	r.scanFocused()
	if got := r.stored(c.ID); !got.Sync.FromReceipt {
		t.Fatal("the case was not imported from the receipt")
	}

	close(cam.frames) // unplugged
	<-cam.reopened    // after the failure was reported
	r.mustShow("摄像头未连接", c.Number)
	close(cam.release)
	r.c.Close() // returns once the camera's goroutine has ended
}

// What the camera sees while the clerk is in the middle of an action is
// ignored: a receipt left in front of the lens must not close the panel
// and lose the note being typed.
func TestCameraWaitsWhileAPanelIsOpen(t *testing.T) {
	z := newCenter(t)
	kiosk := z.store("kiosk")
	a, b := z.submit(kiosk, "张三"), z.submit(kiosk, "李四")
	other, err := z.seal(b)
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, z, nil)
	r.signIn("S001", "2468")
	r.scanCase(a)
	r.key(keyAccept)
	if r.c.bench.panel == nil {
		t.Fatal("the accept panel did not open")
	}
	r.c.cameraScan(other)
	if r.c.bench.panel == nil || r.c.bench.cur.ID != a.ID {
		t.Fatal("a camera scan closed the open panel")
	}
	r.key(fyne.KeyEscape)
	r.c.cameraScan(other)
	r.mustShow(b.Number, "李四")
}

// The camera sees every code in view; only a receipt is a scan. A phone's
// code held near the lens neither closes the case on screen nor says
// anything.
func TestCameraIgnoresCodesThatAreNotReceipts(t *testing.T) {
	_, c, r := scannedCase(t)
	before := r.c.bench.msg.Text
	r.c.cameraScan("https://u.wechat.com/EXAMPLE")
	if r.c.bench.cur == nil || r.c.bench.cur.ID != c.ID {
		t.Fatal("a code that is not a receipt closed the case on screen")
	}
	if got := r.c.bench.msg.Text; got != before {
		t.Fatalf("a code that is not a receipt said %q", got)
	}
}
