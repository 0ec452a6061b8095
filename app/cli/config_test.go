package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestConfigOneKey: tongban config KEY shows one setting as the list does;
// none (or 无) clears a scanner or camera, default puts any setting back;
// --json shows each setting's value in force and whether it is the default.
func TestConfigOneKey(t *testing.T) {
	data := t.TempDir()
	steps := []struct {
		args []string
		want string
	}{
		{[]string{"config", "camera"}, "无 none\n"},
		{[]string{"config", "camera", "/dev/video0"}, "已设置 camera 为 /dev/video0。 Set camera to /dev/video0.\n"},
		{[]string{"config", "camera"}, "/dev/video0\n"},
		{[]string{"config", "camera", "none"}, "已清除 camera。 Cleared camera.\n"},
		{[]string{"config", "camera"}, "无 none\n"},
		{[]string{"config", "scanner", "/dev/ttyACM0"}, "已设置 scanner 为 /dev/ttyACM0。 Set scanner to /dev/ttyACM0.\n"},
		{[]string{"config", "scanner", "无"}, "已清除 scanner。 Cleared scanner.\n"},
		{[]string{"config", "idle_seconds", "120"}, "已设置 idle_seconds 为 120。 Set idle_seconds to 120.\n"},
		{[]string{"config", "idle_seconds"}, "120\n"},
		{[]string{"config", "idle_seconds", "default"}, "已将 idle_seconds 恢复为默认值 90。 Reset idle_seconds to its default, 90.\n"},
		{[]string{"config", "idle_seconds"}, "90（默认 default）\n"},
		{[]string{"config", "lock_seconds"}, "300（默认 default）\n"},
		{[]string{"config", "lock_seconds", "600"}, "已设置 lock_seconds 为 600。 Set lock_seconds to 600.\n"},
		{[]string{"config", "role", "counter"}, "已设置 role 为 counter。 Set role to counter.\n"},
		{[]string{"config", "role", "default"}, "已将 role 恢复为默认值 kiosk。 Reset role to its default, kiosk.\n"},
	}
	for _, s := range steps {
		if out := must(t, data, s.args...); out != s.want {
			t.Errorf("tongban %q = %q, want %q", s.args, out, s.want)
		}
	}

	must(t, data, "config", "retention_days", "7")
	var all map[string]settingJSON
	if err := json.Unmarshal([]byte(must(t, data, "config", "--json")), &all); err != nil {
		t.Fatal(err)
	}
	if len(all) != len(configKeys) {
		t.Errorf("config --json lists %d settings, want all %d", len(all), len(configKeys))
	}
	for key, want := range map[string]settingJSON{
		"retention_days":  {Key: "retention_days", Value: 7.0, Default: false},
		"idle_seconds":    {Key: "idle_seconds", Value: 90.0, Default: true},
		"camera":          {Key: "camera", Value: "", Default: true},
		"printer_profile": {Key: "printer_profile", Value: "58", Default: true},
		"windowed":        {Key: "windowed", Value: false, Default: true},
		"role":            {Key: "role", Value: "kiosk", Default: true},
	} {
		if got := all[key]; got != want {
			t.Errorf("config --json %s = %+v, want %+v", key, got, want)
		}
	}
	if p := all["printer"]; p.Value != "dir://"+filepath.ToSlash(data)+"/receipts" || !p.Default {
		t.Errorf("config --json printer = %+v; want the default folder", p)
	}
	var one settingJSON
	if err := json.Unmarshal([]byte(must(t, data, "config", "idle_seconds", "300", "--json")), &one); err != nil ||
		one != (settingJSON{Key: "idle_seconds", Value: 300.0, Default: false}) {
		t.Errorf("config idle_seconds 300 --json = %+v (%v)", one, err)
	}
	if _, errOut, code := run(t, data, "config", "colour"); code != exitBadArgs || !strings.Contains(errOut, `There is no setting "colour"`) {
		t.Errorf("config colour: exit %d, %q", code, errOut)
	}
	if _, errOut, code := run(t, data, "config", "role", "kiosk", "extra"); code != exitBadArgs || !strings.Contains(errOut, "tongban config KEY to show one") {
		t.Errorf("config with three words: exit %d, %q", code, errOut)
	}
}

// TestConfigResetsEveryKey: default puts every setting back, so each key
// is the config's JSON name of its field.
func TestConfigResetsEveryKey(t *testing.T) {
	set := Config{Role: "counter", Printer: "tcp://10.0.0.5:9100", PrinterProfile: "80", Scanner: "/dev/ttyACM0",
		Camera: "/dev/video0", IdleSeconds: 60, LockSeconds: 120, RetentionDays: 7, Windowed: true}
	for _, key := range configNames() {
		c := set
		c.reset(key)
		if c == set {
			t.Errorf("reset(%s) changed nothing", key)
		}
		if d := (&device{config: c}).settingJSON(key); !d.Default {
			t.Errorf("after reset(%s) the setting is %+v, not the default", key, d)
		}
	}
}

// TestConfigPrinterFolderIsAbsolute: a dir:// printer typed relative to
// the folder IT staff stand in is kept as that folder's full path, as the
// window runs elsewhere.
func TestConfigPrinterFolderIsAbsolute(t *testing.T) {
	data, here := t.TempDir(), t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(here); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	here, _ = os.Getwd() // as the system names it (macOS: /private/var)
	want := "dir://" + filepath.ToSlash(filepath.Join(here, "receipts"))
	if out := must(t, data, "config", "printer", "dir://receipts"); !strings.Contains(out, "Set printer to "+want+".") {
		t.Errorf("config printer dir://receipts said %q; want %s", out, want)
	}
	if out := must(t, data, "config", "printer"); out != want+"\n" {
		t.Errorf("config printer = %q, want %s", out, want)
	}
	for _, url := range []string{"dir:///var/lib/tongban/receipts", "tcp://10.0.0.5:9100"} {
		if got, err := absoluteDirURL(url); err != nil || got != url {
			t.Errorf("absoluteDirURL(%s) = %s, %v; want it unchanged", url, got, err)
		}
	}
}

// TestConfigDevicePaths: a scanner or camera that names a file or a folder
// is refused (exit 2, nothing set); one not there yet is set, with a note
// on stderr to plug it in or check the name.
func TestConfigDevicePaths(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "scan.txt")
	os.WriteFile(file, []byte("x"), 0o600)
	for _, tc := range []struct{ key, value, zh string }{
		{"scanner", file, "不能作扫码枪"},
		{"camera", t.TempDir(), "不能作摄像头"},
	} {
		_, errOut, code := run(t, data, "config", tc.key, tc.value)
		wantRefusal(t, "config "+tc.key+" "+tc.value, errOut, code, tc.zh, "is not a device")
		if out := must(t, data, "config", tc.key); out != "无 none\n" {
			t.Errorf("after the refusal, config %s = %q; want it still none", tc.key, out)
		}
	}
	out, errOut, code := run(t, data, "config", "scanner", "/dev/ttyNOTHERE0")
	if code != exitOK || !strings.HasPrefix(out, "已设置 scanner") || !strings.Contains(errOut, "现在没有 /dev/ttyNOTHERE0") || !strings.Contains(errOut, "plug the scanner in") {
		t.Errorf("config scanner of a device not plugged in: exit %d, %q, %q; want it set with a note", code, out, errOut)
	}
	if out, errOut, code := run(t, data, "config", "camera", os.DevNull); code != exitOK || errOut != "" || !strings.Contains(out, "Set camera") {
		t.Errorf("config camera %s (a device): exit %d, %q, %q", os.DevNull, code, out, errOut)
	}
	// Status lists both, and the scanner that is not there as a problem.
	out, _, code = run(t, data, "status", "--json")
	var s statusJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.Scanner != "/dev/ttyNOTHERE0" || s.Camera != os.DevNull {
		t.Fatalf("status --json: scanner %q, camera %q (%v)", s.Scanner, s.Camera, err)
	}
	var codes []string
	for _, p := range s.Problems {
		codes = append(codes, p.Code)
	}
	if !slices.Contains(codes, "scanner_missing") || slices.Contains(codes, "camera_missing") {
		t.Errorf("status problems %v; want scanner_missing and no camera_missing", codes)
	}
}

// An empty value (an unset variable in a setup script: tongban config
// printer "$P") is refused, not taken as "back to the default": the real
// printer would be gone without a word.
func TestConfigRefusesAnEmptyValue(t *testing.T) {
	data := t.TempDir()
	must(t, data, "config", "printer", "tcp://192.0.2.7:9100")
	for _, v := range []string{"", " "} {
		_, errOut, code := run(t, data, "config", "printer", v)
		if code != exitBadArgs || !strings.Contains(errOut, "没有给出 printer 的值") || !strings.Contains(errOut, "tongban config printer default") {
			t.Errorf("config printer %q: exit %d, %q; want exit 2 saying no value was given and how to reset", v, code, errOut)
		}
	}
	if got := must(t, data, "config", "printer"); !strings.Contains(got, "tcp://192.0.2.7:9100") {
		t.Errorf("after the refused empty values the printer is %q", got)
	}
}
