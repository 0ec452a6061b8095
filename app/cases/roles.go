package cases

import "slices"

// The roles a device runs. They are the platform's enrollment roles too.
const (
	RoleKiosk   = "kiosk"
	RoleCounter = "counter"
)

// RoleKinds are the kinds of event each device role makes, read off the
// code that writes them. The platform refuses a kind a device's role does
// not make (a kiosk stands in the public lobby, and its token must not be
// able to accept or complete a case), and a device refuses to make one,
// so nothing is saved that the platform would set aside.
//
//	kiosk    submitted  the application (app/kiosk confirm.go; tongban cases add)
//	         rated      the citizen's rating (app/kiosk rating.go)
//	         printed    receipt and queue ticket (app/cli run.go kioskPrinter, app/store IssueTicket)
//	counter  accepted, supplement_requested, supplement_received, refused,
//	         suspended, resumed, completed, withdrawn
//	                    the clerk's actions (app/counter actions.go, panel.go; tongban cases ACTION)
//	         resolved   a conflict resolved (app/counter conflict.go; tongban cases resolve)
//	         revealed   a clerk looked at the unmasked ID number (app/counter actions.go)
//	         called     a queue ticket called (app/counter queue.go)
//	         printed    notices and receipts (app/counter print.go)
//	         rated      a rating at the counter's evaluator (tongban cases rate, channel counter)
//	         submitted  scripted intake on a counter PC (tongban cases add)
var RoleKinds = map[string][]Kind{
	RoleKiosk: {KindSubmitted, KindRated, KindPrinted},
	RoleCounter: {KindAccepted, KindSupplementRequested, KindSupplementReceived,
		KindRefused, KindSuspended, KindResumed, KindCompleted, KindWithdrawn,
		KindResolved, KindRevealed, KindCalled, KindPrinted, KindRated,
		KindSubmitted},
}

// RoleMakes reports whether a device of the role makes events of the kind.
func RoleMakes(role string, k Kind) bool { return slices.Contains(RoleKinds[role], k) }
