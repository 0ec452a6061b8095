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
)

func TestOpenBadURLs(t *testing.T) {
	for _, url := range []string{
		"", "lp0", "/dev/usb/lp0", "http://printer", "tcp://", "tcp://:9100", "tcp://host:9100/path",
		"tcp://host:99999", "tcp://host:0", "tcp://host:lpr",
		"file://", "file://dev/usb/lp0", "cups://", "cups://-o", "cups://my queue", "dir://",
	} {
		_, err := printer.Open(url)
		if !errors.Is(err, printer.ErrBadURL) {
			t.Errorf("Open(%q) = %v, want ErrBadURL", url, err)
			continue
		}
		if msg := printer.Message(err); !strings.Contains(msg, "tcp://HOST:PORT") || !strings.Contains(msg, "dir://PATH") {
			t.Errorf("Open(%q) message %q does not list the schemes", url, msg)
		}
	}
	for _, url := range []string{
		"tcp://192.168.1.50:9100", "tcp://printer", "TCP://[::1]:9100", "file:///dev/usb/lp0",
		"cups://Receipt_58", "dir:///var/lib/tongban/receipts", "dir://receipts",
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
