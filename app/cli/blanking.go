package cli

import (
	"os"
	"os/exec"

	"fyne.io/fyne/v2"
)

// keepScreenOn stops the screen from blanking while a kiosk or counter
// window is open. Fyne asks the desktop's screen saver over the session
// D-Bus; a kiosk PC that starts X with no desktop session has no bus (and
// Fyne would log an error at every start), so there the X server's own
// blanking is turned off instead — only in full screen, never on the desk
// of someone trying the demo in a window.
func keepScreenOn(a fyne.App, fullScreen bool) {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		a.Driver().SetDisableScreenBlanking(true)
		return
	}
	if !fullScreen {
		return
	}
	if xset, err := exec.LookPath("xset"); err == nil {
		if out, err := exec.Command(xset, "s", "off", "-dpms", "s", "noblank").CombinedOutput(); err != nil {
			fyne.LogError("turning off screen blanking with xset: "+string(out), err)
		}
	}
}
