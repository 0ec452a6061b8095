package printer

import (
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// tcpTransport prints to a network printer's raw port. It connects once per
// job and asks the printer's status on that same connection before sending
// the job: many raw ports serve one connection at a time, and a one-shot
// listener (a print server's capture, `nc -l`) takes only the first
// connection, so a status query on a connection of its own would take the
// job's place. Connecting per job also means a printer switched off and on
// in between costs nothing, and no connection is held that other computers
// would wait on.
type tcpTransport struct {
	addr string
}

func openTCP(url, rest string) (Transport, error) {
	rest = strings.TrimSuffix(rest, "/")
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		return nil, badURL(url, "tcp:// 后面只写主机和端口，不能带“"+rest[i:]+"”",
			"only a host and a port follow tcp://, not "+rest[i:])
	}
	if strings.Contains(rest, "@") {
		return nil, badURL(url, "打印机的原始端口没有用户名，请去掉 @ 及其前面的部分",
			"a printer's raw port has no user name; leave out the @ and what comes before it")
	}
	host, port, err := net.SplitHostPort(rest)
	if err != nil {
		// No port: the raw printing port every network printer has.
		host, port = strings.Trim(rest, "[]"), "9100"
	}
	switch n, err := strconv.Atoi(port); {
	case host == "":
		return nil, badURL(url, "缺少打印机的主机名或 IP 地址，例如 tcp://192.168.1.50:9100",
			"the printer's host name or IP address is missing, e.g. tcp://192.168.1.50:9100")
	case port == "":
		return nil, badURL(url, "冒号后面缺少端口号，网络打印机通常是 9100",
			"the port after the colon is missing (network printers use 9100)")
	case err != nil || n < 1 || n > 65535:
		return nil, badURL(url, "端口须是 1 到 65535 之间的数字，不能是 "+strconv.Quote(port)+"（网络打印机通常是 9100）",
			"the port must be a number from 1 to 65535, not "+strconv.Quote(port)+" (network printers use 9100)")
	}
	return &tcpTransport{addr: net.JoinHostPort(host, port)}, nil
}

func (t *tcpTransport) dial() (*net.TCPConn, error) {
	c, err := net.DialTimeout("tcp", t.addr, dialTimeout)
	var dns *net.DNSError
	switch {
	case errors.As(err, &dns):
		// No cable to check: the name is the fault.
		return nil, saying(ErrNoSuchHost, err,
			"找不到打印机的主机名 "+dns.Name+"，请联系技术人员检查打印机地址，或改用打印机的 IP 地址。",
			"The printer's host name "+dns.Name+" cannot be found: ask IT staff to check the printer address or use the printer's IP address.")
	case err != nil:
		return nil, wrap(ErrUnreachable, err)
	}
	return c.(*net.TCPConn), nil
}

// Write sends the job on a connection of its own, unchecked.
func (t *tcpTransport) Write(job []byte) error {
	c, err := t.dial()
	if err != nil {
		return err
	}
	return send(c, job)
}

// writeIfReady asks DLE EOT and sends the job on one connection. A printer
// that reports a fault gets nothing and the fault is returned; one that
// does not answer within statusTimeout is printed to unchecked, as it
// cannot say anything either way.
func (t *tcpTransport) writeIfReady(job []byte) (Status, error, error) {
	c, err := t.dial()
	if err != nil {
		return Status{}, ErrStatusUnsupported, err
	}
	st, checked := askStatus(c)
	switch {
	case checked == nil:
		if fault := st.Err(); fault != nil {
			c.Close()
			return st, nil, fault
		}
	case errors.Is(checked, ErrNoAnswer), errors.Is(checked, ErrStatusUnsupported):
		// A silent printer, or one answering nonsense: print unchecked.
	default:
		// Among others, a listener that hung up instead of answering:
		// writing now would land in the kernel's buffer and look sent.
		c.Close()
		return st, ErrStatusUnsupported, checked
	}
	return st, checked, send(c, job)
}

// Status asks on a connection of its own: a status check that prints
// nothing.
func (t *tcpTransport) Status() (Status, error) {
	c, err := t.dial()
	if err != nil {
		return Status{}, err
	}
	defer c.Close()
	return askStatus(c)
}

// askStatus is queryStatus on a network connection just made, where
// something that closes the connection instead of answering is not a
// silent printer but most likely no printer at all (ErrNotAPrinterPort):
// a printer's raw port keeps the connection for the job.
func askStatus(c *net.TCPConn) (Status, error) {
	st, err := queryStatus(c)
	if err != nil && connectionLost(err) {
		if cause := Cause(err); cause != nil {
			err = cause
		}
		addr := c.RemoteAddr().String()
		return st, saying(ErrNotAPrinterPort, err,
			addr+" 上有程序应答，但随即关闭了连接，这多半不是打印机的端口（网络打印机通常用 9100），请联系技术人员检查打印机地址。",
			"Something answered at "+addr+" but closed the connection at once, so it is probably not a printer port (network printers use 9100): ask IT staff to check the printer address.")
	}
	return st, err
}

func (t *tcpTransport) Close() error { return nil }

// send writes the job, ends the connection in order and closes it. It waits
// a little for the printer to close its side, as CUPS's socket backend does,
// reading and dropping whatever the printer sends back (a late status
// reply): closing a socket that holds unread data resets the connection,
// and a reset can make the printer drop the end of the job it has not yet
// taken from its buffer.
func send(c *net.TCPConn, job []byte) error {
	if err := c.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		c.Close()
		return wrap(ErrUnreachable, err)
	}
	if _, err := c.Write(job); err != nil {
		c.Close()
		return wrap(ErrUnreachable, err)
	}
	if err := c.CloseWrite(); err != nil {
		c.Close()
		return wrap(ErrUnreachable, err)
	}
	// The job is written whole: however the printer ends the connection
	// now, it has the bytes, so nothing below is an error.
	c.SetReadDeadline(time.Now().Add(closeWaitTimeout))
	var drop [256]byte
	for {
		if _, err := c.Read(drop[:]); err != nil {
			break
		}
	}
	c.Close()
	return nil
}

// connectionLost reports whether err says the other end closed or reset
// the connection, as opposed to a read that timed out.
func connectionLost(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return false
	}
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}
