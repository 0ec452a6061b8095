package printer

import (
	"net"
	"strings"
	"time"
)

// tcpTransport prints to a network printer's raw port. It connects for each
// job and each status query, so a printer switched off and on in between
// costs nothing, and holds no connection that other computers would wait on.
type tcpTransport struct {
	addr string
}

func openTCP(url, rest string) (Transport, error) {
	rest = strings.TrimSuffix(rest, "/")
	if rest == "" || strings.ContainsAny(rest, "/?#@") {
		return nil, badURL(url, "want tcp://HOST:PORT")
	}
	host, port, err := net.SplitHostPort(rest)
	if err != nil {
		// No port: the raw printing port every network printer has.
		host, port = strings.Trim(rest, "[]"), "9100"
	}
	if host == "" || port == "" {
		return nil, badURL(url, "want tcp://HOST:PORT")
	}
	return &tcpTransport{addr: net.JoinHostPort(host, port)}, nil
}

func (t *tcpTransport) dial() (net.Conn, error) {
	c, err := net.DialTimeout("tcp", t.addr, dialTimeout)
	if err != nil {
		return nil, wrap(ErrUnreachable, err)
	}
	return c, nil
}

// Write sends the job on a connection of its own.
func (t *tcpTransport) Write(job []byte) error {
	c, err := t.dial()
	if err != nil {
		return err
	}
	if err := c.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		c.Close()
		return wrap(ErrUnreachable, err)
	}
	if _, err := c.Write(job); err != nil {
		c.Close()
		return wrap(ErrUnreachable, err)
	}
	return wrap(ErrUnreachable, c.Close())
}

// Status asks on a connection of its own, so replies cannot mix with a job.
func (t *tcpTransport) Status() (Status, error) {
	c, err := t.dial()
	if err != nil {
		return Status{}, err
	}
	defer c.Close()
	return queryStatus(c)
}

func (t *tcpTransport) Close() error { return nil }
