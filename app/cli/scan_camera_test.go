package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	qrcode "github.com/skip2/go-qrcode"

	"tongban/app/scan"
)

// heldCamera is a camera in front of which a receipt is held: its frames
// show the receipt's QR code at 3 and 4 pixels a module in turn, as a hand
// moves it (one of them reads when gozxing misses the other), or nothing.
type heldCamera struct {
	frames []scan.Frame
	n      int // only the camera's goroutine calls Next
}

func (c *heldCamera) Next() (scan.Frame, bool, error) {
	time.Sleep(5 * time.Millisecond)
	c.n++
	return c.frames[c.n%len(c.frames)], true, nil
}
func (*heldCamera) Close() error { return nil }

// qrFrame is a GREY frame of payload's QR code at px pixels a module.
func qrFrame(t *testing.T, payload string, px int) scan.Frame {
	t.Helper()
	q, err := qrcode.New(payload, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	bm := q.Bitmap()
	f := scan.Frame{Format: scan.FormatGrey, Width: len(bm) * px, Height: len(bm) * px}
	for y := range f.Height {
		for x := range f.Width {
			v := byte(220)
			if bm[y/px][x/px] {
				v = 30
			}
			f.Data = append(f.Data, v)
		}
	}
	return f
}

// fakeCamera makes tongban scan --camera read a camera in front of which
// payload's receipt is held ("" for none).
func fakeCamera(t *testing.T, payload string) {
	t.Helper()
	cam := &heldCamera{frames: []scan.Frame{{Format: scan.FormatGrey, Width: 64, Height: 64, Data: make([]byte, 64*64)}}}
	if payload != "" {
		cam.frames = []scan.Frame{qrFrame(t, payload, 3), qrFrame(t, payload, 4)}
	}
	old := listenCamera
	t.Cleanup(func() { listenCamera = old })
	listenCamera = func(device string, each func(string), report func(error)) func() {
		return scan.WatchFrames(device, func() (scan.FrameSource, error) { return cam, nil }, each, report)
	}
}

// tongban scan --camera opens the first receipt the camera sees exactly
// as --text does with its payload.
func TestScanCameraActsAsText(t *testing.T) {
	data := t.TempDir()
	n := addLicenceCase(t, data)
	out, errOut, exit := run(t, data, "receipt", n, "--json", "--png", filepath.Join(t.TempDir(), "r.png"))
	if exit != 0 {
		t.Fatalf("receipt: %s", errOut)
	}
	var r struct{ Payload string }
	if err := json.Unmarshal([]byte(out), &r); err != nil || !strings.HasPrefix(r.Payload, "TB1:") {
		t.Fatalf("receipt --json: %v %s", err, out)
	}
	fakeCamera(t, r.Payload)
	byCamera, errOut, exit := run(t, data, "scan", "--camera", "/dev/video0", "--json")
	if exit != 0 {
		t.Fatalf("scan --camera: exit %d, %s", exit, errOut)
	}
	byText, _, _ := run(t, data, "scan", "--text", r.Payload, "--json")
	if byCamera != byText || !strings.Contains(byCamera, `"number": "`+n+`"`) {
		t.Fatalf("scan --camera printed\n%s\nscan --text printed\n%s", byCamera, byText)
	}
}

// No camera, no code in time, or two inputs at once: one sentence and a
// non-zero exit.
func TestScanCameraFailures(t *testing.T) {
	data := t.TempDir()
	missing := filepath.Join(t.TempDir(), "video9")
	_, errOut, exit := run(t, data, "scan", "--camera", missing)
	if exit != exitFailed || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "打不开摄像头 "+missing+"（no such file or directory）") ||
		!strings.Contains(errOut, "then run the command again") || strings.Contains(errOut, "reconnects") {
		t.Errorf("a missing camera (the real V4L2 open): exit %d, %q", exit, errOut)
	}
	_, errOut, exit = run(t, data, "scan", "--camera", missing, "--text", "TB1:X")
	if exit != exitBadArgs || !strings.Contains(errOut, "Give one of --text PAYLOAD, --image FILE or --camera DEVICE") {
		t.Errorf("--camera with --text: exit %d, %q", exit, errOut)
	}
	_, errOut, exit = run(t, data, "scan", "--camera", "/dev/video0", "--timeout", "0s")
	if exit != exitBadArgs || !strings.Contains(errOut, "--timeout must be a positive duration") {
		t.Errorf("--timeout 0s: exit %d, %q", exit, errOut)
	}
	fakeCamera(t, "")
	_, errOut, exit = run(t, data, "scan", "--camera", "/dev/video0", "--timeout", "100ms")
	if exit != exitFailed || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "saw no QR code in 100ms") {
		t.Errorf("a camera that sees no code: exit %d, %q", exit, errOut)
	}
}
