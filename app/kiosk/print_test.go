package kiosk

import (
	"sync"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// scriptedPrinter fails with the given faults in turn, then prints.
type scriptedPrinter struct {
	mu      sync.Mutex
	faults  []error
	printed []string
}

func (p *scriptedPrinter) PrintReceipt(c *cases.Case, _ *catalog.Item) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.faults) > 0 {
		err := p.faults[0]
		p.faults = p.faults[1:]
		return err
	}
	p.printed = append(p.printed, c.Number)
	return nil
}

func (p *scriptedPrinter) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.printed)
}

// eventually waits for the printer's goroutine to report back.
func (r *rig) eventually(s string) {
	r.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if r.shows(s) {
			return
		}
	}
	r.mustShow(s)
}

func TestReceiptPrintsAndPrintsAgainAfterAFault(t *testing.T) {
	r := newRig(t, nil, nil)
	p := &scriptedPrinter{faults: []error{textError{cases.Text{ZH: "打印机缺纸，请装入新纸卷后点“重新打印”。", EN: "The printer is out of paper."}}}}
	r.k.deps.Printer = p
	r.k.spawn = func(f func()) { f() } // print in place: the test reads the screen right after
	r.k.deps.Ticket = func(*cases.Case, *catalog.Item) (string, error) { return "A007", nil }
	c, err := r.store.Submit(cases.Submission{ItemCode: "130102-SCJG-003", CatalogVersion: 1, Channel: cases.ChannelKiosk,
		Fields: map[string]string{"name": "李四", "id_number": "11010519491231002X", "phone": "13800138000"}})
	if err != nil {
		t.Fatal(err)
	}
	item, _ := r.deps.Catalog.Item(c.ItemCode)
	s := &receipt{c: c, item: item, ticket: "A007"}
	r.k.show(s)
	s.print(r.k)
	r.eventually("没有打印出来（打印机缺纸），申请已保存，请找工作人员帮忙。")
	r.mustShow(c.Number, "A007")
	if p.count() != 0 {
		t.Fatal("the fault printed anyway")
	}
	r.tap(tPrintAgain.ZH)
	r.eventually(tPrinted.ZH)
	if p.count() != 1 {
		t.Fatalf("printed %d times after print again, want 1", p.count())
	}
	if _, err := r.store.ByNumber(c.Number); err != nil {
		t.Fatalf("the case is not saved: %v", err)
	}
}

// folderPrinter is a kiosk with no printer set up: it writes files.
type folderPrinter struct{ scriptedPrinter }

func (*folderPrinter) Paperless() bool { return true }

// With no printer set up no paper comes out: the receipt screen asks the
// citizen to keep the QR code or the number, and offers no print again.
func TestReceiptWithoutAPrinterPromisesNoPaper(t *testing.T) {
	r := newRig(t, nil, nil)
	p := &folderPrinter{}
	r.k.deps.Printer = p
	r.k.spawn = func(f func()) { f() }
	c, err := r.store.Submit(cases.Submission{ItemCode: "130102-SCJG-003", CatalogVersion: 1, Channel: cases.ChannelKiosk,
		Fields: map[string]string{"name": "李四", "id_number": "11010519491231002X", "phone": "13800138000"}})
	if err != nil {
		t.Fatal(err)
	}
	item, _ := r.deps.Catalog.Item(c.ItemCode)
	s := &receipt{c: c, item: item}
	r.k.show(s)
	s.print(r.k)
	r.eventually(tNoPaper.ZH)
	if r.shows(tPrinted.ZH) || r.shows(tPrintAgain.ZH) {
		t.Fatal("a kiosk with no printer promises printed paper or offers to print again")
	}
	if p.count() != 1 {
		t.Fatalf("the receipt went to the folder %d times, want 1", p.count())
	}
}

func TestFaultOnly(t *testing.T) {
	for in, want := range map[string]string{
		"打印机缺纸，请装入新纸卷后点“重新打印”。":                                               "打印机缺纸",
		"The printer is out of paper: load a new roll and press Print again.": "the printer is out of paper",
		"打印机没有回应状态查询；如果打印不出东西，请检查打印机。":                                        "打印机没有回应状态查询",
		"CUPS has disabled the queue: ask IT staff to check the printer.":     "CUPS has disabled the queue",
		"The receipt cannot be laid out for printing: ask IT staff.":          "the receipt cannot be laid out for printing",
		"write /dev/usb/lp0: no such device":                                  "write /dev/usb/lp0",
		"offline":                                                             "offline",
		"打印机报告故障（例如切刀卡纸），请关掉打印机电源再打开后点“重新打印”。":                                "打印机报告故障",
		"Something answered at the printer address but closed the connection at once, so it is probably not a printer port (network printers use 9100): ask IT staff.": "something answered at the printer address but closed the connection at once",
	} {
		if got := faultOnly(in); got != want {
			t.Errorf("faultOnly(%q) = %q, want %q", in, got, want)
		}
	}
}
