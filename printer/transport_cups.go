package printer

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// cupsTransport prints through a CUPS queue with lp, raw so that CUPS
// passes the ESC/POS bytes through untouched. CUPS tells us nothing about
// paper or cover, so it has no status.
type cupsTransport struct {
	queue string
}

// lpTimeout bounds lp, which only hands the job to the CUPS daemon.
const lpTimeout = 30 * time.Second

func openCUPS(url, rest string) (Transport, error) {
	queue := strings.TrimSuffix(rest, "/")
	// CUPS queue names exclude these; a leading "-" would read as an lp
	// option.
	if queue == "" || len(queue) > 127 || strings.HasPrefix(queue, "-") ||
		strings.ContainsAny(queue, " \t/\\'\"#?") {
		return nil, badURL(url, "want cups://QUEUE with a CUPS queue name")
	}
	return &cupsTransport{queue: queue}, nil
}

// Write runs lp -d QUEUE -o raw with the job on its standard input.
func (t *cupsTransport) Write(job []byte) error {
	lp, err := exec.LookPath("lp")
	if err != nil {
		return wrap(ErrNoCUPS, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), lpTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, lp, "-d", t.queue, "-o", "raw")
	cmd.Stdin = bytes.NewReader(job)
	if out, err := cmd.CombinedOutput(); err != nil {
		return wrap(ErrUnreachable, fmt.Errorf("lp -d %s: %v: %s", t.queue, err, bytes.TrimSpace(out)))
	}
	return nil
}

// Status is not available through lp; a machine without lp is told so,
// since nothing could print at all.
func (t *cupsTransport) Status() (Status, error) {
	if _, err := exec.LookPath("lp"); err != nil {
		return Status{}, wrap(ErrNoCUPS, err)
	}
	return Status{}, ErrStatusUnsupported
}

func (t *cupsTransport) Close() error { return nil }
