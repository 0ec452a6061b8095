package cli

import (
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
		{"kiosk full screen on a 1366×768 monitor", fyne.NewSize(1366, 768), kiosk, false, "0.75"},
		{"make run on a 1366×768 laptop", fyne.NewSize(1366, 768), kiosk, true, "0.67"},
		{"portrait kiosk on 1080×1920", fyne.NewSize(1080, 1920), kioskPortrait, false, ""},
		{"portrait kiosk on 768×1366", fyne.NewSize(768, 1366), kioskPortrait, false, "0.71"},
		{"counter windowed on 1366×768", fyne.NewSize(1366, 768), counter, true, "0.96"},
		{"counter full screen on 1366×768", fyne.NewSize(1366, 768), counter, false, ""},
		{"a tiny screen stops at 0.4", fyne.NewSize(320, 240), kiosk, false, "0.4"},
		{"no screen read", fyne.Size{}, kiosk, true, ""},
	}
	for _, tt := range tests {
		if got := fitScale(tt.screen, tt.design, tt.windowed); got != tt.want {
			t.Errorf("%s: fitScale = %q, want %q", tt.name, got, tt.want)
		}
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
