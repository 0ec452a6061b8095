package cases

import (
	"time"

	"tongban/app/catalog"
)

// Case is the state of one application, folded from its events.
type Case struct {
	ID             string            `json:"id"`
	Number         string            `json:"number"`
	ItemCode       string            `json:"item_code"`
	Center         string            `json:"center"`
	CatalogVersion int               `json:"catalog_version"`
	Status         Status            `json:"status"`
	Channel        Channel           `json:"channel"`
	Device         string            `json:"device"` // the device that took the application
	Fields         map[string]string `json:"fields"`
	// Materials the applicant declared, Received those checked in at the
	// counter, Missing those named in the last supplement notice while the
	// case waits for them, Owed those accepted without (容缺受理) and not
	// received since (indexes into the item's materials).
	Materials []int `json:"materials"`
	Received  []int `json:"received,omitempty"`
	Missing   []int `json:"missing,omitempty"`
	Owed      []int `json:"owed,omitempty"`
	// Reasons of a refusal; Reason of the last suspension or withdrawal.
	Reasons []string `json:"reasons,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	// Approved holds the decision once Status is completed.
	Approved    bool      `json:"approved,omitempty"`
	SubmittedAt time.Time `json:"submitted_at"`
	// AcceptedAt starts the promised-time clock: the acceptance, or the day
	// the missing materials came when the notice preceded acceptance.
	AcceptedAt  time.Time `json:"accepted_at,omitzero"`
	CompletedAt time.Time `json:"completed_at,omitzero"`
	UpdatedAt   time.Time `json:"updated_at"`
	Suspensions []Span    `json:"suspensions,omitempty"`
	Rating      *Rating   `json:"rating,omitempty"`
	Printed     int       `json:"printed,omitempty"`
	// Ticket is the queue ticket issued for the case; CalledAt and Window
	// say when and where a counter called it.
	Ticket   string    `json:"ticket,omitempty"`
	IssuedAt time.Time `json:"issued_at,omitzero"`
	CalledAt time.Time `json:"called_at,omitzero"`
	Window   string    `json:"window,omitempty"`
	// Head is the last status event in force: the Parent of the next event.
	Head string `json:"head"`
	// Branches holds, while Status is conflict, each competing line of
	// events from the point where devices diverged.
	Branches [][]Event `json:"branches,omitempty"`
	// Discarded are events of branches a clerk did not choose; Invalid are
	// merged events the status machine could not place. Both are kept.
	Discarded []Event   `json:"discarded,omitempty"`
	Invalid   []Invalid `json:"invalid,omitempty"`
	// Sync is set by the store: how far the platform has the case.
	Sync SyncState `json:"sync"`
	// Timeline is the events in force, in order; Events is every event.
	Timeline []Event `json:"-"`
	Events   []Event `json:"events"`
}

// SyncState says how far the online platform has a case.
type SyncState struct {
	// Pending counts this case's events still waiting in the outbox, and
	// Confirmed says the platform has the case; the store works both out
	// on request (SyncOf), lookups leave them unset.
	Pending   int  `json:"pending"`
	Confirmed bool `json:"confirmed"`
	// FromReceipt marks a case opened from its sealed receipt at a counter
	// before the platform confirmed it.
	FromReceipt bool `json:"from_receipt"`
}

// Span is a stretch of time during which the case's clock stopped.
type Span struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to,omitzero"` // zero while still suspended
}

// Invalid is a merged event the fold set aside, with the reason.
type Invalid struct {
	Event  Event  `json:"event"`
	Reason string `json:"reason"`
}

// Name is the applicant's name.
func (c *Case) Name() string { return c.Fields[catalog.FieldName] }

// Phone is the applicant's mobile number.
func (c *Case) Phone() string { return c.Fields[catalog.FieldPhone] }

// IDNumber is the applicant's citizen ID number.
func (c *Case) IDNumber() string { return c.Fields[catalog.FieldIDNumber] }

// Due returns the promised completion date: the acceptance date plus the
// item's promised working days, pushed back by every working day spent
// suspended (up to now for an open suspension). ok is false before
// acceptance.
func (c *Case) Due(cal *Calendar, promisedDays int, now time.Time) (due time.Time, ok bool) {
	if c.AcceptedAt.IsZero() {
		return time.Time{}, false
	}
	paused := 0
	for _, s := range c.Suspensions {
		to := s.To
		if to.IsZero() {
			to = now
		}
		paused += cal.WorkdaysBetween(s.From, to)
	}
	return cal.AddWorkdays(c.AcceptedAt, promisedDays+paused), true
}

// Overdue reports whether an open, accepted case is past its promised date.
func (c *Case) Overdue(cal *Calendar, promisedDays int, now time.Time) bool {
	if !c.Status.Open() || c.Status == StatusSuspended {
		return false
	}
	due, ok := c.Due(cal, promisedDays, now)
	return ok && dateOf(now).After(due)
}
