package platform

import (
	"strconv"
	"unicode/utf8"

	"tongban/app/cases"
)

// The canonical JSON of an event is what json.Marshal(cases.Event) makes:
// devices hash exactly those bytes (cases.Event.Digest), so the platform
// must store them byte for byte. json.Marshal gets there by reflection and
// by compacting the payload with its full JSON scanner, which made it a
// tenth of the platform's CPU per pushed event; appendCanonical writes the
// same bytes by hand. TestCanonicalMatchesMarshal and FuzzCanonical hold
// the two to each other.

const hexDigits = "0123456789abcdef"

// appendCanonical appends the canonical JSON of e to dst. e.Payload must
// be valid JSON (the request decoder has checked it); json.Marshal would
// fail on anything else.
func appendCanonical(dst []byte, e *cases.Event) []byte {
	dst = append(dst, `{"id":`...)
	dst = appendJSONString(dst, e.ID)
	dst = append(dst, `,"case_id":`...)
	dst = appendJSONString(dst, e.CaseID)
	dst = append(dst, `,"center":`...)
	dst = appendJSONString(dst, e.Center)
	dst = append(dst, `,"kind":`...)
	dst = appendJSONString(dst, string(e.Kind))
	dst = append(dst, `,"device":`...)
	dst = appendJSONString(dst, e.Device)
	if e.Staff != "" {
		dst = append(dst, `,"staff":`...)
		dst = appendJSONString(dst, e.Staff)
	}
	dst = append(dst, `,"stamp":{"wall":`...)
	dst = strconv.AppendInt(dst, e.Stamp.Wall, 10)
	dst = append(dst, `,"counter":`...)
	dst = strconv.AppendUint(dst, uint64(e.Stamp.Counter), 10)
	dst = append(dst, '}')
	if e.Parent != "" {
		dst = append(dst, `,"parent":`...)
		dst = appendJSONString(dst, e.Parent)
	}
	if len(e.Payload) > 0 {
		dst = append(dst, `,"payload":`...)
		dst = appendCompactJSON(dst, e.Payload)
	}
	return append(dst, '}')
}

// appendJSONString appends s as encoding/json writes a string with HTML
// escaping on (its default): <, > and & as \u003c…, control characters
// escaped, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendCompactJSON appends the valid JSON src as json.Marshal writes a
// json.RawMessage: without the whitespace between tokens and with <, >, &,
// U+2028 and U+2029 escaped. Unlike a string field, the bytes of a string
// inside it are otherwise kept as they are (invalid UTF-8 included), as
// encoding/json's compact does. A valid JSON text has those characters
// only inside strings, so only strings need a look at every byte.
func appendCompactJSON(dst, src []byte) []byte {
	start := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case ' ', '\t', '\n', '\r':
			dst = append(dst, src[start:i]...)
			start = i + 1
		case '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				switch c := src[i]; {
				case c == '\\':
					i++ // an escaped byte neither ends the string nor needs escaping
				case c == '<' || c == '>' || c == '&':
					dst = append(dst, src[start:i]...)
					dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
					start = i + 1
				case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
					dst = append(dst, src[start:i]...)
					dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF])
					i += 2
					start = i + 1
				}
			}
		}
	}
	return append(dst, src[start:]...)
}
