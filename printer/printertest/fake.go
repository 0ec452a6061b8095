package printertest

import (
	"fmt"
	"net"
	"sync"
	"time"

	"tongban/printer"
)

// FakePrinter is a network printer on 127.0.0.1: it records what each
// connection sends and answers DLE EOT status queries with the replies the
// test sets (by default a healthy printer). A connection that sends only
// status queries is a query, every other connection a job, recorded as
// sent, status queries included.
type FakePrinter struct {
	ln net.Listener
	wg sync.WaitGroup

	mu      sync.Mutex
	replies [4]byte
	mute    bool
	jobs    [][]byte
	queries int
	ended   int
	conns   map[net.Conn]struct{}
	changed chan struct{} // closed and replaced when a connection ends
}

// waitTimeout bounds WaitJobs so a broken test fails instead of hanging.
const waitTimeout = 10 * time.Second

// NewFakePrinter starts a FakePrinter on a free port.
func NewFakePrinter() (*FakePrinter, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	f := &FakePrinter{
		ln:      ln,
		replies: StatusReplies(printer.Status{Online: true}),
		conns:   map[net.Conn]struct{}{},
		changed: make(chan struct{}),
	}
	f.wg.Add(1)
	go f.accept()
	return f, nil
}

// Addr is the HOST:PORT the printer listens on.
func (f *FakePrinter) Addr() string { return f.ln.Addr().String() }

// URL is the printer's tcp:// address for printer.Open.
func (f *FakePrinter) URL() string { return "tcp://" + f.Addr() }

// StatusReplies are the bytes a printer in status s answers to DLE EOT 1
// to 4: a status is reported as given, so a test of a printer that is out of
// paper sets Online false as well, as real printers do.
func StatusReplies(s printer.Status) [4]byte {
	r := [4]byte{0x12, 0x12, 0x12, 0x12}
	if !s.Online {
		r[0] |= 0x08
	}
	if s.CoverOpen {
		r[1] |= 0x04
	}
	if s.PaperOut {
		r[1] |= 0x20
		r[3] |= 0x60
	}
	if s.Error {
		r[1] |= 0x40
		r[2] |= 0x08 // autocutter error
	}
	if s.PaperNearEnd {
		r[3] |= 0x0c
	}
	return r
}

// SetStatus makes the printer answer status queries as a printer in s.
func (f *FakePrinter) SetStatus(s printer.Status) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.replies = StatusReplies(s)
}

// SetReply sets the byte answered to DLE EOT n (1 to 4).
func (f *FakePrinter) SetReply(n, reply byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if n >= 1 && n <= 4 {
		f.replies[n-1] = reply
	}
}

// SetMute makes the printer ignore status queries, as printers without
// read-back do.
func (f *FakePrinter) SetMute(mute bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mute = mute
}

// Jobs returns the bytes of each finished job connection, in the order
// they ended.
func (f *FakePrinter) Jobs() [][]byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([][]byte(nil), f.jobs...)
}

// StatusQueries is the number of finished connections that only asked for
// status.
func (f *FakePrinter) StatusQueries() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.queries
}

// Connections is the number of connections that have ended, whatever they
// sent.
func (f *FakePrinter) Connections() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.ended
}

// WaitJobs waits until at least n jobs have finished and returns them. The
// job's sender may return before the printer has read everything, so tests
// wait here rather than calling Jobs at once.
func (f *FakePrinter) WaitJobs(n int) ([][]byte, error) {
	timeout := time.After(waitTimeout)
	for {
		f.mu.Lock()
		jobs, changed := append([][]byte(nil), f.jobs...), f.changed
		f.mu.Unlock()
		if len(jobs) >= n {
			return jobs, nil
		}
		select {
		case <-changed:
		case <-timeout:
			return jobs, fmt.Errorf("printertest: %d jobs after %v, want %d", len(jobs), waitTimeout, n)
		}
	}
}

// Close stops listening and waits for the connections already accepted to
// end, so that Jobs then holds everything they sent.
func (f *FakePrinter) Close() error {
	err := f.ln.Close()
	// Clients normally close first; one left open is cut after a grace.
	done := make(chan struct{})
	go func() { f.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		f.mu.Lock()
		for c := range f.conns {
			c.Close()
		}
		f.mu.Unlock()
		<-done
	}
	return err
}

func (f *FakePrinter) accept() {
	defer f.wg.Done()
	for {
		c, err := f.ln.Accept()
		if err != nil {
			return
		}
		f.mu.Lock()
		f.conns[c] = struct{}{}
		f.mu.Unlock()
		f.wg.Add(1)
		go f.serve(c)
	}
}

// serve records a connection and answers each DLE EOT n as it arrives,
// since a client waits for the reply before sending the next query.
func (f *FakePrinter) serve(c net.Conn) {
	defer f.wg.Done()
	var got []byte
	scanned := 0
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Read(buf)
		got = append(got, buf[:n]...)
		for ; scanned+2 < len(got); scanned++ {
			if got[scanned] == 0x10 && got[scanned+1] == 0x04 && got[scanned+2] >= 1 && got[scanned+2] <= 4 {
				f.mu.Lock()
				reply, mute := f.replies[got[scanned+2]-1], f.mute
				f.mu.Unlock()
				if !mute {
					c.Write([]byte{reply})
				}
				scanned += 2
			}
		}
		if err != nil {
			break
		}
	}
	c.Close()
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.conns, c)
	f.ended++
	switch {
	case len(got) == 0:
	case onlyQueries(got):
		f.queries++
	default:
		f.jobs = append(f.jobs, got)
	}
	close(f.changed)
	f.changed = make(chan struct{})
}

// onlyQueries reports whether b is nothing but DLE EOT n commands.
func onlyQueries(b []byte) bool {
	for len(b) >= 3 && b[0] == 0x10 && b[1] == 0x04 {
		b = b[3:]
	}
	return len(b) == 0
}
