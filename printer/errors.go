package printer

import (
	"errors"
	"strings"
	"time"
)

// The printer's faults. Each message is the sentence to show on screen:
// Simplified Chinese first, then English, saying what is wrong and what to
// do. Errors returned by this package wrap one of these with the technical
// cause for the log; Message recovers the sentence. The case is saved before
// printing, so every message can offer printing again.
var (
	ErrOffline = errors.New("打印机未就绪，请检查电源和指示灯后点“重新打印”。 " +
		"The printer is offline: check its power and lights, then press Print again.")
	ErrPaperOut = errors.New("打印机缺纸，请装入新纸卷后点“重新打印”。 " +
		"The printer is out of paper: load a new roll and press Print again.")
	ErrCoverOpen = errors.New("打印机盖没有合上，请合好纸仓盖后点“重新打印”。 " +
		"The printer cover is open: close it and press Print again.")
	ErrPrinterFault = errors.New("打印机报告故障（例如切刀卡纸），请关掉打印机电源再打开后点“重新打印”。 " +
		"The printer reports a fault such as a cutter jam: switch it off and on, then press Print again.")
	ErrUnreachable = errors.New("连接不上打印机，请检查数据线或网线和打印机电源后点“重新打印”。 " +
		"The printer cannot be reached: check its cable or network and its power, then press Print again.")
	ErrNoCUPS = errors.New("本机没有安装 CUPS 打印服务（找不到 lp 命令），请联系技术人员安装 cups-client（sudo apt install cups-client），或改用 tcp:// 或 file:// 打印机地址。 " +
		"CUPS is not installed here (there is no lp command): ask IT staff to install cups-client (sudo apt install cups-client), or use a tcp:// or file:// printer address.")
	ErrNoQueue = errors.New("CUPS 里没有这个打印队列，请联系技术人员用 lpstat -p 查看队列名，并改正打印机地址。 " +
		"CUPS has no such queue: ask IT staff to list the queues with lpstat -p and correct the printer address.")
	ErrQueueDisabled = errors.New("CUPS 已停用这个打印队列，请联系技术人员检查打印机并用 cupsenable 启用队列后点“重新打印”。 " +
		"CUPS has disabled the queue: ask IT staff to check the printer and enable the queue with cupsenable, then press Print again.")
	ErrCUPSFailed = errors.New("CUPS 打印服务报告错误，请联系技术人员检查 CUPS 服务后点“重新打印”。 " +
		"The CUPS print service reports an error: ask IT staff to check the CUPS service, then press Print again.")
	ErrNoPermission = errors.New("本程序没有使用打印机的权限，请联系技术人员把运行账户加入 lp 组。 " +
		"This program may not use the printer: ask IT staff to add its user to the lp group.")
	ErrStatusUnsupported = errors.New("这种打印机连接读不到打印机状态，打印前无法检查缺纸或开盖。 " +
		"This printer connection cannot report status, so paper and cover cannot be checked before printing.")
	ErrNoAnswer = errors.New("打印机没有回应状态查询；如果打印不出东西，请检查打印机（有些打印机从不回应，照样能打印）。 " +
		"The printer did not answer the status query: if nothing comes out, check the printer (some printers never answer and print all the same).")
	ErrBadURL = errors.New("打印机地址无效，请填写 tcp://主机:端口、file:///dev/usb/lp0、cups://队列名 或 dir://目录 之一。 " +
		"The printer address is not valid: use one of tcp://HOST:PORT, file:///dev/usb/lp0, cups://QUEUE or dir://PATH.")
	ErrUnknownProfile = errors.New("未知的打印机型号，请在设置里选择一个已知型号。 " +
		"Unknown printer profile: choose a known profile in the settings.")
	ErrBadProfile = errors.New("打印机型号设置有误，请联系技术人员检查纸宽等设置。 " +
		"The printer profile is not valid: ask IT staff to check the paper width and other settings.")
	ErrBadDocument = errors.New("回执内容无法排版打印，请联系技术人员。 " +
		"The receipt cannot be laid out for printing: ask IT staff.")
	ErrNoFont = errors.New("缺少打印用的中文字体，请联系技术人员重新安装本程序。 " +
		"The Chinese font for printing is missing: ask IT staff to reinstall the program.")
)

// Faults that are a case of a broader one: errors.Is finds both, so code
// that knows only the broad fault (status words, older screens) still
// classes them, and Message gives the narrower sentence.
var (
	// ErrNotTaking is a printer that takes no data: a device whose writes
	// block (a USB printer offline or out of paper, a pipe nobody reads).
	// A case of ErrOffline.
	ErrNotTaking error = &narrower{ErrOffline, "打印机没有接收打印任务，请检查打印机是否开机、有纸并已连好线，然后点“重新打印”。 " +
		"The printer did not take the job: check that it is on, has paper and is connected, then press Print again."}
	// ErrDeviceRefused is a device file that refuses the data outright
	// (ENOSPC: /dev/full, or a parallel-port printer out of paper). A
	// case of ErrUnreachable.
	ErrDeviceRefused error = &narrower{ErrUnreachable, "打印机设备拒绝了打印数据，请检查打印机是否开机、有纸，以及设备文件是否是这台打印机的，然后点“重新打印”。 " +
		"The printer device refused the data: check that the printer is on and has paper and that the device file is the printer's, then press Print again."}
	// ErrFolderFull is a dir:// printer whose disk is full. A case of
	// ErrUnreachable.
	ErrFolderFull error = &narrower{ErrUnreachable, "打印文件夹所在的磁盘已满，请联系技术人员腾出磁盘空间，然后点“重新打印”。 " +
		"The disk of the print folder is full: ask IT staff to free some space, then press Print again."}
	// ErrFolderNotWritable is a dir:// printer whose folder cannot be
	// written: a read-only disk, or a folder the program's user may not
	// write to. A case of ErrUnreachable.
	ErrFolderNotWritable error = &narrower{ErrUnreachable, "打印文件夹不能写入（磁盘只读，或本程序的运行账户没有写权限），请联系技术人员检查 dir:// 打印机地址里的文件夹，然后点“重新打印”。 " +
		"The print folder cannot be written (a read-only disk, or the program's user may not write there): ask IT staff to check the folder of the dir:// printer address, then press Print again."}
	// ErrNoSuchHost is a network printer whose host name cannot be looked
	// up. A case of ErrUnreachable.
	ErrNoSuchHost error = &narrower{ErrUnreachable, "找不到打印机的主机名，请联系技术人员检查打印机地址，或改用打印机的 IP 地址。 " +
		"The printer's host name cannot be found: ask IT staff to check the printer address or use the printer's IP address."}
	// ErrNotAPrinterPort is a network address where something accepted
	// the connection and closed it at once instead of answering, which
	// printers' raw ports do not do. A case of ErrUnreachable.
	ErrNotAPrinterPort error = &narrower{ErrUnreachable, "打印机地址上有程序应答，但随即关闭了连接，这多半不是打印机的端口（网络打印机通常用 9100），请联系技术人员检查打印机地址。 " +
		"Something answered at the printer address but closed the connection at once, so it is probably not a printer port (network printers use 9100): ask IT staff to check the printer address."}
)

// narrower is a sentinel that is a case of a broader one.
type narrower struct {
	broad error
	msg   string
}

func (e *narrower) Error() string { return e.msg }
func (e *narrower) Unwrap() error { return e.broad }

// sentences are the sentinels Message knows, most specific first.
var sentences = []error{
	ErrNotTaking, ErrDeviceRefused, ErrFolderFull, ErrFolderNotWritable, ErrNoSuchHost, ErrNotAPrinterPort, ErrCoverOpen, ErrPaperOut, ErrPrinterFault, ErrOffline, ErrNoCUPS, ErrNoQueue, ErrQueueDisabled,
	ErrCUPSFailed, ErrNoPermission, ErrUnreachable, ErrBadURL, ErrUnknownProfile, ErrBadProfile,
	ErrBadDocument, ErrNoFont, ErrNoAnswer, ErrStatusUnsupported,
}

// errPrintFailed is what Message says about an error it does not know.
const errPrintFailed = "打印没有完成，请点“重新打印”，仍不行请联系技术人员。 " +
	"Printing did not finish: press Print again, and ask IT staff if it fails again."

// Message returns the sentence to show on screen for an error from this
// package, without the technical detail that err.Error() adds for the log.
func Message(err error) string {
	if err == nil {
		return ""
	}
	var pe *profileError
	if errors.As(err, &pe) {
		return pe.Error()
	}
	var f *fault
	if errors.As(err, &f) && f.said != "" {
		return f.said
	}
	for _, s := range sentences {
		if errors.Is(err, s) {
			return s.Error()
		}
	}
	return errPrintFailed
}

// fault is a sentinel with its technical cause: errors.Is finds the
// sentinel, and the log gets both. A fault that knows more than its
// sentinel's sentence says (which queue, why the address is wrong) carries
// the sentence to show instead.
type fault struct {
	kind  error
	cause error
	said  string // "中文。 English.", or "" for kind's own sentence
	// waited is how long a printer that took no data was given.
	waited time.Duration
}

func (f *fault) Error() string {
	s := f.said
	if s == "" {
		s = f.kind.Error()
	}
	return s + " (" + f.cause.Error() + ")"
}
func (f *fault) Unwrap() []error { return []error{f.kind, f.cause} }

// Cause returns the technical cause a printer error carries (the OS or
// network error under the sentence), or nil.
func Cause(err error) error {
	var f *fault
	if errors.As(err, &f) {
		return f.cause
	}
	return nil
}

// Waited returns how long the printer was given to take a job before the
// error (ErrNotTaking), or 0.
func Waited(err error) time.Duration {
	var f *fault
	if errors.As(err, &f) {
		return f.waited
	}
	return 0
}

// wrap returns kind with cause attached, or nil for a nil cause.
func wrap(kind, cause error) error {
	if cause == nil {
		return nil
	}
	return &fault{kind: kind, cause: cause}
}

// saying returns kind with cause attached and its own sentence, Chinese
// then English, each a full sentence ("…。" and "….").
func saying(kind, cause error, zh, en string) error {
	return &fault{kind: kind, cause: cause, said: zh + " " + en}
}

// MessageIn returns Message split into its Chinese and English sentences,
// for screens that show one language at a time.
func MessageIn(err error) (zh, en string) {
	m := Message(err)
	if i := strings.Index(m, "。 "); i >= 0 {
		return m[:i+len("。")], m[i+len("。 "):]
	}
	return m, m
}
