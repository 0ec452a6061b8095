package cli

import (
	"io/fs"
	"os"
	"runtime"

	"tongban/app/cases"
)

// checkDevicePath refuses a scanner or camera that names something which
// is there but is not a device (a file, a folder): a typo in the path, and
// reading it would never give a scan. On Windows a scanner is a COM port
// name, not a path, and nothing is checked.
func checkDevicePath(key, v string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	fi, err := os.Stat(v)
	if err != nil || fi.Mode()&fs.ModeCharDevice != 0 {
		return nil // not there yet (see deviceThere), or a device
	}
	return failf(tNotADevice, v, deviceNames[key])
}

// deviceNames name the devices a setting points at, for sentences.
var deviceNames = map[string]cases.Text{"scanner": {ZH: "扫码枪", EN: "scanner"}, "camera": {ZH: "摄像头", EN: "camera"}}

// deviceThere reports whether a scanner or camera path names something
// that exists now; always true on Windows (see checkDevicePath).
func deviceThere(v string) bool {
	if runtime.GOOS == "windows" {
		return true
	}
	_, err := os.Stat(v)
	return err == nil
}
