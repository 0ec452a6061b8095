package printertest

import (
	"fmt"
	"net"
	"time"
)

// Recorder is a one-shot listener on 127.0.0.1, like `nc -l PORT > out`:
// it accepts exactly one connection, records what it sends until the
// sender closes it, answers nothing (so a status query goes unanswered),
// and then closes the listener, so a second connection is refused. A
// printer client that needs two connections for one job loses the job to
// it.
type Recorder struct {
	ln   net.Listener
	done chan struct{}

	// Set before done is closed.
	got []byte
	err error
}

// NewRecorder starts a Recorder on a free port.
func NewRecorder() (*Recorder, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r := &Recorder{ln: ln, done: make(chan struct{})}
	go r.record()
	return r, nil
}

// Addr is the HOST:PORT the recorder listens on.
func (r *Recorder) Addr() string { return r.ln.Addr().String() }

// URL is the recorder's tcp:// address for printer.Open.
func (r *Recorder) URL() string { return "tcp://" + r.Addr() }

func (r *Recorder) record() {
	defer close(r.done)
	defer r.ln.Close()
	c, err := r.ln.Accept()
	if err != nil {
		r.err = err
		return
	}
	defer c.Close()
	// Bounded so that a client that never closes fails the test rather
	// than hanging it.
	c.SetReadDeadline(time.Now().Add(waitTimeout))
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Read(buf)
		r.got = append(r.got, buf[:n]...)
		if err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				r.err = fmt.Errorf("printertest: the connection was still open after %v", waitTimeout)
			}
			return
		}
	}
}

// Bytes waits for the one connection to end and returns everything it
// sent. It fails if no connection came within the wait, or the one that
// came stayed open.
func (r *Recorder) Bytes() ([]byte, error) {
	select {
	case <-r.done:
		return r.got, r.err
	case <-time.After(waitTimeout):
		return nil, fmt.Errorf("printertest: no connection ended within %v", waitTimeout)
	}
}

// Close stops the recorder if it is still waiting for its connection.
func (r *Recorder) Close() error {
	r.ln.Close()
	<-r.done
	return nil
}
