package platform

import (
	"slices"
	"strings"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// The kinds each role makes are the domain's table, cases.RoleKinds, which
// devices check too. A counter also pushes on other devices' events:

// relayKinds are the kinds of event a role pushes on for another device of
// its center. A counter that scans a sealed receipt of a case it does not
// hold imports the case's submitted event from the receipt and pushes it
// on (app/scan Opener.Open → app/store Import with FromReceipt, which
// queues it in the outbox); that event names the device that made the
// case. No other event reaches an outbox from elsewhere: events of the
// change feed are stored without queueing.
var relayKinds = map[string][]cases.Kind{
	protocol.RoleCounter: {cases.KindSubmitted},
}

// relays reports whether a device of the role pushes on events of the
// kind made by another device of its center.
func relays(role string, k cases.Kind) bool { return slices.Contains(relayKinds[role], k) }

// kindList names kinds for a sentence: "submitted, rated and printed".
func kindList(kinds []cases.Kind) string {
	switch len(kinds) {
	case 0:
		return "no events"
	case 1:
		return string(kinds[0])
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
