//go:build linux

package scan

import (
	"errors"
	"fmt"
	"slices"
	"syscall"
	"time"

	"github.com/blackjack/webcam"
)

// The frame size asked of a camera: 1280×720 keeps a receipt's version 15
// QR code at four or more pixels a module when it fills half the frame's
// height, and its search cheap (BenchmarkCameraFrame).
const wantWidth, wantHeight = 1280, 720

// formatOrder is the pixel formats read, best first.
var formatOrder = []PixelFormat{FormatYUYV, FormatMJPEG, FormatGrey}

// How Next waits for a frame: the device is non-blocking and polled, so
// that a stop is never held up for long.
const (
	frameWait = 100 * time.Millisecond
	framePoll = 10 * time.Millisecond
)

// v4l2Source is a V4L2 camera streaming frames through mmap buffers.
type v4l2Source struct {
	cam           *webcam.Webcam
	format        PixelFormat
	width, height int
	buf           []byte // the newest frame, copied out of the driver's buffer
}

// openDevice opens a V4L2 camera and starts it streaming in the best
// format and size it offers.
func openDevice(device string) (FrameSource, error) {
	cam, err := webcam.Open(device)
	if err != nil {
		return nil, err
	}
	s, err := start(cam)
	if err != nil {
		cam.Close()
		return nil, err
	}
	return s, nil
}

func start(cam *webcam.Webcam) (*v4l2Source, error) {
	offered := cam.GetSupportedFormats()
	var (
		format PixelFormat
		w, h   int
		best   = -1
	)
	for _, f := range formatOrder {
		if _, ok := offered[webcam.PixelFormat(f)]; !ok {
			continue
		}
		// An earlier format wins a tie: YUYV needs no decoding.
		if fw, fh, ok := pickSize(cam.GetSupportedFrameSizes(webcam.PixelFormat(f))); ok && (best < 0 || sizeDistance(fw, fh) < best) {
			format, w, h, best = f, fw, fh, sizeDistance(fw, fh)
		}
	}
	if format == 0 {
		var names []string
		for f := range offered {
			names = append(names, PixelFormat(f).String())
		}
		slices.Sort(names)
		return nil, fmt.Errorf("it offers no frame size in YUYV, MJPEG or GREY (it offers %v)", names)
	}
	got, _, _, err := cam.SetImageFormat(webcam.PixelFormat(format), uint32(w), uint32(h))
	if err != nil {
		return nil, fmt.Errorf("cannot set %s %d×%d: %w", format, w, h, err)
	}
	if PixelFormat(got) != format {
		return nil, fmt.Errorf("asked for %s frames, it gives %s", format, PixelFormat(got))
	}
	// Few buffers: only the newest frame is read, and the library's
	// default of 256 would map hundreds of megabytes.
	if err := cam.SetBufferCount(4); err != nil {
		return nil, err
	}
	if err := cam.StartStreaming(); err != nil {
		return nil, err
	}
	return &v4l2Source{cam: cam, format: format, width: w, height: h}, nil
}

// Next drains the frames the driver has filled and returns the newest.
func (s *v4l2Source) Next() (Frame, bool, error) {
	deadline := time.Now().Add(frameWait)
	got := false
	for range 64 { // more than the buffers a driver holds
		data, index, err := s.cam.GetFrame()
		switch {
		case err == nil:
			s.buf = append(s.buf[:0], data...)
			if err := s.cam.ReleaseFrame(index); err != nil {
				return Frame{}, false, err
			}
			got = true
		case !errors.Is(err, syscall.EAGAIN):
			return Frame{}, false, err // ENODEV once unplugged
		case got:
			return s.frame(), true, nil
		case time.Now().After(deadline):
			return Frame{}, false, nil
		default:
			time.Sleep(framePoll)
		}
	}
	return s.frame(), got, nil
}

// frame describes the copied frame. The driver does not say its row
// padding; it is the frame's length over its height when that divides.
func (s *v4l2Source) frame() Frame {
	f := Frame{Format: s.format, Width: s.width, Height: s.height, Data: s.buf}
	if s.format != FormatMJPEG && s.height > 0 && len(s.buf)%s.height == 0 {
		f.Stride = len(s.buf) / s.height
	}
	return f
}

// Close stops streaming and closes the device.
func (s *v4l2Source) Close() error { return s.cam.Close() }

// pickSize returns the offered frame size nearest wantWidth×wantHeight.
// Stepwise ranges are met at the nearest step; a continuous range (which
// the library reports as all zeros) and empty lists give ok false.
func pickSize(sizes []webcam.FrameSize) (w, h int, ok bool) {
	best := -1
	for _, s := range sizes {
		sw, sh := fit(s.MinWidth, s.MaxWidth, s.StepWidth, wantWidth), fit(s.MinHeight, s.MaxHeight, s.StepHeight, wantHeight)
		if sw == 0 || sh == 0 {
			continue
		}
		if d := sizeDistance(sw, sh); best < 0 || d < best {
			w, h, best = sw, sh, d
		}
	}
	return w, h, best >= 0
}

// fit returns the value of min..max in steps of step nearest want.
func fit(lo, hi, step uint32, want int) int {
	if hi == 0 || hi < lo {
		return 0
	}
	v := min(max(want, int(lo)), int(hi))
	if step > 0 {
		v = int(lo) + (v-int(lo)+int(step)/2)/int(step)*int(step)
		if v > int(hi) {
			v -= int(step)
		}
	}
	return v
}

// sizeDistance is how far a frame size is from the wanted one, in pixels.
func sizeDistance(w, h int) int {
	d := w*h - wantWidth*wantHeight
	if d < 0 {
		return -d
	}
	return d
}
