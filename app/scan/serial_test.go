package scan

import (
	"errors"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// chunks is a reader that returns its chunks one Read at a time; an empty
// chunk is a read timeout (no bytes, no error), as a quiet port gives.
type chunks struct {
	parts []string
	end   error
}

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.parts) == 0 {
		if c.end == nil {
			return 0, io.EOF
		}
		return 0, c.end
	}
	n := copy(p, c.parts[0])
	if n < len(c.parts[0]) {
		c.parts[0] = c.parts[0][n:]
	} else {
		c.parts = c.parts[1:]
	}
	return n, nil
}

func TestReadScans(t *testing.T) {
	long := strings.Repeat("A", MaxScanLen+1)
	tests := []struct {
		name  string
		parts []string
		want  []string
	}{
		{"CR LF ends a scan", []string{"TB1:ABC\r\n"}, []string{"TB1:ABC"}},
		{"CR, LF or ETX alone", []string{"ONE\rTWO\nTHREE\x03"}, []string{"ONE", "TWO", "THREE"}},
		{"a scan split over reads", []string{"TB1:", "AB", "C\r"}, []string{"TB1:ABC"}},
		{"a quiet line ends a scan without a suffix", []string{"TB1:ABC", "", "261127-K01-0042", ""}, []string{"TB1:ABC", "261127-K01-0042"}},
		{"blank lines and framing bytes are dropped", []string{"\r\n\r\n\x02]Q1TB1:X\x1dY\r\n"}, []string{"]Q1TB1:XY"}},
		{"the last scan before EOF counts", []string{"A\rB"}, []string{"A", "B"}},
		{"an overlong line is dropped whole", []string{long, "\r\nOK\r\n"}, []string{"OK"}},
		{"invalid UTF-8 is dropped", []string{"TB1:\xffA\n"}, []string{"TB1:A"}},
	}
	for _, tt := range tests {
		var got []string
		err := ReadScans(&chunks{parts: slices.Clone(tt.parts)}, func(s string) { got = append(got, s) })
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: ReadScans = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func TestReadScansReturnsReadErrors(t *testing.T) {
	gone := errors.New("device unplugged")
	var got []string
	err := ReadScans(&chunks{parts: []string{"A\r", "PARTIAL"}, end: gone}, func(s string) { got = append(got, s) })
	if !errors.Is(err, gone) || !slices.Equal(got, []string{"A"}) {
		t.Fatalf("ReadScans = %q, %v; want [A] and the read error", got, err)
	}
}

// port is a fake serial port: a pipe the test writes scans into.
type port struct {
	*io.PipeReader
	w *io.PipeWriter
}

// A scanner that goes away is reported, opened again, and its scans arrive
// again; stop ends the listener.
func TestListenSerialReopens(t *testing.T) {
	defer func(old func(string) (io.ReadCloser, error), d time.Duration) { openPort, SerialRetry = old, d }(openPort, SerialRetry)
	SerialRetry = time.Millisecond
	ports := make(chan port, 2)
	var mu sync.Mutex
	opened := 0
	openPort = func(name string) (io.ReadCloser, error) {
		mu.Lock()
		defer mu.Unlock()
		opened++
		if opened == 2 {
			return nil, errors.New("no such device")
		}
		r, w := io.Pipe()
		ports <- port{r, w}
		return r, nil
	}
	scans := make(chan string, 4)
	reports := make(chan error, 8)
	stop := ListenSerial("/dev/ttyACM0", func(s string) { scans <- s }, func(err error) { reports <- err })
	defer stop()

	first := <-ports
	first.w.Write([]byte("TB1:ONE\r\n"))
	if s := <-scans; s != "TB1:ONE" {
		t.Fatalf("first scan = %q", s)
	}
	first.w.CloseWithError(errors.New("unplugged"))
	second := <-ports // after one failed open
	second.w.Write([]byte("TB1:TWO\r\n"))
	if s := <-scans; s != "TB1:TWO" {
		t.Fatalf("scan after reconnecting = %q", s)
	}
	var failures, opens int
	for len(reports) > 0 {
		if err := <-reports; err == nil {
			opens++
		} else if errors.Is(err, ErrSerial) {
			failures++
		} else {
			t.Errorf("a report that does not wrap ErrSerial: %v", err)
		}
	}
	if opens != 2 || failures != 2 {
		t.Errorf("reports: %d opens, %d failures; want 2 and 2 (unplugged, then the failed open)", opens, failures)
	}
	stop()
	if _, err := second.w.Write([]byte("X\r")); err == nil {
		t.Error("the port is still read after stop")
	}
}

func FuzzReadScans(f *testing.F) {
	f.Add([]byte("]Q1TB1:ABC\r\n261127-K01-0042\n"))
	f.Add([]byte{0x02, 'A', 0x03, 0xff, '\r'})
	f.Fuzz(func(t *testing.T, data []byte) {
		err := ReadScans(&chunks{parts: []string{string(data)}}, func(s string) {
			if s == "" || len(s) > MaxScanLen || strings.ContainsAny(s, "\r\n\x03") {
				t.Fatalf("a scan %q of %q", s, data)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
