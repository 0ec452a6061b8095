package platform

import (
	"encoding/json"
	"strconv"
	"strings"
)

// A change-feed cursor is the sequence number of the last event a device
// read, tagged with the end of that event's ID: "42.9b3c7d1e". A platform
// restored from a backup hands the same numbers out again to other
// events, so a plain number would let a device whose cursor the new feed
// has grown past skip what was added in between, without a word. The tag
// shows it: the event now at the device's number is not the one it read,
// and the platform says so as it does for a cursor beyond the feed's end
// (protocol.CodeCursorAhead), so the device reads the feed again. A
// cursor without a tag (devices of an earlier version) is taken as it is.

// tagLen is how much of an event ID tags a cursor: the last hex digits of
// a UUIDv7, which are random, not its time.
const tagLen = 8

// EventID reads the ID of an event stored as JSON; "" when there is none.
func EventID(raw []byte) string {
	var head struct {
		ID string `json:"id"`
	}
	if len(raw) == 0 || json.Unmarshal(raw, &head) != nil {
		return ""
	}
	return head.ID
}

// parseCursor splits a cursor into its sequence number and tag; ok is
// false for one this platform could not have given out.
func parseCursor(c string) (after uint64, tag string, ok bool) {
	num, tag, _ := strings.Cut(c, ".")
	n, err := strconv.ParseUint(num, 10, 63) // storages keep int64
	if err != nil || len(tag) > tagLen || strings.Trim(tag, "0123456789abcdef") != "" {
		return 0, "", false
	}
	return n, tag, true
}

// cursorTag is the tag of a cursor at the event with the given ID.
func cursorTag(id string) string {
	if len(id) < tagLen {
		return ""
	}
	return id[len(id)-tagLen:]
}

// formatCursor writes the cursor of a page: its last event's number and
// tag, or the cursor asked with when the page is empty.
func formatCursor(p Page) string {
	if p.Next == 0 {
		return "0"
	}
	id := p.AfterID
	if len(p.Events) > 0 {
		id = EventID(p.Events[len(p.Events)-1])
	}
	if tag := cursorTag(id); tag != "" {
		return strconv.FormatUint(p.Next, 10) + "." + tag
	}
	return strconv.FormatUint(p.Next, 10)
}
