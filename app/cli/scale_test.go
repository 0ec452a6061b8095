package cli

import (
	"os"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
)

func TestFitScale(t *testing.T) {
	kiosk, counter := fyne.NewSize(1280, 1024), fyne.NewSize(1280, 720)
	tests := []struct {
		name     string
		screen   fyne.Size
		design   fyne.Size
		windowed bool
		want     string
	}{
		{"kiosk full screen on its own screen", fyne.NewSize(1280, 1024), kiosk, false, ""},
		{"kiosk full screen on 1920×1080", fyne.NewSize(1920, 1080), kiosk, false, ""},
		{"kiosk full screen on a 1366×768 monitor", fyne.NewSize(1366, 768), kiosk, false, "0.7"},
		{"make run on a 1366×768 laptop", fyne.NewSize(1366, 768), kiosk, true, "0.6"},
		{"kiosk windowed on its own screen", fyne.NewSize(1280, 1024), kiosk, true, "0.9"},
		{"portrait kiosk on 1080×1920", fyne.NewSize(1080, 1920), kioskPortrait, false, ""},
		{"portrait kiosk on 768×1366", fyne.NewSize(768, 1366), kioskPortrait, false, "0.7"},
		{"counter windowed on 1366×768", fyne.NewSize(1366, 768), counter, true, "0.9"},
		{"counter full screen on 1366×768", fyne.NewSize(1366, 768), counter, false, ""},
		{"a tiny screen stops at 0.4", fyne.NewSize(320, 240), kiosk, false, "0.4"},
		{"no screen read", fyne.Size{}, kiosk, true, ""},
	}
	for _, tt := range tests {
		got := ""
		if scale, _ := fitScale(tt.screen, tt.design, tt.windowed); scale > 0 {
			got = strconv.FormatFloat(float64(scale), 'f', -1, 32)
		}
		if got != tt.want {
			t.Errorf("%s: fitScale = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A window scaled down is opened in all the room the rounding left, so
// that it still fits the screen and its layout has a little more than
// it was designed for.
func TestFitScreenGrowsAScaledWindow(t *testing.T) {
	t.Setenv("FYNE_SCALE", "")
	screen := fyne.NewSize(1280, 1024)
	size := fitScreen(screen, "kiosk", fyne.NewSize(1280, 1024), false)
	scale, _ := strconv.ParseFloat(os.Getenv("FYNE_SCALE"), 32)
	px := fyne.NewSize(size.Width*float32(scale), size.Height*float32(scale))
	if size.Height <= 1024 || px.Width > screen.Width || px.Height > screen.Height-windowMargin+1 {
		t.Errorf("windowed kiosk on 1280×1024: %v at scale %v is %v px; want more than 1024 high, within %v less the margin", size, scale, px, screen)
	}
	if got := fitScreen(fyne.NewSize(1920, 1080), "kiosk", fyne.NewSize(1280, 1024), true); got != fyne.NewSize(1280, 1024) {
		t.Errorf("a kiosk that fits opens at %v, want its design size", got)
	}
}

func TestParseDimensions(t *testing.T) {
	report := "name of display:    :0\n...\nscreen #0:\n  dimensions:    1366x768 pixels (361x203 millimeters)\n  resolution:    96x96 dots per inch\n"
	if got := parseDimensions(report); got != fyne.NewSize(1366, 768) {
		t.Errorf("parseDimensions = %v, want 1366×768", got)
	}
	if got := parseDimensions("xdpyinfo:  unable to open display \":95\"."); got != (fyne.Size{}) {
		t.Errorf("parseDimensions of an error = %v, want nothing", got)
	}
}
