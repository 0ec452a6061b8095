//go:build !linux

package scan

import "errors"

// openDevice reports that cameras are read through V4L2, on Linux only.
func openDevice(device string) (FrameSource, error) {
	return nil, errors.New("camera scanning needs Linux (V4L2); use a scanner or an image file here")
}
