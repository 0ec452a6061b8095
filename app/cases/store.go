package cases

import "time"

// Store keeps cases. Every method that changes something is one atomic
// transaction: when it returns without error, the event, the case and the
// outbox entry are on disk together.
type Store interface {
	// Submit numbers and saves a new case.
	Submit(s Submission) (*Case, error)
	// Act checks an action against a case and saves its event.
	Act(caseID string, a Action) (*Case, error)
	// Import saves events made on other devices (a receipt, a sync page)
	// and returns the cases they touched.
	Import(events []Event, fromReceipt bool) ([]*Case, error)
	// Case returns a case with all its events, or ErrNotFound.
	Case(id string) (*Case, error)
	// ByNumber returns a case by its number, or ErrNotFound.
	ByNumber(number string) (*Case, error)
	// Find lists cases matching a query, newest first, without events.
	Find(q Query) ([]*Case, error)
}

// Query selects cases. Text is matched as a case number, a mobile number,
// the last four characters of an ID number or of a phone, or a name
// prefix, whichever it looks like. Empty parts match everything.
type Query struct {
	Text   string
	Status Status
	// Day limits to cases submitted on that date.
	Day   time.Time
	Limit int
}
