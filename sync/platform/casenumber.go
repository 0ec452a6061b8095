package platform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"tongban/app/cases"
)

// Case numbers. Counters find a case by its number (read over the phone,
// typed from a receipt), so the platform takes a submission only with a
// number in the form devices print (cases.FormatNumber), and Storage.Push
// keeps each number to one case per center. The number's short-code part
// is not held to the pushing device's: a device that moved to another
// platform pushes its old cases again with their old numbers
// (app/store/requeue.go), and a counter relays kiosks' submissions.

// checkNumber returns the case number of a submitted event and, when it
// is missing or not canonical, why; other events have neither. Its payload
// must already fit a cases.Submission.
func checkNumber(e *cases.Event) (number, why string) {
	if e.Kind != cases.KindSubmitted {
		return "", ""
	}
	n := submissionNumber(e.Payload)
	if n == "" {
		return "", "is of kind submitted but its payload has no case number; every submission carries its case's number, like 261127-K01-0042"
	}
	if canonicalNumber(n) {
		return n, ""
	}
	canonical, err := cases.NormalizeNumber(n)
	if err != nil {
		return n, fmt.Sprintf("is of kind submitted but its case number %s is not a case number; a case number looks like 261127-K01-0042 (date, device short code, sequence)", short(n))
	}
	return n, fmt.Sprintf("is of kind submitted but its case number %s is not written as devices print it; send it as %s", short(n), canonical)
}

// canonicalNumber reports whether cases.NormalizeNumber(n) returns n
// itself. The usual number is told by looking at its bytes: NormalizeNumber
// builds a replacer per call, which cost the platform a tenth of its CPU
// per pushed event. TestCanonicalNumber and FuzzCanonicalNumber hold the
// two to each other.
func canonicalNumber(n string) bool {
	if plainNumber(n) {
		return true
	}
	c, err := cases.NormalizeNumber(n)
	return err == nil && c == n
}

// plainNumber reports whether n is six digits, a dash, two to four upper
// case letters or digits, a dash and four to six digits: the form
// cases.FormatNumber writes, which NormalizeNumber leaves as it is.
func plainNumber(n string) bool {
	date, rest, ok := strings.Cut(n, "-")
	code, seq, ok2 := strings.Cut(rest, "-")
	return ok && ok2 && len(date) == 6 && digitsOnly(date) &&
		len(code) >= 2 && len(code) <= 4 && upperOrDigits(code) &&
		len(seq) >= 4 && len(seq) <= 6 && digitsOnly(seq)
}

func digitsOnly(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func upperOrDigits(s string) bool {
	for i := range len(s) {
		if c := s[i]; (c < '0' || c > '9') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// submissionNumber returns the number of a submitted event's payload, as
// json.Unmarshal into a cases.Submission reads it, or "". The payload
// must be valid JSON. The usual payload (field names exact, the number
// without escapes) is read in one pass without reflection; anything else
// goes to json.Unmarshal. FuzzSubmissionNumber holds the two to each other.
func submissionNumber(payload []byte) string {
	if n, ok := submissionNumberFast(payload); ok {
		return n
	}
	var s struct {
		Number string `json:"number"`
	}
	json.Unmarshal(payload, &s) // a payload that does not read has no number
	return s.Number
}

// submissionNumberFast reads the top-level "number" of a JSON object, the
// last one when it is there twice (as encoding/json does), and says !ok
// when encoding/json could read it otherwise: a key with escapes or in
// another letter case, a number that is not plain text.
func submissionNumberFast(payload []byte) (number string, ok bool) {
	p := pushParser{data: payload}
	if !p.token('{') {
		return "", false
	}
	if p.token('}') {
		return "", true
	}
	for {
		key, ok := p.plainString() // not ok: escapes (which may spell "number") or bad UTF-8
		if !ok || !p.token(':') {
			return "", false
		}
		switch {
		case string(key) == "number":
			n, ok := p.plainString()
			if !ok {
				return "", false
			}
			number = string(n)
		case len(key) == 6 && bytes.EqualFold(key, []byte("number")):
			// encoding/json matches names in any letter case; no
			// other character folds to a letter of "number".
			return "", false
		default:
			if !p.skipValue(0) {
				return "", false
			}
		}
		if p.token('}') {
			return number, true
		}
		if !p.token(',') {
			return "", false
		}
	}
}

// plainString reads a JSON string as string does, but returns its bytes
// (a slice of data), for a parser without text.
func (p *pushParser) plainString() ([]byte, bool) {
	if !p.token('"') {
		return nil, false
	}
	start := p.i
	for ; p.i < len(p.data); p.i++ {
		switch c := p.data[p.i]; {
		case c == '"':
			s := p.data[start:p.i]
			p.i++
			return s, utf8.Valid(s)
		case c == '\\' || c < 0x20:
			return nil, false
		}
	}
	return nil, false
}
