package printer_test

import (
	"bytes"
	"errors"
	"net"
	"strings"
	"testing"

	"tongban/printer"
	"tongban/printer/printertest"
)

// statusQueries is DLE EOT n for each n, as the printer sends them.
func statusQueries(ns ...byte) []byte {
	var b []byte
	for _, n := range ns {
		b = append(b, 0x10, 0x04, n)
	}
	return b
}

// TestPrintToOneShotListener prints to a listener that takes one
// connection and never answers DLE EOT, as `nc -l PORT > out` does: the
// unanswered status query and the whole job must arrive on that one
// connection, and a second job, with nothing listening any more, must fail.
func TestPrintToOneShotListener(t *testing.T) {
	payload := base45Payload(300)
	tests := []struct {
		name    string
		doc     printer.Document
		profile string
		text    []string
		qr      string
	}{
		{"test page", printer.TestPage(printer.Profiles["58"]), "58", []string{"打印测试", "￥12.50"}, printer.TestPagePayload},
		{"receipt", receipt(payload), "58", []string{"受理回执", "申请人：张三", "承诺办结：2025年12月4日"}, payload},
		{"receipt, Chinese and QR as images", receipt(payload), "80-epson", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := printertest.NewRecorder()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { rec.Close() })
			p := printer.Profiles[tt.profile]
			pr, err := printer.OpenPrinter(rec.URL(), p, fonts())
			if err != nil {
				t.Fatal(err)
			}
			if err := pr.Print(tt.doc); err != nil {
				t.Fatalf("Print: %v", err)
			}
			got, err := rec.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			// No reply to DLE EOT 1 means no status at all: one query, then
			// the job, byte for byte.
			job, _ := printer.EncodeESCPOS(tt.doc, p, fonts())
			if want := append(statusQueries(1), job...); !bytes.Equal(got, want) {
				t.Fatalf("the listener got %d bytes starting % X; want DLE EOT 1 and the %d-byte job",
					len(got), got[:min(len(got), 8)], len(job))
			}
			d, err := printertest.Decode(got)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(d.Lines, "")
			for _, w := range tt.text {
				if !strings.Contains(text, w) {
					t.Errorf("printed text lacks %q:\n%s", w, strings.Join(d.Lines, "\n"))
				}
			}
			if tt.qr != "" && (len(d.QRs) != 1 || d.QRs[0] != tt.qr) {
				t.Errorf("native QRs %q, want %q", d.QRs, tt.qr)
			}
			if tt.qr == "" && len(d.Images) == 0 {
				t.Error("the raster profile sent no image for its QR code")
			}
			if d.Cuts != 1 || d.StatusQueries != 1 {
				t.Errorf("%d cuts and %d status queries, want 1 and 1", d.Cuts, d.StatusQueries)
			}

			// The listener is gone: the next job is an error, not "sent".
			if err := pr.Print(tt.doc); !errors.Is(err, printer.ErrUnreachable) {
				t.Errorf("Print with nothing listening = %v, want ErrUnreachable", err)
			}
		})
	}
}

// TestPrintToListenerThatHangsUp covers a port that accepts and closes at
// once: a job written after that would sit in the kernel's buffer and look
// sent.
func TestPrintToListenerThatHangsUp(t *testing.T) {
	pr, err := printer.OpenPrinter("tcp://"+hangingUp(t), printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	if err := pr.Print(receipt("TB1:X")); !errors.Is(err, printer.ErrUnreachable) {
		t.Errorf("Print = %v, want ErrUnreachable", err)
	}
}

// TestStatusOfAListenerThatHangsUp: a port that accepts and closes at once
// is not a printer that keeps quiet: nothing reaches paper there.
func TestStatusOfAListenerThatHangsUp(t *testing.T) {
	tr, err := printer.Open("tcp://" + hangingUp(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Status(); !errors.Is(err, printer.ErrUnreachable) || errors.Is(err, printer.ErrNoAnswer) {
		t.Errorf("Status = %v, want ErrUnreachable", err)
	}
}

// TestPrintToMutePrinter checks that a printer without read-back still
// prints, on one connection.
func TestPrintToMutePrinter(t *testing.T) {
	fake := startFake(t)
	fake.SetMute(true)
	pr, err := printer.OpenPrinter(fake.URL(), printer.Profiles["58"], fonts())
	if err != nil {
		t.Fatal(err)
	}
	if err := pr.Print(receipt("TB1:MUTE")); err != nil {
		t.Fatalf("Print: %v", err)
	}
	jobs, err := fake.WaitJobs(1)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := printer.EncodeESCPOS(receipt("TB1:MUTE"), printer.Profiles["58"], fonts())
	if !bytes.Equal(jobs[0], append(statusQueries(1), want...)) {
		t.Errorf("the mute printer got %d bytes, want DLE EOT 1 and the job", len(jobs[0]))
	}
	if n := fake.Connections(); n != 1 {
		t.Errorf("%d connections, want 1", n)
	}
}

// hangingUp listens on loopback, closing every connection as it comes,
// and returns its address.
func hangingUp(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	return ln.Addr().String()
}
