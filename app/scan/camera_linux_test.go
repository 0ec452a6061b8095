//go:build linux

package scan

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blackjack/webcam"
)

func TestPickSize(t *testing.T) {
	discrete := func(w, h uint32) webcam.FrameSize {
		return webcam.FrameSize{MinWidth: w, MaxWidth: w, MinHeight: h, MaxHeight: h}
	}
	tests := []struct {
		name  string
		sizes []webcam.FrameSize
		w, h  int
		ok    bool
	}{
		{"720p offered", []webcam.FrameSize{discrete(640, 480), discrete(1280, 720), discrete(1920, 1080)}, 1280, 720, true},
		{"the nearest of others", []webcam.FrameSize{discrete(640, 480), discrete(800, 600), discrete(1920, 1080)}, 800, 600, true},
		{"VGA only", []webcam.FrameSize{discrete(320, 240), discrete(640, 480)}, 640, 480, true},
		{"a stepwise range", []webcam.FrameSize{{MinWidth: 160, MaxWidth: 2592, StepWidth: 16, MinHeight: 96, MaxHeight: 1944, StepHeight: 16}}, 1280, 720, true},
		{"a stepwise range below the wish", []webcam.FrameSize{{MinWidth: 100, MaxWidth: 1000, StepWidth: 300, MinHeight: 100, MaxHeight: 500, StepHeight: 300}}, 1000, 400, true},
		{"a continuous range, reported as zeros", []webcam.FrameSize{{}}, 0, 0, false},
		{"nothing offered", nil, 0, 0, false},
	}
	for _, tt := range tests {
		w, h, ok := pickSize(tt.sizes)
		if w != tt.w || h != tt.h || ok != tt.ok {
			t.Errorf("%s: pickSize = %d×%d, %v; want %d×%d, %v", tt.name, w, h, ok, tt.w, tt.h, tt.ok)
		}
	}
}

// The real device path: a missing device and a file that is not a camera
// fail to open with the reason, and ListenCamera reports it as ErrCamera.
// (No camera is attached where the tests run; the streaming path is
// exercised through FrameSource fakes only.)
func TestOpenDeviceThatIsNoCamera(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "video9")
	if _, err := openDevice(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("opening a missing device: %v, want not-exist", err)
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		if src, err := openDevice("/dev/null"); err == nil {
			src.Close()
			t.Error("/dev/null opened as a camera")
		}
	}
	defer func(d time.Duration) { CameraRetry = d }(CameraRetry)
	CameraRetry = time.Hour
	reported := make(chan error, 1)
	stop := ListenCamera(missing, func(string) { t.Error("a scan from a missing camera") }, func(err error) { reported <- err })
	err := <-reported
	stop()
	if !errors.Is(err, ErrCamera) || !strings.Contains(err.Error(), missing) || !strings.HasPrefix(err.Error(), "摄像头") {
		t.Fatalf("report %v; want ErrCamera naming %s", err, missing)
	}
}
