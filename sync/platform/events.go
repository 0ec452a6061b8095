package platform

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"tongban/sync/protocol"
)

// conflictReason is the answer for an event whose ID is taken by another.
const conflictReason = "an event with this ID but different content is already stored; the stored event is kept and this one is refused"

// numberTakenReason is the answer for a submission whose case number
// another case of the center holds.
func numberTakenReason(number, holder string) string {
	return fmt.Sprintf("the case number %s is already held by case %s of this center, so this case is refused; "+
		"a number is given to one case per center: check which device numbered both cases, often two copies of one device's data in use (a backup restored into a second folder)", number, holder)
}

// push answers POST /v1/events: the events are checked (eventcheck.go)
// and, when every one passed, stored at once; the answer has one result
// per event.
func (s *Server) push(w http.ResponseWriter, r *http.Request) *apiError {
	dev, e := s.device(r)
	if e != nil {
		return e
	}
	if ok, wait := s.limit.allow(dev.ID, s.cfg.Now()); !ok {
		e := fail(http.StatusTooManyRequests, protocol.CodeRateLimited,
			"this device is sending faster than the platform allows; wait %d s and send again", wait)
		e.retryAfter = wait
		return e
	}
	data, e := readBody(w, r, protocol.MaxBody)
	if e != nil {
		return e
	}
	events, e := decodePush(data)
	if e != nil {
		return e
	}
	numbers, e := s.checkEvents(r, dev, events)
	if e != nil {
		return e
	}
	results := make([]protocol.PushResult, len(events))
	for i := range events {
		results[i].ID = events[i].ID
	}
	incoming := incomingEvents(events, numbers, len(data))
	now := s.cfg.Now()
	outcomes, err := s.store.Push(r.Context(), dev.Center, dev.ID, now, incoming)
	if err != nil {
		return s.storageError(r, err)
	}
	s.seen.wrote(dev.ID, now)
	for i, o := range outcomes {
		res := &results[i]
		switch o.Outcome {
		case Stored:
			res.Status = protocol.Stored
		case Duplicate:
			res.Status = protocol.Duplicate
		case NumberTaken:
			res.Status, res.Reason = protocol.Rejected, numberTakenReason(incoming[i].Number, o.Holder)
		default:
			res.Status, res.Reason = protocol.Rejected, conflictReason
		}
	}
	s.metrics.pushed(results)
	writeJSON(w, r, http.StatusOK, protocol.PushResponse{Results: results})
	return nil
}

// defaultPull is the page size when the request names none.
const defaultPull = 1000

func (s *Server) pull(w http.ResponseWriter, r *http.Request) *apiError {
	dev, e := s.device(r)
	if e != nil {
		return e
	}
	q := r.URL.Query()
	var after uint64
	var tag string
	if c := q.Get("after"); c != "" {
		var ok bool
		if after, tag, ok = parseCursor(c); !ok {
			return badRequest("the cursor %q is not one this platform gave out; send the next cursor of the last page, or none to start over", c)
		}
	}
	limit := defaultPull
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 {
			return badRequest("the limit %q is not a positive whole number; ask for 1 to %d events", l, protocol.MaxPull)
		}
		limit = min(n, protocol.MaxPull)
	}
	page, err := s.store.Pull(r.Context(), dev.Center, after, limit)
	var ahead *CursorError
	switch {
	case errors.As(err, &ahead):
		return fail(http.StatusConflict, protocol.CodeCursorAhead,
			"the cursor %d is beyond the end of this center's feed on the platform (%d): the platform's feed is behind the device's cursor (restored from a backup?), so read the feed again from the start, without a cursor",
			ahead.After, ahead.End)
	case err != nil:
		return s.storageError(r, err)
	case tag != "" && cursorTag(page.AfterID) != tag:
		return fail(http.StatusConflict, protocol.CodeCursorAhead,
			"the event at the cursor %d is not the one the device read there: this center's feed on the platform was restored from a backup and has grown since, so read the feed again from the start, without a cursor",
			after)
	}
	s.touch(r, dev)
	writeBody(w, r, http.StatusOK, "application/json", encodePage(capPage(page, protocol.MaxPullBytes)))
	return nil
}

// capPage cuts a page after the events that fit in max bytes, at least
// one: the rest waits for the next page, which the cursor of the last
// event kept starts.
func capPage(p Page, max int) Page {
	size := 0
	for i, e := range p.Events {
		size += len(e) + 1
		if size > max && i > 0 && len(p.Seqs) == len(p.Events) {
			p.Events, p.Seqs = p.Events[:i], p.Seqs[:i]
			p.Next, p.More = p.Seqs[i-1], true
			break
		}
	}
	return p
}

// encodePage writes a PullResponse around the stored JSON of the events,
// so a page of thousands of events is copied, not decoded and encoded.
func encodePage(p Page) []byte {
	size := 64
	for _, e := range p.Events {
		size += len(e) + 1
	}
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(`{"events":[`)
	for i, e := range p.Events {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(e)
	}
	b.WriteString(`],"next":"`)
	b.WriteString(formatCursor(p))
	b.WriteString(`","more":`)
	b.WriteString(strconv.FormatBool(p.More))
	b.WriteString("}\n")
	return b.Bytes()
}
