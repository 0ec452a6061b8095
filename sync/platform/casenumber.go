package platform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// Case numbers. Counters find a case by its number (read over the phone,
// typed from a receipt), so the platform takes a submission only with a
// number in the form devices print (cases.FormatNumber), and Storage.Push
// keeps each number to one case per center.
//
// A number is its maker's to give: its short code must be the one the
// platform gave the device that made the event (Event.Device, which for a
// submission a counter relays from a kiosk's receipt is the kiosk), else
// one device takes the numbers another will issue, and that device's own
// case is later refused as "number taken". The one exception is a short
// code the device had before it enrolled here, which it declared at
// enrollment (protocol.EnrollRequest.FormerCodes, kept on the device
// record): its demo identity's (X7KQ, a demo kept with --keep-cases) or
// an earlier platform's (a device that moved here pushes its old cases
// again, app/store/requeue.go). Such a number is taken for a case dated on
// or before the day the device enrolled here; after that day the device
// numbers with the code it got here. A moved number that clashes with one
// this platform gave is still caught by Storage.Push (one case per number
// and center). Both checks read the device record the push already has,
// so the usual push costs no storage lookup.

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
		if _, seq := numberParts(n); !printedSeq(seq) {
			return n, fmt.Sprintf("is of kind submitted but its case number %s has the sequence %s, which devices never print (they print 0001 to 9999, then 10000 and up); send the number as the device printed it", short(n), seq)
		}
		return n, ""
	}
	canonical, err := cases.NormalizeNumber(n)
	if err != nil {
		return n, fmt.Sprintf("is of kind submitted but its case number %s is not a case number; a case number looks like 261127-K01-0042 (date, device short code, sequence)", short(n))
	}
	return n, fmt.Sprintf("is of kind submitted but its case number %s is not written as devices print it; send it as %s", short(n), canonical)
}

// numberParts splits a canonical case number into its date and short
// code ("260302-K01") and its sequence.
func numberParts(n string) (dateCode, seq string) {
	i := strings.LastIndexByte(n, '-')
	return n[:i], n[i+1:]
}

// printedSeq reports whether a sequence is written as cases.FormatNumber
// writes one from 1 up (%04d): four digits, not 0000, or five or six
// without a leading zero.
func printedSeq(seq string) bool {
	if len(seq) == 4 {
		return seq != "0000"
	}
	return seq[0] != '0'
}

// checkNumberOwner says why a canonical case number is not maker's to give
// (see the top of this file), or "". center gives the center's devices;
// it is asked only for a number of a former code, which another device of
// the center must not number with now: a device could declare any code
// its former one, and take the numbers its holder will give.
func checkNumberOwner(number string, maker protocol.Device, center func() (map[string]protocol.Device, error)) (string, error) {
	dateCode, _ := numberParts(number)
	date, code, _ := strings.Cut(dateCode, "-")
	if code == maker.ShortCode {
		return "", nil
	}
	enrolled := maker.Enrolled.In(cases.Zone)
	if slices.Contains(maker.FormerCodes, code) {
		all, err := center()
		if err != nil {
			return "", err
		}
		for _, d := range all {
			if d.ID != maker.ID && d.ShortCode == code {
				return fmt.Sprintf("is a submission of device %s (short code %s) and its case number %s carries %s, which it declared its former short code, but device %s of this center numbers its cases with %s; "+
					"its numbers would clash with that device's, so send these cases to the platform the device came from, or take them in again there",
					maker.ID, maker.ShortCode, short(number), code, d.ID, code), nil
			}
		}
		if date <= enrolled.Format("060102") {
			return "", nil // numbered before the device came here
		}
		return fmt.Sprintf("is a submission of device %s (short code %s) but its case number %s carries %s, a short code the device had before it enrolled here on %s, and is dated after that day; "+
			"a device numbers the cases it makes here with its own short code, so check the clock of the device and that its data folder is its own",
			maker.ID, maker.ShortCode, short(number), code, enrolled.Format(time.DateOnly)), nil
	}
	return fmt.Sprintf("is a submission of device %s (short code %s) but its case number %s carries %s, another device's short code; "+
		"a device numbers its cases with its own short code (or one it declared at enrollment as its former one), so check that this device's data folder is its own, not a copy of another device's",
		maker.ID, maker.ShortCode, short(number), code), nil
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
