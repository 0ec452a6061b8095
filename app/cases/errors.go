package cases

import "errors"

// Sentinel errors of the domain. Each message is one plain sentence that a
// clerk or a support engineer can act on; callers wrap them with detail.
var (
	// ErrNotAllowed is returned when an action does not fit the case's status.
	ErrNotAllowed = errors.New("this action is not allowed in the case's current status")
	// ErrAlreadyRated is returned for a second rating of one case.
	ErrAlreadyRated = errors.New("this case has already been rated; each case takes one rating")
	// ErrNoSubmission is returned when a case's events hold no submitted event.
	ErrNoSubmission = errors.New("the case has no submitted event; its events are incomplete")
	// ErrBadNumber is returned for a string that is not a case number.
	ErrBadNumber = errors.New("this is not a case number; a case number looks like 261127-K01-0042")
	// ErrBadPayload is returned when an event's payload does not decode.
	ErrBadPayload = errors.New("the event's payload is malformed")
)

// ErrNotFound is returned for a case that is not in this device's store.
var ErrNotFound = errors.New("no such case on this device; check the number, or sync and try again")
