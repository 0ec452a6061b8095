package cli

import (
	"errors"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/store"
)

// A window whose store turns out damaged (a bad disk, a power cut on a
// disk that lies about its writes) stops taking work instead of writing on
// over a broken page or ending in a panic nobody sees on a kiosk: a notice
// takes the role's place, for the citizen and for IT staff. Nothing is
// deleted; tongban status, stop and restore work beside it as ever. Its
// words are in text.go.

// show puts the role's screen in the window; it is closed with the window,
// or when the window goes out of service.
func (w *window) show(ui interface {
	Show(fyne.Window)
	Close()
}) {
	ui.Show(w.win)
	w.win.SetOnClosed(ui.Close)
	w.ui = ui
}

// outOfService stops the background work on the store and puts the notice
// in a window of its own in place of the role's: a new window takes none
// of the role's keys and shortcuts, which would reach into the store. The
// role's window is hidden, not closed, as closing the first window would
// end the app; closing the notice does.
func (w *window) outOfService(err error) {
	w.outOnce.Do(func() { w.goOutOfService(err) })
}

func (w *window) goOutOfService(err error) {
	w.stopWork()
	fyne.LogError("the data file is damaged: the window is out of service", err)
	fyne.Do(func() {
		notice := w.app.NewWindow(w.win.Title())
		notice.SetContent(outOfServiceNotice(w.role, err))
		if w.fullScreen {
			notice.SetFullScreen(true)
		} else {
			notice.Resize(w.win.Canvas().Size())
		}
		notice.SetOnClosed(w.app.Quit)
		notice.Show()
		role := w.win
		w.win = notice
		role.Hide()
		if w.ui != nil {
			w.ui.Close()
		}
	})
}

// outOfServiceNotice is the notice's content: what the citizen (or, at a
// counter, the clerk) should do, then what IT staff should, and the damage
// in the store's words.
func outOfServiceNotice(role string, err error) fyne.CanvasObject {
	head := widget.NewLabel(tOutOfService.Both())
	head.TextStyle.Bold = true
	head.SizeName = theme.SizeNameHeadingText
	head.Alignment = fyne.TextAlignCenter
	say := tOutOfServiceAsk
	if role == "counter" {
		say = tOutOfServiceDesk
	}
	ask := widget.NewLabel(say.ZH + "\n" + say.EN)
	ask.Alignment = fyne.TextAlignCenter
	ask.Wrapping = fyne.TextWrapWord
	it := widget.NewLabel(tOutOfServiceIT.ZH + "\n" + tOutOfServiceIT.EN)
	it.Wrapping = fyne.TextWrapWord
	it.TextStyle.Bold = true
	what := widget.NewLabel(tOutOfServiceWhat.ZH + " " + tOutOfServiceWhat.EN + err.Error())
	what.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(head, widget.NewSeparator(), ask, widget.NewSeparator(), it, what))
}

// guarded runs background work on the store: a panic in it that the
// consistency check then explains (bbolt's over a damaged page, a fault
// reading the map) takes the window out of service instead of ending it;
// any other panic goes on, as the bug it is.
func (w *window) guarded(f func()) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			w.outOfService(damageOf(w.dev.store, r))
		}
	}()
	f()
}

// damageOf explains a panic recovered over st by its consistency check:
// the damage the check found, or, when it finds none, the panic goes on as
// the bug it is.
func damageOf(st *store.Store, r any) *store.DamagedError {
	var damaged *store.DamagedError
	if err := st.Check(); errors.As(err, &damaged) {
		return damaged
	}
	panic(r)
}

// damagedAtOpen shows the out-of-service notice in a window of its own
// when the store is too damaged to open (a page read at opening): without
// it a kiosk started at login showed citizens a bare desktop. Nothing
// holds the store, so status and restore run on it directly; the folder
// is marked and tongban stop (and SIGTERM) close the notice.
func (c *call) damagedAtOpen(title string, windowed bool, size fyne.Size, cause error) error {
	if c.env.NewApp == nil || noDisplay(c.env.Getenv) {
		return cause
	}
	dir, err := c.dataDir()
	if err != nil {
		return cause
	}
	if m, shown := readWindowMark(dir); shown { // nothing locks a store that does not open: the mark does
		return lockedError(m, true)
	}
	w, err := c.newWindow(title, &device{dir: dir}, !windowed, size)
	if err != nil {
		return cause // the damage is what IT must see first
	}
	w.win.SetContent(outOfServiceNotice(w.role, cause))
	fyne.LogError("the data file is damaged: the window is out of service", cause)
	w.serve(relayHost{dev: w.dev, env: c.env, stop: w.stop})
	return w.run(c) // the device holds no store to close
}
