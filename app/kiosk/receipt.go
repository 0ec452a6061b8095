package kiosk

import (
	"errors"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/ui"
)

// receipt shows a saved case: its number in huge type, the expected date,
// where to go and a QR code of the number. It returns to the start on
// Done or after ReceiptTimeout.
type receipt struct {
	c      *cases.Case
	item   *catalog.Item
	ticket string
	// printing is set while the printer works; printErr holds its fault.
	printing bool
	printErr error

	// shown is when the receipt was first drawn; done is the last
	// build's Done button, which waits doneDelay from then.
	shown time.Time
	done  *widget.Button
}

// doneDelay is how long Done waits after the receipt shows. Done stays
// where the main action of every screen is (bottom right, where 确认提交
// was): moved, it would leave 重新打印 or nothing there, and a citizen
// looks for it there. So it waits instead, counting down on its label,
// for the few seconds it takes to see the case number and that a receipt
// is printing; taps that keep coming from 确认提交 (an impatient finger,
// slower than the tap guard's half second) cannot take the number away.
// Nobody has to wait for it: the screen clears itself after
// ReceiptTimeout.
const doneDelay = 5 * time.Second

// qrSize is the QR code's side in theme units (elder: larger).
func (k *Kiosk) qrSize() float32 {
	if k.elder {
		return 320
	}
	return 300
}

func (s *receipt) build(k *Kiosk) fyne.CanvasObject {
	it := s.item
	number := widget.NewLabelWithStyle(s.c.Number, fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Monospace: true})
	number.SizeName = ui.SizeNameHuge

	due := k.deps.Calendar.AddWorkdays(s.c.SubmittedAt, it.PromisedDays)
	name := text(k.t(bilingual(it.NameZH, it.NameEN)))
	name.TextStyle.Bold = true
	info := ui.Column(
		text(k.t(tCaseNumber)), number, name,
		fact(k.t(tExpected), k.t(dateText(due)), 0.5),
		fact(k.t(tGoTo), k.place(k.location(it), it), 0.5),
		text(k.t(tShowNumber)),
	)
	// The code and what was printed (the ticket, how printing went) share
	// the other column: the case's facts fill the first one, in elder
	// mode to the last line.
	side := ui.Column()
	if img, err := ui.QRImage(k.qrPayload(s.c), k.qrSize()); err == nil {
		side.Add(container.NewCenter(img))
	} else {
		fyne.LogError("kiosk: drawing the QR code of "+s.c.Number, err)
	}
	if s.ticket != "" { // under the code, label and number centred alike
		label := text(k.t(tTicket))
		label.Alignment = fyne.TextAlignCenter
		t := widget.NewLabelWithStyle(s.ticket, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		t.SizeName = theme.SizeNameHeadingText
		side.Add(label)
		side.Add(t)
	}
	switch {
	case s.printing:
		side.Add(text(k.t(tPrinting)))
	case s.printErr != nil:
		l := text(k.tf(tPrintFailed, faultOnly(k.fault(s.printErr))))
		l.Importance = widget.DangerImportance
		side.Add(l)
	case k.paperless():
		side.Add(text(k.t(tNoPaper)))
	case k.deps.Printer != nil:
		side.Add(text(k.t(tPrinted)))
	}
	var again fyne.CanvasObject
	if k.deps.Printer != nil && !s.printing && !k.paperless() {
		again = k.button(k.t(tPrintAgain), func() { s.print(k) })
	}
	done := k.primary(k.t(tDone), k.Reset)
	done.Icon = theme.ConfirmIcon()
	if s.shown.IsZero() {
		s.shown = k.deps.Now()
	}
	s.done = done
	s.tick(k)
	var actions fyne.CanvasObject = done
	if again != nil {
		actions = container.NewGridWithColumns(2, again, done)
	}
	return k.frame(k.t(tReceiptTitle), k.beside(info, side, 0.35), actions)
}

// tick counts Done's wait down on its label and lets it act once
// doneDelay has passed.
func (s *receipt) tick(k *Kiosk) {
	if s.done == nil {
		return
	}
	left := doneDelay - k.deps.Now().Sub(s.shown)
	if left <= 0 {
		if s.done.Disabled() {
			s.done.SetText(k.t(tDone))
			s.done.Enable()
		}
		return
	}
	s.done.SetText(k.tf(tDoneIn, int((left+time.Second-1)/time.Second)))
	s.done.Disable()
}

// qrPayload is what the receipt's QR code holds.
func (k *Kiosk) qrPayload(c *cases.Case) string {
	if k.deps.ReceiptPayload == nil {
		return c.Number
	}
	p, err := k.deps.ReceiptPayload(c)
	if err != nil {
		fyne.LogError("kiosk: sealing the receipt of "+c.Number, err)
		return c.Number
	}
	return p
}

// print sends the receipt and ticket to the printer off the UI goroutine
// and shows how it went. The case is saved already; a fault only means
// printing again once it is cleared.
func (s *receipt) print(k *Kiosk) {
	p := k.deps.Printer
	if p == nil || s.printing {
		return
	}
	s.printing, s.printErr = true, nil
	if k.cur == s {
		k.rebuild()
	}
	k.spawn(func() {
		err := p.PrintReceipt(s.c, s.item)
		if err != nil {
			fyne.LogError("kiosk: printing the receipt of "+s.c.Number, err)
		}
		fyne.Do(func() {
			s.printing, s.printErr = false, err
			if k.cur == s {
				k.rebuild()
			}
		})
	})
}

// fault is a printer's error in the kiosk's language: errors that carry
// both languages say which is which (a Text method).
func (k *Kiosk) fault(err error) string {
	var t interface{ Text() cases.Text }
	if errors.As(err, &t) {
		return k.t(t.Text())
	}
	return err.Error()
}

// faultOnly is a printer fault's sentence cut to what went wrong ("打印机
// 缺纸", "the printer is out of paper"), without what to do about it: that
// is for the staff a citizen is sent to, not for the citizen.
// paperless reports whether the kiosk's printer puts out no paper.
func (k *Kiosk) paperless() bool {
	p, ok := k.deps.Printer.(Paperless)
	return ok && p.Paperless()
}

func faultOnly(sentence string) string {
	cut := len(sentence)
	for _, sep := range []string{"，", "；", "：", "（", ": ", ", ", " (", "。", ". "} {
		if i := strings.Index(sentence, sep); i > 0 && i < cut {
			cut = i
		}
	}
	what := []rune(sentence[:cut])
	if len(what) > 1 && unicode.IsUpper(what[0]) && unicode.IsLower(what[1]) {
		what[0] = unicode.ToLower(what[0])
	}
	return string(what)
}
