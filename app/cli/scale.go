package cli

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
)

// The windows are laid out for a kiosk's screen: 1280×1024 or 1080×1920
// for the kiosk, 1280×720 for the counter. On a smaller screen (a 1366×768
// laptop running make run, a cheap kiosk monitor) the layout would be
// cut off at the bottom: Fyne grows a window to its content's minimum
// size. Before the app starts, the window reads the screen's size and,
// when the screen is smaller, sets FYNE_SCALE so that everything, text,
// keys and pictures alike, shrinks to fit. Fyne reads FYNE_SCALE when the
// app is made and offers no way to learn the screen's size before a
// window is up, so the size comes from xdpyinfo (x11-utils), when it is
// there; a FYNE_SCALE already set is left alone.

// windowMargin is the room a window manager's title bar and panels take
// from a window that is not full screen.
const windowMargin = 72

// fitScale returns the scale at which a window laid out for design fits a
// screen of the given size, 0 when it fits as it is, and the ratio it was
// rounded down from. Full screen, the window has the whole screen;
// windowed, it leaves windowMargin for the title bar and panels. Fyne
// applies a scale to a tenth, rounded to the nearest (0.67 is 0.7, and
// 0.96 is 1), so the scale is rounded down to a tenth here: rounded up,
// the window would not fit.
func fitScale(screen, design fyne.Size, windowed bool) (scale, ratio float32) {
	if screen.Width <= 0 || screen.Height <= 0 {
		return 0, 0
	}
	room := screen
	if windowed {
		room.Height -= windowMargin
	}
	ratio = min(room.Width/design.Width, room.Height/design.Height)
	if ratio >= 1 {
		return 0, ratio
	}
	return max(float32(int(ratio*10))/10, 0.4), ratio
}

// kioskPortrait is the size the kiosk is laid out for on a screen taller
// than wide, where it puts its keypads under the fields.
var kioskPortrait = fyne.NewSize(1080, 1920)

// measureScreen starts reading the screen's size (xdpyinfo takes tens of
// milliseconds, the store opens meanwhile) and returns what waits for it:
// a zero size when FYNE_SCALE is set already or there is no display.
func measureScreen(getenv func(string) string) func() fyne.Size {
	if getenv("FYNE_SCALE") != "" || getenv("DISPLAY") == "" {
		return func() fyne.Size { return fyne.Size{} }
	}
	done := make(chan fyne.Size, 1)
	go func() { done <- screenSize() }()
	return func() fyne.Size { return <-done }
}

// fitScreen sets FYNE_SCALE so that a window laid out for design
// (landscape) fits the screen measured, and returns the size to open a
// window that is not full screen at: design, or, scaled down, design
// grown into the room the rounding down left. A scaled layout needs that
// room: each line of text rounds up to whole pixels, and the kiosk's
// start screen, which fills 1024 high to the last pixel, lost the bottom
// of its buttons at 0.9. A full-screen kiosk on a portrait screen is laid
// out for kioskPortrait.
func fitScreen(screen fyne.Size, role string, design fyne.Size, fullScreen bool) fyne.Size {
	if fullScreen && role == "kiosk" && screen.Height > screen.Width {
		design = kioskPortrait
	}
	scale, ratio := fitScale(screen, design, !fullScreen)
	if scale == 0 {
		return design
	}
	os.Setenv("FYNE_SCALE", strconv.FormatFloat(float64(scale), 'f', -1, 32))
	return design.Max(fyne.NewSize(design.Width*ratio/scale, design.Height*ratio/scale))
}

// screenSize is the size in pixels of the X display's screen, or a zero
// size when xdpyinfo is missing or says nothing useful.
func screenSize() fyne.Size {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "xdpyinfo").Output()
	if err != nil {
		return fyne.Size{}
	}
	return parseDimensions(string(out))
}

var dimensions = regexp.MustCompile(`dimensions:\s+(\d+)x(\d+) pixels`)

// parseDimensions reads the first screen's size from xdpyinfo's report.
func parseDimensions(report string) fyne.Size {
	m := dimensions.FindStringSubmatch(report)
	if m == nil {
		return fyne.Size{}
	}
	w, _ := strconv.Atoi(m[1])
	h, _ := strconv.Atoi(m[2])
	return fyne.NewSize(float32(w), float32(h))
}
