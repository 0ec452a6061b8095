package client

import (
	"bytes"
	"context"
	"errors"
	"net/http"

	"tongban/app/store"
	"tongban/sync/protocol"
)

// push sends the outbox from its head, in order, in batches until it is
// empty. Pushes go one at a time, so the platform stores events in the
// order they were made; the answers to one batch are acknowledged (one
// store transaction) while the next batch is on the wire. An entry leaves
// the outbox only in the transaction that records its answer; one without
// an answer is sent again next time.
func (s *Syncer) push(ctx context.Context, a *api, rep *Report) error {
	acks := newAcker(s.store)
	var after uint64 // the last entry sent
	var err error
	for {
		var entries []store.RawEntry
		if entries, err = s.store.OutboxAfter(after, s.opts.PushBatch); err != nil || len(entries) == 0 {
			break
		}
		outcomes, perr := s.pushEntries(ctx, a, entries, rep)
		if !acks.send(outcomes) || perr != nil {
			err = perr
			break
		}
		after = entries[len(entries)-1].Seq
	}
	if aerr := acks.wait(); aerr != nil {
		return aerr // this device's disk failed: that is what to tell
	}
	return err
}

// acker acknowledges batches of outcomes in order, in its own goroutine.
type acker struct {
	in   chan []store.Outcome
	done chan error
	// failed is closed when an acknowledgement failed.
	failed chan struct{}
}

func newAcker(st Store) *acker {
	a := &acker{in: make(chan []store.Outcome, 1), done: make(chan error, 1), failed: make(chan struct{})}
	go func() {
		var err error
		for outs := range a.in {
			if err == nil {
				if err = st.Acknowledge(outs); err != nil {
					close(a.failed)
				}
			}
		}
		a.done <- err
	}()
	return a
}

// send queues outcomes; it reports false once an acknowledgement failed,
// so the pushing stops.
func (a *acker) send(outs []store.Outcome) bool {
	if len(outs) > 0 {
		select {
		case a.in <- outs:
		case <-a.failed:
		}
	}
	select {
	case <-a.failed:
		return false
	default:
		return true
	}
}

// wait ends the acker after the queued acknowledgements.
func (a *acker) wait() error {
	close(a.in)
	return <-a.done
}

// pushEntries pushes one batch and returns an outcome for every entry the
// platform answered. A whole batch refused as bad (400) or too large (413)
// is split in halves, in order, until the one event the platform refuses
// is alone; that event is then parked with the platform's sentence, so one
// bad event never blocks the queue.
func (s *Syncer) pushEntries(ctx context.Context, a *api, entries []store.RawEntry, rep *Report) ([]store.Outcome, error) {
	var resp protocol.PushResponse
	_, err := a.call(ctx, http.MethodPost, protocol.PathEvents, nil, pushBody(entries), true, &resp)
	var pe *PlatformError
	if errors.As(err, &pe) && (pe.Status == http.StatusBadRequest || pe.Status == http.StatusRequestEntityTooLarge) {
		if len(entries) == 1 {
			rep.Rejected++
			return []store.Outcome{{Seq: entries[0].Seq, Rejected: true, Reason: pe.Error()}}, nil
		}
		half := len(entries) / 2
		first, err := s.pushEntries(ctx, a, entries[:half], rep)
		if err != nil {
			return first, err
		}
		second, err := s.pushEntries(ctx, a, entries[half:], rep)
		return append(first, second...), err
	}
	if err != nil {
		return nil, err
	}
	return matchResults(entries, resp.Results, rep)
}

// pushBody is the JSON of a protocol.PushRequest around the events as
// stored, without decoding and encoding them again.
func pushBody(entries []store.RawEntry) []byte {
	n := 16
	for _, e := range entries {
		n += len(e.Event) + 1
	}
	var b bytes.Buffer
	b.Grow(n)
	b.WriteString(`{"events":[`)
	for i, e := range entries {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(e.Event)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// matchResults pairs the platform's results with the entries by event ID
// (the protocol answers in request order, but IDs are what count). A
// result for an event that was not sent, or with an unknown status, is a
// protocol error; the entries it leaves unanswered stay in the outbox.
func matchResults(entries []store.RawEntry, results []protocol.PushResult, rep *Report) ([]store.Outcome, error) {
	seqs := make(map[string][]uint64, len(entries))
	for _, e := range entries {
		seqs[e.ID] = append(seqs[e.ID], e.Seq)
	}
	out := make([]store.Outcome, 0, len(results))
	for _, r := range results {
		q := seqs[r.ID]
		if len(q) == 0 {
			return out, protocolErrorf("a push result names event %q, which was not sent or was answered twice", r.ID)
		}
		o := store.Outcome{Seq: q[0]}
		switch r.Status {
		case protocol.Stored:
			rep.Pushed++
		case protocol.Duplicate:
			rep.Pushed++
			rep.Duplicates++
		case protocol.Rejected:
			rep.Rejected++
			o.Rejected, o.Reason = true, oneLine(r.Reason)
			if o.Reason == "" {
				o.Reason = "the platform refused this event without giving a reason"
			}
		default:
			return out, protocolErrorf("push result status %q for event %s", r.Status, r.ID)
		}
		seqs[r.ID] = q[1:]
		out = append(out, o)
	}
	if len(out) < len(entries) {
		return out, protocolErrorf("the platform answered %d of %d pushed events", len(out), len(entries))
	}
	return out, nil
}
