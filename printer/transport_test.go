package printer_test

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"tongban/printer"
	"tongban/printer/printertest"
)

// TestOpenBadURLs: every address that cannot be a printer is ErrBadURL,
// and its sentence, Chinese then English, says what is wrong with it.
func TestOpenBadURLs(t *testing.T) {
	folder := t.TempDir()
	tests := []struct{ url, zh, en string }{
		{"", "地址是空的", "it is empty; use one of tcp://HOST:PORT"},
		{"lp0", "开头缺少 tcp://", "does not start with tcp://, file://, cups:// or dir://"},
		{"/dev/usb/lp0", "写成 file:///dev/usb/lp0", "needs file:// in front, as in file:///dev/usb/lp0"},
		{"http://printer", "先把它加到本机 CUPS", "add the printer to this computer's CUPS and write cups://QUEUE"},
		{"socket://10.0.0.9:9100", "tcp://10.0.0.9:9100", "as tcp://10.0.0.9:9100"},
		{"lpt://x", "不认识 lpt://", "lpt:// is not a printer address; use one of tcp://HOST:PORT"},
		{"tcp://", "缺少打印机的主机名或 IP 地址", "host name or IP address is missing"},
		{"tcp://:9100", "缺少打印机的主机名或 IP 地址", "host name or IP address is missing"},
		{"tcp://host:", "缺少端口号", "the port after the colon is missing"},
		{"tcp://host:9100/path", "不能带“/path”", "only a host and a port follow tcp://, not /path"},
		{"tcp://user@host:9100", "没有用户名", "has no user name"},
		{"tcp://127.0.0.1:99999", `端口须是 1 到 65535 之间的数字，不能是 "99999"`, `the port must be a number from 1 to 65535, not "99999"`},
		{"tcp://host:0", "1 到 65535", `from 1 to 65535, not "0"`},
		{"tcp://host:lpr", "1 到 65535", `from 1 to 65535, not "lpr"`},
		{"file://", "缺少设备路径", "the device path after file:// is missing"},
		{"file://dev/usb/lp0", "须从 / 开始", "must start with / (three slashes after file:), as in file:///dev/usb/lp0"},
		{"file://" + folder, "是一个文件夹，不是打印机设备", folder + " is a folder, not a printer device"},
		{"cups://", "缺少队列名", "the queue name after cups:// is missing"},
		{"cups://-o", "不能以 - 开头", "cannot start with -"},
		{"cups://my queue", "不能含空格", "cannot hold spaces"},
		{"cups://print-server/Receipt_58", "不能含 /", "a queue name cannot hold /"},
		{"cups://" + strings.Repeat("q", 128), "最长 127 个字符", "at most 127 characters"},
		{"dir://", "缺少目录", "the folder after dir:// is missing"},
	}
	for _, tt := range tests {
		_, err := printer.Open(tt.url)
		if !errors.Is(err, printer.ErrBadURL) {
			t.Errorf("Open(%q) = %v, want ErrBadURL", tt.url, err)
			continue
		}
		zh, en := printer.MessageIn(err)
		if !strings.HasPrefix(zh, "打印机地址 ") || !strings.Contains(zh, tt.zh) || !strings.HasSuffix(zh, "。") {
			t.Errorf("Open(%q) says in Chinese %q; want the address and %q", tt.url, zh, tt.zh)
		}
		if !strings.HasPrefix(en, "The printer address ") || !strings.Contains(en, tt.en) || !strings.HasSuffix(en, ".") {
			t.Errorf("Open(%q) says in English %q; want the address and %q", tt.url, en, tt.en)
		}
	}
	for _, url := range []string{
		"tcp://192.168.1.50:9100", "tcp://printer", "TCP://[::1]:9100", "tcp://[::1]", "tcp://printer:9100/", "file:///dev/usb/lp0",
		"file://localhost/dev/usb/lp0", "cups://Receipt_58", "cups://Receipt_58/", "dir:///var/lib/tongban/receipts", "dir://receipts",
	} {
		if _, err := printer.Open(url); err != nil {
			t.Errorf("Open(%q) = %v, want a transport", url, err)
		}
	}
}

func TestDirTransport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "receipts", "new")
	pr, err := printer.OpenPrinter(printer.DirURL(dir), printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	if st, err := pr.Status(); err != nil || !st.Online {
		t.Errorf("dir Status = %+v, %v; want online", st, err)
	}
	docs := []printer.Document{receipt("TB1:ONE"), printer.TestPage(printer.Profiles["58"])}
	for _, doc := range docs {
		if err := pr.Print(doc); err != nil {
			t.Fatalf("Print: %v", err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"000001.bin", "000001.png", "000002.bin", "000002.png"}; !slices.Equal(names, want) {
		t.Fatalf("directory holds %q, want %q", names, want)
	}
	for i, doc := range docs {
		base := filepath.Join(dir, []string{"000001", "000002"}[i])
		got, _ := os.ReadFile(base + ".bin")
		want, _ := printer.EncodeESCPOS(doc, printer.Profiles["58"], fonts())
		if !bytes.Equal(got, want) {
			t.Errorf("%s.bin is not the job", base)
		}
		b, _ := os.ReadFile(base + ".png")
		if img, err := png.Decode(bytes.NewReader(b)); err != nil || img.Bounds().Dx() != 384+2*printer.PNGSideMargin {
			t.Errorf("%s.png is not a PNG of 384 dots and the margins: %v", base, err)
		}
	}
	// Numbering goes on after the highest job, even across transports.
	tr, _ := printer.Open(printer.DirURL(dir))
	if err := tr.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "000003.bin")); err != nil {
		t.Errorf("third job: %v", err)
	}
}

func TestFileTransport(t *testing.T) {
	file := filepath.Join(t.TempDir(), "lp0")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tr, err := printer.Open("file://" + file)
	if err != nil {
		t.Fatal(err)
	}
	for _, job := range [][]byte{[]byte("one"), []byte("two")} {
		if err := tr.Write(job); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	if got, _ := os.ReadFile(file); string(got) != "onetwo" {
		t.Errorf("file holds %q, want both jobs", got)
	}
	if _, err := tr.Status(); !errors.Is(err, printer.ErrStatusUnsupported) {
		t.Errorf("Status of a plain file = %v, want ErrStatusUnsupported", err)
	}
	if got, _ := os.ReadFile(file); string(got) != "onetwo" {
		t.Errorf("Status wrote to the file: %q", got)
	}

	missing, _ := printer.Open("file://" + filepath.Join(t.TempDir(), "lp9"))
	if err := missing.Write([]byte("x")); !errors.Is(err, printer.ErrUnreachable) {
		t.Errorf("Write to a missing device = %v, want ErrUnreachable", err)
	}
	if _, err := missing.Status(); !errors.Is(err, printer.ErrUnreachable) {
		t.Errorf("Status of a missing device = %v, want ErrUnreachable", err)
	}
}

// TestFileThatIsAFolder: a file:// path that is a folder is told as a
// folder, not as a printer whose cable is loose, whether it was a folder
// when the address was set or became one later.
func TestFileThatIsAFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x")
	tr, err := printer.Open("file://" + dir) // nothing there yet: a device not plugged in
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for what, err := range map[string]error{"Write": tr.Write([]byte("x")), "Status": second(tr.Status())} {
		msg := printer.Message(err)
		if !errors.Is(err, printer.ErrBadURL) || errors.Is(err, printer.ErrUnreachable) ||
			!strings.Contains(msg, dir+" is a folder, not a printer device") || !strings.Contains(msg, "是一个文件夹") {
			t.Errorf("%s to a folder = %v; want a bad address that says it is a folder", what, err)
		}
	}
	if _, err := printer.Open("file://" + dir); !errors.Is(err, printer.ErrBadURL) {
		t.Errorf("Open of a folder = %v, want ErrBadURL", err)
	}
}

// second is the error of a two-value call.
func second[T any](_ T, err error) error { return err }

func TestCUPSTransport(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses a shell script as lp")
	}
	bin := t.TempDir()
	out := filepath.Join(bin, "out")
	script := "#!/bin/sh\necho \"$@\" > " + out + ".args\ncat > " + out + "\n"
	if err := os.WriteFile(filepath.Join(bin, "lp"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	tr, err := printer.Open("cups://Receipt_58")
	if err != nil {
		t.Fatal(err)
	}
	job := []byte{0x1b, '@', 0xa3, 0xa4, 0x00, '\n'}
	if err := tr.Write(job); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, job) {
		t.Errorf("lp got % X, want % X", got, job)
	}
	if args, _ := os.ReadFile(out + ".args"); strings.TrimSpace(string(args)) != "-d Receipt_58 -o raw" {
		t.Errorf("lp arguments %q, want -d Receipt_58 -o raw", args)
	}
	if _, err := tr.Status(); !errors.Is(err, printer.ErrStatusUnsupported) {
		t.Errorf("CUPS Status = %v, want ErrStatusUnsupported", err)
	}

	t.Setenv("PATH", t.TempDir())
	if err := tr.Write(job); !errors.Is(err, printer.ErrNoCUPS) || !strings.Contains(printer.Message(err), "cups-client") {
		t.Errorf("Write without lp = %v, want ErrNoCUPS saying to install cups-client", err)
	}
	if _, err := tr.Status(); !errors.Is(err, printer.ErrNoCUPS) {
		t.Errorf("Status without lp = %v, want ErrNoCUPS", err)
	}
}

// cupsOnPath puts a fake CUPS first on PATH, or alone on it with alone,
// so that the machine's own lpstat, if any, is not found.
func cupsOnPath(t *testing.T, c printertest.FakeCUPS, alone bool) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake CUPS is shell scripts")
	}
	bin := t.TempDir()
	if err := printertest.WriteFakeCUPS(bin, c); err != nil {
		t.Fatal(err)
	}
	path := bin
	if !alone {
		path += string(os.PathListSeparator) + os.Getenv("PATH")
	}
	t.Setenv("PATH", path)
	return bin
}

// TestCUPSSaysWhatLpSaid: lp's own words reach the sentence. A queue CUPS
// does not have is named as such, not blamed on the cable; any other
// refusal carries what lp said.
func TestCUPSSaysWhatLpSaid(t *testing.T) {
	cupsOnPath(t, printertest.FakeCUPS{NoLpstat: true, Queues: map[string]printertest.FakeQueue{
		"Full": {Refuse: `lp: Destination "Full" is not accepting jobs.`},
	}}, true)
	missing, err := printer.OpenPrinter("cups://missing", printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	// No lpstat: nothing to ask before printing, lp tells.
	if _, err := missing.Status(); !errors.Is(err, printer.ErrStatusUnsupported) {
		t.Errorf("Status without lpstat = %v, want ErrStatusUnsupported", err)
	}
	err = missing.Print(receipt("TB1:X"))
	zh, en := printer.MessageIn(err)
	if !errors.Is(err, printer.ErrNoQueue) || errors.Is(err, printer.ErrUnreachable) ||
		!strings.Contains(zh, `没有名为 "missing" 的打印队列`) || !strings.Contains(zh, "lpstat -p") ||
		!strings.Contains(en, `CUPS has no queue named "missing"`) || !strings.Contains(en, "lpstat -p") {
		t.Errorf("printing to a queue CUPS lacks = %v; said %q / %q", err, zh, en)
	}
	if c := printer.Cause(err); c == nil || !strings.Contains(c.Error(), "lp: The printer or class does not exist.") {
		t.Errorf("the cause %v is not what lp said", c)
	}

	full, _ := printer.OpenPrinter("cups://Full", printer.Profiles["58"], fonts())
	err = full.Print(receipt("TB1:X"))
	zh, en = printer.MessageIn(err)
	if !errors.Is(err, printer.ErrCUPSFailed) || !strings.Contains(zh, `lp: Destination "Full" is not accepting jobs.`) ||
		!strings.Contains(en, `(lp: Destination "Full" is not accepting jobs.)`) || strings.Contains(en, "cable") {
		t.Errorf("printing to a queue that refuses jobs = %v; said %q / %q", err, zh, en)
	}
}

// TestCUPSQueueState: with lpstat, Status says whether the queue is there
// and enabled, and printing stops before lp for a queue that is missing or
// disabled (CUPS would hold the job of a disabled queue unprinted).
func TestCUPSQueueState(t *testing.T) {
	bin := cupsOnPath(t, printertest.FakeCUPS{Queues: map[string]printertest.FakeQueue{
		"Receipt_58": {}, "Stopped": {Disabled: "Unplugged or turned off"},
	}}, false)
	tests := []struct {
		queue  string
		want   error
		saying []string
	}{
		{"Receipt_58", printer.ErrStatusUnsupported, nil},
		{"missing", printer.ErrNoQueue, []string{`CUPS has no queue named "missing"`}},
		{"Stopped", printer.ErrQueueDisabled, []string{`CUPS has disabled the queue "Stopped" (Unplugged or turned off)`, "cupsenable Stopped", "已停用打印队列"}},
	}
	for _, tt := range tests {
		pr, err := printer.OpenPrinter("cups://"+tt.queue, printer.Profiles["58"], fonts())
		if err != nil {
			t.Fatal(err)
		}
		_, err = pr.Status()
		if !errors.Is(err, tt.want) {
			t.Errorf("Status of cups://%s = %v, want %v", tt.queue, err, tt.want)
		}
		for _, s := range tt.saying {
			if !strings.Contains(printer.Message(err), s) {
				t.Errorf("Status of cups://%s says %q, want %q in it", tt.queue, printer.Message(err), s)
			}
		}
		err = pr.Print(receipt("TB1:X"))
		if tt.want == printer.ErrStatusUnsupported {
			if err != nil {
				t.Errorf("Print to cups://%s = %v", tt.queue, err)
			}
		} else if !errors.Is(err, tt.want) {
			t.Errorf("Print to cups://%s = %v, want %v", tt.queue, err, tt.want)
		}
	}
	if jobs, _ := os.ReadFile(filepath.Join(bin, "Receipt_58.jobs")); len(jobs) == 0 {
		t.Error("the enabled queue got no job")
	}
	if _, err := os.Stat(filepath.Join(bin, "Stopped.jobs")); err == nil {
		t.Error("the disabled queue was given the job")
	}
}

// TestCUPSSchedulerDown: lpstat knows no queue when the CUPS daemon is
// stopped; that is not told as a mistyped queue.
func TestCUPSSchedulerDown(t *testing.T) {
	cupsOnPath(t, printertest.FakeCUPS{SchedulerDown: true}, false)
	pr, _ := printer.OpenPrinter("cups://Receipt_58", printer.Profiles["58"], fonts())
	for what, err := range map[string]error{"Status": second(pr.Status()), "Print": pr.Print(receipt("TB1:X"))} {
		if !errors.Is(err, printer.ErrCUPSFailed) || errors.Is(err, printer.ErrNoQueue) {
			t.Errorf("%s with the scheduler down = %v, want ErrCUPSFailed", what, err)
		}
	}
}

// TestCUPSQueueStateParsing covers lpstat -p lines of a queue at work and
// of one stopped without a reason.
func TestCUPSQueueStateParsing(t *testing.T) {
	bin := cupsOnPath(t, printertest.FakeCUPS{Queues: map[string]printertest.FakeQueue{"Q": {}}}, false)
	for _, tt := range []struct {
		said string
		want error
		msg  string
	}{
		{"printer q now printing q-12.  enabled since Mon 01 Jun 2026 09:00:00 AM CST\n", printer.ErrStatusUnsupported, ""},
		{"printer Q disabled since Mon 01 Jun 2026 09:00:00 AM CST -\n\treason unknown\n", printer.ErrQueueDisabled, "(reason unknown)"},
		{"printer Q disabled since Mon 01 Jun 2026 09:00:00 AM CST -\n", printer.ErrQueueDisabled, "(reason unknown)"},
		{"printer Q is holding new jobs.  enabled since Mon 01 Jun 2026 09:00:00 AM CST\n", printer.ErrStatusUnsupported, ""},
		{"something else entirely\n", printer.ErrStatusUnsupported, ""},
	} {
		script := "#!/bin/sh\n[ \"$1\" = -p ] && printf '" + tt.said + "'\nexit 0\n"
		if err := os.WriteFile(filepath.Join(bin, "lpstat"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		tr, _ := printer.Open("cups://Q")
		_, err := tr.Status()
		if !errors.Is(err, tt.want) || !strings.Contains(printer.Message(err), tt.msg) {
			t.Errorf("lpstat saying %q: Status = %v, want %v saying %q", tt.said, err, tt.want, tt.msg)
		}
	}
}
