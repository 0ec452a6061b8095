package platform

import (
	"strconv"
	"unicode/utf8"

	"tongban/app/cases"
)

// decodePushFast decodes a push request as devices write it, in one pass
// over the body and without reflection: json.Decoder with
// DisallowUnknownFields was a fifth of the platform's CPU per pushed
// event. It takes only what it can decode exactly as decodeStrict would
// into a protocol.PushRequest — the field names spelled as the protocol
// spells them, each once; text fields without escapes in valid UTF-8;
// whole-number stamps in range; payloads that are JSON objects — and says
// !ok for anything else, valid or not, which decodePush then hands to the
// strict decoder to decode or to explain. FuzzDecodePushFast holds the two
// to each other.
//
// The events' text fields share one copy of the body and their payloads
// are slices of data, as sent (not compacted).
func decodePushFast(data []byte) (events []cases.Event, ok bool) {
	p := pushParser{data: data, text: string(data)}
	if !p.token('{') || !p.key("events") || !p.token('[') {
		return nil, false
	}
	events = make([]cases.Event, 0, min(len(data)/256+1, 1024))
	if !p.token(']') {
		for {
			events = append(events, cases.Event{})
			if !p.event(&events[len(events)-1]) {
				return nil, false
			}
			if p.token(']') {
				break
			}
			if !p.token(',') {
				return nil, false
			}
		}
	}
	if !p.token('}') {
		return nil, false
	}
	p.space()
	return events, p.i == len(data)
}

// pushParser reads JSON from data at i. text, the same bytes as a
// string, is needed only by string(): decodePushFast sets it so that the
// events' fields are substrings of one copy of the body.
type pushParser struct {
	data []byte
	text string
	i    int
}

// The fields of an event, as bits, to refuse a field given twice (which
// encoding/json would take, the last one winning; rare enough to leave to it).
const (
	fieldID = 1 << iota
	fieldCaseID
	fieldCenter
	fieldKind
	fieldDevice
	fieldStaff
	fieldStamp
	fieldParent
	fieldPayload
)

// event decodes one event object into e.
func (p *pushParser) event(e *cases.Event) bool {
	if !p.token('{') {
		return false
	}
	if p.token('}') {
		return true
	}
	seen := 0
	for {
		name, ok := p.string()
		if !ok || !p.token(':') {
			return false
		}
		var bit int
		switch name {
		case "id":
			bit = fieldID
			e.ID, ok = p.string()
		case "case_id":
			bit = fieldCaseID
			e.CaseID, ok = p.string()
		case "center":
			bit = fieldCenter
			e.Center, ok = p.string()
		case "kind":
			bit = fieldKind
			var k string
			k, ok = p.string()
			e.Kind = cases.Kind(k)
		case "device":
			bit = fieldDevice
			e.Device, ok = p.string()
		case "staff":
			bit = fieldStaff
			e.Staff, ok = p.string()
		case "stamp":
			bit = fieldStamp
			ok = p.stamp(&e.Stamp)
		case "parent":
			bit = fieldParent
			e.Parent, ok = p.string()
		case "payload":
			bit = fieldPayload
			p.space()
			start := p.i
			ok = p.peek('{') && p.skipValue(0)
			e.Payload = p.data[start:p.i:p.i]
		default:
			return false
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
		if p.token('}') {
			return true
		}
		if !p.token(',') {
			return false
		}
	}
}

// stamp decodes {"wall":…,"counter":…}, each at most once.
func (p *pushParser) stamp(s *cases.Stamp) bool {
	if !p.token('{') {
		return false
	}
	if p.token('}') {
		return true
	}
	var wall, counter bool
	for {
		name, ok := p.string()
		if !ok || !p.token(':') {
			return false
		}
		p.space()
		switch {
		case name == "wall" && !wall:
			wall = true
			n, err := strconv.ParseInt(string(p.integer()), 10, 64)
			if err != nil {
				return false
			}
			s.Wall = n
		case name == "counter" && !counter:
			counter = true
			n, err := strconv.ParseUint(string(p.integer()), 10, 32)
			if err != nil {
				return false
			}
			s.Counter = uint32(n)
		default:
			return false
		}
		if p.token('}') {
			return true
		}
		if !p.token(',') {
			return false
		}
	}
}

// integer reads a JSON number that is a whole number without fraction or
// exponent (-?(0|[1-9][0-9]*)) and returns its text, or nothing for
// anything else, which strconv then refuses.
func (p *pushParser) integer() []byte {
	start := p.i
	if p.peek('-') {
		p.i++
	}
	digits := p.i
	p.digits()
	if n := p.i - digits; n == 0 || n > 1 && p.data[digits] == '0' {
		return nil
	}
	return p.data[start:p.i]
}

// string reads a JSON string without escapes or control characters, in
// valid UTF-8 (what encoding/json would decode to the very same bytes),
// and returns it as a substring of the body.
func (p *pushParser) string() (string, bool) {
	if !p.token('"') {
		return "", false
	}
	start, ascii := p.i, true
	for ; p.i < len(p.data); p.i++ {
		switch c := p.data[p.i]; {
		case c == '"':
			s := p.text[start:p.i]
			p.i++
			return s, ascii || utf8.ValidString(s)
		case c == '\\' || c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", false
}

// skipValue steps over one JSON value, checking it against the JSON
// grammar exactly as encoding/json's scanner does (strings may hold any
// byte from 0x20 up, invalid UTF-8 included). It gives up beyond a
// nesting depth no payload has, leaving such bodies to encoding/json.
func (p *pushParser) skipValue(depth int) bool {
	const maxDepth = 100
	if depth > maxDepth {
		return false
	}
	p.space()
	if p.i >= len(p.data) {
		return false
	}
	switch c := p.data[p.i]; {
	case c == '{':
		p.i++
		if p.token('}') {
			return true
		}
		for {
			p.space()
			if !p.skipString() || !p.token(':') || !p.skipValue(depth+1) {
				return false
			}
			if p.token('}') {
				return true
			}
			if !p.token(',') {
				return false
			}
		}
	case c == '[':
		p.i++
		if p.token(']') {
			return true
		}
		for {
			if !p.skipValue(depth + 1) {
				return false
			}
			if p.token(']') {
				return true
			}
			if !p.token(',') {
				return false
			}
		}
	case c == '"':
		return p.skipString()
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return p.skipNumber()
	}
	return false
}

// skipString steps over a JSON string, checking its escapes.
func (p *pushParser) skipString() bool {
	if !p.peek('"') {
		return false
	}
	for p.i++; p.i < len(p.data); p.i++ {
		switch c := p.data[p.i]; {
		case c == '"':
			p.i++
			return true
		case c < 0x20:
			return false
		case c == '\\':
			p.i++
			if p.i >= len(p.data) {
				return false
			}
			switch p.data[p.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if p.i+4 >= len(p.data) {
					return false
				}
				for _, h := range p.data[p.i+1 : p.i+5] {
					if !isHex(h) {
						return false
					}
				}
				p.i += 4
			default:
				return false
			}
		}
	}
	return false
}

// skipNumber steps over a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *pushParser) skipNumber() bool {
	if p.peek('-') {
		p.i++
	}
	switch {
	case p.peek('0'):
		p.i++
	case p.i < len(p.data) && '1' <= p.data[p.i] && p.data[p.i] <= '9':
		p.digits()
	default:
		return false
	}
	if p.peek('.') {
		p.i++
		if !p.digits() {
			return false
		}
	}
	if p.peek('e') || p.peek('E') {
		p.i++
		if p.peek('+') || p.peek('-') {
			p.i++
		}
		if !p.digits() {
			return false
		}
	}
	return true
}

// digits steps over [0-9]* and says whether there was at least one.
func (p *pushParser) digits() bool {
	start := p.i
	for p.i < len(p.data) && '0' <= p.data[p.i] && p.data[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

func (p *pushParser) literal(word string) bool {
	if len(p.data)-p.i < len(word) || string(p.data[p.i:p.i+len(word)]) != word {
		return false
	}
	p.i += len(word)
	return true
}

// key reads `"name":`.
func (p *pushParser) key(name string) bool {
	s, ok := p.string()
	return ok && s == name && p.token(':')
}

// token skips white space and then c, if c is next.
func (p *pushParser) token(c byte) bool {
	p.space()
	if p.peek(c) {
		p.i++
		return true
	}
	return false
}

func (p *pushParser) peek(c byte) bool { return p.i < len(p.data) && p.data[p.i] == c }

// space skips JSON white space.
func (p *pushParser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
