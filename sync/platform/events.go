package platform

import (
	"bytes"
	"net/http"
	"strconv"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// knownKinds are the event kinds this platform stores. An event of a kind
// it does not know came from a newer device and is refused with a reason,
// so the device parks it and nothing is half understood.
var knownKinds = func() map[cases.Kind]bool {
	m := make(map[cases.Kind]bool, len(cases.Kinds))
	for _, k := range cases.Kinds {
		m[k] = true
	}
	return m
}()

// conflictReason is the answer for an event whose ID is taken by another.
const conflictReason = "an event with this ID but different content is already stored; the stored event is kept and this one is refused"

// checkEvent returns why an event cannot be stored for a device, or "".
func checkEvent(e *cases.Event, dev protocol.Device) string {
	switch {
	case !validUUID(e.ID):
		return "the event ID " + strconv.Quote(e.ID) + " is not a lower-case UUID; the device must give every event a UUIDv7 ID"
	case e.CaseID == "":
		return "the event has no case_id; every event must name its case"
	case !knownKinds[e.Kind]:
		return "the event kind " + strconv.Quote(string(e.Kind)) + " is unknown to this platform; update the platform to accept it"
	case e.Center != dev.Center:
		return "the event belongs to center " + strconv.Quote(e.Center) + " but this device is enrolled in center " +
			dev.Center + "; a device can only send its own center's events"
	}
	return ""
}

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
	var req protocol.PushRequest
	if e := decodeStrict(data, &req); e != nil {
		return e
	}
	if len(req.Events) > protocol.MaxPush {
		return fail(http.StatusRequestEntityTooLarge, protocol.CodeTooMany,
			"the request carries %d events, more than %d; send at most %d events per request",
			len(req.Events), protocol.MaxPush, protocol.MaxPush)
	}
	results := make([]protocol.PushResult, len(req.Events))
	incoming := make([]Incoming, 0, len(req.Events))
	where := make([]int, 0, len(req.Events)) // index in results of each incoming
	for i := range req.Events {
		ev := &req.Events[i]
		results[i].ID = ev.ID
		if reason := checkEvent(ev, dev); reason != "" {
			results[i].Status, results[i].Reason = protocol.Rejected, reason
			continue
		}
		in, err := NewIncoming(ev.ID, ev)
		if err != nil {
			results[i].Status, results[i].Reason = protocol.Rejected, "the event's payload is not valid JSON; fix the device's event"
			continue
		}
		incoming = append(incoming, in)
		where = append(where, i)
	}
	now := s.cfg.Now()
	outcomes, err := s.store.Push(r.Context(), dev.Center, dev.ID, now, incoming)
	if err != nil {
		return s.storageError(r, err)
	}
	s.seen.wrote(dev.ID, now)
	for j, o := range outcomes {
		res := &results[where[j]]
		switch o {
		case Stored:
			res.Status = protocol.Stored
		case Duplicate:
			res.Status = protocol.Duplicate
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
	if c := q.Get("after"); c != "" {
		n, err := strconv.ParseUint(c, 10, 63) // storages keep int64
		if err != nil {
			return badRequest("the cursor %q is not one this platform gave out; send the next cursor of the last page, or none to start over", c)
		}
		after = n
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
	if err != nil {
		return s.storageError(r, err)
	}
	s.touch(r, dev)
	writeBody(w, r, http.StatusOK, "application/json", encodePage(page))
	return nil
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
	b.WriteString(strconv.FormatUint(p.Next, 10))
	b.WriteString(`","more":`)
	b.WriteString(strconv.FormatBool(p.More))
	b.WriteString("}\n")
	return b.Bytes()
}
