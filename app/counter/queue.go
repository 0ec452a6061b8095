package counter

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"tongban/app/cases"
	"tongban/app/queue"
)

// askCallNext is F8. With a case on screen still submitted — nobody has
// accepted it, asked for materials or refused it — a slip of the key
// would call the next ticket over the citizen at the counter, and with an
// action's panel holding what the clerk typed it would drop that, so it
// asks first, in a panel over the open one: Enter calls next, Esc goes
// back to the case and the panel as they were. Otherwise the next ticket
// is called at once.
func (b *bench) askCallNext() {
	c := b.cur
	if b.panel != nil && b.panel.kind == cases.KindCalled {
		b.c.win.Canvas().Focus(b.panel.focus) // asked already: the answer is Enter or Esc
		return
	}
	typed := b.panel != nil && b.panel.typed()
	if c == nil || (c.Status != cases.StatusSubmitted && !typed) {
		b.callNext()
		return
	}
	p := &panel{kind: cases.KindCalled, under: b.panel}
	p.confirm = func() {
		b.panel = nil
		b.callNext() // shows the next case, or the case and why none came
		if b.panel == nil && b.cur != nil && b.cur.ID == c.ID {
			b.render()
		}
	}
	why := withText(tCallAsk, cases.Text{ZH: c.Number, EN: c.Number}, cases.Text{ZH: c.Name(), EN: c.Name()},
		keyText("Enter"), keyText(keyLabel(keyBack)))
	if c.Status != cases.StatusSubmitted {
		why = withText(tCallAskTyped, keyText("Enter"), keyText(keyLabel(keyBack)))
	}
	ask := widget.NewLabel(why)
	ask.Wrapping = fyne.TextWrapWord
	ask.Importance = widget.WarningImportance
	p.view = b.panelView(p, tCallAskHead, []fyne.CanvasObject{ask}, "Enter")
	b.panel = p
	b.render()
}

// callNext calls the oldest waiting ticket of the clerk's queue letters
// (all letters when the clerk has none), records the call on its case with
// the clerk's first window, and opens the case. It reads every ticket of
// the day still waiting (Store.Uncalled): the day's cases cut at a limit,
// newest first, left the oldest tickets of a busy day uncalled.
func (b *bench) callNext() {
	defer b.refocus()
	st, now := b.c.deps.Store, b.c.deps.Now()
	today, err := st.Uncalled(now)
	if err != nil {
		b.fail(sentence(err, nil))
		return
	}
	letterOf := func(code string) string {
		if it, ok := b.c.deps.Catalog.Item(code); ok {
			return it.Queue
		}
		return ""
	}
	k := b.c.clerk
	waiting := queue.Waiting(today, k.Queues, letterOf)
	if len(waiting) == 0 {
		b.info(both(tNoneWaiting))
		return
	}
	next := waiting[0]
	window := ""
	if len(k.Windows) > 0 {
		window = k.Windows[0]
	}
	c, err := st.Act(next.ID, cases.Action{Kind: cases.KindCalled, Staff: k.ID,
		Payload: cases.Call{Ticket: next.Ticket, Window: window}})
	if err != nil {
		b.fail(sentence(err, next))
		return
	}
	b.c.nudge()
	b.called.SetText(next.Ticket)
	b.called.Show()
	b.setCase(c)
	if window == "" {
		b.ok(bothf(tCalledNoWin, next.Ticket))
	} else {
		b.ok(bothf(tCalled, next.Ticket, window))
	}
}
