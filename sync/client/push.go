package client

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"slices"

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
// platform answered. A push the platform refuses on one event it names
// (protocol.Error's event_id: an event malformed, or not this device's to
// send) parks that event with the platform's sentence and pushes the rest
// again at once. A whole batch refused as bad without a name (400, 422) or
// too large (413) is split in halves, in order, until the one event the
// platform refuses is alone; that event is then parked with the
// platform's sentence. Either way one bad event never blocks the queue.
func (s *Syncer) pushEntries(ctx context.Context, a *api, entries []store.RawEntry, rep *Report) ([]store.Outcome, error) {
	var parked []store.Outcome
	owned := false // entries is the caller's until an event is taken out
	for len(entries) > 0 {
		var resp protocol.PushResponse
		_, err := a.call(ctx, http.MethodPost, protocol.PathEvents, nil, pushBody(entries), true, &resp)
		var pe *PlatformError
		if !errors.As(err, &pe) {
			if err != nil {
				return parked, err
			}
			outs, err := matchResults(entries, resp.Results, rep)
			return append(parked, outs...), err
		}
		if i := namedEntry(entries, pe); i >= 0 {
			rep.Rejected++
			parked = append(parked, store.Outcome{Seq: entries[i].Seq, Rejected: true, Reason: pe.Error()})
			if !owned {
				entries, owned = slices.Clone(entries), true
			}
			entries = slices.Delete(entries, i, i+1)
			continue
		}
		if !splits(pe.Status) {
			return parked, err
		}
		if len(entries) == 1 {
			rep.Rejected++
			return append(parked, store.Outcome{Seq: entries[0].Seq, Rejected: true, Reason: pe.Error()}), nil
		}
		half := len(entries) / 2
		first, err := s.pushEntries(ctx, a, entries[:half], rep)
		parked = append(parked, first...)
		if err != nil {
			return parked, err
		}
		second, err := s.pushEntries(ctx, a, entries[half:], rep)
		return append(parked, second...), err
	}
	return parked, nil
}

// namedEntry is the index of the entry a refusal names, or -1. Only a
// refusal of what the push holds (400, 403, 422) parks an event: a 401
// means enroll again and a 429 come back later, and neither ever costs an
// event its place in the outbox.
func namedEntry(entries []store.RawEntry, pe *PlatformError) int {
	switch pe.Status {
	case http.StatusBadRequest, http.StatusForbidden, http.StatusUnprocessableEntity:
	default:
		return -1
	}
	if pe.EventID == "" {
		return -1
	}
	return slices.IndexFunc(entries, func(e store.RawEntry) bool { return e.ID == pe.EventID })
}

// splits reports whether a push refused with this status, naming no
// event, is split to find the event it fails on: the platform refuses
// the batch for what it holds, not for who sends it or when.
func splits(status int) bool {
	switch status {
	case http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
		return true
	}
	return false
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
