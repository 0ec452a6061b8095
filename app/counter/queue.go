package counter

import (
	"tongban/app/cases"
	"tongban/app/queue"
)

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
