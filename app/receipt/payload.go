package receipt

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"tongban/app/cases"
)

// payloadVersion is the first byte of an encoded case.
const payloadVersion = 1

// Flags say which optional or fallback forms follow.
const (
	flagCenterText   = 1 << iota // center is not six digits
	flagDeviceText               // device ID is not a canonical UUID
	flagStaff                    // a staff ID follows
	flagParent                   // a parent event ID follows
	flagFieldsNull               // fields was null, not {}
	flagChannelText              // channel is not one of the known ones
	flagItemInCenter             // item code is the center, a dash, then what is written

	knownFlags = flagItemInCenter<<1 - 1
)

// channels are the known channels, written as their index.
var channels = []cases.Channel{cases.ChannelKiosk, cases.ChannelCounter, cases.ChannelScript}

// EncodeCase packs a case's submitted event into the receipt's compact
// binary form:
//
//	version, flags, event ID (16), device (16 or text), center (3 or text),
//	stamp wall (varint) and counter (uvarint), [staff], [parent (16)],
//	number, item code (without "center-" when it starts so), catalog
//	version (varint), channel (byte or text), field count, key/value pairs
//	by key (see appendKey), material count, materials (varints).
//
// Texts take their shortest form (see appendText). DecodeCase rebuilds an
// event whose JSON, and so whose Digest, is identical: the platform sees
// the counter's copy as a duplicate, not a conflict. An event that cannot
// be rebuilt exactly is refused rather than carried changed.
func EncodeCase(e cases.Event) ([]byte, error) {
	if e.Kind != cases.KindSubmitted {
		return nil, fmt.Errorf("%w; this is a %s event", ErrNotSubmitted, e.Kind)
	}
	id, ok := canonicalUUID(e.ID)
	if !ok || e.CaseID != e.ID {
		return nil, fmt.Errorf("%w: event ID %q is not a UUID equal to the case ID %q", ErrNotCarried, e.ID, e.CaseID)
	}
	var s cases.Submission
	if err := json.Unmarshal(e.Payload, &s); err != nil {
		return nil, fmt.Errorf("%w: its payload is not a submission: %v", ErrNotCarried, err)
	}

	var flags byte
	device, deviceIsUUID := canonicalUUID(e.Device)
	center, centerErr := strconv.Atoi(e.Center)
	centerPacked := centerErr == nil && len(e.Center) == 6 && allDigits(e.Center)
	parent, parentIsUUID := canonicalUUID(e.Parent)
	channel := slices.Index(channels, s.Channel)
	switch {
	case e.Parent != "" && !parentIsUUID:
		return nil, fmt.Errorf("%w: parent %q is not a UUID", ErrNotCarried, e.Parent)
	case e.Parent != "":
		flags |= flagParent
	}
	if !deviceIsUUID {
		flags |= flagDeviceText
	}
	if !centerPacked {
		flags |= flagCenterText
	}
	if e.Staff != "" {
		flags |= flagStaff
	}
	if s.Fields == nil {
		flags |= flagFieldsNull
	}
	if channel < 0 {
		flags |= flagChannelText
	}
	itemCode := s.ItemCode
	if rest, ok := strings.CutPrefix(s.ItemCode, e.Center+"-"); ok && e.Center != "" {
		flags |= flagItemInCenter
		itemCode = rest
	}

	b := make([]byte, 0, 320)
	b = append(b, payloadVersion, flags)
	b = append(b, id[:]...)
	if deviceIsUUID {
		b = append(b, device[:]...)
	} else {
		b = appendText(b, e.Device)
	}
	if centerPacked {
		b = append(b, byte(center>>16), byte(center>>8), byte(center))
	} else {
		b = appendText(b, e.Center)
	}
	b = binary.AppendVarint(b, e.Stamp.Wall)
	b = binary.AppendUvarint(b, uint64(e.Stamp.Counter))
	if e.Staff != "" {
		b = appendText(b, e.Staff)
	}
	if e.Parent != "" {
		b = append(b, parent[:]...)
	}
	b = appendText(b, s.Number)
	b = appendText(b, itemCode)
	b = binary.AppendVarint(b, int64(s.CatalogVersion))
	if channel >= 0 {
		b = append(b, byte(channel))
	} else {
		b = appendText(b, string(s.Channel))
	}
	b = binary.AppendUvarint(b, uint64(len(s.Fields)))
	for _, k := range slices.Sorted(maps.Keys(s.Fields)) {
		b = appendKey(b, k)
		b = appendText(b, s.Fields[k])
	}
	b = binary.AppendUvarint(b, uint64(len(s.Materials)))
	for _, m := range s.Materials {
		b = binary.AppendVarint(b, int64(m))
	}

	// The proof that matters: the rebuilt event hashes the same. Anything
	// the format does not carry (an unknown payload key, a key in other case,
	// a non-canonical UUID) shows up here instead of as a conflict later.
	back, err := DecodeCase(b)
	if err != nil || back.Digest() != e.Digest() {
		return nil, fmt.Errorf("%w: the payload holds something the receipt format does not carry", ErrNotCarried)
	}
	return b, nil
}

// DecodeCase rebuilds the submitted event EncodeCase packed. It returns
// ErrBadPayload for bytes it did not write, and ErrNewerVersion for a
// format version it does not know.
func DecodeCase(b []byte) (cases.Event, error) {
	r := &reader{b: b}
	if v := r.byte(); r.err == nil && v != payloadVersion {
		return cases.Event{}, ErrNewerVersion
	}
	flags := r.byte()
	if flags&^knownFlags != 0 {
		r.fail("unknown flags")
	}
	var e cases.Event
	e.Kind = cases.KindSubmitted
	e.ID = r.uuid()
	e.CaseID = e.ID
	if flags&flagDeviceText != 0 {
		e.Device = r.text()
	} else {
		e.Device = r.uuid()
	}
	if flags&flagCenterText != 0 {
		e.Center = r.text()
	} else {
		c := r.bytes(3)
		if r.err == nil {
			n := int(c[0])<<16 | int(c[1])<<8 | int(c[2])
			if n > 999999 {
				r.fail("center out of range")
			}
			e.Center = fmt.Sprintf("%06d", n)
		}
	}
	e.Stamp.Wall = r.varint()
	counter := r.uvarint()
	if counter > 1<<32-1 {
		r.fail("stamp counter out of range")
	}
	e.Stamp.Counter = uint32(counter)
	if flags&flagStaff != 0 {
		e.Staff = r.text()
	}
	if flags&flagParent != 0 {
		e.Parent = r.uuid()
	}

	var s cases.Submission
	s.Number = r.text()
	s.ItemCode = r.text()
	if flags&flagItemInCenter != 0 {
		s.ItemCode = e.Center + "-" + s.ItemCode
	}
	s.CatalogVersion = int(r.varint())
	if flags&flagChannelText != 0 {
		s.Channel = cases.Channel(r.text())
	} else if c := int(r.byte()); r.err == nil {
		if c >= len(channels) {
			r.fail("unknown channel")
		} else {
			s.Channel = channels[c]
		}
	}
	n := r.count()
	if flags&flagFieldsNull == 0 {
		s.Fields = make(map[string]string, n)
	}
	for range n {
		k, v := r.key(), r.text()
		if s.Fields != nil {
			s.Fields[k] = v
		}
	}
	n = r.count()
	for range n {
		s.Materials = append(s.Materials, int(r.varint()))
	}
	if r.err == nil && len(r.b) > 0 {
		r.fail("bytes left over")
	}
	if r.err != nil {
		return cases.Event{}, r.err
	}
	payload, err := json.Marshal(s)
	if err != nil {
		return cases.Event{}, fmt.Errorf("%w: %v", ErrBadPayload, err)
	}
	e.Payload = payload
	return e, nil
}

// canonicalUUID parses s and reports whether it is written in the one form
// uuid.UUID.String gives back, so the rebuilt string is the same string.
func canonicalUUID(s string) (uuid.UUID, bool) {
	u, err := uuid.Parse(s)
	return u, err == nil && u.String() == s
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// reader walks an encoded case; the first failure sticks, so decoding
// reads straight through and checks once.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w (%s)", ErrBadPayload, what)
	}
}

func (r *reader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.fail("truncated")
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) byte() byte {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) uuid() string {
	b := r.bytes(16)
	if b == nil {
		return ""
	}
	return uuid.UUID(b).String()
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("bad varint")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("bad varint")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a number of entries; each entry takes at least one byte, so
// a count beyond the bytes left is garbage, not a reason to allocate.
func (r *reader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail("count beyond the data")
		return 0
	}
	return int(n)
}
