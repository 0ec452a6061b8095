package printer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// cupsTransport prints through a CUPS queue with lp, raw so that CUPS
// passes the ESC/POS bytes through untouched. CUPS tells nothing about
// paper or cover, but lpstat tells whether the queue is there and enabled.
type cupsTransport struct {
	queue string
}

// The bounds of the CUPS commands, which only talk to the CUPS daemon.
const (
	lpTimeout     = 30 * time.Second
	lpstatTimeout = 5 * time.Second
)

func openCUPS(url, rest string) (Transport, error) {
	queue := strings.TrimSuffix(rest, "/")
	// CUPS queue names exclude blanks, / \ ' " # and ?; a leading "-"
	// would read as an lp option.
	switch {
	case queue == "":
		return nil, badURL(url, "cups:// 后面缺少队列名，例如 cups://Receipt_58（lpstat -p 列出本机的队列）",
			"the queue name after cups:// is missing, e.g. cups://Receipt_58 (lpstat -p lists this computer's queues)")
	case strings.Contains(queue, "/"):
		return nil, badURL(url, "队列名不能含 /，cups:// 后面只写本机 CUPS 的队列名（lpstat -p 列出），别的电脑上的打印机请先加到本机 CUPS",
			"a queue name cannot hold /; write only the name of a queue of this computer's CUPS after cups:// (lpstat -p lists them), and add another computer's printer to this CUPS first")
	case strings.HasPrefix(queue, "-"):
		return nil, badURL(url, "队列名不能以 - 开头", "a queue name cannot start with -")
	case strings.ContainsAny(queue, `\'"#?`) || strings.ContainsFunc(queue, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }):
		return nil, badURL(url, `队列名不能含空格或其他空白、\、引号、# 或 ?`, `a queue name cannot hold spaces or other blanks, \, quotes, # or ?`)
	case len(queue) > 127:
		return nil, badURL(url, "队列名最长 127 个字符", "a queue name has at most 127 characters")
	}
	return &cupsTransport{queue: queue}, nil
}

// Write runs lp -d QUEUE -o raw with the job on its standard input.
func (t *cupsTransport) Write(job []byte) error {
	lp, err := exec.LookPath("lp")
	if err != nil {
		return wrap(ErrNoCUPS, err)
	}
	said, err := runCUPS(lpTimeout, job, lp, "-d", t.queue, "-o", "raw")
	if err == nil {
		return nil
	}
	words := errors.New(cupsWords(said, err))
	// lp -d says so when the scheduler answers that there is no such
	// queue, and not when it cannot reach the scheduler.
	if strings.Contains(said, "does not exist") {
		return t.noQueue(words)
	}
	return cupsFailed(words)
}

// Status asks lpstat -p QUEUE whether the queue is there and enabled; a
// queue that is there tells no more (ErrStatusUnsupported). A machine
// without lp is told so, since nothing could print at all; one without
// lpstat is left to lp.
func (t *cupsTransport) Status() (Status, error) {
	if _, err := exec.LookPath("lp"); err != nil {
		return Status{}, wrap(ErrNoCUPS, err)
	}
	lpstat, err := exec.LookPath("lpstat")
	if err != nil {
		return Status{}, wrap(ErrStatusUnsupported, err)
	}
	said, err := runCUPS(lpstatTimeout, nil, lpstat, "-p", t.queue)
	found, disabled, reason := queueState(said, t.queue)
	switch {
	case found && disabled:
		return Status{}, t.disabled(reason)
	case found:
		return Status{}, ErrStatusUnsupported
	case err != nil && unknownQueue(said):
		// lpstat says this as well when it cannot reach the scheduler.
		if r, _ := runCUPS(lpstatTimeout, nil, lpstat, "-r"); strings.Contains(r, "not running") {
			return Status{}, cupsFailed(errors.New(cupsWords(r, nil)))
		}
		return Status{}, t.noQueue(errors.New(cupsWords(said, err)))
	}
	// Something lpstat does not usually say: lp may still print.
	return Status{}, wrap(ErrStatusUnsupported, fmt.Errorf("lpstat -p %s: %s", t.queue, cupsWords(said, err)))
}

func (t *cupsTransport) Close() error { return nil }

// noQueue is ErrNoQueue naming the queue.
func (t *cupsTransport) noQueue(cause error) error {
	return saying(ErrNoQueue, cause,
		fmt.Sprintf("CUPS 里没有名为 %q 的打印队列，请联系技术人员用 lpstat -p 查看队列名，并改正打印机地址。", t.queue),
		fmt.Sprintf("CUPS has no queue named %q: ask IT staff to list the queues with lpstat -p and correct the printer address.", t.queue))
}

// disabled is ErrQueueDisabled naming the queue, with the reason CUPS gives
// (often the backend's last error), which is also the cause.
func (t *cupsTransport) disabled(reason string) error {
	return saying(ErrQueueDisabled, errors.New(reason),
		fmt.Sprintf("CUPS 已停用打印队列 %q（%s），请联系技术人员检查打印机并用 cupsenable %s 启用队列后点“重新打印”。", t.queue, reason, t.queue),
		fmt.Sprintf("CUPS has disabled the queue %q (%s): ask IT staff to check the printer and enable the queue with cupsenable %s, then press Print again.", t.queue, reason, t.queue))
}

// cupsFailed is ErrCUPSFailed with what CUPS said, which is also the cause.
func cupsFailed(words error) error {
	return saying(ErrCUPSFailed, words,
		fmt.Sprintf("CUPS 打印服务报告错误（%s），请联系技术人员检查 CUPS 服务后点“重新打印”。", words),
		fmt.Sprintf("The CUPS print service reports an error (%s): ask IT staff to check the CUPS service, then press Print again.", words))
}

// runCUPS runs a CUPS command in the C locale, so that what it says can be
// recognized, and returns its output.
func runCUPS(timeout time.Duration, stdin []byte, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	cmd.WaitDelay = time.Second
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		err = fmt.Errorf("%s did not finish within %v", filepath.Base(name), timeout)
		out = nil
	}
	return string(out), err
}

// maxWords bounds what a CUPS command said, as it goes into a sentence.
const maxWords = 200

// cupsWords is what a CUPS command said, on one line, or its exit status
// when it said nothing.
func cupsWords(said string, err error) string {
	w := strings.Join(strings.Fields(said), " ")
	if w == "" && err != nil {
		w = err.Error()
	}
	if len(w) > maxWords {
		cut := maxWords
		for cut > 0 && !utf8.RuneStart(w[cut]) {
			cut--
		}
		w = w[:cut] + "…"
	}
	return w
}

// queueState reads lpstat -p output for a queue: "printer Q is idle.
// enabled since …", "printer Q now printing Q-12.  enabled since …", or
// "printer Q disabled since … -" followed by a tab-indented reason.
func queueState(said, queue string) (found, disabled bool, reason string) {
	lines := strings.Split(said, "\n")
	for i, line := range lines {
		f := strings.Fields(line)
		if len(f) < 3 || f[0] != "printer" || !strings.EqualFold(f[1], queue) {
			continue
		}
		if f[2] != "disabled" {
			return true, false, ""
		}
		reason = "reason unknown"
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") {
			if r := strings.TrimSpace(lines[i+1]); r != "" {
				reason = cupsWords(r, nil)
			}
		}
		return true, true, reason
	}
	return false, false, ""
}

// unknownQueue reports whether lpstat said it knows no such queue.
func unknownQueue(said string) bool {
	return strings.Contains(said, "Invalid destination name") || strings.Contains(said, "Unknown destination") ||
		strings.Contains(said, "does not exist")
}
