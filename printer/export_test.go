package printer

import "time"

// SetTakeTimeout shortens how long a device may take no data, for a test,
// and returns the function that restores it.
func SetTakeTimeout(d time.Duration) (restore func()) {
	old := takeTimeout
	takeTimeout = d
	return func() { takeTimeout = old }
}

// DirError is dirError, for the tests of the folder transport's faults.
var DirError = dirError
