package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"tongban/app/counter"
	"tongban/printer"
)

// Config is what IT staff set on a device with tongban config. It lives in
// the store, so a backup carries it.
type Config struct {
	Role           string `json:"role,omitempty"`            // kiosk or counter; empty: kiosk demo
	Printer        string `json:"printer,omitempty"`         // tcp://, file://, cups://, dir://; empty: dir:// in the data folder
	PrinterProfile string `json:"printer_profile,omitempty"` // 58, 80, 80-epson, 58-raster
	Scanner        string `json:"scanner,omitempty"`         // serial port of a CDC scanner, e.g. /dev/ttyACM0
	Camera         string `json:"camera,omitempty"`          // V4L2 camera read for receipt QR codes, e.g. /dev/video0
	IdleSeconds    int    `json:"idle_seconds,omitempty"`    // kiosk idle reset; 0: 90
	LockSeconds    int    `json:"lock_seconds,omitempty"`    // counter idle sign-out; 0: 300
	RetentionDays  int    `json:"retention_days,omitempty"`  // kiosk keeps synced closed cases this long; 0: 30
	Windowed       bool   `json:"windowed,omitempty"`        // run the window not full screen (testing)
}

// configKeys describes each setting: how to check and set it.
var configKeys = map[string]struct {
	help string
	set  func(c *Config, v string) error
}{
	"role": {"kiosk or counter", func(c *Config, v string) error {
		if v != "kiosk" && v != "counter" {
			return failf(tBadRole, v)
		}
		c.Role = v
		return nil
	}},
	"printer": {"tcp://HOST:9100, file:///dev/usb/lp0, cups://QUEUE or dir://PATH", func(c *Config, v string) error {
		// printer.Open checks the address without contacting the printer.
		t, err := printer.Open(v)
		if err != nil {
			return printFault{err} // the printer package says what is wrong with the address
		}
		t.Close()
		// A relative dir:// folder would be the window's working folder,
		// not the one it was typed in.
		if v, err = absoluteDirURL(v); err != nil {
			return err
		}
		c.Printer = v
		return nil
	}},
	"printer_profile": {strings.Join(printer.ProfileNames(), ", "), func(c *Config, v string) error {
		if _, err := printer.ProfileByName(v); err != nil {
			return failf(tBadProfileSetting, strings.Join(printer.ProfileNames(), "、"), strings.Join(printer.ProfileNames(), ", "), v)
		}
		c.PrinterProfile = v
		return nil
	}},
	"scanner": {"serial port of a CDC-mode scanner, or empty", func(c *Config, v string) error {
		if err := checkDevicePath("scanner", v); err != nil {
			return err
		}
		c.Scanner = v
		return nil
	}},
	"camera": {"V4L2 camera device that reads receipt QR codes (/dev/video0), or empty", func(c *Config, v string) error {
		if err := checkDevicePath("camera", v); err != nil {
			return err
		}
		c.Camera = v
		return nil
	}},
	"idle_seconds": {"kiosk idle reset in seconds (30–600)", func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 30 || n > 600 {
			return failf(tBadIdle, v)
		}
		c.IdleSeconds = n
		return nil
	}},
	"lock_seconds": {"counter sign-out after this long untouched, in seconds (60–3600)", func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 60 || n > 3600 {
			return failf(tBadLock, v)
		}
		c.LockSeconds = n
		return nil
	}},
	"retention_days": {"days a kiosk keeps synced, closed cases (1–365)", func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 365 {
			return failf(tBadRetention, v)
		}
		c.RetentionDays = n
		return nil
	}},
	"windowed": {"true to run the window not full screen", func(c *Config, v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return failf(tBadWindowed, v)
		}
		c.Windowed = b
		return nil
	}},
}

// configCommand: tongban config [KEY [VALUE]].
func configCommand(c *call) error {
	fs := c.flags("config")
	c.synopsis = "[KEY [VALUE]]   (KEY is one of " + strings.Join(configNames(), ", ") + "; VALUE default puts a setting back to its default, none clears scanner or camera)"
	c.rawValue = true // tongban config idle_seconds -5 reaches the setting's own check
	pos, err := c.parse(fs, c.args)
	if err != nil {
		return err
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	if len(pos) == 0 {
		if c.json {
			all := map[string]settingJSON{}
			for _, k := range configNames() {
				all[k] = d.settingJSON(k)
			}
			return writeJSON(c.env.Stdout, all)
		}
		for _, k := range configNames() {
			fmt.Fprintf(c.env.Stdout, "%-16s %s\n", k, d.setting(k))
		}
		return nil
	}
	key := pos[0]
	k, ok := configKeys[key]
	if !ok {
		return badf(tNoSetting, key, strings.Join(configNames(), ", "))
	}
	switch len(pos) {
	case 1: // tongban config KEY: its value
		if c.json {
			return writeJSON(c.env.Stdout, d.settingJSON(key))
		}
		fmt.Fprintln(c.env.Stdout, d.setting(key))
		return nil
	case 2:
		value := pos[1]
		if strings.TrimSpace(value) == "" { // an unset shell variable in a setup script
			return badf(tEmptySetting, key)
		}
		reset := value == "default" || optionalSetting(key) && (value == "none" || value == tNone.ZH)
		if reset {
			d.config.reset(key)
		} else if err := k.set(&d.config, value); err != nil {
			return &badInput{err}
		}
		// An enrolled device runs the role the platform enrolled it as:
		// the platform takes no other role's records from it.
		if id, err := d.store.Identity(); err != nil {
			return err
		} else if key == "role" && id.Enrolled() && d.config.runs() != id.Role {
			return badf(tRoleIsEnrolled, roleName(id.Role), roleName(d.config.runs()))
		}
		if err := d.store.PutJSON(keyConfig, d.config); err != nil {
			return err
		}
		if !reset && optionalSetting(key) && !deviceThere(value) {
			// Set all the same: a USB scanner or camera may be plugged in later.
			fmt.Fprintln(c.env.Stderr, bothf(tDeviceNotThere, value, deviceNames[key]))
		}
		now := d.settingJSON(key)
		switch {
		case c.json:
			return writeJSON(c.env.Stdout, now)
		case reset && optionalSetting(key):
			fmt.Fprintln(c.env.Stdout, bothf(tConfigCleared, key))
		case reset:
			fmt.Fprintln(c.env.Stdout, bothf(tConfigReset, key, fmt.Sprint(now.Value)))
		default:
			fmt.Fprintln(c.env.Stdout, bothf(tConfigSet, key, fmt.Sprint(now.Value)))
		}
		return nil
	}
	return badf(tConfigGetUse)
}

// optionalSetting reports whether a setting names a device the machine
// may not have (a serial scanner, a camera): unset is none, and
// tongban config KEY none clears it.
func optionalSetting(key string) bool { return key == "scanner" || key == "camera" }

// settingJSON is one setting in tongban config --json: the value in
// force (a number for a number, true or false for windowed, "" for no
// scanner or camera) and whether it is the default, not set.
type settingJSON struct {
	Key     string `json:"key,omitempty"`
	Value   any    `json:"value"`
	Default bool   `json:"default"`
}

// settingJSON is a setting's value in force, for --json.
func (d *device) settingJSON(key string) settingJSON {
	cfg := d.config
	s := settingJSON{Key: key}
	switch key {
	case "role":
		s.Value, s.Default = cfg.runs(), cfg.Role == ""
	case "printer":
		s.Value, s.Default = d.printerURL(), cfg.Printer == ""
	case "printer_profile":
		s.Value, s.Default = d.printerProfile(), cfg.PrinterProfile == ""
	case "scanner":
		s.Value, s.Default = cfg.Scanner, cfg.Scanner == ""
	case "camera":
		s.Value, s.Default = cfg.Camera, cfg.Camera == ""
	case "idle_seconds":
		s.Value, s.Default = cfg.idle(), cfg.IdleSeconds == 0
	case "lock_seconds":
		s.Value, s.Default = cfg.lock(), cfg.LockSeconds == 0
	case "retention_days":
		s.Value, s.Default = cfg.retention(), cfg.RetentionDays == 0
	case "windowed":
		s.Value, s.Default = cfg.Windowed, !cfg.Windowed
	}
	return s
}

// reset puts a setting back to its default: the config without its key.
// The settings' keys are the config's JSON names, so one way serves all.
func (c *Config) reset(key string) {
	var fields map[string]json.RawMessage
	b, _ := json.Marshal(c)
	json.Unmarshal(b, &fields)
	delete(fields, key)
	b, _ = json.Marshal(fields)
	var fresh Config
	json.Unmarshal(b, &fresh)
	*c = fresh
}

// absoluteDirURL makes the folder of a dir:// printer absolute, from the
// folder the command runs in; other addresses pass unchanged.
func absoluteDirURL(v string) (string, error) {
	scheme, folder, _ := strings.Cut(v, "://")
	if !strings.EqualFold(scheme, "dir") || folder == "" || filepath.IsAbs(filepath.FromSlash(folder)) {
		return v, nil
	}
	abs, err := filepath.Abs(filepath.FromSlash(folder))
	if err != nil {
		return "", failf(tPrinterDirNotFull, v, err)
	}
	return printer.DirURL(abs), nil
}

// kioskDemo reports whether the device runs the kiosk only because no
// role is set: a device not enrolled, whose window is then the demo on
// the sample catalog. An enrolled kiosk with no role set runs as the
// kiosk it was enrolled as (config refuses any other role).
func (d *device) kioskDemo() bool {
	if d.config.Role != "" {
		return false
	}
	if d.store == nil {
		return true
	}
	id, err := d.store.Identity()
	return err != nil || !id.Enrolled()
}

// setting is a setting's value in force for tongban config to list: what
// was set, or the default the device uses, marked so.
func (d *device) setting(key string) string {
	cfg := d.config
	set := func(v string, isSet bool) string {
		if isSet {
			return v
		}
		return v + "（" + tDefault.Both() + "）"
	}
	switch key {
	case "role":
		if d.kioskDemo() {
			return "kiosk（" + tKioskDemo.Both() + "）"
		}
		return cfg.runs()
	case "printer":
		return set(d.printerURL(), cfg.Printer != "")
	case "printer_profile":
		return set(d.printerProfile(), cfg.PrinterProfile != "")
	case "scanner": // none is the default: the scan field and a keyboard-mode scanner
		return orNone(cfg.Scanner)
	case "camera":
		return orNone(cfg.Camera)
	case "idle_seconds":
		return set(strconv.Itoa(cfg.idle()), cfg.IdleSeconds != 0)
	case "lock_seconds":
		return set(strconv.Itoa(cfg.lock()), cfg.LockSeconds != 0)
	case "retention_days":
		return set(strconv.Itoa(cfg.retention()), cfg.RetentionDays != 0)
	case "windowed":
		return set(strconv.FormatBool(cfg.Windowed), cfg.Windowed)
	}
	return ""
}

// orNone is a setting's value, or 无 none when it is empty.
func orNone(v string) string {
	if v == "" {
		return tNone.Both()
	}
	return v
}

// configNames are the settings' keys in order.
func configNames() []string {
	keys := make([]string, 0, len(configKeys))
	for k := range configKeys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// runs is the role the device runs when started without a command, as
// runConfigured decides it: counter when set so, else the kiosk (with no
// role set, the kiosk demo).
func (c Config) runs() string {
	if c.Role == "counter" {
		return "counter"
	}
	return "kiosk"
}

// idle is the kiosk's idle timeout in seconds.
func (c Config) idle() int {
	if c.IdleSeconds == 0 {
		return 90
	}
	return c.IdleSeconds
}

// lock is the counter's idle sign-out in seconds.
func (c Config) lock() int {
	if c.LockSeconds == 0 {
		return int(counter.DefaultIdleLock / time.Second)
	}
	return c.LockSeconds
}

// retention is how many days a kiosk keeps synced, closed cases.
func (c Config) retention() int {
	if c.RetentionDays == 0 {
		return 30
	}
	return c.RetentionDays
}
