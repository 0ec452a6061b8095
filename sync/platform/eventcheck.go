package platform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// The checks of a push. An event that no honest, up-to-date device makes —
// malformed, or not the pushing device's to send — fails the whole request
// with a 4xx that names it (its index and ID, also in protocol.Error's
// EventID), and nothing of the request is stored: the device parks that
// one event and pushes the rest again. The per-event results of a push are
// left for what only the store can tell: stored, duplicate, an ID taken
// by other content, or a case number taken by another case.

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

// payloadTypes make the payload of each kind (app/cases), to check that an
// event's payload decodes as its kind's, as cases.Event.Decode does.
var payloadTypes = map[cases.Kind]func() any{
	cases.KindSubmitted:           func() any { return new(cases.Submission) },
	cases.KindAccepted:            func() any { return new(cases.Acceptance) },
	cases.KindSupplementRequested: func() any { return new(cases.SupplementRequest) },
	cases.KindSupplementReceived:  func() any { return new(cases.SupplementReceipt) },
	cases.KindRefused:             func() any { return new(cases.Refusal) },
	cases.KindSuspended:           func() any { return new(cases.Reasoned) },
	cases.KindResumed:             func() any { return new(cases.Reasoned) },
	cases.KindCompleted:           func() any { return new(cases.Completion) },
	cases.KindWithdrawn:           func() any { return new(cases.Reasoned) },
	cases.KindResolved:            func() any { return new(cases.Resolution) },
	cases.KindRated:               func() any { return new(cases.Rating) },
	cases.KindPrinted:             func() any { return new(cases.Printing) },
	cases.KindRevealed:            func() any { return new(cases.Reveal) },
	cases.KindCalled:              func() any { return new(cases.Call) },
}

// decodePush reads the events of a push request: strictly (no unknown
// field, anywhere), at most MaxPush of them. A request as devices write it
// is decoded by decodePushFast; any other by encoding/json in one pass,
// and only when that fails is it decoded again event by event, so the
// answer names the event at fault.
func decodePush(data []byte) ([]cases.Event, *apiError) {
	var req protocol.PushRequest
	if events, ok := decodePushFast(data); ok {
		req.Events = events
	} else if decodeStrict(data, &req) != nil {
		return nil, pushProblem(data)
	}
	if req.Events == nil {
		return nil, badRequest(`the request body has no list of events; send {"events":[…]} with up to %d events`, protocol.MaxPush)
	}
	if len(req.Events) > protocol.MaxPush {
		return nil, fail(http.StatusRequestEntityTooLarge, protocol.CodeTooMany,
			"the request carries %d events, more than %d; send at most %d events per request",
			len(req.Events), protocol.MaxPush, protocol.MaxPush)
	}
	return req.Events, nil
}

// rawPush is a push request with its events still undecoded.
type rawPush struct {
	Events []json.RawMessage `json:"events"`
}

// pushProblem says what is wrong with a push request that does not
// decode: the body as a whole, or the first event that does not, named by
// its index and, when it has one, its ID.
func pushProblem(data []byte) *apiError {
	var req rawPush
	if e := decodeStrict(data, &req); e != nil {
		return e
	}
	for i, raw := range req.Events {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		var ev cases.Event
		if err := dec.Decode(&ev); err != nil {
			var named struct {
				ID string `json:"id"`
			}
			json.Unmarshal(raw, &named) // best effort: an ID that is not text stays ""
			e := badRequest("%s", jsonProblem(err, eventName(i, named.ID)))
			e.body.EventID = named.ID
			return e
		}
	}
	if e := decodeStrict(data, new(protocol.PushRequest)); e != nil {
		return e
	}
	return badRequest("the request body could not be decoded; send it as described in %s", protocol.PathOpenAPI)
}

// checkEvents checks every event of a push from dev before anything is
// stored, and returns the answer for the first that fails, or else the
// events' case numbers (checkNumber).
func (s *Server) checkEvents(r *http.Request, dev protocol.Device, events []cases.Event) ([]string, *apiError) {
	numbers := make([]string, len(events))
	var center map[string]protocol.Device // read when first needed
	devices := func() (map[string]protocol.Device, error) {
		if center != nil {
			return center, nil
		}
		list, err := s.store.Devices(r.Context(), dev.Center)
		if err != nil {
			return nil, err
		}
		center = make(map[string]protocol.Device, len(list))
		for _, d := range list {
			center[d.ID] = d
		}
		return center, nil
	}
	latest := s.cfg.Now().Add(maxAhead).UnixMilli()
	for i := range events {
		e := &events[i]
		if e.Stamp.Wall > latest {
			return nil, eventError(http.StatusUnprocessableEntity, protocol.CodeBadEvent, i, e, fmt.Sprintf(
				"is stamped %s, more than an hour ahead of the platform's clock; the device's clock is wrong: set it right (automatic time), and the device makes its next events with the right time",
				time.UnixMilli(min(e.Stamp.Wall, maxStampShown)).UTC().Format("2006-01-02 15:04 UTC")))
		}
		if why := checkShape(e); why != "" {
			return nil, eventError(http.StatusUnprocessableEntity, protocol.CodeBadEvent, i, e, why)
		}
		if why := checkPayload(e); why != "" {
			return nil, eventError(http.StatusUnprocessableEntity, protocol.CodeBadEvent, i, e, why)
		}
		var why string
		if numbers[i], why = checkNumber(e); why != "" {
			return nil, eventError(http.StatusUnprocessableEntity, protocol.CodeBadEvent, i, e, why)
		}
		if e.Center != dev.Center {
			return nil, eventError(http.StatusForbidden, protocol.CodeForbiddenEvent, i, e, fmt.Sprintf(
				"belongs to center %s but this device is enrolled in center %s; a device sends only its own center's events",
				strconv.Quote(e.Center), dev.Center))
		}
		maker := dev
		switch {
		case e.Device == dev.ID:
			if !cases.RoleMakes(dev.Role, e.Kind) {
				return nil, eventError(http.StatusForbidden, protocol.CodeForbiddenEvent, i, e, fmt.Sprintf(
					"is of kind %s, which a %s does not make (it makes %s); a device sends only the kinds of event its role makes",
					e.Kind, dev.Role, kindList(cases.RoleKinds[dev.Role])))
			}
		case relays(dev.Role, e.Kind):
			all, err := devices()
			if err != nil {
				return nil, s.storageError(r, err)
			}
			var ok bool
			maker, ok = all[e.Device]
			if !ok || !cases.RoleMakes(maker.Role, e.Kind) {
				return nil, eventError(http.StatusForbidden, protocol.CodeForbiddenEvent, i, e, fmt.Sprintf(
					"names device %s, which is not a device of center %s that makes %s events; a %s passes on only submissions its center's devices made",
					strconv.Quote(e.Device), dev.Center, e.Kind, dev.Role))
			}
		default:
			return nil, eventError(http.StatusForbidden, protocol.CodeForbiddenEvent, i, e, fmt.Sprintf(
				"names device %s, not this device %s; a device sends only its own events (a counter also passes on submissions from scanned receipts)",
				strconv.Quote(e.Device), dev.ID))
		}
		if numbers[i] == "" {
			continue
		}
		why, err := checkNumberOwner(numbers[i], maker, devices)
		if err != nil {
			return nil, s.storageError(r, err)
		}
		if why != "" {
			return nil, eventError(http.StatusUnprocessableEntity, protocol.CodeBadEvent, i, e, why)
		}
	}
	return numbers, nil
}

// maxAhead is how far ahead of the platform's clock an event's stamp may
// be: devices keep time by NTP, and every device of the center moves its
// own clock past the stamps it pulls (a hybrid logical clock), so one
// device with a wrong clock (a time zone taken for UTC: eight hours)
// would carry the whole center's times with it.
const maxAhead = time.Hour

// maxStampShown keeps a refusal's date within what Format writes (year
// 9999).
var maxStampShown = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC).UnixMilli()

// checkShape says what an event lacks or has malformed, or "".
func checkShape(e *cases.Event) string {
	switch {
	case e.ID == "":
		return "has no id; the device must give every event a UUIDv7 ID"
	case !validUUID(e.ID):
		return "has an ID that is not a lower-case UUID; the device must give every event a UUIDv7 ID"
	case e.CaseID == "":
		return "has no case_id; every event must name its case"
	case !validUUID(e.CaseID):
		return "has the case_id " + short(e.CaseID) + ", not a lower-case UUID; every event must name its case by the case's ID"
	case e.Center == "":
		return "has no center; every event must name its center"
	case !knownKinds[e.Kind]:
		return "has the kind " + short(string(e.Kind)) + ", which this platform does not know; update the platform to accept it"
	case e.Kind == cases.KindSubmitted && e.ID != e.CaseID:
		return "is of kind submitted but its ID is not its case_id; a case's ID is the ID of its submitted event"
	case e.Device == "":
		return "has no device; every event must name the device that made it"
	case e.Stamp.Wall <= 0:
		return "has no stamp (its wall time is not above zero); every event must carry its device's clock reading"
	}
	return ""
}

// checkPayload says why an event's payload is not its kind's (a field
// of the wrong type, a name the kind does not have), or "".
func checkPayload(e *cases.Event) string {
	newPayload, ok := payloadTypes[e.Kind]
	if !ok {
		return ""
	}
	p := bytes.TrimSpace(e.Payload)
	if len(p) == 0 || string(p) == "null" {
		return fmt.Sprintf("is of kind %s but has no payload; every %s event carries its payload object", e.Kind, e.Kind)
	}
	if len(p) > protocol.MaxPayload {
		return fmt.Sprintf("has a payload of %d bytes, more than the %d an event may carry", len(p), protocol.MaxPayload)
	}
	if e.Kind == cases.KindRated {
		var r cases.Rating
		if json.Unmarshal(p, &r) == nil && !r.Level.Valid() {
			return fmt.Sprintf("rates the case %d, which is none of the five levels (1 very dissatisfied to 5 very satisfied)", r.Level)
		}
	}
	if s := payloadShapes[e.Kind]; s != nil && fitsShape(p, s) {
		return "" // json.Unmarshal would succeed: no need to run it
	}
	// Unknown names are refused here as everywhere in a push: a field the
	// platform does not know would go on to every device of the center
	// unread (the devices' own reading of a pulled event stays lenient).
	dec := json.NewDecoder(bytes.NewReader(p))
	dec.DisallowUnknownFields()
	if err := dec.Decode(newPayload()); err != nil {
		return fmt.Sprintf("is of kind %s and its payload does not fit: %s", e.Kind, jsonProblem(err, "the payload"))
	}
	return ""
}

// eventError is the answer to a push that fails on one event: the
// sentence names the event by its index in the request and its ID.
func eventError(status int, code string, i int, e *cases.Event, why string) *apiError {
	a := fail(status, code, "%s %s", eventName(i, e.ID), why)
	a.body.EventID = e.ID
	return a
}

// eventName names the event at index i of a push, by its ID when it has one.
func eventName(i int, id string) string {
	if id == "" {
		return fmt.Sprintf("the event at index %d", i)
	}
	return fmt.Sprintf("the event at index %d (ID %s)", i, short(id))
}

// short quotes a value from a request for a sentence, cut to a length a
// sentence can bear.
func short(s string) string {
	const most = 60
	if r := []rune(s); len(r) > most {
		s = string(r[:most]) + "…"
	}
	return strconv.Quote(s)
}
