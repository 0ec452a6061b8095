package cli

import "fmt"

// runConfigured runs this device's role; a device with no role set runs the
// kiosk on the sample catalog, the demo a new user sees first.
func runConfigured(c *call) error {
	fs := c.flags("")
	if _, err := c.parse(fs, c.args); err != nil {
		return err
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	role := d.config.Role
	d.close()
	if role == "counter" {
		return runCounter(c)
	}
	return runKiosk(c)
}

func runKiosk(c *call) error {
	return fmt.Errorf("the kiosk window is not wired yet")
}

func runCounter(c *call) error {
	return fmt.Errorf("the counter window is not wired yet")
}
